"""AR07: a change between two stated rates written in % where it is a difference in points."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from types import MappingProxyType

from checks.arithmetic.growth import of_document, readings, signed
from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import DocumentRule
from checks.values import shown
from claims.claim import Claim
from claims.numbers import plain
from sources.document import Document


@register
class PercentForPoints(DocumentRule):
    """A change between two stated rates written in % where it is their difference in points.

    What it does
    Finds a change stated with the two rates it is between, as `由11.6%回落至10%,回落1.6%` or
    `增速为10%,比上年的11.6%回落1.6%`, and flags the change when it is written in % and matches the
    difference in percentage points (10 − 11.6 = −1.6) but not the relative change (−13.8 %).

    Why is this bad?
    A change of a rate in % reads as a relative change: `回落1.6%` says the rate fell by 1.6 % of
    itself (11.6 % to 11.4 %), not to 10 %. The difference of two rates is in 个百分点.

    Example
    `增速由11.6%回落至10%,回落1.6%`.

    Use instead
    `增速由11.6%回落至10%,回落1.6个百分点`.
    """

    code = "AR07"
    name = "percent-for-points"
    default_severity = Severity.WARNING
    messages = MappingProxyType({
        "zh": "由{first}到{last}相差{points}个百分点,“{change}”应写作“{value}个百分点”(按相对变化应为{relative})",
        "en": "from {first} to {last} is a difference of {points} percentage points: write “{value}个百分点”, "
              "not “{change}” (a relative change would be {relative})",
    })

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        for start, end, change in _rate_changes(of_document(corpus, doc, claims)):
            found = dict((label, reading) for reading, label in readings(start, end, change))
            stated = signed(change, doc.text)
            points, relative = found.get("points"), found.get("relative")
            if points is None or relative is None or not points.overlaps(stated) or relative.overlaps(stated):
                continue
            yield self.finding(
                doc.id, change.start, change.end, claims=(change.id, start.id, end.id),
                related=[Location(doc.id, start.start, start.end, f"from: {shown(start)}", f"起点：{shown(start)}"),
                         Location(doc.id, end.start, end.end, f"to: {shown(end)}", f"终点：{shown(end)}")],
                evidence={"start": shown(start), "end": shown(end), "change": shown(change),
                          "change_interval": stated.show(), "points_interval": points.show(),
                          "relative_interval": relative.show()},
                first=shown(start), last=shown(end), change=shown(change), value=str(plain(change.value)),
                points=str(plain(abs(end.value - start.value))), relative=f"{_middle(relative):.3g}%")


def _rate_changes(found: list[tuple[Claim, Claim, Claim]]) -> Iterator[tuple[Claim, Claim, Claim]]:
    """The (start, end, change) of ``found`` (``growth.changes``) of two percentages: 由A到B…change,
    and B,比…A change."""
    for start, end, change in found:
        if start.kind == end.kind == change.kind == "percent":
            yield start, end, change


def _middle(reading) -> float:
    low, high = reading.show()
    return (low + high) / 2
