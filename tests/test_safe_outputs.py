"""Each renderer is safe for its medium: rich markup and control characters from names and text
are shown literally, spreadsheet formulas are quoted, file names cannot open Markdown headings."""
from __future__ import annotations

import csv
import io

import pytest

import pipeline
from checks.finding import Finding, Location, Severity
from checks.registry import all_rules
from reports import csv_report, findings_csv, markdown_report, review, terminal
from reports.result import CheckResult
from reports.safe import formula_like, spreadsheet, visible
from reports.view import View
from sources.reader import document_from_text

TEXT = "居民满意度[/]达90%，\x1b[31m红色\x1b[0m共有12个社区。=HYPERLINK(\"x\")增长-5%。\r@SUM(A1)比上年增长3%。"


def _result(path: str = "[red]x[bold].txt") -> CheckResult:
    doc = document_from_text(TEXT, doc_id="[red]x[bold]", path=path)
    claim_set = pipeline.extract([doc])
    formula = TEXT.index("=HYPERLINK")
    findings = [Finding("CS01", "cross-source-conflict", Severity.ERROR, "=1+2 [bold]不符[/]\x07", doc.id,
                        formula, formula + 12, related=(Location(doc.id, 0, 5, "-2+3 [/]"),)),
                Finding("AR01", "parts-and-total", Severity.WARNING, "@SUM(A1)", doc.id, 0, 5)]
    return CheckResult(claim_set, findings, all_rules())


def test_rich_markup_in_text_and_names_is_shown_literally():
    result = _result()
    claims = terminal.render_claims(CheckResult(result.claim_set), View())
    assert "[red]x[bold].txt" in claims and "居民满意度[/]" in claims and "Claims in [red]x[bold]" in claims
    shown = terminal.render_findings(result, View())
    assert "[red]x[bold].txt:1:" in shown and "=1+2 [bold]不符[/]\\x07" in shown


def test_escape_sequences_become_visible_in_terminal_and_markdown():
    result = _result()
    for output in (terminal.render_claims(CheckResult(result.claim_set), View(color=False)),
                   terminal.render_findings(result, View(color=False)), markdown_report.render(result, View())):
        assert "\x1b" not in output and "\x07" not in output and "\r" not in output
    assert "达90%，\\x1b[31…" in terminal.render_findings(result, View(width=300))


@pytest.mark.parametrize(("language", "headings"), [
    ("en", ["# run-checks report", "## Errors (1)", "## Warnings (1)"]),
    ("zh", ["# 核查报告", "## 错误（1条）", "## 警告（1条）"]),
    ("both", ["# 核查报告 / run-checks report", "## 错误（1条） / Errors (1)", "## 警告（1条） / Warnings (1)"])])
def test_a_file_name_with_line_breaks_cannot_open_a_markdown_heading(language, headings):
    output = markdown_report.render(_result(path="a.txt\n# 注入的标题\n---"), View(language=language))
    assert [line for line in output.splitlines() if line.startswith("#")] == headings
    assert "\\x0a# 注入的标题\\x0a---" in output and not any(line.startswith("---") for line in output.splitlines())


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline="")))


def test_findings_csv_quotes_formulas_and_keeps_numbers():
    rows = _rows(findings_csv.render(_result(), View()))
    assert rows[0]["text"] == "'=HYPERLINK(\"" and rows[0]["message"].startswith("'=1+2")
    assert rows[1]["message"] == "'@SUM(A1)"
    assert rows[0]["related"].startswith("[red]x[bold].txt:1 -2+3")  # starts with a name, not a sign
    assert rows[0]["start"] == str(TEXT.index("=HYPERLINK"))


def test_claims_csv_keeps_negative_values_and_a_carriage_return_cannot_end_a_row():
    result = _result()
    text = csv_report.render(CheckResult(result.claim_set), View())
    rows = _rows(text)
    assert len(rows) == len(result.claim_set.claims)
    negative = next(row for row in rows if row["value"] == "-5")
    assert (negative["text"], negative["subject"]) == ("-5%", "'=HYPERLINK增长")  # a plain number is data
    assert all(not formula_like(row["text"]) and not formula_like(row["subject"]) for row in rows)


def test_review_sheet_csv_and_workbook_never_hold_a_formula():
    from openpyxl import load_workbook

    result = _result()
    rows = list(csv.reader(io.StringIO(review.render_csv(result, View()).lstrip("\ufeff"), newline="")))
    assert all(not formula_like(cell) for row in rows[1:] for cell in row[1:])
    sheet = load_workbook(io.BytesIO(review.render_xlsx(result, View()))).active
    message = sheet.cell(row=2, column=5)
    assert (message.value, message.data_type, message.quotePrefix) == ("=1+2 [bold]不符[/]\\x07", "s", True)


def test_the_helpers():
    assert visible("a\x1bb\nc\u202ed") == "a\\x1bb\\x0ac\\u202ed"
    assert [spreadsheet(v) for v in ("=1", "+1+1", "-2+3", "@A", "\t=1", "-5", "+3.2%", "-1E+5000", "5", -3)] == [
        "'=1", "'+1+1", "'-2+3", "'@A", "'\t=1", "-5", "+3.2%", "-1E+5000", "5", -3]
