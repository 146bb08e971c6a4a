"""CS07 changed-measure."""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from decimal import Decimal
from functools import cache
from itertools import combinations
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
        order = {claim.id: index for index, claim in enumerate(corpus.claims)}
        for members in groups.values():
            classes = {unit_class(claim) for claim in members}
            if not any(frozenset(pair) in confusable() for pair in combinations(sorted(classes), 2)):
                continue  # one measure class, or classes nobody swaps: a thousand copies cost nothing
            partners = self._partners(members, corpus)
            support = Counter(unit_class(claim) for claim in members if partners[claim.id])
            for claim in members:
                others = partners[claim.id]
                if others and all(_loses(claim, other, support, order) for other in others):
                    yield self._finding(claim, others, corpus)

    def _partners(self, members: list[Claim], corpus: Corpus) -> dict[str, list[Claim]]:
        """Each member's id → the members (in their order) stating its figure for the same thing
        with a swappable measure, not copied in the same words. Only the measure classes swappable
        with a member's own are looked through, and each pair of subjects is scored once."""
        by_class: dict[str, list[tuple[int, Claim]]] = defaultdict(list)
        for index, claim in enumerate(members):
            by_class[unit_class(claim)].append((index, claim))
        scores: dict[tuple[str, str], bool] = {}
        partners = {}
        for claim in members:
            own = unit_class(claim)
            pool = sorted(pair for other, found in by_class.items() if frozenset((own, other)) in confusable()
                          for pair in found)
            partners[claim.id] = [o for _, o in pool if self._alike(claim, o, scores) and not corpus.copied(claim, o)]
        return partners

    def _alike(self, claim: Claim, other: Claim, scores: dict[tuple[str, str], bool]) -> bool:
        """Whether the two claims' subjects are the same thing once normalized (kept in ``scores``)."""
        key = (normalized_subject(claim.subject), normalized_subject(other.subject))
        if key not in scores:
            scores[key] = fuzz.ratio(*key) >= self.settings["min_score"]
        return scores[key]

    def _finding(self, claim: Claim, others: list[Claim], corpus: Corpus) -> Finding:
        other = others[0]
        same_doc = all(o.doc == claim.doc for o in others)
        listed = others[:LISTED]
        return self.finding(
            claim.doc, claim.start, claim.end, claims=(claim.id, *(o.id for o in listed)),
            related=[Location(o.doc, o.start, o.end, f"stated as {shown(o)} here",
                              f"此处为{shown(o)}") for o in listed],
            evidence={"value": shown(claim), "measure": claim.measure,
                      "others": [{"doc": o.doc, "value": shown(o), "measure": o.measure} for o in listed],
                      "others_count": len(others)},
            unlisted=len(others) - len(listed),
            subject=claim.subject, this=shown(claim), other=shown(other), measure=claim.measure,
            other_measure=other.measure, where_zh="本文其他处" if same_doc else corpus.name(other.doc),
            where_en="elsewhere in this document" if same_doc else f"in {corpus.name(other.doc)}")


def _loses(claim: Claim, other: Claim, support: Counter[str], order: dict[str, int]) -> bool:
    """Whether ``claim``'s measure is the odd one against ``other``'s: less often stated, or, as
    often, stated later."""
    mine, theirs = support[unit_class(claim)], support[unit_class(other)]
    return mine < theirs or (mine == theirs and order[claim.id] > order[other.id])


def _digits(value: Decimal) -> int:
    """Significant digits of a value: 4574600 → 5."""
    return len(value.normalize().as_tuple().digits)
