"""RS04: a figure a correction notice says is wrong, repeated elsewhere."""
from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from checks.alignment import subjects_agree, unit_class
from checks.corpus import Corpus
from checks.corrections import Correction
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import CorpusRule
from checks.values import shown
from claims.claim import Claim


@register
class CorrectedFigure(CorpusRule):
    """A figure repeated after a correction notice said it is wrong (“297个”有误,应为“279个”).

    What it does
    Recognizes correction notices (a paragraph with 更正, 勘误, 有误, 误为, 之误 …,
    ``checks/data/correction_words.txt``) and the wrong and right figures they name: the figure
    before 应为 (更正为, 改为) is wrong and the one after it right, the one after 误为 (误写为, 误作)
    wrong, the one before ``系…之误`` wrong. A figure anywhere else in the documents checked, in the
    notice's document or another, that repeats the wrong figure (same kind, measure or unit and
    value) for the same subject as the wrong or the right figure (normalized, rapidfuzz ratio at
    least ``min_score``, or one contained in the other) and place is flagged, naming the notice
    and the right figure. The notice's own figures state no fact: no other rule aligns or
    compares them.

    Why is this bad?
    A corrected figure lives on in reprints and in the original page when only a notice is
    published: readers who never see the notice keep quoting the wrong number.

    Example
    The notice says `“改造老旧小区297个”有误,应为“改造老旧小区279个”`; a reprint still says
    `全市改造老旧小区297个`.

    Use instead
    The corrected figure: `全市改造老旧小区279个`.
    """

    code = "RS04"
    name = "corrected-figure"
    default_severity = Severity.ERROR
    options = MappingProxyType({"min_score": 75.0})
    messages = MappingProxyType({
        "zh": "“{subject}”此处为{this},但{notice_doc}的更正说明指出{this}有误,应为{right}",
        "en": "{subject} is {this} here, but the correction notice in {notice_doc} says {this} is wrong and "
              "should be {right}",
    })

    def check_corpus(self, corpus: Corpus) -> Iterable[Finding]:
        for correction in corpus.corrections:
            for claim in corpus.claims:
                if not corpus.in_notice(claim) and self._repeats(claim, correction):
                    yield self._finding(claim, correction, corpus)

    def _repeats(self, claim: Claim, correction: Correction) -> bool:
        wrong = correction.wrong
        if (claim.kind, unit_class(claim), claim.unit, claim.value) != (wrong.kind, unit_class(wrong), wrong.unit,
                                                                         wrong.value):
            return False
        if claim.place and wrong.place and claim.place != wrong.place:
            return False
        subjects = [s for s in (wrong.subject, correction.right.subject) if s]
        if not subjects:
            return True  # the notice quotes bare figures (“3100个”误写为“3010个”): the value is the test
        # a notice's subject carries its joining words (上文将全市新增就业岗位): containment counts
        return any(subjects_agree(claim.subject or "", subject, self.settings["min_score"], containing=True)
                   for subject in subjects)

    def _finding(self, claim: Claim, correction: Correction, corpus: Corpus) -> Finding:
        wrong, right = correction.wrong, correction.right
        return self.finding(
            claim.doc, claim.start, claim.end, claims=(claim.id, wrong.id, right.id),
            related=[Location(wrong.doc, wrong.start, wrong.end, f"the notice corrects {shown(wrong)} here",
                              f"更正说明此处更正{shown(wrong)}"),
                     Location(right.doc, right.start, right.end, f"to {shown(right)}", f"更正为{shown(right)}")],
            evidence={"value": shown(claim), "notice_doc": wrong.doc, "wrong": shown(wrong), "right": shown(right)},
            subject=claim.subject or shown(claim), this=shown(claim), right=shown(right),
            notice_doc=corpus.name(wrong.doc))
