"""Findings as CSV, one row per finding, for spreadsheets and other pipelines.

Text cells that a spreadsheet would read as a formula get a leading ``'`` (``reports.safe``);
the numeric columns (line, column, start, end) are never touched.
"""
from __future__ import annotations

import csv
import io
import json

from reports.evidence import evidence
from reports.positions import position
from reports.result import CheckResult
from reports.safe import csv_row, spreadsheet
from reports.view import View

COLUMNS = ("rule", "name", "severity", "doc", "path", "line", "column", "start", "end", "text", "message",
           "claims", "related", "evidence")


def render(result: CheckResult, view: View) -> str:
    documents = {doc.id: doc for doc in result.claim_set.documents}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    for finding in result.findings:
        doc = documents[finding.doc]
        line, column = position(doc.original, finding.start)
        related = "; ".join(f"{documents[r.doc].path}:{position(documents[r.doc].original, r.start)[0]} {r.label}"
                            for r in finding.related)
        csv_row(writer, quoted, map(spreadsheet, (
            finding.rule, finding.name, str(finding.severity), finding.doc, doc.path, line, column,
            finding.start, finding.end, doc.original[finding.start:finding.end], finding.message,
            " ".join(finding.claims), related, json.dumps(evidence(finding), ensure_ascii=False, sort_keys=True))))
    return buffer.getvalue()
