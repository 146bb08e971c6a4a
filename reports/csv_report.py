"""Claims as CSV, one row per claim, the columns of the JSON contract."""
from __future__ import annotations

from reports.result import CheckResult
from reports.view import View


def render(result: CheckResult, view: View) -> str:
    return result.claim_set.frame().to_csv(index=False, lineterminator="\n")
