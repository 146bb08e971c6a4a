"""Claims as CSV, one row per claim, the columns of the JSON contract."""
from __future__ import annotations

from claims.frame import ClaimSet


def render(claim_set: ClaimSet) -> str:
    return claim_set.frame().to_csv(index=False, lineterminator="\n")
