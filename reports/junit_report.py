"""JUnit XML for CI test reports: one testsuite "run-checks", one testcase per document.

Each finding at error severity is a ``<failure>`` of its document's testcase (``type`` the rule
id, ``message`` the message, the text ``path:line:col``, the quoted text, the related places
and the evidence); warnings and infos go to the testcase's ``<system-out>``. A document that
could not be read is an ``<error>``. The human-readable words (the ``text:``, ``also:`` and
``evidence:`` leads, severities, related places' labels, the fallback messages) are
``view.language``'s (``reports.labels``); names CI tools key on stay as they are: the suite and
class name "run-checks", test cases named by path, the rule id as the ``type``. Documents keep the
input order, findings their sort order; no timestamps or durations, so the output is
byte-identical for the same input.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from checks.finding import Finding, Location, Severity
from reports.evidence import evidence
from reports.labels import Labels
from reports.positions import position
from reports.result import CheckResult
from reports.view import View
from sources.document import Document

SUITE = "run-checks"
# Characters XML 1.0 cannot hold, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def _where(documents: dict[str, Document], doc_id: str, offset: int) -> str:
    doc = documents.get(doc_id)
    if doc is None or not doc.original:
        return doc.path if doc else doc_id
    line, column = position(doc.original, offset)
    return f"{doc.path}:{line}:{column}"


def _quote(documents: dict[str, Document], place: Finding | Location) -> str:
    doc = documents.get(place.doc)
    return " ".join(doc.original[place.start:place.end].split()) if doc else ""


def _details(finding: Finding, documents: dict[str, Document], words: Labels) -> str:
    lines = [_where(documents, finding.doc, finding.start), words.lead("quoted") + _quote(documents, finding)]
    also = words.lead("also")
    for place in finding.related:
        label = place.text(words.language)
        lines.append(f"{also}{_where(documents, place.doc, place.start)} {_quote(documents, place)}"
                     + (f" ({label})" if label else ""))
    if finding.evidence:
        lines.append(words.lead("evidence") + json.dumps(evidence(finding), ensure_ascii=False, sort_keys=True))
    return "\n".join(lines)


def render(result: CheckResult, view: View) -> str:
    documents = {doc.id: doc for doc in result.claim_set.documents}
    by_doc: dict[str, list[Finding]] = defaultdict(list)
    for finding in sorted(result.findings, key=Finding.sort_key):
        by_doc[finding.doc].append(finding)
    order = [doc.id for doc in result.claim_set.documents]
    order += sorted(doc_id for doc_id in by_doc if doc_id not in documents)
    words = Labels(view.language)

    suite = ET.Element("testsuite", name=SUITE)
    failures = errors = skipped = 0
    for doc_id in order:
        doc = documents.get(doc_id)
        case = ET.SubElement(suite, "testcase", classname=SUITE, name=_xml(doc.path if doc else doc_id))
        if doc is not None and doc.status == "skipped":
            skipped += 1
            ET.SubElement(case, "skipped", message=_xml(doc.error or words("not_read")))
        elif doc is not None and not doc.ok:
            errors += 1
            error = ET.SubElement(case, "error", message=_xml(doc.error or words("unreadable")),
                                  type="unreadable")
            error.text = _xml(doc.path)
        out = []
        for finding in by_doc.get(doc_id, []):
            if finding.severity >= Severity.ERROR:
                failures += 1
                failure = ET.SubElement(case, "failure", message=_xml(finding.message), type=finding.rule)
                failure.text = _xml(f"{finding.rule} {finding.name}\n{_details(finding, documents, words)}")
            else:
                out.append(f"{words(str(finding.severity))} {finding.rule} {finding.name}: {finding.message}\n"
                           + _details(finding, documents, words))
        if out:
            ET.SubElement(case, "system-out").text = _xml("\n\n".join(out))
    counts = {"tests": str(len(order)), "failures": str(failures), "errors": str(errors), "skipped": str(skipped)}
    suite.attrib.update(counts)
    root = ET.Element("testsuites", name=SUITE, **{k: counts[k] for k in ("tests", "failures", "errors")})
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
