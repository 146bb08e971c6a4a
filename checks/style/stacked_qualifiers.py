"""ST01 stacked-qualifiers."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.registry import register
from checks.rule import ClaimRule
from claims.claim import Claim
from claims.vocab import qualifiers
from sources.document import Document
from vocab.files import data_sections

LOWER = {"truncated", "more_than", "at_least"}  # the figure is a floor
UPPER = {"nearly", "less_than", "at_most"}  # the figure is a ceiling
KINDS = {  # (zh, en) of how the qualifiers combine
    "redundant": ("意思重复", "they say the same thing"),
    "contradictory": ("方向相反,互相矛盾", "they point in opposite directions"),
    "stacked": ("叠加使用,含义不清", "stacked, the meaning is unclear"),
}


@cache
def _links() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A prefix qualifier and a linking word at the end of the text before a figure, and the
    words ending in a hedge that are no hedge (最近)."""
    words = sorted(qualifiers().prefix, key=len, reverse=True)
    lists = data_sections("checks.style", "qualifier_links.txt", ("links", "not_hedges"))
    pattern = re.compile(f"({'|'.join(map(re.escape, words))})(?:{'|'.join(map(re.escape, lists['links']))})$")
    return pattern, lists["not_hedges"]


def linked_prefix(claim: Claim, doc: Document) -> tuple[str, int] | None:
    """A hedging word before ``claim`` across a linking word (大约有一个多月): the word and its
    start in the normalized view; None when there is none."""
    pattern, not_hedges = _links()
    start = claim.span[0]
    match = pattern.search(doc.text, max(0, start - 6), start)
    if match is None or any(doc.text.endswith(word, 0, match.end(1)) for word in not_hedges):
        return None
    return match.group(1), match.start()


@register
class StackedQualifiers(ClaimRule):
    """Two hedging words on one figure (超120万余, 约3万人左右, 近600余人).

    What it does
    Flags a figure carrying more than one qualifier (the claim's ``qualifier`` lists them, and a
    hedging word before it across a linking word of ``checks/style/data/qualifier_links.txt``
    counts too: 大约有一个多月):
    the same meaning twice (约…左右, 超过…以上) is redundant, a floor with a ceiling (近…余,
    不足…多) is contradictory, any other pair (超…余) is stacked.

    Why is this bad?
    超120万余 says both "more than 1.2 million" and "1.2 million odd"; 近600余人 says both "nearly
    600" and "600-odd", which cannot both be true. The reader cannot tell which bound was meant,
    and checks that compare figures have to guess.

    Example
    全年接待游客超120万余人次。
    每个生活圈服务居民约3万人左右。
    参与志愿服务的党员近600余人。

    Use instead
    全年接待游客超120万人次。
    每个生活圈服务居民约3万人。
    参与志愿服务的党员600余人。
    """

    code = "ST01"
    name = "stacked-qualifiers"
    default_severity = Severity.INFO
    messages = {
        "zh": "“{text}”叠用了限定词{words}:{zh_kind}",
        "en": "“{text}” stacks the qualifiers {words}: {en_kind}",
    }

    def check_claim(self, claim: Claim, doc: Document, corpus: Corpus) -> Iterable[Finding]:
        if claim.kind == "date" or not claim.qualifier:  # most claims: nothing to look up
            return
        table = qualifiers()
        meaning_of = {**table.prefix, **table.suffix}
        words = [word for word in claim.qualifier.split(",") if word in meaning_of]
        start = claim.start
        linked = linked_prefix(claim, doc)
        if linked and linked[0] not in words:
            words.insert(0, linked[0])
            start = doc.original_span(linked[1], claim.span[1])[0]
        if len(words) < 2:
            return
        meanings = [meaning_of[word] for word in words]
        if len(set(meanings)) == 1:
            kind = "redundant"
        elif LOWER & set(meanings) and UPPER & set(meanings):
            kind = "contradictory"
        else:
            kind = "stacked"
        zh_kind, en_kind = KINDS[kind]
        yield self.finding(claim.doc, start, claim.end, claims=[claim.id],
                           evidence={"qualifiers": words, "meanings": meanings, "combination": kind},
                           text=doc.original[start:claim.end], words="、".join(words), zh_kind=zh_kind, en_kind=en_kind)
