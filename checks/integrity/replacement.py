"""TI02 replacement-character."""
from __future__ import annotations

import re
from collections.abc import Iterable

from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.integrity._text import garbled_document
from checks.registry import register
from checks.rule import DocumentRule
from claims.claim import Claim
from sources.document import Document

_RUN = re.compile("\ufffd+")
_CONTEXT = 8  # characters shown on each side


def _decoder_damage(doc: Document, start: int, end: int) -> bool:
    """Whether the run is one the decoder wrote (IO02 reports it), not one the file holds."""
    begin, stop = doc.original_span(start, end)
    return any(damage.start <= begin and stop <= damage.end for damage in doc.damage)


@register
class ReplacementCharacter(DocumentRule):
    """The replacement character � (U+FFFD): bytes that could not be decoded and are lost.

    What it does
    Flags the runs of U+FFFD in the article text, one finding per document: at the first run, with
    a few characters on each side so the editor can find the spot in the source and restore the
    missing words, the number of runs and of replacement characters, and every other run as a
    related place. A document that is mojibake throughout gets TI01's single finding instead.

    Why is this bad?
    A decoder writes � where the bytes made no sense in the encoding it assumed: the character
    that stood there is gone, and a figure or name next to it may be incomplete. Text with �
    must not be published or quoted.

    Example
    各社区建成“石榴��”服务站12个。

    Use instead
    各社区建成“石榴籽家园”服务站12个。(the lost words restored from the source file)
    """

    code = "TI02"
    name = "replacement-character"
    default_severity = Severity.WARNING
    messages = {
        "zh": "文本中有{count}个替换字符“�”（共{runs}处，解码失败，原字已丢失），如：……{before}{run}{after}……",
        "en": "{count} replacement character(s) in {runs} run(s) (undecodable bytes, the original text is lost), "
              "e.g. …{before}{run}{after}…",
    }

    def check_document(self, doc: Document, claims: list[Claim], corpus: Corpus) -> Iterable[Finding]:
        if garbled_document(doc, corpus):
            return
        runs = [match.span() for match in _RUN.finditer(doc.text) if not _decoder_damage(doc, *match.span())]
        if not runs:
            return
        start, end = runs[0]
        before = doc.text[max(0, start - _CONTEXT):start].split("\n")[-1]
        after = doc.text[end:end + _CONTEXT].split("\n")[0]
        count = sum(stop - begin for begin, stop in runs)
        related = [Location(doc.id, *doc.original_span(begin, stop), f"{stop - begin} replacement character(s)",
                            f"{stop - begin}个替换字符")
                   for begin, stop in runs[1:]]
        yield self.finding(doc.id, *doc.original_span(start, end), related=related,
                           evidence={"count": count, "runs": len(runs), "before": before, "after": after},
                           count=count, runs=len(runs), run=doc.text[start:end], before=before, after=after)
