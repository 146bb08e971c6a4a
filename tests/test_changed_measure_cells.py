"""CS07 over many copies: members alike (measure class, subject, copying documents) are looked
through once per cell, and the findings are those of the pair-by-pair definition."""
from __future__ import annotations

import random
from collections import Counter, defaultdict
from decimal import Decimal

from rapidfuzz import fuzz

from checks.alignment import normalized_subject, unit_class
from checks.corpus import Corpus
from checks.cross_source.changed_measure import ChangedMeasure, confusable
from claims.claim import Claim
from sources.document import Document

MEASURES = ("人", "人次", "户", "家", "个")
SUBJECTS = ("接待游客", "接待游客人数", "服务企业", "新增就业岗位")


def _claim(doc: str, number: int, measure: str, subject: str, value: int) -> Claim:
    amount = Decimal(value)
    text = f"{value}{measure}"
    return Claim(kind="count", value=amount, low=amount, high=amount, unit="item", measure=measure,
                 precision=Decimal(1), id=f"{doc}:{number}", doc=doc, start=number * 10,
                 end=number * 10 + len(text), text=text, subject=subject, place="乌海市", time="2024")


def _corpus(rng: random.Random, docs: int) -> Corpus:
    names = [f"d{index:03d}" for index in range(docs)]
    claims = [_claim(doc, number, rng.choice(MEASURES), rng.choice(SUBJECTS), rng.choice((4574, 4574, 8216)))
              for doc in names for number in range(rng.randint(1, 3))]
    corpus = Corpus([Document(doc, f"{doc}.txt", "ok") for doc in names], claims)
    restated: dict[str, frozenset[str]] = {}
    for _ in range(rng.randint(0, 4)):  # a few sentences copied into some documents
        members = rng.sample(claims, rng.randint(2, min(12, len(claims))))
        docs_of = frozenset(claim.doc for claim in members)
        restated.update((claim.id, docs_of) for claim in members)
    corpus.__dict__["_restated_by"] = restated  # what ``checks.passages`` would find
    return corpus


def _plain(corpus: Corpus, min_score: float = 75.0) -> list[tuple]:
    """The definition pair by pair: each member against every swappable member of its group."""
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in corpus.claims:
        groups[(claim.place, claim.value)].append(claim)
    order = {claim.id: index for index, claim in enumerate(corpus.claims)}
    found = []
    for members in groups.values():
        partners = {claim.id: [o for o in members if frozenset((unit_class(claim), unit_class(o))) in confusable()
                               and fuzz.ratio(normalized_subject(claim.subject),
                                              normalized_subject(o.subject)) >= min_score
                               and not corpus.copied(claim, o)] for claim in members}
        support = Counter(unit_class(claim) for claim in members if partners[claim.id])
        for claim in members:
            others = partners[claim.id]
            mine = support[unit_class(claim)]
            if others and all(mine < support[unit_class(o)] or (mine == support[unit_class(o)]
                                                                 and order[claim.id] > order[o.id]) for o in others):
                found.append((claim.id, tuple(o.id for o in others[:5]), len(others),
                              all(o.doc == claim.doc for o in others)))
    return found


def test_the_findings_are_those_of_the_pair_by_pair_definition_on_random_groups():
    rng = random.Random(15)
    fired = 0
    for _ in range(60):
        corpus = _corpus(rng, rng.randint(2, 40))
        expected = _plain(corpus)
        got = [(f.claims[0], f.claims[1:], f.evidence["others_count"], "本文其他处" in f.message)
               for f in ChangedMeasure().check_corpus(corpus)]
        assert got == expected
        fired += len(got)
    assert fired > 50  # the random groups do fire


def test_a_thousand_copies_of_one_sentence_with_its_measure_changed_in_some_are_one_cell_each():
    docs = [f"d{index:04d}" for index in range(1000)]
    claims = [_claim(doc, 0, "人次" if index % 10 else "人", "接待游客", 4574) for index, doc in enumerate(docs)]
    corpus = Corpus([Document(doc, f"{doc}.txt", "ok") for doc in docs], claims)
    everyone = frozenset(docs)
    corpus.__dict__["_restated_by"] = {claim.id: everyone for claim in claims}
    rule = ChangedMeasure()
    partners = rule._partners(claims, corpus)
    assert all(found == [] for found in partners.values())  # every other document copies the sentence
    assert list(rule.check_corpus(corpus)) == []
