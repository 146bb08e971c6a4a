"""A Markdown report for a pull-request comment or an editor's memo.

A title, a summary table (document | errors | warnings | infos), then the findings grouped by
severity, each with its rule, place (``path:line``), the quoted text, the message and an
"Also:" line per related place (the first ``view.related``, then how many more). The report's own
words are ``view.language``'s (``reports.labels``: "另见", "Also" or "另见 / Also"). Quoted document
text and messages have Markdown-significant characters escaped (Chinese is kept as is), their
white space collapsed to one line and control characters written as escapes (``\x1b``); names
in code spans show their line breaks as ``\x0a``, so that no name can open a heading.
"""
from __future__ import annotations

import re
from collections import Counter

from checks.finding import Finding, Location, Severity
from reports.labels import Labels
from reports.positions import position
from reports.result import CheckResult
from reports.safe import visible
from reports.view import View
from sources.document import Document

QUOTE_LIMIT = 160  # code points of quoted text before it is cut with "…"
_SIGNIFICANT = re.compile(r"([\\`*_\[\]<>|~&])")
_LEADING = re.compile(r"^([-+#=]|\d+[.)])")  # would start a list, heading or setext underline


def escape(text: str, line_start: bool = False) -> str:
    """``text`` on one line with Markdown-significant characters backslash-escaped; at the start
    of a line (``line_start``) also a leading ``-``, ``+``, ``#``, ``=`` or ``1.`` that would open a block."""
    escaped = visible(_SIGNIFICANT.sub(r"\\\1", " ".join(text.split())))
    if not line_start:
        return escaped
    return _LEADING.sub(lambda match: match.group()[:-1] + "\\" + match.group()[-1], escaped, count=1)


def _code(text: str) -> str:
    """``text`` as an inline code span, whatever backticks it holds, control characters (a line
    break of a file name, too) written as escapes."""
    text = visible(text)
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _quote(doc: Document | None, start: int, end: int) -> str:
    text = " ".join((doc.original[start:end] if doc else "").split())
    if len(text) > QUOTE_LIMIT:
        text = text[:QUOTE_LIMIT] + "…"
    return f"“{escape(text)}”"


def _place(doc: Document | None, doc_id: str, offset: int) -> str:
    if doc is None:
        return _code(doc_id)
    if not doc.original:
        return _code(doc.path)
    return _code(f"{doc.path}:{position(doc.original, offset)[0]}")


def _finding(finding: Finding, documents: dict[str, Document], view: View, words: Labels) -> list[str]:
    doc = documents.get(finding.doc)
    lines = [f"- **{finding.rule} {finding.name}** — {_place(doc, finding.doc, finding.start)} "
             f"{_quote(doc, finding.start, finding.end)}",
             f"  {escape(finding.message, line_start=True)}"]
    for place in finding.related[:view.related]:
        lines.append(f"  - {words.lead('see_also')}{_related(place, documents, view.language)}")
    if (hidden := finding.related_count - view.related) > 0:
        lines.append(f"  - {words('more', count=hidden, plural='s' if hidden > 1 else '')}")
    return lines


def _related(place: Location, documents: dict[str, Document], language: str) -> str:
    doc = documents.get(place.doc)
    text = f"{_place(doc, place.doc, place.start)} {_quote(doc, place.start, place.end)}"
    label = place.text(language)
    return text + (f" — {escape(label)}" if label else "")


def render(result: CheckResult, view: View) -> str:
    documents = {doc.id: doc for doc in result.claim_set.documents}
    findings = sorted(result.findings, key=lambda f: (-f.severity, f.sort_key()))
    counts = Counter((f.doc, f.severity) for f in findings)
    totals = Counter(f.severity for f in findings)
    words = Labels(view.language)
    lines = [f"# {words('title')}", ""]
    lines.append(words.each(lambda one: one(
        "summary", errors=totals[Severity.ERROR], warnings=totals[Severity.WARNING], infos=totals[Severity.INFO],
        documents=len(documents), suppressed=one("suppressed", count=result.suppressed) if result.suppressed else "")))
    lines += ["", f"| {' | '.join(words(key) for key in _COLUMNS)} |", "|---|---:|---:|---:|"]
    for doc in result.claim_set.documents:
        name = escape(visible(doc.path)) + ("" if doc.ok else
                                            f" ({words.lead(doc.status)}{escape(doc.error or words('not_read'))})")
        lines.append(f"| {name} | {counts[doc.id, Severity.ERROR]} | {counts[doc.id, Severity.WARNING]} "
                     f"| {counts[doc.id, Severity.INFO]} |")
    lines.append(f"| **{words('total_row')}** | {totals[Severity.ERROR]} | {totals[Severity.WARNING]} "
                 f"| {totals[Severity.INFO]} |")
    for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        group = [f for f in findings if f.severity == severity]
        if not group:
            continue
        lines += ["", f"## {words(f'heading_{severity}', count=len(group))}", ""]
        for finding in group:
            lines += _finding(finding, documents, view, words)
    if not findings:
        lines += ["", words("no_findings")]
    return "\n".join(lines) + "\n"


_COLUMNS = ("document", "errors", "warnings", "infos")
