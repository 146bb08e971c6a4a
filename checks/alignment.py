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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from checks.comparable import compare, comparison_key
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


@dataclass(frozen=True, slots=True)
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


def blocks(claims: Iterable[Claim], place: Callable[[Claim], object]) -> list[list[Claim]]:
    """The claims that may align, by place, kind, unit class and the first or last two
    characters of the normalized subject (each claim in two blocks); blocks of one document only
    are left out."""
    found: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        subject = normalized_subject(claim.subject) if claim.kind in ALIGNED and claim.subject else ""
        if len(subject) >= 2:
            key = _block_key(claim, place)
            found[(*key, "head", subject[:2])].append(claim)
            found[(*key, "tail", subject[-2:])].append(claim)
    return [members for members in found.values() if len({claim.doc for claim in members}) > 1]


_NONE: frozenset[str] = frozenset()
Best = dict[tuple[str, str], tuple[float, str]]  # (claim id, other doc) → (score, other claim id)
MapBlocks = Callable[[Callable[[tuple], Best], list[tuple]], Iterable[Best]]  # ``map`` or an executor's


def align(claims: Iterable[Claim], documents: list[str], min_score: float,
          place: Callable[[Claim], object] = lambda claim: claim.place,
          ignore: frozenset[str] = frozenset(),
          restated: Mapping[str, frozenset[str]] | None = None, run: MapBlocks = map) -> list[Alignment]:
    """Mutual best matches between claims of different documents (``documents`` gives their order).

    ``place`` is the blocking key for places: the place itself for same-place alignment, or a
    coarser key (the province) when looking across administrative levels. Aspects in ``ignore``
    ("period", "status") are not compared (``checks.comparable.compare``). ``restated`` maps a
    claim's id to the documents that restate it in the same words (``checks.passages``, its own
    included): such pairs are left to the restatement rules. Each block is matched on its own (``align_block``)
    and the blocks' best matches merged in any order; ``run`` maps the blocks (default: here, one
    after another; a Dask cluster's map sends them to its workers).
    """
    claims, restated = list(claims), restated or {}
    order = {doc: index for index, doc in enumerate(documents)}
    by_id = {claim.id: claim for claim in claims}
    tasks = [(block, min_score, ignore, {claim.id: restated[claim.id] for claim in block if claim.id in restated})
             for block in blocks(claims, place)]
    best: Best = {}
    for found in run(_align_task, tasks):
        for key, (score, other) in found.items():
            _keep_best(best, key, score, other)
    uncertain: dict[tuple, tuple[str, ...]] = {}
    pairs = []
    for (claim_id, other_doc), (score, other_id) in best.items():
        a, b = by_id[claim_id], by_id[other_id]
        mutual = best.get((other_id, a.doc), (0, ""))[1] == claim_id
        if mutual and order[a.doc] < order[other_doc]:
            aspects = (comparison_key(a), comparison_key(b))
            if aspects not in uncertain:
                uncertain[aspects] = compare(a, b, ignore).uncertain
            pairs.append(Alignment(a, b, round(score, 1), uncertain[aspects]))
    return sorted(pairs, key=lambda p: (order[p.b.doc], p.b.start, order[p.a.doc], p.a.start))


def align_block(members: list[Claim], min_score: float, ignore: frozenset[str],
                restated: Mapping[str, frozenset[str]]) -> Best:
    """Per claim of the block and other document, its best match in the block: the highest
    subject score (ties: the smaller claim id) among the claims of that document with a compatible
    year, not a different fact (``checks.comparable``) and not restated in the same words.

    Identical statements are collapsed first: claims with the same normalized subject, year,
    aspects (period, aggregate, scope, status) and restating documents form one class, subjects
    are scored once per distinct pair, comparisons once per pair of aspects, and a class is not
    matched with itself when its claims restate one another. A pure function of its (picklable)
    arguments, so blocks can be mapped over a process pool.
    """
    classes: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in members:
        classes[(normalized_subject(claim.subject), year_of(claim), comparison_key(claim),
                 restated.get(claim.id, _NONE))].append(claim)
    subjects = sorted({key[0] for key in classes})
    index = {subject: number for number, subject in enumerate(subjects)}
    scores = process.cdist(subjects, subjects, scorer=fuzz.ratio, score_cutoff=min_score)
    keys = list(classes)
    first = {key: classes[key][0] for key in keys}
    by_doc = {key: _lowest_by_doc(classes[key]) for key in keys}
    different: dict[tuple, bool] = {}
    best: Best = {}
    for x in keys:
        subject, year, aspects, copies = x
        for y in keys:
            score = float(scores[index[subject], index[y[0]]])
            if score < min_score or (year and y[1] and year != y[1]) or (x == y and copies):
                continue
            if (aspects, y[2]) not in different:
                different[(aspects, y[2])] = bool(compare(first[x], first[y], ignore).different)
            if different[(aspects, y[2])]:
                continue
            candidates = [(doc, other) for doc, other in by_doc[y].items() if doc not in copies]
            for claim in classes[x]:
                if claim.doc in y[3]:
                    continue
                for doc, other in candidates:
                    if doc != claim.doc:
                        _keep_best(best, (claim.id, doc), score, other)
    return best


def _align_task(task: tuple[list[Claim], float, frozenset[str], Mapping[str, frozenset[str]]]) -> Best:
    """``align_block`` of one block's arguments: a function of one item, for a map."""
    return align_block(*task)


def _lowest_by_doc(claims: list[Claim]) -> dict[str, str]:
    """Each document's claim of the smallest id among ``claims``."""
    lowest: dict[str, str] = {}
    for claim in claims:
        if claim.doc not in lowest or claim.id < lowest[claim.doc]:
            lowest[claim.doc] = claim.id
    return lowest


def _keep_best(best: Best, key: tuple[str, str], score: float, other: str) -> None:
    """Keep, per claim and other document, the best-scoring other claim (ties: the smaller id)."""
    current = best.get(key)
    if current is None or score > current[0] or (score == current[0] and other < current[1]):
        best[key] = (score, other)
