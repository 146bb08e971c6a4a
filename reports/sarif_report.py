"""SARIF 2.1.0 for code-scanning tools: one run, every rule's documentation, one result per finding.

Regions are 1-based lines and columns counted in Unicode code points (``columnKind`` is
``unicodeCodePoints``); artifact URIs are the document paths as given. Each result carries a
``partialFingerprints["runChecks/v1"]`` (sha256 of rule, path and the finding's text, first 16 hex
digits) so that findings are tracked across runs even when lines move. The output is
byte-identical for the same input: no timestamps, no absolute paths of its own.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import cache, partial
from importlib import metadata
from typing import Any

from checks.finding import Finding, Location, Severity
from reports.evidence import evidence
from reports.json_text import Items, streamed
from reports.positions import span
from reports.result import CheckResult
from reports.view import View
from sources.document import Document

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
TOOL = "run-checks"
FINGERPRINT = "runChecks/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


@cache  # the installed version, looked up once (each lookup leaves reference cycles behind)
def tool_version() -> str:
    try:
        return metadata.version(TOOL)
    except metadata.PackageNotFoundError:
        return "0.1.0"


def fingerprint(rule: str, path: str, text: str) -> str:
    """A stable id of a finding: rule, document path and the text it points at."""
    return hashlib.sha256("\x1f".join((rule, path, text)).encode("utf-8")).hexdigest()[:16]


def stream(result: CheckResult, view: View) -> Iterator[bytes]:
    """The SARIF log as UTF-8 text in pieces, its results a chunk at a time (on two cores for a
    large run: ``json_text.streamed``)."""
    documents = {doc.id: doc for doc in result.claim_set.documents}
    rule_ids = sorted(result.rules)
    index = {code: i for i, code in enumerate(rule_ids)}
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": TOOL,
            "version": tool_version(),
            "rules": [_rule(code, result.rules[code]) for code in rule_ids],
        }},
        "columnKind": "unicodeCodePoints",
        "artifacts": [_artifact(doc) for doc in result.claim_set.documents],
        "results": Items(sorted(result.findings, key=Finding.sort_key),
                         partial(_result, documents=documents, index=index)),
    }
    log = [("$schema", SCHEMA), ("runs", [run]), ("version", VERSION)]  # in sorted order, as sort_keys writes them
    return streamed(log, sort_keys=True)


def render(result: CheckResult, view: View) -> str:
    """``stream``'s text as one string."""
    return b"".join(stream(result, view)).decode("utf-8")


def _rule(code: str, rule: Any) -> dict[str, Any]:
    sections = rule.doc_sections()
    summary = rule.summary()
    text = "\n\n".join(f"{title}\n{body}" for title, body in sections.items())
    markdown = "\n\n".join(f"### {title}\n\n{body}" for title, body in sections.items())
    return {
        "id": code,
        "name": rule.name,
        "shortDescription": {"text": summary},
        "fullDescription": {"text": sections.get("What it does", summary)},
        "help": {"text": text or summary, "markdown": markdown or summary},
        "defaultConfiguration": {"level": LEVELS[rule.default_severity]},
        "properties": {"family": getattr(rule, "family", "")},
    }


def _artifact(doc: Document) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": {"uri": doc.path}}
    if doc.encoding:
        artifact["encoding"] = doc.encoding
    return artifact


def _physical(doc: Document | None, doc_id: str, start: int, end: int) -> dict[str, Any]:
    original = doc.original if doc else ""
    physical: dict[str, Any] = {"artifactLocation": {"uri": doc.path if doc else doc_id}}
    if original:
        start_line, start_column, end_line, end_column = span(original, start, end)
        physical["region"] = {"startLine": start_line, "startColumn": start_column,
                              "endLine": end_line, "endColumn": end_column,
                              "snippet": {"text": original[start:end]}}
    return physical


def _related(i: int, place: Location, documents: dict[str, Document]) -> dict[str, Any]:
    location: dict[str, Any] = {"id": i,
                                "physicalLocation": _physical(documents.get(place.doc), place.doc,
                                                              place.start, place.end)}
    if place.label:
        location["message"] = {"text": place.label}
    return location


def _result(finding: Finding, documents: dict[str, Document], index: dict[str, int]) -> dict[str, Any]:
    doc = documents.get(finding.doc)
    path = doc.path if doc else finding.doc
    text = doc.original[finding.start:finding.end] if doc else ""
    result: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": _physical(doc, finding.doc, finding.start, finding.end)}],
        "partialFingerprints": {FINGERPRINT: fingerprint(finding.rule, path, text)},
        "properties": {"evidence": evidence(finding, spelled=True), "claims": list(finding.claims)},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.related:
        result["relatedLocations"] = [_related(i, place, documents) for i, place in enumerate(finding.related)]
    if finding.fix and doc is not None:
        result["fixes"] = [_fix(finding, doc)]
    return result


def _fix(finding: Finding, doc: Document) -> dict[str, Any]:
    """SARIF's ``fixes`` entry: the finding's edits as replacements in its document."""
    replacements = []
    for edit in sorted(finding.fix, key=lambda e: e.start):
        start_line, start_column, end_line, end_column = span(doc.original, edit.start, edit.end)
        replacements.append({"deletedRegion": {"startLine": start_line, "startColumn": start_column,
                                               "endLine": end_line, "endColumn": end_column},
                             "insertedContent": {"text": edit.replacement}})
    return {"description": {"text": f"remove {len(replacements)} span(s)" if not any(
                e.replacement for e in finding.fix) else "replace the damaged text"},
            "artifactChanges": [{"artifactLocation": {"uri": doc.path}, "replacements": replacements}]}

