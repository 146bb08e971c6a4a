"""Alignment and facts at scale: collapsing identical statements changes no result, and repeated
statements cost one comparison, not one per pair."""
from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal
from operator import attrgetter

from rapidfuzz import fuzz

import checks.alignment as alignment
from checks.alignment import (
    Alignment,
    Link,
    align,
    align_block,
    blocks,
    pair_order,
    statement_classes,
    statement_groups,
    year_of,
)
from checks.comparable import compare, comparison_key
from checks.facts import Bounds, Fact, facts, flagged
from checks.values import interval
from claims.claim import Claim
from claims.periods import Period

SUBJECTS = ["便民生活圈", "一刻钟便民生活圈", "老旧小区改造", "改造老旧小区", "养老服务中心", "社区食堂"]
PERIODS = [None, Period("span", "2024-01", "2024-09", "1—9月"), Period("span", "2024-01", "2024-10", "1—10月")]


def _claim(doc: str, number: int, subject: str, value: int, year: str | None = "2024", period: Period | None = None,
           status: str = "actual") -> Claim:
    amount = Decimal(value)
    return Claim(kind="count", value=amount, low=amount, high=amount, unit="item", measure="个",
                 precision=Decimal(1), id=f"{doc}:{number}", doc=doc, start=number * 10, end=number * 10 + 3,
                 text=f"{value}个", subject=subject, place="乌海市", time=year, period=period, status=status)


def _random_claims(seed: int, documents: int = 30) -> tuple[list[Claim], list[str]]:
    rng = random.Random(seed)
    claims, docs = [], [f"d{number:02d}" for number in range(documents)]
    for doc in docs:
        for number in range(rng.randint(1, 5)):
            claims.append(_claim(doc, number, rng.choice(SUBJECTS), rng.choice([17, 17, 15, 270]),
                                 rng.choice(["2024", "2024", "2023", None]), rng.choice(PERIODS),
                                 rng.choice(["actual", "actual", "plan"])))
    return claims, docs


def _reference_align(claims: list[Claim], documents: list[str], min_score: float,
                     restated: dict[str, frozenset[str]]) -> list[Alignment]:
    """Alignment as defined claim by claim: every pair of every block, best per claim and other
    document (ties: the smaller id), mutual best matches only."""
    order = {doc: index for index, doc in enumerate(documents)}
    best: dict[tuple[str, str], tuple[float, str]] = {}
    by_id = {claim.id: claim for claim in claims}
    for members in blocks(claims, lambda claim: claim.place):
        for a in members:
            for b in members:
                score = fuzz.ratio(alignment.normalized_subject(a.subject), alignment.normalized_subject(b.subject))
                copied = b.doc in restated.get(a.id, ()) or a.doc in restated.get(b.id, ())
                if a.doc == b.doc or score < min_score or copied or compare(a, b).different:
                    continue
                if year_of(a) and year_of(b) and year_of(a) != year_of(b):
                    continue
                current = best.get((a.id, b.doc))
                if current is None or score > current[0] or (score == current[0] and b.id < current[1]):
                    best[(a.id, b.doc)] = (score, b.id)
    pairs = []
    for (claim_id, other_doc), (score, other_id) in best.items():
        a, b = by_id[claim_id], by_id[other_id]
        if best.get((other_id, a.doc), (0, ""))[1] == claim_id and order[a.doc] < order[other_doc]:
            pairs.append(Alignment(a, b, round(score, 1), compare(a, b).uncertain))
    return sorted(pairs, key=lambda p: (order[p.b.doc], p.b.start, order[p.a.doc], p.a.start))


def _pairs(links: list[Link], documents: list[str]) -> list[Alignment]:
    order = {doc: index for index, doc in enumerate(documents)}
    return sorted((pair for link in links for pair in link.pairs(order)), key=pair_order(order))


def test_collapsed_alignment_equals_the_claim_by_claim_definition():
    for seed in range(4):
        claims, docs = _random_claims(seed)
        # the first claims of some documents restated in the same words by more documents
        restated_docs = frozenset(docs[:15])
        restated = {claim.id: restated_docs for claim in claims if claim.doc in docs[:8] and claim.start == 0}
        found = _pairs(align(claims, docs, 85.0, restated=restated), docs)
        expected = _reference_align(claims, docs, 85.0, restated)
        assert found == expected
        assert len(found) > 20  # the data do align: the test compares something


def test_identical_statements_are_compared_once(monkeypatch):
    calls = []

    def counting(a, b, ignore=frozenset()):
        calls.append((a.id, b.id))
        return compare(a, b, ignore)
    monkeypatch.setattr(alignment, "compare", counting)
    docs = [f"d{number:03d}" for number in range(300)]
    claims = [_claim(doc, 0, "一刻钟便民生活圈", 17) for doc in docs]
    [link] = align(claims, docs, 85.0)
    assert link.left == link.right == tuple(claims)  # one class, aligned with itself
    assert len(_pairs([link], docs)) == 300 * 299 // 2  # every document agrees with every other
    assert len(calls) <= 4  # one class against itself in two blocks, and the doubts once each way


def test_a_block_restated_in_the_same_words_yields_no_match():
    docs = [f"d{number}" for number in range(50)]
    claims = [_claim(doc, 0, "老旧小区改造", 279) for doc in docs]
    restated = {claim.id: frozenset(docs) for claim in claims}
    assert align_block(claims, 85.0, frozenset(), restated) == {}
    assert align_block(claims, 85.0, frozenset(), {}) == {("d0:0", "d0:0"): 100.0}  # one class, with itself


def test_statements_equal_the_claim_by_claim_definition():
    claims, docs = _random_claims(7, documents=40)
    order = {doc: index for index, doc in enumerate(docs)}
    found = facts(align(claims, docs, 85.0), order)
    assert sum(len(fact.claims) for fact in found) > 40
    for fact in found:
        unit = fact.claims[0].unit
        for statement in fact.statements:
            claim = statement.claim
            others = [o for o in fact.claims if o.doc != claim.doc and not compare(claim, o).different]
            agree = [o for o in others if interval(claim, unit).overlaps(interval(o, unit))]
            assert list(statement.agree) == agree
            assert list(statement.disagree) == [o for o in others if o not in agree]


def test_facts_join_long_chains():
    docs = [f"d{number:04d}" for number in range(2000)]
    claims = [_claim(doc, 0, "社区食堂", 12) for doc in docs]
    chain = [Link((a,), (b,), 100.0) for a, b in zip(claims, claims[1:], strict=False)]
    [fact] = facts(chain, {doc: index for index, doc in enumerate(docs)})
    assert isinstance(fact, Fact) and len(fact.claims) == 2000 and fact.links == tuple(chain)


def test_the_aspects_of_a_statement_s_disagreeing_claims_are_those_of_each_claim():
    for seed in range(4):
        claims, docs = _random_claims(seed, documents=40)
        order = {doc: index for index, doc in enumerate(docs)}
        seen = 0
        for fact in facts(align(claims, docs, 85.0), order):
            for statement in fact.statements:
                plain = {comparison_key(o) for o in statement.disagree}
                found = [comparison_key(o) for o in statement.disagree.aspects()]
                assert sorted(found, key=repr) == sorted(plain, key=repr) and len(found) == len(plain)
                seen += len(found)
        assert seen > 0


def _larger(pair: Alignment) -> Bounds:
    """A judge by form: the claim of the pair with the longer subject (``pair.a`` on a tie) is
    flagged when its figure is larger than the other's by more than 2."""
    claim = pair.a if len(pair.a.subject) >= len(pair.b.subject) else pair.b
    return Bounds(claim, attrgetter("value"), _plus_two, strict=True)


def _plus_two(claim: Claim) -> Decimal:
    return claim.value + 2


def test_flagged_claims_are_those_of_the_pair_by_pair_definition():
    flagged_any = 0
    for seed in range(4):
        claims, docs = _random_claims(seed, documents=40)
        order = {doc: index for index, doc in enumerate(docs)}
        for fact in facts(align(claims, docs, 85.0), order):
            position = {claim.id: number for number, claim in enumerate(fact.claims)}
            plain: dict[str, list[Alignment]] = {}
            for link in fact.links:
                for pair in link.pairs(order):
                    bounds = _larger(pair)
                    claim = bounds.flagged
                    if bounds.mine(claim) > bounds.theirs(pair.b if claim is pair.a else pair.a):
                        plain.setdefault(claim.id, []).append(pair)
            got = {claim.id: (count, pairs) for claim, count, pairs in flagged(fact, _larger, 3)}
            assert set(got) == set(plain)
            for claim_id, pairs in plain.items():
                other = [pair.b if pair.a.id == claim_id else pair.a for pair in pairs]
                first = sorted(zip(other, pairs, strict=True), key=lambda item: position[item[0].id])[:3]
                assert got[claim_id] == (len(pairs), [pair for _, pair in first])
            flagged_any += len(got)
    assert flagged_any > 20


def _runs(claims: list[Claim], rng: random.Random) -> list[Claim]:
    """Each claim followed by a run of copies reading as it (its very subject, as a dense run's
    figures have), with other figures, places and ids, one in four with a field of the reading
    changed (``alignment.READ``: what the run's shortcut must notice)."""
    changes = [{"time": "2023"}, {"period": PERIODS[1]}, {"status": "plan"}, {"measure": "项"},
               {"unit": "ten_thousand_yuan"}, {"kind": "money"}, {"aggregate": "new"}, {"scope": ("民营",)},
               {"subject": claims[0].subject + "建设"}]
    found = []
    for claim in claims:
        if rng.random() < 0.3:  # an amount of money: its unit tells what it measures
            claim = replace(claim, kind="money", unit="yuan", measure=None)
        found.append(claim)
        for number in range(rng.randint(0, 6)):
            amount = Decimal(rng.randint(1, 9))
            copy = replace(claim, id=f"{claim.id}.{number}", value=amount, low=amount, high=amount,
                           start=claim.start + number + 1, place=rng.choice(["乌海市", "海勃湾区", None]))
            found.append(replace(copy, **rng.choice(changes)) if rng.random() < 0.25 else copy)
    return found


def test_statement_classes_are_those_of_the_full_key_in_order_of_first_appearance():
    rng = random.Random(3)
    places = ["乌海市", "海勃湾区", "呼和浩特市", None]
    for seed in range(8):
        claims, _ = _random_claims(seed, documents=40)
        claims = [replace(claim, place=rng.choice(places)) for claim in claims]
        if seed >= 4:
            claims = _runs(claims, rng)
        restated = {claim.id: frozenset({claim.doc, "d00"}) for claim in rng.sample(claims, len(claims) // 4)}
        if seed >= 6:  # one set of restating documents for several claims in a row, as the restatements give
            shared = frozenset({"d00", "d01"})
            restated |= {claim.id: shared for claim in claims[::3]}
        for place in (lambda claim: claim.place, lambda claim: (claim.place or "")[:1]):
            plain: dict[tuple, list[Claim]] = {}
            for claim in claims:
                key = (place(claim), claim.kind, alignment.unit_class(claim),
                       alignment.normalized_subject(claim.subject), year_of(claim), comparison_key(claim),
                       restated.get(claim.id, frozenset()))
                plain.setdefault(key, []).append(claim)
            expected = {}
            for members in plain.values():
                first = min(members, key=lambda claim: claim.id)
                expected[first.id] = [first, *(claim for claim in members if claim is not first)]
            groups = statement_groups(claims, restated)
            found = statement_classes(claims, place, restated, groups)
            assert list(found.items()) == list(expected.items())
            assert found == statement_classes(claims, place, restated)
