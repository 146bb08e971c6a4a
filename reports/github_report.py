"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request's lines.

Each finding is one line ``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``
(``warning`` for warnings, ``notice`` for infos); lines and columns are 1-based code points of the
decoded original, as in SARIF. Values are escaped as the runner expects (``%``, line breaks, and
``:`` and ``,`` inside properties).
"""
from __future__ import annotations

from checks.finding import Severity
from reports.positions import span
from reports.result import CheckResult
from reports.view import View

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escaped_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escaped_property(text: str) -> str:
    return escaped_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: CheckResult, view: View) -> str:
    documents = {doc.id: doc for doc in result.claim_set.documents}
    lines = []
    for finding in result.findings or []:
        doc = documents[finding.doc]
        line, column, end_line, end_column = span(doc.original, finding.start, finding.end)
        where = f"file={escaped_property(doc.path)},line={line},col={column},endLine={end_line},endColumn={end_column}"
        title = escaped_property(f"{finding.rule} {finding.name}")
        lines.append(f"::{COMMANDS[finding.severity]} {where},title={title}::{escaped_data(finding.message)}")
    return "".join(line + "\n" for line in lines)
