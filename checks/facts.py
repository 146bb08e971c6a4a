"""Facts: claims of different documents aligned as statements of the same thing.

Connected alignments form one fact. Each claim of a fact is a statement of it, with the claims
of other documents whose intervals agree with it and those that disagree.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from checks.alignment import Alignment
from checks.comparable import compare, comparison_key
from checks.values import interval
from claims.claim import Claim


@dataclass(frozen=True, slots=True)
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
        keys = [(comparison_key(claim), interval(claim, unit)) for claim in self.claims]
        first = {}  # claims alike for comparing (aspects and interval) are compared once
        for claim, key in zip(self.claims, keys, strict=True):
            first.setdefault(key, claim)
        related: dict[tuple, tuple[list[Claim], list[Claim]]] = {}
        for key, claim in first.items():
            overlap = {other_key: key[1].overlaps(other_key[1]) for other_key, other in first.items()
                       if not compare(claim, other).different}
            related[key] = ([o for o, k in zip(self.claims, keys, strict=True) if overlap.get(k) is True],
                            [o for o, k in zip(self.claims, keys, strict=True) if overlap.get(k) is False])
        found = []
        for claim, key in zip(self.claims, keys, strict=True):
            agree, disagree = related[key]
            found.append(Statement(claim, tuple(o for o in agree if o.doc != claim.doc),
                                   tuple(o for o in disagree if o.doc != claim.doc), scores[claim.id]))
        return tuple(found)


def facts(alignments: list[Alignment], order: dict[str, int]) -> list[Fact]:
    """The facts the alignments form, ordered by their first claim; ``order`` ranks documents."""
    parent: dict[str, str] = {}

    def root(claim_id: str) -> str:
        while parent.setdefault(claim_id, claim_id) != claim_id:
            parent[claim_id] = parent[parent[claim_id]]  # path halving
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
