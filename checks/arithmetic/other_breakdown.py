"""AR05: the part that another document's breakdown of the same total shows to be wrong."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import combinations, islice
from types import MappingProxyType

from checks.arithmetic.breakdowns import WHOLE, Breakdown, label, of_document
from checks.arithmetic.sums import added, allowed, middle, summed
from checks.comparable import compare
from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import CorpusRule
from checks.values import Interval, shown
from claims.claim import Claim

_Stated = tuple[Claim, Interval]  # a claim and what it allows (``allowed``)
_SUFFIX = re.compile(r"(?<=..)[区县旗市镇乡]$")  # 和林县 and 和林, 玉泉区 and 玉泉 name one place
_BATCHES = 3  # at most this many breakdowns of the other document make up the total
_AGREEING = 2  # parts that must agree besides the wrong ones, so that the lists are the same
_IGNORED = frozenset({"status", "scope", "aggregate"})  # a plan and its report count the same parts


@dataclass(frozen=True)
class _Shape:
    """A breakdown that adds up, as what a reference needs of it: its unit, measure, total and parts
    by name (documents copying one another share their shapes, so each is judged once)."""

    unit: str | None
    measure: str | None
    total: Interval
    parts: tuple[tuple[str, Interval], ...]


@dataclass(frozen=True)
class _Reference:
    """Another document's parts by name, from breakdowns that add up and together make the total."""

    parts: dict[str, list[Claim]]
    totals: tuple[Claim, ...]


@register
class PartAgainstOtherBreakdown(CorpusRule):
    """A part that another document's breakdown of the same total shows to be wrong.

    What it does
    Takes each complete breakdown whose parts miss their total (what AR01 flags) and looks in the
    other documents for the same total, in the same unit and period, broken down by the same names
    in lists that do add up, directly or in up to three batches whose totals make it
    (`272个,包含第一批156个、第二批116个`, each with its list by district). When at least two
    named parts agree and the ones that disagree account for the whole gap, those parts are
    flagged: the total is right and they are wrong, by exactly the missing amount. Names match
    without their last 区/县/旗 (和林县 and 和林).

    Why is this bad?
    A breakdown that does not add up says only that some figure is wrong; another document's
    list of the same total says which one, and what it should be.

    Example
    Document A: `计划改造老旧小区共计200个(昆都仑区40个、青山区35个、东河区30个、九原区45个、
    石拐区20个)` (170); document B: `计划改造200个,包括第一批120个和第二批80个`, with
    `第一批120个小区中,昆都仑区40个、青山区20个、东河区30个、九原区20个、石拐区10个` and
    `第二批80个小区中,青山区15个、九原区25个、石拐区10个、东河区30个`: every district agrees but
    东河区, 30 in A and 30 + 30 = 60 in B, which is exactly the missing 30.

    Use instead
    The part as the other document's lists give it (`东河区60个`), or a corrected total.
    """

    code = "AR05"
    name = "part-against-another-breakdown"
    default_severity = Severity.WARNING
    messages = MappingProxyType({
        "zh": "{name}{part}与另一文件对同一合计{total}的分项不符(另一文件:{other}={other_sum});"
              "按后者,分项之和为{fixed},与合计相符",
        "en": "{name} {part} differs from another document's breakdown of the same total {total} "
              "({other} = {other_sum}); with that figure the parts add up to {fixed}, the total",
    })

    def check_corpus(self, corpus: Corpus) -> Iterable[Finding]:
        found = {doc.id: of_document(corpus, doc) for doc in corpus.documents}
        wrongs = [(doc.id, b) for doc in corpus.documents for b in found[doc.id]
                  if b.listing == WHOLE and not _adds_up(b)]
        if not wrongs:
            return
        units = {(wrong.total.unit, wrong.total.measure) for _, wrong in wrongs}
        stated = _by_unit([claim for claim in corpus.claims if (claim.unit, claim.measure) in units])
        groups = _groups(corpus, found)
        for doc_id, wrong in wrongs:
            yield from self._against_others(corpus, doc_id, wrong, found, stated, groups)

    def _against_others(self, corpus: Corpus, doc_id: str, wrong: Breakdown, found: dict[str, list[Breakdown]],
                        stated: dict[tuple[str | None, str | None], dict[str, list[_Stated]]],
                        groups: dict[tuple[str | None, str | None], dict[tuple[_Shape, ...], list[str]]],
                        ) -> Iterator[Finding]:
        """The findings against the first other document (in input order) stating the total whose
        lists explain the gap: judged once per group of documents with the same shapes."""
        text = corpus.document[doc_id].text
        named = {_name(text, part): part for part in wrong.parts}
        if None in named or len(named) != len(wrong.parts):
            return
        total, allows = wrong.total, allowed(wrong.total)
        mine = stated.get((total.unit, total.measure), {})
        order, best = corpus.order, None
        for shapes, docs in groups.get((total.unit, total.measure), {}).items():
            index = next((index for index, sums in enumerate(_shaped_references(shapes, total))
                          if _culprits(wrong, named, sums)), None)
            if index is None:
                continue
            other = next((doc for doc in docs if doc != doc_id and any(
                interval.overlaps(allows) and _same_framing(total, claim) for claim, interval in mine.get(doc, ()))),
                None)
            if other is not None and (best is None or order[other] < order[best[0]]):
                best = (other, index)
        if best is None:
            return
        other, index = best
        reference = next(islice(_references(corpus.document[other].text, found[other], total), index, None))
        sums = {key: added(parts, total.unit) for key, parts in reference.parts.items()}
        yield from (self._finding(text, doc_id, wrong, part, reference.parts[key], reference)
                    for key, part in _culprits(wrong, named, sums))

    def _finding(self, text: str, doc_id: str, wrong: Breakdown, part: Claim, others: list[Claim],
                 reference: _Reference) -> Finding:
        unit = wrong.total.unit
        other_sum = added(others, unit)
        fixed = _shift(added(wrong.parts, unit), other_sum, allowed(part, unit))
        return self.finding(
            doc_id, part.start, part.end, claims=(part.id, wrong.total.id, *(c.id for c in others)),
            related=[Location(doc_id, wrong.total.start, wrong.total.end, f"total: {shown(wrong.total)}",
                              f"合计：{shown(wrong.total)}"),
                     *(Location(c.doc, c.start, c.end, f"other document's part: {shown(c)}",
                               f"另一文档的分项：{shown(c)}") for c in others)],
            evidence={"part": shown(part), "part_interval": allowed(part, unit).show(),
                      "other_parts": [shown(c) for c in others], "other_interval": other_sum.show(),
                      "total": shown(wrong.total), "total_interval": allowed(wrong.total, unit).show(),
                      "sum_interval": added(wrong.parts, unit).show(), "fixed_sum_interval": fixed.show(),
                      "other_totals": [shown(t) for t in reference.totals]},
            name=label(text, part), part=shown(part), total=shown(wrong.total),
            other=" + ".join(shown(c) for c in others), other_sum=middle(other_sum, part), fixed=middle(fixed, part))


def _by_unit(claims: list[Claim]) -> dict[tuple[str | None, str | None], dict[str, list[_Stated]]]:
    """The claims with what they allow, by unit and measure, then by document: where another
    document's statement of a total is looked for."""
    found: dict[tuple[str | None, str | None], dict[str, list[_Stated]]] = {}
    for claim in claims:
        found.setdefault((claim.unit, claim.measure), {}).setdefault(claim.doc, []).append((claim, allowed(claim)))
    return found


def _usable(text: str, found: list[Breakdown]) -> list[Breakdown]:
    """The breakdowns of a document that add up and name every part: what may be a reference."""
    return [b for b in found if _adds_up(b) and all(_name(text, part) for part in b.parts)]


def _groups(corpus: Corpus, found: dict[str, list[Breakdown]],
            ) -> dict[tuple[str | None, str | None], dict[tuple[_Shape, ...], list[str]]]:
    """By unit and measure, the documents with the same shapes of usable breakdowns, in input order."""
    groups: dict[tuple[str | None, str | None], dict[tuple[_Shape, ...], list[str]]] = {}
    for doc in corpus.documents:
        by_unit: dict[tuple[str | None, str | None], list[_Shape]] = {}
        for b in _usable(doc.text, found[doc.id]):
            unit = b.total.unit
            by_unit.setdefault((unit, b.total.measure), []).append(_Shape(
                unit, b.total.measure, allowed(b.total, unit),
                tuple((_name(doc.text, part), allowed(part, unit)) for part in b.parts)))
        for key, shapes in by_unit.items():
            groups.setdefault(key, {}).setdefault(tuple(shapes), []).append(doc.id)
    return groups


def _shaped_references(shapes: tuple[_Shape, ...], total: Claim) -> Iterator[dict[str, Interval]]:
    """What ``_references`` gives of a document with these shapes: each reference's parts summed
    by name, in the same order."""
    stated = allowed(total)
    for size in range(1, _BATCHES + 1):
        for batch in combinations(shapes, size):
            if summed([shape.total for shape in batch]).overlaps(stated):
                parts: dict[str, list[Interval]] = {}
                for shape in batch:
                    for name, interval in shape.parts:
                        parts.setdefault(name, []).append(interval)
                yield {name: summed(intervals) for name, intervals in parts.items()}


def _references(text: str, found: list[Breakdown], total: Claim) -> Iterator[_Reference]:
    """Sets of ``found`` breakdowns that add up and whose totals make ``total`` (in a document that
    states ``total`` itself for the same period)."""
    stated = allowed(total)
    usable = [b for b in _usable(text, found) if b.total.unit == total.unit and b.total.measure == total.measure]
    for size in range(1, _BATCHES + 1):
        for batch in combinations(usable, size):
            if added([b.total for b in batch], total.unit).overlaps(stated):
                parts: dict[str, list[Claim]] = {}
                for breakdown in batch:
                    for part in breakdown.parts:
                        parts.setdefault(_name(text, part), []).append(part)
                yield _Reference(parts, tuple(b.total for b in batch))


def _culprits(wrong: Breakdown, named: dict[str | None, Claim], sums: dict[str, Interval]) -> list[tuple[str, Claim]]:
    """The parts of ``wrong`` that a reference (its parts summed by name) gives otherwise, when
    they explain the whole gap."""
    unit = wrong.total.unit
    agreeing, culprits = 0, []
    for key, part in named.items():
        if key not in sums:
            continue
        if sums[key].overlaps(allowed(part, unit)):
            agreeing += 1
        else:
            culprits.append((key, part))
    if agreeing < _AGREEING or not culprits:
        return []
    fixed = added(wrong.parts, unit)
    for key, part in culprits:
        fixed = _shift(fixed, sums[key], allowed(part, unit))
    return culprits if fixed.overlaps(allowed(wrong.total, unit)) else []


def _same_framing(total: Claim, claim: Claim) -> bool:
    """Whether ``claim`` (of the same unit and measure, with an interval overlapping it) may state ``total``."""
    return not compare(total, claim, _IGNORED).different


def _adds_up(breakdown: Breakdown) -> bool:
    return added(breakdown.parts, breakdown.total.unit).overlaps(allowed(breakdown.total))


def _name(text: str, part: Claim) -> str | None:
    found = label(text, part)
    return _SUFFIX.sub("", found) if found else None


def _shift(summed: Interval, new: Interval, old: Interval) -> Interval:
    """``summed`` with the part ``old`` replaced by ``new``."""
    if None in (summed.low, summed.high, new.low, new.high, old.low, old.high):
        return Interval(None, None)
    return Interval(summed.low - old.high + new.low, summed.high - old.low + new.high)
