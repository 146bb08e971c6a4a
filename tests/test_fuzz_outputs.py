"""A small generated suite of hostile names, texts and configurations through every output format.

Fixed seeds, a few hundred cases, well under 30 s. Each generated run (documents with hostile
file names and text, findings with hostile messages and labels, an unreadable file with a hostile
error) goes through every renderer, and each output must be valid for its medium: JSON, SARIF and
GitLab parse as JSON; JUnit parses as XML; every CSV parses with the header's number of columns
and no text cell a spreadsheet would evaluate; the workbook opens with no formula cell; the
terminal and Markdown hold no raw control character, and Markdown no heading but its own; GitHub
gets one workflow command per finding. Outputs are written atomically through failures. Hostile
configuration tables are either read or refused with one ``ConfigError`` line, nothing else.
"""
from __future__ import annotations

import csv
import io
import json
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import pipeline
from checks.config import ConfigError, parse
from checks.finding import Finding, Location, Severity
from checks.registry import all_rules
from checks.rule import LANGUAGES
from reports import csv_report, formats, review, writing
from reports.result import CheckResult
from reports.safe import formula_like
from reports.terminal import render_statistics
from reports.view import View
from sources.document import Document
from sources.reader import document_from_text

HOSTILE = ["[/]", "[red]", "[bold]x[/bold]", "[link=file:///etc/passwd]点此[/link]", "\\[", "\\",
           "\x1b[31m", "\x1b]0;title\x07", "\x1b[2J", "\x07", "\x00", "\x08", "\x7f", "\x9b", "\r", "\n",
           "\n# 标题", "\n---\n", "\n===", "=cmd|'/c calc'!A1", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
           "<script>alert(1)</script>", "]]>", "&amp;", "|", "`", "*", "_", "~", "\u202e", "\u2066", "\ufeff",
           "\x85", "\u2028", '"', "'", ",", ";", "😀", "居民满意度[/]达90%", "[red]x[bold]", "%0A", "::error::"]
CHINESE = ["全市常住人口为10万人", "比上年增长3.5%", "完成投资2.3亿元", "共有12个社区", "满意度达90%",
           "2024年5月1日", "第3名", "减少-5%", "合计1,234个", "约两万人"]
SEEDS = range(120)
SEVERITIES = list(Severity)
RULES = list(all_rules().items())[:12]
_RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_OUR_HEADINGS = re.compile(r"^(# (核查报告|run-checks report|核查报告 / run-checks report)"
                           r"|## ((错误|警告|提示)（\d+条）|(Errors|Warnings|Infos) \(\d+\)"
                           r"|(错误|警告|提示)（\d+条） / (Errors|Warnings|Infos) \(\d+\)))$")


def hostile(rng: random.Random, pieces: int = 4) -> str:
    return "".join(rng.choice(HOSTILE + CHINESE) for _ in range(rng.randint(1, pieces)))


def generated(seed: int) -> CheckResult:
    """Two or three documents with hostile names and text, findings over them, an unreadable file."""
    rng = random.Random(seed)
    documents = []
    for index in range(rng.randint(2, 3)):
        text = "。".join(hostile(rng, 3) + rng.choice(CHINESE) for _ in range(rng.randint(1, 6))) + "。"
        if rng.random() < 0.05:
            text += "人口" + "9" * 5000 + "人。"
        name = hostile(rng, 3).replace("/", "／") + f"{index}.txt"
        documents.append(document_from_text(text, doc_id=f"{hostile(rng, 2)}{index}", path=name))
    documents.append(Document(f"bad{seed}", hostile(rng) + ".bin", "error", hostile(rng)))
    claim_set = pipeline.extract(documents)
    findings = []
    readable = [doc for doc in documents if doc.ok and doc.original]
    for _ in range(rng.randint(0, 8)):
        doc = rng.choice(readable)
        start = rng.randrange(len(doc.original))
        end = min(len(doc.original), start + rng.randint(0, 12))
        code, rule = rng.choice(RULES)
        related = tuple(Location(other.id, s := rng.randrange(len(other.original)),
                                 min(len(other.original), s + rng.randint(0, 8)), hostile(rng, 2))
                        for other in rng.sample(readable, k=rng.randint(0, len(readable))))
        findings.append(Finding(code, rule.name, rng.choice(SEVERITIES), hostile(rng, 5), doc.id, start, end,
                                related=related, evidence={"value": hostile(rng, 2), "n": rng.randint(-10, 10)}))
    return CheckResult(claim_set, findings, all_rules())


def _csv_rows(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    assert rows and all(len(row) == len(rows[0]) for row in rows)
    return rows


def _no_formula(rows: list[list[str]], untouched: tuple[str, ...]) -> None:
    header = rows[0]
    for row in rows[1:]:
        for name, cell in zip(header, row, strict=True):
            assert name in untouched or not formula_like(cell), (name, cell)


def check_medium(fmt: str, command: str, output: str | bytes, result: CheckResult) -> None:
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(output)
    elif fmt == "junit":
        ET.fromstring(output)
    elif fmt == "csv" and command == "claims":
        _no_formula(_csv_rows(output), csv_report.NUMERIC + csv_report.VOCABULARY)
    elif fmt == "csv":
        _no_formula(_csv_rows(output), ("line", "column", "start", "end"))
    elif fmt == "review-csv":
        rows = _csv_rows(output)
        assert rows[0] == list(review.COLUMNS)
        _no_formula(rows, ("序号",))
    elif fmt == "xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(output)).active
        assert sheet.max_row == len(result.findings) + 1
        assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)
    elif fmt in ("table", "markdown"):
        assert not _RAW_CONTROL.search(output), repr(_RAW_CONTROL.search(output))
        if fmt == "markdown":
            assert all(_OUR_HEADINGS.match(line) for line in output.splitlines() if line.startswith("#"))
    elif fmt == "html":
        assert "alert(1)</script>" not in output and "<script>alert" not in output
    elif fmt == "github":
        lines = output.split("\n")[:-1] if output else []  # the runner reads lines ending in "\n"
        assert len(lines) == len(result.findings) and all(line.startswith("::") for line in lines)


TEXT_FORMATS = [(entry.command, entry.name) for entry in formats.FORMATS if entry.name not in ("docx", "xlsx")]


@pytest.mark.parametrize("seed", SEEDS)
def test_hostile_runs_through_every_format(seed):
    result = generated(seed)
    view = View(width=random.Random(seed).choice((40, 80, 140)), language=LANGUAGES[seed % len(LANGUAGES)])
    for command, fmt in TEXT_FORMATS + ([("check", "xlsx")] if seed % 10 == 0 else []):
        run = CheckResult(result.claim_set) if command == "claims" else result
        output = formats.renderer(command, fmt)(run, view)
        check_medium(fmt, command, output, run)
    render_statistics(result, view)


@pytest.mark.parametrize("seed", range(0, 120, 10))
def test_a_5000_digit_figure_through_every_format(seed):
    text = "全市人口为" + "9" * 5000 + "人，增长" + "1" * 4400 + ".5%。"
    doc = document_from_text(text, doc_id="big", path="big.txt")
    claim_set = pipeline.extract([doc])
    claim = claim_set.claims[0]
    finding = Finding("CS01", "cross-source-conflict", Severity.ERROR, "x", "big", claim.start, claim.end,
                      claims=(claim.id,))
    for command, fmt in TEXT_FORMATS + [("check", "xlsx")]:
        run = CheckResult(claim_set) if command == "claims" else CheckResult(claim_set, [finding], all_rules())
        output = formats.renderer(command, fmt)(run, View())
        check_medium(fmt, command, output, run)
        if fmt == "json":
            assert json.loads(output)["claims"][0]["value"] == "1E+5000"
    if seed:  # the other seeds add hostile runs with the figure to the table
        generated(seed)


@pytest.mark.parametrize("seed", range(6))
def test_hostile_word_documents_get_reviewed_copies(tmp_path, seed):
    from reports import docx_report
    from tests.office_files import word_file

    rng = random.Random(seed)
    path = tmp_path / (hostile(rng, 2).replace("/", "／").replace("\x00", "0") + ".docx")
    paragraphs = [re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", hostile(rng) + rng.choice(CHINESE))
                  for _ in range(3)]
    path.write_bytes(word_file(paragraphs))
    (doc,) = pipeline.read([str(path)])
    claim_set = pipeline.extract([doc])
    finding = Finding("CS01", "cross-source-conflict", Severity.ERROR, hostile(rng, 5), doc.id, 0,
                      min(4, len(doc.original)))
    copy = docx_report.render(CheckResult(claim_set, [finding], all_rules()), View())
    target = tmp_path / "out" / "copy.docx"
    target.parent.mkdir()
    writing.write(target, copy)
    assert target.read_bytes()[:2] == b"PK"


@pytest.mark.parametrize("seed", range(40))
def test_outputs_are_atomic_through_failures(tmp_path, monkeypatch, seed):
    rng = random.Random(seed)
    result = generated(seed)
    command, fmt = rng.choice(TEXT_FORMATS)
    output = formats.renderer(command, fmt)(CheckResult(result.claim_set) if command == "claims" else result, View())
    target = tmp_path / (hostile(rng, 2).replace("/", "／").replace("\x00", "0") + "." + fmt)
    target.write_text("previous good report\n", encoding="utf-8")
    if rng.random() < 0.5:
        monkeypatch.setattr(writing.os, "replace", lambda *args: (_ for _ in ()).throw(OSError(5, "I/O error")))
        with pytest.raises(OSError):
            writing.write(target, output)
        assert target.read_text(encoding="utf-8") == "previous good report\n"
    else:
        writing.write(target, output)
        assert target.read_bytes() == (output.encode("utf-8") if isinstance(output, str) else output)
    assert [path.name for path in tmp_path.iterdir()] == [target.name]


def _hostile_value(rng: random.Random, depth: int = 0) -> object:
    choice = rng.randrange(9 if depth < 3 else 6)
    return [lambda: hostile(rng, 2), lambda: rng.randint(-5, 200), lambda: rng.random() * 100,
            lambda: rng.choice((True, False)), lambda: rng.choice(("CS01", "cross_source", "XX99", "error", "zh")),
            lambda: float(rng.choice(("nan", "inf", "-inf"))),
            lambda: [_hostile_value(rng, depth + 1) for _ in range(rng.randint(0, 3))],
            lambda: {rng.choice(("CS01", "min_score", "kinds", hostile(rng, 1))): _hostile_value(rng, depth + 1)},
            lambda: {"CS01": {"min_score": _hostile_value(rng, depth + 1)}}][choice]()


KEYS = ("select", "ignore", "severity", "options", "language", "fail-on", "exclude", "per-file-ignores",
        "sources", "expectations", "colour")


@pytest.mark.parametrize("seed", range(150))
def test_hostile_configuration_tables_are_read_or_refused_in_one_line(tmp_path, monkeypatch, seed):
    rng = random.Random(seed)
    monkeypatch.chdir(tmp_path)
    table = {key: _hostile_value(rng) for key in rng.sample(KEYS, k=rng.randint(1, 3))}
    try:
        parse(table, "run-checks.toml", Path(tmp_path))
    except ConfigError as error:
        message = str(error)
        assert message.startswith("run-checks.toml") and "\n" not in message
