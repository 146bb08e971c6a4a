"""AR09: shares of one whole, listed together, that add up to more than all of it."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from types import MappingProxyType

from checks.arithmetic.breakdowns import partitioned
from checks.arithmetic.sums import added, difference
from checks.arithmetic.vocab import arithmetic_words
from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import DocumentRule
from checks.values import Interval, shown
from claims.claim import Claim
from claims.numbers import plain
from claims.sentences import WITHIN_CLAUSE
from claims.vocab import list_words
from sources.document import Document
from vocab.files import alternation

_WORDS = arithmetic_words()
_LISTS = list_words()
_SHARE_WORDS = alternation((*_WORDS["share"], *_WORDS["share_nouns"], *_WORDS["share_of"]))
# 一、二、三产业占比分别为…, 分别占全市的… : shares listed item by item
_SHARES_LEAD = re.compile(rf"(?:{_SHARE_WORDS}){WITHIN_CLAUSE}{{0,6}}{_LISTS.respectively}|"
                          rf"{_LISTS.respectively}(?:{_SHARE_WORDS})")
_WHOLE = Decimal(100)


@register
class SharesOverWhole(DocumentRule):
    """Shares of one whole, listed item by item, above 100 % (or below it when all are listed).

    What it does
    Finds percentages listed together as the shares of one whole (`一、二、三产业占比分别为8.4%、
    30.5%、63.1%`, `分别占全市的45%、38%、25%`) and flags the list when its sum, with the rounding
    each figure allows, must exceed 100 %. A list of only some of the shares may add up to less,
    so only an excess is flagged, unless the items are every member of a complete partition
    (一、二、三产业; 城镇 and 乡村: ``data/partitions.txt``), whose shares must add up to 100 %.
    Shares of different places or years (`两市第三产业比重分别为…`) and changes of shares
    (`占比分别提高…`) are not one whole.

    Why is this bad?
    The parts of one whole cannot together be more than the whole: one of the shares is wrong, or
    the list mixes shares of different wholes.

    Example
    `一、二、三产业占比分别为8.4%、30.5%、63.4%` (8.4 + 30.5 + 63.4 = 102.3 %).

    Use instead
    `一、二、三产业占比分别为8.4%、28.5%、63.1%`.
    """

    code = "AR09"
    name = "shares-over-whole"
    default_severity = Severity.WARNING
    messages = MappingProxyType({
        "zh": "各部分占比之和为{sum}%,不是100%,相差{gap}个百分点,舍入至多解释{rounding}({parts})",
        "en": "the shares add up to {sum}%, not 100 %: a gap of {gap} points, of which rounding can explain "
              "at most {rounding} ({parts})",
    })

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        for shares in _share_lists(doc.text, claims):
            summed = added(shares, "percent")
            complete = partitioned(doc.text, shares)
            if summed.low is None or summed.high is None or summed.contains(_WHOLE) \
                    or (summed.high < _WHOLE and not complete):
                continue
            gap, rounding = difference(summed, Interval(_WHOLE, _WHOLE))
            first, last = shares[0], shares[-1]
            yield self.finding(
                doc.id, first.start, last.end, claims=tuple(c.id for c in shares),
                related=[Location(doc.id, c.start, c.end, f"share: {shown(c)}", f"占比：{shown(c)}") for c in shares],
                evidence={"shares": [shown(c) for c in shares], "sum_interval": summed.show(), "gap": gap,
                          "rounding_allows": rounding, "complete_list": complete},
                sum=str(plain(sum(c.value for c in shares))), gap=gap, rounding=rounding,
                parts=" + ".join(shown(c) for c in shares))


def _share_lists(text: str, claims: list[Claim]) -> Iterator[list[Claim]]:
    """Runs of two or more percentages joined by 、/和 right after a share word and 分别 (none in a
    text without 分别)."""
    if _LISTS.respectively not in text:
        return
    run: list[Claim] = []
    for claim in [*claims, None]:
        joined = claim is not None and claim.kind == "percent" and isinstance(claim.value, Decimal) and run \
            and text[run[-1].span[1]:claim.span[0]] in _LISTS.between_figures
        if joined:
            run.append(claim)
            continue
        if len(run) >= 2 and _SHARES_LEAD.search(text[run[0].clause.start:run[0].span[0]]) and _one_whole(run):
            yield run
        run = [claim] if claim is not None and claim.kind == "percent" and isinstance(claim.value, Decimal) else []


def _one_whole(shares: list[Claim]) -> bool:
    """Whether the shares are of different items of one whole: each its own subject (the items of
    the 分别 list), one place, one period, and levels, not changes of shares (占比分别提高…)."""
    return (len({c.subject for c in shares}) == len(shares) and len({c.place for c in shares}) == 1
            and len({c.period for c in shares}) == 1 and all(c.aggregate != "change" for c in shares))
