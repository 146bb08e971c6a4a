"""The terminal summary (``reports.terminal``): hanging indents at narrow widths, HTML quoted as
text, at most ``view.related`` related places and a count, documents by name, Chinese words."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import pipeline
from checks.config import Config
from checks.finding import Finding, Location, Severity
from claims.frame import ClaimSet
from reports.result import CheckResult
from reports.terminal import render_findings, render_statistics
from reports.view import View
from sources.reader import document_from_text

ROOT = Path(__file__).resolve().parent.parent
SEVERITY_WORDS = ("error", "warning", "info", "错误", "警告", "提示")


@pytest.fixture(scope="module")
def examples() -> list:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return pipeline.extract(pipeline.read(["examples"]))
    finally:
        os.chdir(cwd)


@pytest.fixture(scope="module")
def in_chinese(examples) -> CheckResult:
    return pipeline.check(examples, Config(language="zh"))


def _findings_part(text: str) -> list[str]:
    """The lines after the documents table, before the totals."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("└")) + 1
    return lines[start:-1]


@pytest.mark.parametrize("width", [60, 80])
def test_wrapped_lines_keep_their_indent(in_chinese, width):
    text = render_findings(in_chinese, View(width=width, language="zh"))
    lines = _findings_part(text)
    assert max(len(line) for line in text.splitlines()) <= width  # CJK counts double: wrapped, not cut
    heads = [line for line in lines if line.startswith(SEVERITY_WORDS)]
    assert len(heads) == len(in_chinese.findings)
    assert all(line.startswith("    ") for line in lines if line not in heads)
    after_related = [lines[i + 1] for i, line in enumerate(lines[:-1]) if line.startswith("    ↳ ")]
    assert all(line.startswith(("    ↳ ", "      ", *SEVERITY_WORDS)) for line in after_related)
    assert any(line.startswith("      ") for line in after_related), "a related place wraps, under its text"
    assert not any(line != line.rstrip() for line in lines)


def test_html_is_quoted_as_text_and_documents_by_name(in_chinese):
    text = render_findings(in_chinese, View(width=200, language="zh"))
    [quoted] = [line for line in text.splitlines() if "划分为「15个」" in line]
    assert quoted.strip() == "…3个社区（村）统筹划分为「15个」“一刻钟便民生活圈”，惠…"
    assert "&ldquo;" not in text and "&rdquo;" not in text
    assert "    ↳ 乌海市人民政府办公室 2024-12-16 examples/wuhai_work_report.txt:13  " in text
    assert "examples/region_news_release.html:59:64  自治区民委 2024-12-20" in text


def test_chinese_words_only_under_zh(in_chinese):
    """No English word of the summary's own (its headers, labels and counts, in
    ``reports/data/terminal.toml``) nor of the related places' labels appears under zh."""
    text = render_findings(in_chinese, View(width=200, language="zh"))
    assert text.splitlines()[0].rstrip() == "文档"
    english = _english_words() | {"stated", "here", "exactly", "part", "gloss", "and", "more"}
    for name in {finding.name for finding in in_chinese.findings}:  # rule names are codes, like rule ids
        text = text.replace(name, "")
    found = set(re.findall(r"[A-Za-z]+", text)) & english
    assert found == set(), found
    assert text.splitlines()[-1] == "6个文档中共有14条问题：错误9条、警告5条、提示0条"


def _english_words() -> set[str]:
    import tomllib

    words = tomllib.loads((ROOT / "reports" / "data" / "terminal.toml").read_text(encoding="utf-8"))["en"]
    texts = [t for value in words.values() for t in (value if isinstance(value, list) else [value])]
    return {w for text in texts for w in re.findall(r"[A-Za-z]+", re.sub(r"\{[^}]*\}", "", text))}


def _one_finding(related: int, language: str) -> str:
    doc = document_from_text("全市建成17个生活圈。\n" * 8, "a", "a.txt")
    places = tuple(Location("a", 4 + 12 * i, 7 + 12 * i, "stated as 17个 here", "此处为17个") for i in range(related))
    finding = Finding("CS01", "cross-source-conflict", Severity.ERROR, "不一致", "a", 4, 7, related=places)
    result = CheckResult(ClaimSet([doc], []), [finding])
    return render_findings(result, View(width=120, language=language, quiet=True))


@pytest.mark.parametrize("language, more, label", [("zh", "    ↳ ……另有4处", "此处为17个"),
                                                    ("en", "    ↳ … and 4 more related places", "stated as 17个 here"),
                                                    ("both", "    ↳ … and 4 more related places",
                                                     "此处为17个 / stated as 17个 here")])
def test_at_most_three_related_places_then_a_count(language, more, label):
    lines = _one_finding(7, language).splitlines()
    related = [line for line in lines if line.startswith("    ↳ ")]
    assert len(related) == 4 and related[-1] == more
    assert all(line.endswith(label) for line in related[:3])
    assert "另有" not in _one_finding(3, "zh")


def test_statistics_say_the_severity_in_chinese(in_chinese):
    lines = render_statistics(in_chinese, View(language="zh")).splitlines()
    assert {line.split()[-1] for line in lines} == {"错误", "警告"}
    assert sum(int(line.split()[0]) for line in lines) == len(in_chinese.findings)
