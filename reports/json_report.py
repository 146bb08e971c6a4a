"""The JSON contract: ``{"version": 2, "documents": [...], "claims": [...]}``, byte-stable.

``check`` adds ``"findings": [...]``: each with rule, name, severity, message, doc, start, end,
claims, related (``{doc, start, end, label}``) and evidence, and for Word and PDF documents the
position (paragraph and run, or page and line). A claims run (``result.findings`` is
None) has no "findings" key. When the usage rules left documents alone as no publications,
``"not_publications"`` lists their ids; when rows of a ``--reference`` table were compared with
no figure, ``"unused_reference_rows"`` lists them (``figures.csv:9``).

``stream`` writes the text as it makes it, a chunk of records at a time (``json_text.opened``),
so that a run of 10,000 reports never holds its records or its text whole; ``render`` is the same
text as one string. The documents and claims (``head``) may be made ahead, by the check's two
processes once each is done with its half (``ahead``, ``reports.ahead``), and the findings
(``tail``) once the check is over.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from checks.finding import Finding
from claims.frame import ClaimSet, claim_records, document_record
from claims.numbers import plain
from reports.ahead import Ahead
from reports.both_ends import Part, pieces
from reports.evidence import evidence
from reports.json_text import Items, closed, exact, opened
from reports.result import CheckResult
from reports.view import View
from sources.document import Document
from sources.office import position

VERSION = 2  # 2: claims gained period, aggregate, scope, status, sentence, clause


def finding_record(finding: Finding, doc: Document | None = None) -> dict[str, object]:
    """A finding as JSON values (its floats through ``json_text.exact``); for a Word or PDF
    document also its ``position`` (paragraph and run, table and row, or page and line:
    ``sources.office.position``)."""
    record = {"rule": finding.rule, "name": finding.name, "severity": str(finding.severity),
              "message": finding.message, "doc": finding.doc, "start": finding.start, "end": finding.end,
              "claims": list(finding.claims),
              "related": [{"doc": r.doc, "start": r.start, "end": r.end, "label": r.label} for r in finding.related]}
    if finding.unlisted:
        record["unlisted"] = finding.unlisted
    record["evidence"] = evidence(finding, spelled=True)
    where = position(doc.layout, finding.start) if doc is not None and doc.layout else None
    if where:
        record["position"] = where
    return record


def stream(result: CheckResult, view: View, ahead: Ahead | None = None) -> Iterator[bytes]:
    """The claims contract as UTF-8 text in pieces, with the findings when the rules ran; for
    ``claims`` and ``check`` alike. ``ahead``: the documents and claims made ahead (``ahead``)
    by the processes of the result's check."""
    if ahead is not None and ahead.source is result.claim_set:
        return ahead.pieces(tail(result))
    return pieces([*head(result.claim_set), *tail(result)])


def ahead(claim_set: ClaimSet) -> Ahead:
    """The pieces of the documents and claims of ``claim_set``'s report, to be made ahead
    (``Ahead.make``) by the two processes of its check; made before the check forks."""
    return Ahead(head(claim_set), claim_set)


def head(claim_set: ClaimSet) -> list[Part]:
    """The pieces of the report's start, its documents and claims: what no finding changes."""
    return opened([("version", VERSION), ("documents", Items(claim_set.documents, document_record)),
                   ("claims", Items(claim_set.claims, claim_records(_number)))])


def tail(result: CheckResult) -> list[Part]:
    """The pieces of the report after ``head``'s: the findings and what the check left aside."""
    fields: list[tuple[str, object]] = []
    if result.findings is not None:
        documents = {doc.id: doc for doc in result.claim_set.documents}
        fields.append(("findings", Items(result.findings,
                                         lambda finding: finding_record(finding, documents.get(finding.doc)))))
        if result.not_publications:
            fields.append(("not_publications", list(result.not_publications)))
        if result.unused_rows:
            fields.append(("unused_reference_rows", list(result.unused_rows)))
    return closed(fields)


def render(result: CheckResult, view: View) -> str:
    """``stream``'s text as one string."""
    return b"".join(stream(result, view)).decode("utf-8")


def _number(value: Decimal) -> int | float | str:
    """A figure's JSON value, its float through ``json_text.exact``."""
    number = plain(value)
    return exact(number) if isinstance(number, float) else number
