"""Facts: claims of different documents aligned as statements of the same thing.

Connected alignments form one fact. Each claim of a fact is a statement of it, with the claims
of other documents whose intervals agree with it and those that disagree.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from checks.alignment import Alignment
from checks.comparable import compare
from checks.values import interval
from claims.claim import Claim


@dataclass(frozen=True)
class Statement:
    """One claim of a fact, with the claims of other documents that agree and disagree with it."""

    claim: Claim
    agree: tuple[Claim, ...]
    disagree: tuple[Claim, ...]
    score: float

    @property
    def support(self) -> int:
        return 1 + len(self.agree)


@dataclass(frozen=True)
class Fact:
    """The claims of one fact in input order (document, then position), and the alignments
    joining them."""

    claims: tuple[Claim, ...]
    pairs: tuple[Alignment, ...]

    @cached_property
    def statements(self) -> tuple[Statement, ...]:
        """Every claim as a statement: agreeing and disagreeing claims of other documents (those
        that are a different fact, joined only through a third claim, are neither), and the best
        alignment score it takes part in."""
        scores: dict[str, float] = {}
        for pair in self.pairs:
            for claim in (pair.a, pair.b):
                scores[claim.id] = max(scores.get(claim.id, 0.0), pair.score)
        unit = self.claims[0].unit
        found = []
        for claim in self.claims:
            others = [o for o in self.claims if o.doc != claim.doc and not compare(claim, o).different]
            agree = tuple(o for o in others if interval(claim, unit).overlaps(interval(o, unit)))
            disagree = tuple(o for o in others if o not in agree)
            found.append(Statement(claim, agree, disagree, scores[claim.id]))
        return tuple(found)


def facts(alignments: list[Alignment], order: dict[str, int]) -> list[Fact]:
    """The facts the alignments form, ordered by their first claim; ``order`` ranks documents."""
    parent: dict[str, str] = {}

    def root(claim_id: str) -> str:
        while parent.setdefault(claim_id, claim_id) != claim_id:
            claim_id = parent[claim_id]
        return claim_id

    claims: dict[str, Claim] = {}
    for pair in alignments:
        claims[pair.a.id], claims[pair.b.id] = pair.a, pair.b
        parent[root(pair.a.id)] = root(pair.b.id)
    members: dict[str, list[Claim]] = {}
    for claim_id, claim in claims.items():
        members.setdefault(root(claim_id), []).append(claim)
    joining: dict[str, list[Alignment]] = {}
    for pair in alignments:
        joining.setdefault(root(pair.a.id), []).append(pair)

    def position(claim: Claim) -> tuple[int, int]:
        return order[claim.doc], claim.start
    found = [Fact(tuple(sorted(group, key=position)), tuple(joining[key])) for key, group in members.items()]
    return sorted(found, key=lambda fact: position(fact.claims[0]))
