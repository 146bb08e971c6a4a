"""What every renderer is given: documents, claims, findings, and the rules that ran."""
from __future__ import annotations

from dataclasses import dataclass, field

from checks.finding import Finding
from checks.rule import Rule
from claims.frame import ClaimSet


@dataclass(frozen=True)
class CheckResult:
    """A finished run, all that ``render(result, view)`` reads. ``CheckResult(claim_set)`` is a
    ``claims`` run: no rules ran, ``findings`` is None (the JSON then has no "findings" key)."""

    claim_set: ClaimSet
    findings: list[Finding] | None = None
    rules: dict[str, type[Rule]] = field(default_factory=dict)  # every registered rule by id, for help text
    suppressed: int = 0  # findings switched off by inline comments (``checks.suppression``)
    not_publications: tuple[str, ...] = ()  # documents the usage rules left alone (``checks.publication``)
    unused_rows: tuple[str, ...] = ()  # reference-table rows no figure was compared with (``checks.unused_rows``)

    def original(self, doc_id: str) -> str | None:
        """The original text of document ``doc_id`` (None for an unknown id)."""
        return next((doc.original for doc in self.claim_set.documents if doc.id == doc_id), None)
