"""Claims as CSV, one row per claim, the columns of the JSON contract.

Text cells that a spreadsheet would read as a formula get a leading ``'`` (``reports.safe``).
Two kinds of column are never touched: the numeric ones (``NUMERIC``: a negative value is data)
and the closed vocabularies of the extractor (``VOCABULARY``: the qualifier ``+`` of ``5667万+``
is a word of ``claims/data``, never document text, and stays as the JSON has it). A table with
a carriage return in a cell is written with every cell quoted, so that it cannot end a row.
"""
from __future__ import annotations

import csv

from reports.result import CheckResult
from reports.safe import has_carriage_return, spreadsheet
from reports.view import View

NUMERIC = ("start", "end", "value", "low", "high", "total", "sentence", "clause")
VOCABULARY = ("kind", "unit", "qualifier", "precision", "period_kind", "aggregate", "status")


def render(result: CheckResult, view: View) -> str:
    frame = result.claim_set.frame()
    for column in frame.columns:
        if column not in NUMERIC + VOCABULARY:
            frame[column] = frame[column].map(spreadsheet)
    carriage_return = any(has_carriage_return(frame[column]) for column in frame.columns)
    quoting = csv.QUOTE_ALL if carriage_return else csv.QUOTE_MINIMAL
    return frame.to_csv(index=False, lineterminator="\n", quoting=quoting)
