"""Claims as CSV, one row per claim, the columns of the JSON contract.

Text cells that a spreadsheet would read as a formula get a leading ``'`` (``reports.safe``).
Two kinds of column are never touched: the numeric ones (``NUMERIC``: a negative value is data)
and the closed vocabularies of the extractor (``VOCABULARY``: the qualifier ``+`` of ``5667万+``
is a word of ``claims/data``, never document text, and stays as the JSON has it).
"""
from __future__ import annotations

from reports.result import CheckResult
from reports.safe import spreadsheet
from reports.view import View

NUMERIC = ("start", "end", "value", "low", "high", "total", "sentence", "clause")
VOCABULARY = ("kind", "unit", "qualifier", "precision", "period_kind", "aggregate", "status")


def render(result: CheckResult, view: View) -> str:
    frame = result.claim_set.frame()
    for column in frame.columns:
        if column not in NUMERIC + VOCABULARY:
            frame[column] = frame[column].map(spreadsheet)
    return frame.to_csv(index=False, lineterminator="\n")
