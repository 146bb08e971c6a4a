"""The finding of a restatement rule: both sentences side by side, the source and its support."""
from __future__ import annotations

from collections.abc import Iterator

from checks.corpus import Corpus
from checks.finding import Finding, Location
from checks.passages import Restatement
from checks.restatement.differences import CHANGES_ZH, differences, sentence
from checks.rule import Rule
from checks.values import interval, shown

SHOWN_SUPPORT = 3  # the other documents stating the source's figure named in related places


def restatement_finding(rule: Rule, restatement: Restatement, corpus: Corpus, disjoint: bool) -> Iterator[Finding]:
    """``rule``'s findings on the differences of ``restatement`` whose intervals cannot overlap
    (``disjoint``) or can. The differences are worked out once per restatement for both rules,
    and what the findings say of the source once: every difference has the same source and
    support."""
    kept, every = corpus.memo(("differences", id(restatement)), lambda: (restatement, differences(restatement)))
    if kept is not restatement:  # another restatement at the address of one gone: worked out anew
        every = differences(restatement)
    found = [difference for difference in every if difference.disjoint == disjoint and difference.changes]
    if not found:
        return
    source, support = found[0].source, found[0].support
    listed = support[:1 + SHOWN_SUPPORT]  # the source (first of its support), then the others shown
    more = len(support) - 1
    related = [Location(source.doc, source.start, source.end, f"the source states {shown(source)} here",
                        f"原文此处为{shown(source)}")]
    related += [Location(o.doc, o.start, o.end, f"also stated as {shown(o)} here",
                         f"此处也作{shown(o)}") for o in listed[1:]]
    said = {"source": shown(source), "source_doc": source.doc, "source_interval": interval(source).show()}
    source_sentence, source_name = sentence(corpus, found[0].source_passage), corpus.name(source.doc)
    for difference in found:
        claim = difference.claim
        yield rule.finding(
            claim.doc, claim.start, claim.end, claims=(claim.id, *(o.id for o in listed)),
            related=related,
            evidence={"value": shown(claim), "interval": interval(claim).show(), "unit": claim.unit,
                      **said, "changes": list(difference.changes),
                      "sentence": sentence(corpus, difference.passage),
                      "source_sentence": source_sentence,
                      "documents_stating_the_source": len(support)},
            this=shown(claim), source=said["source"], source_doc=source_name,
            changes_zh="、".join(CHANGES_ZH[change] for change in difference.changes),
            changes_en=", ".join(difference.changes),
            more_zh=f"(另有{more}个来源与原句相同)" if more else "",
            more_en=f" ({more} more documents state it as the source does)" if more else "")
