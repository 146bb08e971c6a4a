"""What a `check` renderer is given: documents, claims, findings, and the rules that ran."""
from __future__ import annotations

from dataclasses import dataclass

from checks.finding import Finding
from checks.rule import Rule
from claims.frame import ClaimSet


@dataclass(frozen=True)
class CheckResult:
    """A finished check: ``render(result) -> str`` renderers read only this."""

    claim_set: ClaimSet
    findings: list[Finding]
    rules: dict[str, type[Rule]]  # every registered rule by id, for documentation and help text

    def original(self, doc_id: str) -> str | None:
        """The original text of document ``doc_id`` (None for an unknown id)."""
        return next((doc.original for doc in self.claim_set.documents if doc.id == doc_id), None)
