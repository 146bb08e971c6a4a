"""Which claims of different documents state the same fact.

Two claims align when they are about the same place and a compatible time, measure the same kind
of quantity in compatible units, and their subjects, normalized (script unified, verbs, places
and filler stripped), score at least ``min_score`` with rapidfuzz's ``ratio``. Claims are blocked
by place, kind and unit class, then by the first and last two characters of the normalized
subject; years must agree where both are known (a report that never says its year aligns with
any), so the work grows with the number of claims, not its square. Claims that are different
facts (``checks.comparable``: another period, aggregate, scope or status) never align, nor do
claims of a sentence copied from one document into the other (``checks.passages``). Of several
candidates in another document a claim keeps the best, and only mutual best matches are kept.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from rapidfuzz import fuzz, process

from checks.comparable import compare
from claims.claim import Claim
from claims.kinds import ALIGNED
from claims.subject import clean, verbs
from vocab.files import csv_rows, data_sections, in_order

FILLER_SECTIONS = ("filler_before", "filler_after")


@cache
def _measure_classes() -> dict[str, str]:
    """Measure words that count the same things (data/measure_classes.csv): 名 → 人."""
    return {row["word"]: row["class"] for row in csv_rows("checks", "measure_classes.csv", ("word", "class"))}


@cache
def _filler() -> re.Pattern[str]:
    """Filler at the start (in the listed order, data/alignment_words.txt) or the end of a subject."""
    words = data_sections("checks", "alignment_words.txt", known=FILLER_SECTIONS)
    return re.compile(rf"^(?:{in_order(words['filler_before'])})+|(?:{in_order(words['filler_after'])})$")


@dataclass(frozen=True)
class Alignment:
    """Claim ``a`` (earlier document) and claim ``b`` (later document) state the same fact."""

    a: Claim
    b: Claim
    score: float
    uncertain: tuple[str, ...] = ()  # why they may not be comparable after all (a period stated on one side)

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why the two align, for a finding's evidence."""
        a, b = self.a, self.b
        return (f"place {a.place} / {b.place}", f"year {year_of(a) or '?'} / {year_of(b) or '?'}",
                f"kind {a.kind}, measure {unit_class(a) or '-'}",
                f"subjects {a.subject} ~ {b.subject} ({self.score:.1f})", *self.uncertain)


@cache
def normalized_subject(subject: str) -> str:
    """The subject stripped of verbs, filler and bracketed notes: 改造老旧小区 → 老旧小区."""
    return _filler().sub("", verbs().sub("", clean(subject)))


def subjects_agree(subject: str, other: str, min_score: float, containing: bool = False) -> bool:
    """Whether two subjects agree once normalized (each kept as it is when nothing is left): a
    rapidfuzz ``ratio`` of at least ``min_score`` or, when ``containing``, one of two characters or
    more held in the other (a headline's 出资 in the body's 概算出资)."""
    a, b = normalized_subject(subject) or subject, normalized_subject(other) or other
    if containing and min(len(a), len(b)) >= 2 and (a in b or b in a):
        return True
    return fuzz.ratio(a, b) >= min_score


def unit_class(claim: Claim) -> str:
    """What must agree for two figures to be compared: the measure class or the unit."""
    if claim.kind == "count":
        return _measure_classes().get(claim.measure or "", claim.measure or "")
    return claim.unit or ""


def year_of(claim: Claim) -> str:
    return (claim.time or "")[:4]


def _block_key(claim: Claim, place: Callable[[Claim], object]) -> tuple:
    return place(claim), claim.kind, unit_class(claim)


def align(claims: Iterable[Claim], documents: list[str], min_score: float,
          place: Callable[[Claim], object] = lambda claim: claim.place,
          ignore: frozenset[str] = frozenset(),
          copied: Callable[[Claim, Claim], bool] = lambda a, b: False) -> list[Alignment]:
    """Mutual best matches between claims of different documents (``documents`` gives their order).

    ``place`` is the blocking key for places: the place itself for same-place alignment, or a
    coarser key (the province) when looking across administrative levels. Aspects in ``ignore``
    ("period", "status") are not compared (``checks.comparable.compare``). Pairs ``copied`` says are
    restated in the same words are left to the restatement rules.
    """
    order = {doc: index for index, doc in enumerate(documents)}
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        subject = normalized_subject(claim.subject) if claim.kind in ALIGNED and claim.subject else ""
        if len(subject) >= 2:
            key = _block_key(claim, place)
            blocks[(*key, "head", subject[:2])].append(claim)
            blocks[(*key, "tail", subject[-2:])].append(claim)
    best: dict[tuple[str, str], tuple[float, str]] = {}  # (claim id, other doc) → (score, other id)
    by_id: dict[str, Claim] = {}
    for members in blocks.values():
        if len({claim.doc for claim in members}) < 2:
            continue
        subjects = [normalized_subject(claim.subject) for claim in members]
        years = [year_of(claim) for claim in members]
        scores = process.cdist(subjects, subjects, scorer=fuzz.ratio, score_cutoff=min_score)
        for first in members:
            by_id[first.id] = first
        for i, j in zip(*np.nonzero(scores >= min_score), strict=True):
            first, second = members[i], members[j]
            if first.doc != second.doc and (not years[i] or not years[j] or years[i] == years[j]) \
                    and not compare(first, second, ignore).different and not copied(first, second):
                _keep_best(best, first, second, float(scores[i, j]))
    pairs = []
    for (claim_id, other_doc), (score, other_id) in best.items():
        a, b = by_id[claim_id], by_id[other_id]
        mutual = best.get((other_id, a.doc), (0, ""))[1] == claim_id
        if mutual and order[a.doc] < order[other_doc]:
            pairs.append(Alignment(a, b, round(score, 1), compare(a, b, ignore).uncertain))
    return sorted(pairs, key=lambda p: (order[p.b.doc], p.b.start, order[p.a.doc], p.a.start))


def _keep_best(best: dict, claim: Claim, other: Claim, score: float) -> None:
    """Keep, per claim and other document, the best-scoring other claim (ties: the closer value)."""
    key = (claim.id, other.doc)
    current = best.get(key)
    if current is None or score > current[0] or (score == current[0] and other.id < current[1]):
        best[key] = (score, other.id)

