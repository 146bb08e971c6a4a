"""CS07 changed-measure."""
from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from itertools import combinations, islice
from types import MappingProxyType

from rapidfuzz import fuzz

from checks.alignment import normalized_subject, unit_class
from checks.corpus import Corpus
from checks.finding import LISTED, Finding, Location, Severity
from checks.registry import register
from checks.rule import CorpusRule
from checks.values import shown
from claims.claim import Claim
from vocab.files import csv_rows


@cache
def confusable() -> frozenset[frozenset[str]]:
    """Pairs of measure classes that are easily swapped (``data/confusable_measures.csv``)."""
    rows = csv_rows("checks.cross_source", "confusable_measures.csv", ("first", "second", "note"))
    return frozenset(frozenset((row["first"], row["second"])) for row in rows)


@register
class ChangedMeasure(CorpusRule):
    """The same figure for the same thing stated with another measure word (457.46万人次 → 457.46万人).

    What it does
    Finds two counts, in one document or in two, with exactly the same value of at least
    ``min_digits`` (4) significant digits, about the same place, with subjects that agree
    (normalized, rapidfuzz ratio at least ``min_score``) but measure words that count different
    things and are easily swapped: 人 and 人次, 户 and 人, 家 and 户
    (``checks/cross_source/data/confusable_measures.csv``). The measure stated less often
    carries the finding, and the later statement when both are stated as often. Such figures
    are never aligned as one fact, so no other rule sees them; in a sentence copied word for word
    the change is RS02's.

    Why is this bad?
    A figure copied with its digits intact but its measure word changed says something else:
    4.57 million visits are not 4.57 million people. One of the two sentences was changed in the
    copy, and the reader cannot tell which.

    Example
    `黄山风景区接待游客457.46万人次` in the bulletin and `黄山风景区接待游客457.46万人` in its reprint.

    Use instead
    The source's measure word in both: `接待游客457.46万人次`.
    """

    code = "CS07"
    name = "changed-measure"
    default_severity = Severity.WARNING
    options = MappingProxyType({"min_digits": 4, "min_score": 75.0})
    messages = MappingProxyType({
        "zh": "“{subject}”此处为{this},{where_zh}为{other}:数字相同,量词不同({measure}与{other_measure})",
        "en": "{subject} is {this} here and {other} {where_en}: the same digits with another measure word "
              "({measure} / {other_measure})",
    })

    def check_corpus(self, corpus: Corpus) -> Iterable[Finding]:
        groups: dict[tuple, list[Claim]] = defaultdict(list)
        for claim in corpus.claims:
            if claim.kind == "count" and isinstance(claim.value, Decimal) and claim.subject \
                    and _digits(claim.value) >= self.settings["min_digits"]:
                groups[(claim.place, claim.value)].append(claim)
        for members in groups.values():
            classes = {unit_class(claim) for claim in members}
            if not any(frozenset(pair) in confusable() for pair in combinations(sorted(classes), 2)):
                continue  # one measure class, or classes nobody swaps: a thousand copies cost nothing
            partners = self._partners(members, corpus)
            support = Counter(unit_class(claim) for claim in members if partners[claim.id])
            position = {claim.id: index for index, claim in enumerate(members)}  # as in the input
            for claim in members:
                found = partners[claim.id]
                if found and all(_loses(claim, cell.measure, others, support, position) for cell, others in found):
                    yield self._finding(claim, [others for _, others in found], position, corpus)

    def _partners(self, members: list[Claim], corpus: Corpus) -> dict[str, list[tuple[_Cell, tuple[Claim, ...]]]]:
        """Each member's id → the members stating its figure for the same thing with a swappable
        measure, not copied in the same words: per cell of alike members (measure class, subject
        and restating documents), those of documents the member's sentence is not copied into.
        A cell whose documents copy the member's sentence is left out whole, and each cell is
        filtered once per set of copying documents, so thousands of copies cost one pass per cell."""
        cells: dict[tuple, _Cell] = {}
        for claim in members:
            key = (unit_class(claim), normalized_subject(claim.subject), corpus.restating(claim))
            cells.setdefault(key, _Cell(*key, [])).claims.append(claim)
        scores: dict[tuple[str, str], bool] = {}
        kept: dict[tuple[frozenset[str], tuple], tuple[Claim, ...]] = {}
        partners = {}
        for claim in members:
            own, subject, copies = unit_class(claim), normalized_subject(claim.subject), corpus.restating(claim)
            found = []
            for key, cell in cells.items():
                if frozenset((own, cell.measure)) not in confusable() or claim.doc in cell.copies \
                        or not self._alike(subject, cell.subject, scores):
                    continue
                if (copies, key) not in kept:
                    kept[(copies, key)] = tuple(o for o in cell.claims if o.doc not in copies)
                if kept[(copies, key)]:
                    found.append((cell, kept[(copies, key)]))
            partners[claim.id] = found
        return partners

    def _alike(self, subject: str, other: str, scores: dict[tuple[str, str], bool]) -> bool:
        """Whether two normalized subjects are the same thing (kept in ``scores``)."""
        if (subject, other) not in scores:
            scores[(subject, other)] = fuzz.ratio(subject, other) >= self.settings["min_score"]
        return scores[(subject, other)]

    def _finding(self, claim: Claim, found: list[tuple[Claim, ...]], position: dict[str, int],
                 corpus: Corpus) -> Finding:
        listed = list(islice(heapq.merge(*found, key=lambda o: position[o.id]), LISTED))
        count = sum(len(others) for others in found)
        other = listed[0]
        same_doc = all(o.doc == claim.doc for others in found for o in others)
        return self.finding(
            claim.doc, claim.start, claim.end, claims=(claim.id, *(o.id for o in listed)),
            related=[Location(o.doc, o.start, o.end, f"stated as {shown(o)} here",
                              f"此处为{shown(o)}") for o in listed],
            evidence={"value": shown(claim), "measure": claim.measure,
                      "others": [{"doc": o.doc, "value": shown(o), "measure": o.measure} for o in listed],
                      "others_count": count},
            unlisted=count - len(listed),
            subject=claim.subject, this=shown(claim), other=shown(other), measure=claim.measure,
            other_measure=other.measure, where_zh="本文其他处" if same_doc else corpus.name(other.doc),
            where_en="elsewhere in this document" if same_doc else f"in {corpus.name(other.doc)}")


@dataclass(frozen=True, slots=True)
class _Cell:
    """Members of a group alike for this rule: one measure class, normalized subject and set of
    documents restating them in the same words, in the group's order."""

    measure: str
    subject: str
    copies: frozenset[str]
    claims: list[Claim]


def _loses(claim: Claim, measure: str, others: tuple[Claim, ...], support: Counter[str],
           position: dict[str, int]) -> bool:
    """Whether ``claim``'s measure is the odd one against each of ``others`` (of one ``measure``
    class, in the input's order): less often stated, or, as often, stated later than all."""
    mine, theirs = support[unit_class(claim)], support[measure]
    return mine < theirs or (mine == theirs and position[claim.id] > position[others[-1].id])


@cache
def _digits(value: Decimal) -> int:
    """Significant digits of a value: 4574600 → 5."""
    return len(value.normalize().as_tuple().digits)
