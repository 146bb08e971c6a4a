"""Readable terminal summaries with rich: of the claims (``claims``) and of the findings (``check``)."""
from __future__ import annotations

import io
from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from checks.finding import Finding, Severity
from claims.claim import Claim
from claims.frame import ClaimSet
from claims.numbers import display
from reports.positions import position
from reports.result import CheckResult
from reports.safe import visible
from reports.view import View, more_places

_STATUS = {"error": "[red]error[/]", "skipped": "[yellow]skipped[/]"}  # a document not read, and why


def render_claims(result: CheckResult, view: View) -> str:
    """Documents, then each document's claims."""
    claim_set = result.claim_set
    buffer, console = _console(view)
    console.print(_documents_table(claim_set))
    for doc in claim_set.documents:
        claims = [c for c in claim_set.claims if c.doc == doc.id]
        if claims:
            console.print(_claims_table(doc.id, claims))
    ok = sum(doc.ok for doc in claim_set.documents)
    unread = sum(doc.status == "error" for doc in claim_set.documents)
    skipped = sum(doc.status == "skipped" for doc in claim_set.documents)
    console.print(f"{len(claim_set.claims)} claims in {ok} of {len(claim_set.documents)} documents"
                  + (f"; {unread} could not be read" if unread else "") + (f"; {skipped} skipped" if skipped else ""))
    return buffer.getvalue()


def render_findings(result: CheckResult, view: View) -> str:
    """Per document, counts by severity; then the findings, most severe first, each with its place,
    the quoted context, the message and the other sources; then the totals."""
    claim_set, findings = result.claim_set, result.findings
    buffer, console = _console(view)
    if not view.quiet:
        console.print(_findings_table(claim_set, findings))
    documents = {doc.id: doc for doc in claim_set.documents}
    for finding in sorted(findings, key=lambda f: (-f.severity, f.sort_key())):
        doc = documents[finding.doc]
        line, column = position(doc.original, finding.start)
        console.print(f"[{_STYLE[finding.severity]}]{finding.severity}[/] [bold]{finding.rule}[/] {finding.name}  "
                      f"{_shown(doc.path)}:{line}:{column}")
        console.print(f"    {_shown(_context(doc.original, finding.start, finding.end))}")
        console.print(f"    {_shown(finding.message)}")
        for place in finding.related[:view.related]:
            other = documents[place.doc]
            other_line, _ = position(other.original, place.start)
            quoted = _context(other.original, place.start, place.end)
            console.print(_shown(f"    ↳ {other.path}:{other_line}  {quoted}  {place.label}"))
        if len(finding.related) > view.related:
            console.print(f"    ↳ … and {more_places(finding, view)}")
    counts = Counter(str(f.severity) for f in findings)
    if not view.quiet:
        console.print(f"{len(findings)} findings in {len(claim_set.documents)} documents: "
                      + ", ".join(f"{counts[s]} {s}" for s in ("error", "warning", "info"))
                      + (f"; {result.suppressed} suppressed by inline comments" if result.suppressed else ""))
    return buffer.getvalue()


def render_statistics(result: CheckResult, view: View) -> str:
    """How many findings each rule gave, most first (``--statistics``)."""
    counts = Counter((f.rule, f.name, str(f.severity)) for f in result.findings or [])
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = max((len(str(count)) for _, count in rows), default=1)
    return "".join(f"{count:>{width}}  {rule}  {name:<28} {severity}\n" for (rule, name, severity), count in rows)


def _shown(text: str) -> str:
    """Document text or a name as rich markup that shows it literally: markup escaped, control
    characters written as escapes. Escaped pieces do not join safely (``[/b`` + ``]``): escape a
    line's literal text whole, at its end."""
    return escape(visible(text))


def _context(text: str, start: int, end: int, around: int = 12) -> str:
    """The span in 「」 with a little text either side, on one line."""
    def flat(part: str) -> str:
        return " ".join(part.split())
    before = flat(text[max(0, start - around):start])
    after = flat(text[end:end + around])
    return f"…{before}「{flat(text[start:end])}」{after}…"


def _findings_table(claim_set: ClaimSet, findings: list[Finding]) -> Table:
    counts = Counter((f.doc, f.severity) for f in findings)
    claims = Counter(claim.doc for claim in claim_set.claims)
    table = Table(title="Documents", title_justify="left")
    for column in ("document", "status", "claims", "errors", "warnings", "infos"):
        table.add_column(column)
    for doc in claim_set.documents:
        status = "ok" if doc.ok else f"{_STATUS[doc.status]}: {_shown(doc.error or '')}"
        by_severity = (str(counts[doc.id, severity]) for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        table.add_row(_shown(doc.path), status, str(claims[doc.id]), *by_severity)
    return table


def _console(view: View) -> tuple[io.StringIO, Console]:
    buffer = io.StringIO()
    return buffer, Console(file=buffer, width=view.width, force_terminal=view.color, no_color=not view.color,
                           highlight=False)


def _documents_table(claim_set: ClaimSet) -> Table:
    counts = {doc.id: 0 for doc in claim_set.documents}
    for claim in claim_set.claims:
        counts[claim.doc] += 1
    table = Table(title="Documents", title_justify="left")
    for column in ("document", "status", "encoding", "place", "year", "published", "claims"):
        table.add_column(column)
    for doc in claim_set.documents:
        status = "ok" if doc.ok else f"{_STATUS[doc.status]}: {_shown(doc.error or '')}"
        table.add_row(_shown(doc.path), status, *map(_shown, (doc.encoding or "", doc.meta.place or "",
                      str(doc.meta.year or ""), doc.meta.published or "")), str(counts[doc.id]))
    return table


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _claims_table(doc_id: str, claims: list[Claim]) -> Table:
    table = Table(title=f"Claims in {_shown(doc_id)}", title_justify="left")
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
