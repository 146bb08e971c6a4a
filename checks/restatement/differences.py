"""How a restated figure differs from the best-supported statement of it.

The claims of a restatement (``checks.passages``) are grouped by what they state: value, interval,
unit, measure class, qualifier and precision. Notation alone (1,000 and 1000, 十七 and 17, 萬 and
万, full-width digits) states the same thing. The statement most documents make is the source; on
equal support, the one of the earliest document (list the authoritative sources first). Every
other statement is a difference, unless the two claims cannot be compared after all: another
place, another period, aggregate or scope (``checks.comparable``), a date, or another year in a short
sentence.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from checks.alignment import unit_class, year_of
from checks.comparable import compare, comparison_key
from checks.corpus import Corpus
from checks.passages import MIN_FUZZY, Passage, Restatement
from checks.values import Interval, interval, tolerance
from claims.claim import Claim

CHANGES_ZH = {"value": "数值", "qualifier": "限定词", "precision": "精度", "unit": "单位", "measure": "量词"}


@dataclass(frozen=True)
class Difference:
    """A restated figure that differs from the source statement: the claim, its passage, the
    source claim and passage, every claim stating the source's figure (the source first), whether
    the two intervals cannot overlap, and what changed (value, qualifier, precision, unit, measure)."""

    claim: Claim
    passage: Passage
    source: Claim
    source_passage: Passage
    support: tuple[Claim, ...]
    disjoint: bool
    changes: tuple[str, ...]


def _stated(claim: Claim) -> tuple:
    return claim.kind, claim.value, claim.low, claim.high, claim.unit, unit_class(claim), claim.qualifier, \
        claim.precision


def differences(restatement: Restatement) -> list[Difference]:
    """Each claim of ``restatement`` that states its figure otherwise than the source statement,
    in the restatement's order. Claims stating one figure are compared with the source once per
    place, year, aspects and sentence length, not once each."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for index, claim in enumerate(restatement.claims):
        groups[_stated(claim)].append(index)
    if len(groups) < 2:
        return []
    source_group = max(groups.values(), key=lambda members: (len(members), -members[0]))
    source_index = source_group[0]
    source, source_passage = restatement.claims[source_index], restatement.passages[source_index]
    support = tuple(restatement.claims[i] for i in source_group)
    found = []
    for members in groups.values():
        if members is source_group:
            continue
        kept: dict[tuple, bool] = {}
        outcomes: dict[Decimal, tuple[bool, tuple[str, ...]]] = {}  # by tolerance: all else is the group's
        for index in members:
            claim = restatement.claims[index]
            short = min(restatement.passages[index].words, source_passage.words) < MIN_FUZZY
            seen = (claim.place, year_of(claim), comparison_key(claim), short)
            if seen not in kept:
                kept[seen] = comparable(claim, source, short)
            if kept[seen]:
                half = tolerance(claim)
                if half not in outcomes:
                    outcomes[half] = compared(claim, source)
                found.append(Difference(claim, restatement.passages[index], source, source_passage, support,
                                        *outcomes[half]))
    return found


def comparable(claim: Claim, source: Claim, short: bool = False) -> bool:
    """Whether two claims of one restatement state the same figure: the same place where both are
    known, not another period, aggregate or scope, and no date (a changed date is another time).
    The status is no test: a copy that turns 计划完成 into 完成 still restates the plan's figure. The
    year a figure is about outside its sentence only counts for a ``short`` sentence, one a
    bulletin may repeat every year (第三产业增加值X亿元，增长Y%): a long sentence's own dates
    already agree (``checks.passages``), and a reprint published later still restates its
    source's year."""
    if "date" in (claim.kind, source.kind):
        return False
    if claim.place and source.place and claim.place != source.place:
        return False
    if short and year_of(claim) and year_of(source) and year_of(claim) != year_of(source):
        return False
    return not compare(claim, source, frozenset({"status"})).different


def compared(claim: Claim, source: Claim) -> tuple[bool, tuple[str, ...]]:
    """Whether the two intervals cannot overlap, and what changed."""
    here, there = _intervals(claim, source)
    changes = []
    if claim.value != source.value:
        changes.append("value")
    if claim.qualifier != source.qualifier:
        changes.append("qualifier")
    if claim.precision != source.precision and "value" not in changes:
        changes.append("precision")
    if claim.unit != source.unit:
        changes.append("unit")
    if unit_class(claim) != unit_class(source):
        changes.append("measure")
    return not here.overlaps(there), tuple(changes)


def _intervals(claim: Claim, source: Claim) -> tuple[Interval, Interval]:
    """Both intervals in the source's unit, or each in its own when the units do not convert."""
    try:
        return interval(claim, source.unit), interval(source, source.unit)
    except TypeError:  # pint's DimensionalityError: the units do not convert
        return interval(claim), interval(source)


def sentence(corpus: Corpus, passage: Passage) -> str:
    """The passage as its document's original text has it, without line breaks."""
    start, end = corpus.document[passage.doc].original_span(passage.start, passage.end)
    return " ".join(corpus.document[passage.doc].original[start:end].split())
