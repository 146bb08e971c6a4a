"""Readable terminal summaries with rich: of the claims (``claims``) and of the findings (``check``)."""
from __future__ import annotations

import io
from collections import Counter
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from checks.finding import Finding, Severity
from claims.claim import Claim
from claims.frame import ClaimSet
from claims.numbers import display
from reports.notes import wording
from reports.positions import position
from reports.quoting import context
from reports.result import CheckResult
from reports.safe import visible
from reports.view import View
from sources.document import Document
from sources.naming import names


def render_claims(result: CheckResult, view: View) -> str:
    """Documents, then each document's claims."""
    claim_set = result.claim_set
    buffer, console = _console(view)
    words = _words(view.language)
    console.print(_documents_table(claim_set, words))
    for doc in claim_set.documents:
        claims = [c for c in claim_set.claims if c.doc == doc.id]
        if claims:
            console.print(_claims_table(words["claims_in"].format(doc=_shown(doc.id)), claims))
    ok = sum(doc.ok for doc in claim_set.documents)
    unread = sum(doc.status == "error" for doc in claim_set.documents)
    skipped = sum(doc.status == "skipped" for doc in claim_set.documents)
    console.print(words["claims_total"].format(count=len(claim_set.claims), ok=ok, documents=len(claim_set.documents))
                  + (words["unread"].format(count=unread) if unread else "")
                  + (words["skipped_count"].format(count=skipped) if skipped else ""))
    return buffer.getvalue()


def render_findings(result: CheckResult, view: View) -> str:
    """Per document, counts by severity; then the findings, most severe first, each with its place,
    the quoted context, the message and the other sources (at most ``view.related``, the rest
    counted); then the totals. Wrapped lines keep their indent; the words are ``view.language``'s."""
    claim_set, findings = result.claim_set, result.findings
    words = _words(view.language)
    buffer, console = _console(view)
    named = names(claim_set.documents)
    if not view.quiet:
        console.print(_findings_table(claim_set, findings, named, words))
    documents = {doc.id: doc for doc in claim_set.documents}
    for finding in sorted(findings, key=lambda f: (-f.severity, f.sort_key())):
        doc = documents[finding.doc]
        line, column = position(doc.original, finding.start)
        name = f"  {_shown(named[doc.id])}" if named[doc.id] != doc.id else ""
        lines = _hanging(console, "", f"[{_STYLE[finding.severity]}]{words[str(finding.severity)]}[/] "
                         f"[bold]{finding.rule}[/] {finding.name}  {_shown(doc.path)}:{line}:{column}{name}", 4)
        lines += _hanging(console, "    ", _shown(_context(doc, finding.start, finding.end)))
        lines += _hanging(console, "    ", _shown(finding.message))
        for place in finding.related[:view.related]:
            other = documents[place.doc]
            other_line, _ = position(other.original, place.start)
            where = f"{named[other.id]} {other.path}" if named[other.id] != other.id else other.path
            quoted = f"{where}:{other_line}  {_context(other, place.start, place.end)}  {place.text(view.language)}"
            lines += _hanging(console, "    ↳ ", _shown(quoted.rstrip()))
        if (hidden := finding.related_count - view.related) > 0:
            lines += _hanging(console, "    ↳ ",
                              _shown(words["more"].format(count=hidden, plural="s" if hidden > 1 else "")))
        console.print(_NEWLINE.join(lines), no_wrap=True, crop=False)  # one print per finding: rich's cost is per print
    counts = Counter(str(f.severity) for f in findings)
    if not view.quiet:
        by_severity = words["count_separator"].join(words["severity_count"].format(count=counts[s], severity=words[s])
                                                    for s in ("error", "warning", "info"))
        console.print(words["findings_total"].format(count=len(findings), documents=len(claim_set.documents),
                                                     counts=by_severity)
                      + (words["suppressed"].format(count=result.suppressed) if result.suppressed else ""))
    return buffer.getvalue()


_NEWLINE = Text("\n")
_HEIGHT = 25  # the console's height, given so that rich never asks the terminal (it did per line); no output uses it


def _hanging(console: Console, prefix: str, markup: str, indent: int | None = None) -> list[Text]:
    """The lines of ``prefix`` then ``markup``, wrapped to the console with every further line
    indented under the text's start (or by ``indent``): a hanging indent, never back to column 0."""
    indent = cell_len(prefix) if indent is None else indent
    lines = []
    for number, line in enumerate(Text.from_markup(markup).wrap(console, max(console.width - indent, 10),
                                                                 overflow="fold")):
        lead = prefix.ljust(indent) if number == 0 and prefix else " " * (indent if number else 0)
        line.rstrip()
        lines.append(Text(lead) + line)
    return lines


def render_statistics(result: CheckResult, view: View) -> str:
    """How many findings each rule gave, most first (``--statistics``)."""
    words = _words(view.language)
    counts = Counter((f.rule, f.name, words[str(f.severity)]) for f in result.findings or [])
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(count)) for _, count in rows), default=1)
    return "".join(f"{count:>{width}}  {rule}  {name:<28} {severity}\n" for (rule, name, severity), count in rows)


def _shown(text: str) -> str:
    """Document text or a name as rich markup that shows it literally: markup escaped, control
    characters written as escapes. Escaped pieces do not join safely (``[/b`` + ``]``): escape a
    line's literal text whole, at its end."""
    return escape(visible(text))


def _context(doc: Document, start: int, end: int, around: int = 12) -> str:
    """The span in 「」 with a little text either side, on one line (HTML as text: ``reports.quoting``)."""
    def flat(part: str) -> str:
        return " ".join(part.split())
    before, span, after = context(doc, start, end, around)
    return f"…{flat(before)}「{flat(span)}」{flat(after)}…"


def _findings_table(claim_set: ClaimSet, findings: list[Finding], named: dict[str, str],
                    words: dict[str, Any]) -> Table:
    counts = Counter((f.doc, f.severity) for f in findings)
    claims = Counter(claim.doc for claim in claim_set.claims)
    table = Table(title=words["documents"], title_justify="left")
    for number, column in enumerate(words["document_columns"]):
        table.add_column(column, overflow="fold", no_wrap=number >= 2,
                         justify="right" if number >= 3 else "left")
    for doc in claim_set.documents:
        by_severity = (str(counts[doc.id, severity]) for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        name = named[doc.id] if named[doc.id] != doc.id else ""
        table.add_row(_shown(doc.path), _shown(name), _status(doc, words), str(claims[doc.id]), *by_severity)
    return table


def _status(doc: Document, words: dict[str, Any]) -> str:
    """ok, or why the document was not read."""
    if doc.ok:
        return words["ok"]
    style = "red" if doc.status == "error" else "yellow"
    return f"[{style}]{words[doc.status]}[/]: {_shown(doc.error or '')}"


def _words(language: str) -> dict[str, Any]:
    """The summary's own words in ``language`` (English under "both")."""
    return wording(language)


def _console(view: View) -> tuple[io.StringIO, Console]:
    buffer = io.StringIO()
    return buffer, Console(file=buffer, width=view.width, height=_HEIGHT, force_terminal=view.color,
                           no_color=not view.color, highlight=False)


def _documents_table(claim_set: ClaimSet, words: dict[str, Any]) -> Table:
    counts = {doc.id: 0 for doc in claim_set.documents}
    for claim in claim_set.claims:
        counts[claim.doc] += 1
    table = Table(title=words["documents"], title_justify="left")
    for column in words["claims_columns"]:
        table.add_column(column, overflow="fold")
    for doc in claim_set.documents:
        fields = (doc.encoding or "", doc.meta.place or "", str(doc.meta.year or ""), doc.meta.published or "")
        table.add_row(_shown(doc.path), _status(doc, words), *map(_shown, fields), str(counts[doc.id]))
    return table


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _claims_table(title: str, claims: list[Claim]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in ("id", "text", "kind", "value", "interval", "unit", "subject", "place", "time"):
        table.add_column(column, overflow="fold")
    for claim in claims:
        table.add_row(*map(_shown, (claim.id.split(":")[-1], claim.text, claim.kind, display(claim.value),
                                    _interval(claim), claim.measure or claim.unit or "", claim.subject or "",
                                    claim.place or "", claim.time or "")))
    return table


def _interval(claim: Claim) -> str:
    if claim.low == claim.high or claim.kind == "date":
        return ""
    return f"[{display(claim.low) or '-∞'}, {display(claim.high) or '∞'}]"
