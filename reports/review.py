"""The review sheet a Chinese proofreading desk fills by hand, filled in: one row per finding.

Columns 序号, 文档, 位置, 原文, 问题, 依据, 建议, 规则, 级别: the document, where the finding is
(paragraph and run or page and line for Word and PDF, line and column otherwise), the quoted text
with the finding's words in 【】, the message, the other sources' wording (each with its label), a
suggestion (in Chinese the rule's own advice, the first line of its 应改为; in English one by rule
family), the rule and the severity. As ``--format xlsx`` (openpyxl) or ``--format review-csv``
(UTF-8 with a BOM, so that Excel opens it as UTF-8). The column headers are Chinese whatever the
language; the cells follow ``--lang`` (Chinese under the default, both, for this desk sheet).
A text cell a spreadsheet would read as a formula (``reports.safe``) gets a leading ``'`` in the
CSV; in the workbook it is a text cell with Excel's quote prefix (typed, so never evaluated, and
shown as written), and characters a workbook cannot hold are written as escapes (``\\x1b``).
The 序号 column is a number and never touched.
"""
from __future__ import annotations

import csv
import datetime
import io

from checks.finding import Finding, Severity
from reports.archive import stable_zip
from reports.positions import line_index
from reports.quoting import context
from reports.result import CheckResult
from reports.safe import formula_like, spreadsheet, xml_text
from reports.view import View
from sources.document import Document
from sources.office import place

COLUMNS = ("序号", "文档", "位置", "原文", "问题", "依据", "建议", "规则", "级别")
CONTEXT = 30  # characters of context either side of the quoted words
RELATED = 5  # the other sources' places quoted per finding; the rest are counted

_SEVERITY = {Severity.ERROR: ("错误", "error"), Severity.WARNING: ("警告", "warning"), Severity.INFO: ("提示", "info")}
_ADVICE = {
    "cross_source": ("核对各来源的这一数字，以权威来源为准，统一表述",
                     "check the figure against every source and state the authoritative one"),
    "restatement": ("核对转引处与原文是否一致", "check the restated figure against the passage it copies"),
    "arithmetic": ("重新计算合计、增幅或占比", "recompute the total, growth rate or share"),
    "bounds": ("核实数值是否超出合理范围", "check whether the value is possible"),
    "dates": ("核对日期、星期和时间先后", "check the date, the weekday and the order of dates"),
    "integrity": ("检查文本是否乱码、缺损或被插入无关内容", "check the text for damage, garbling or inserted spam"),
    "style": ("统一数字和单位的写法", "write figures and units consistently"),
    "expectations": ("按数据规则核对这一数字", "check the figure against the data expectation"),
}


def _pick(language: str, zh: str, en: str) -> str:
    return en if language == "en" else zh


def location(doc: Document, offset: int, language: str) -> str:
    """Where ``offset`` of ``doc.original`` is: paragraph/run or page/line, else line and column."""
    if doc.layout:
        found = place(doc.layout, offset, "en" if language == "en" else "zh")
        if found:
            return found
    line, column = line_index(doc.original).position(offset)
    return _pick(language, f"第{line}行第{column}列", f"line {line}, column {column}")


def quote(doc: Document, start: int, end: int) -> str:
    """The line around ``start..end``, at most ``CONTEXT`` characters either side, the words in 【】;
    an HTML document's as text, without its markup (``reports.quoting``)."""
    before, words, after = quote_parts(doc, start, end)
    return f"{before}【{words}】{after}"


def quote_parts(doc: Document, start: int, end: int) -> tuple[str, str, str]:
    """The context before ``start..end`` (on its line, at most ``CONTEXT`` characters, "…" where
    cut), the words themselves, and the context after; an HTML document's as text."""
    text = doc.original
    if doc.format == "html":
        before, words, after = context(doc, start, end, CONTEXT)
        before, after = before.split("\n")[-1], after.split("\n")[0]
        return (("…" if len(before) == CONTEXT else "") + before, words,
                after + ("…" if len(after) == CONTEXT else ""))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left, right = max(line_start, start - CONTEXT), min(line_end, end + CONTEXT)
    return (("…" if left > line_start else "") + text[left:start], text[start:end],
            text[end:right] + ("…" if right < line_end else ""))


def _name(doc: Document) -> str:
    return doc.path


def basis(finding: Finding, documents: dict[str, Document], language: str) -> str:
    """The other sources' wording: one line per related place, the rest counted."""
    lines = []
    for related in finding.related[:RELATED]:
        other = documents.get(related.doc)
        if other is None:
            continue
        label = f"（{text}）" if (text := related.text(language)) else ""
        where = location(other, related.start, language)
        lines.append(f"{_name(other)} {where}：{quote(other, related.start, related.end)}{label}")
    if finding.related_count > RELATED:
        hidden = finding.related_count - RELATED
        lines.append(_pick(language, f"另有{hidden}处", f"{hidden} more places"))
    return "\n".join(lines)


def rows(result: CheckResult, view: View) -> list[tuple[object, ...]]:
    """The sheet's rows (without the header), in the findings' order."""
    documents = {doc.id: doc for doc in result.claim_set.documents}
    language = view.language
    out = []
    for number, finding in enumerate(result.findings or (), 1):
        doc = documents[finding.doc]
        rule = result.rules.get(finding.rule)
        advice = _ADVICE.get(rule.family if rule else "", ("核对", "check"))
        if rule and rule.advice():  # the rule's own advice: the first line of its 应改为
            advice = (rule.advice(), advice[1])
        zh, en = _SEVERITY[finding.severity]
        out.append((number, _name(doc), location(doc, finding.start, language),
                    quote(doc, finding.start, finding.end) if doc.original else "", finding.message,
                    basis(finding, documents, language), _pick(language, *advice),
                    f"{finding.rule} {finding.name}", _pick(language, zh, en)))
    return out


def render_csv(result: CheckResult, view: View) -> str:
    """The sheet as CSV, with a BOM so that Excel reads it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows((number, *map(spreadsheet, cells)) for number, *cells in rows(result, view))
    return "\ufeff" + buffer.getvalue()


WIDTHS = (6, 24, 18, 50, 50, 50, 30, 24, 8)
FIXED_TIME = datetime.datetime(2000, 1, 1)  # the workbook's created/modified: the same bytes every run


def _workbook_text(value: object) -> object:
    """A cell value a workbook can hold: control characters other than tab and line breaks escaped."""
    return xml_text(value) if isinstance(value, str) else value


def render_xlsx(result: CheckResult, view: View) -> bytes:
    """The sheet as an Excel workbook: a bold frozen header row, wrapped text, a filter."""
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "审校表"
    sheet.append(COLUMNS)
    for row in rows(result, view):
        sheet.append([_workbook_text(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if formula_like(cell.value):
                cell.data_type, cell.quotePrefix = "s", True
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    for index, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{sheet.max_row}"
    workbook.properties.creator = "run-checks"
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()  # not save_workbook: it stamps the modified time with now
    return stable_zip(buffer.getvalue())
