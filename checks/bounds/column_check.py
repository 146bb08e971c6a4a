"""The base of the bounds rules: each reports the rows failing its expectation of the built-in
Great Expectations suite (``data/claims_suite.json``, run by ``checks.suites``)."""
from __future__ import annotations

from collections.abc import Container, Iterable

from checks import suites
from checks.corpus import Corpus
from checks.finding import Finding
from checks.rule import ClaimRule
from claims.claim import Claim
from sources.document import Document


class ColumnCheck(ClaimRule):
    """A rule whose comparison is an expectation of the built-in suite (not itself a rule)."""

    def check_claim(self, claim: Claim, doc: Document, corpus: Corpus) -> Iterable[Finding]:
        if claim.id in suites.builtin_failures(corpus).get(self.code, ()) and self.applies(claim):
            yield self.describe(claim, corpus)

    def candidates(self, corpus: Corpus) -> Container[str]:
        """The claims failing this rule's expectation: the only ones it reports."""
        return suites.builtin_failures(corpus).get(self.code, frozenset())

    def applies(self, claim: Claim) -> bool:
        """Whether this rule's options cover a failing claim (all of them by default)."""
        return True

    def describe(self, claim: Claim, corpus: Corpus) -> Finding:
        raise NotImplementedError
