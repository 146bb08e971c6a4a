"""The base of the bounds rules: each reports the rows failing its expectation of the built-in
Great Expectations suite (``data/claims_suite.json``, run by ``checks.suites``)."""
from __future__ import annotations

from collections.abc import Iterable

from checks import suites
from checks.corpus import Corpus
from checks.finding import Finding
from checks.rule import Rule
from claims.claim import Claim


class ColumnCheck(Rule):
    """A rule whose comparison is an expectation of the built-in suite (not itself a rule)."""

    def check(self, corpus: Corpus) -> Iterable[Finding]:
        failing = suites.builtin_failures(corpus).get(self.code, set())
        for claim in corpus.claims:
            if claim.id in failing and self.applies(claim):
                yield self.describe(claim, corpus)

    def applies(self, claim: Claim) -> bool:
        """Whether this rule's options cover a failing claim (all of them by default)."""
        return True

    def describe(self, claim: Claim, corpus: Corpus) -> Finding:
        raise NotImplementedError
