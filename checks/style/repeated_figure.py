"""ST02 repeated-figure."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from types import MappingProxyType

from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import DocumentRule
from claims.claim import Claim
from claims.numbers import plain
from sources.document import Document

SKIPPED_KINDS = {"date", "rank"}


@register
class RepeatedFigure(DocumentRule):
    """The same figure stated for two different subjects in one sentence, a possible copy slip.

    What it does
    Within each sentence, flags a figure that repeats an earlier one exactly (same kind, value
    and unit) while counting something else (a different subject, neither containing the
    other). Only figures with at least ``min_digits`` (3) significant digits are compared, so
    round or small numbers that often coincide (5个 and 5个, 100场 and 100场) are left alone;
    dates and ranks are not compared.

    Why is this bad?
    Two different things rarely come to the same three-digit number. More often the writer
    copied the previous figure and forgot to change it, and one of the two is wrong.

    Example
    全市建成218个便民服务站,培育150支志愿服务队伍,新增218个养老服务点。

    Use instead
    全市建成218个便民服务站,培育150支志愿服务队伍,新增126个养老服务点。
    (若两个数字确实相同,可写明“均为218个”。)
    """

    code = "ST02"
    name = "repeated-figure"
    default_severity = Severity.INFO
    options = MappingProxyType({"min_digits": 3})
    messages = {
        "zh": "同一句中{text}与前文“{first_text}”数值相同,但分别指{first_subject}和{subject},可能是复制错误",
        "en": "{text} repeats “{first_text}” earlier in the sentence for a different subject "
              "({first_subject} / {subject}): a possible copy slip",
    }

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        min_digits = self.settings["min_digits"]
        sentences: dict[tuple[int, int], list[Claim]] = defaultdict(list)
        for claim in claims:
            if (claim.kind in SKIPPED_KINDS or claim.value is None or not claim.subject
                    or _digits(claim) < min_digits):
                continue
            sentences[claim.sentence.index].append(claim)
        for claims in sentences.values():
            yield from self._repeats(claims)

    def _repeats(self, claims: list[Claim]) -> Iterable[Finding]:
        for i, claim in enumerate(claims):
            first = next((earlier for earlier in claims[:i] if _same_figure(earlier, claim)), None)
            if first is None or first.subject in claim.subject or claim.subject in first.subject:
                continue
            yield self.finding(
                claim.doc, claim.start, claim.end, claims=[first.id, claim.id],
                related=[Location(first.doc, first.start, first.end, f"same figure for {first.subject}",
                                         f"“{first.subject}”也是这一数字")],
                evidence={"value": plain(claim.value), "unit": claim.unit, "subject": claim.subject,
                          "first_subject": first.subject},
                text=claim.text, first_text=first.text, subject=claim.subject, first_subject=first.subject)


def _digits(claim: Claim) -> int:
    return len(claim.value.normalize().as_tuple().digits)


def _same_figure(a: Claim, b: Claim) -> bool:
    return (a.kind, a.value, a.unit) == (b.kind, b.value, b.unit)
