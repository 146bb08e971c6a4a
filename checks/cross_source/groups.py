"""Aligned claims grouped into facts, and which of a fact's statements is the odd one out."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from checks.alignment import Alignment
from checks.corpus import Corpus
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


def corpus_statements(corpus: Corpus, min_score: float) -> list[Statement]:
    """The statements of the corpus's facts at ``min_score``, computed once for all rules."""
    order = {doc.id: index for index, doc in enumerate(corpus.documents)}
    return corpus.memo(("statements", min_score), lambda: statements(corpus.aligned(min_score), order))


def statements(alignments: list[Alignment], order: dict[str, int]) -> list[Statement]:
    """Every aligned claim as a statement of its fact (connected alignments form one fact)."""
    parent: dict[str, str] = {}

    def root(claim_id: str) -> str:
        while parent.setdefault(claim_id, claim_id) != claim_id:
            claim_id = parent[claim_id]
        return claim_id

    claims: dict[str, Claim] = {}
    scores: dict[str, float] = {}
    for pair in alignments:
        claims[pair.a.id], claims[pair.b.id] = pair.a, pair.b
        for claim in (pair.a, pair.b):
            scores[claim.id] = max(scores.get(claim.id, 0.0), pair.score)
        parent[root(pair.a.id)] = root(pair.b.id)
    facts: dict[str, list[Claim]] = {}
    for claim_id, claim in claims.items():
        facts.setdefault(root(claim_id), []).append(claim)
    result = []
    for members in facts.values():
        members.sort(key=lambda c: (order[c.doc], c.start))
        unit = members[0].unit
        for claim in members:
            others = [o for o in members if o.doc != claim.doc]
            agree = tuple(o for o in others if interval(claim, unit).overlaps(interval(o, unit)))
            disagree = tuple(o for o in others if o not in agree)
            result.append(Statement(claim, agree, disagree, scores[claim.id]))
    return sorted(result, key=lambda s: (order[s.claim.doc], s.claim.start))


def reliability(statements: list[Statement]) -> dict[str, float]:
    """How often each document agrees with the others over all facts (Laplace-smoothed): a tie
    between two statements goes against the document that disagrees more often elsewhere."""
    agree: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for statement in statements:
        agree[statement.claim.doc] += len(statement.agree)
        total[statement.claim.doc] += len(statement.agree) + len(statement.disagree)
    return {doc: (agree[doc] + 1) / (total[doc] + 2) for doc in total}


def is_odd_one_out(statement: Statement, by_claim: dict[str, Statement], order: dict[str, int],
                   trust: dict[str, float]) -> bool:
    """Whether a statement has less support than one it disagrees with; on equal support, its
    document is less reliable; on equal reliability too, it comes later in the input."""
    def rank(claim: Claim) -> tuple[int, float, int]:
        return by_claim[claim.id].support, trust[claim.doc], -order[claim.doc]
    mine = rank(statement.claim)
    return any(rank(other) > mine for other in statement.disagree)
