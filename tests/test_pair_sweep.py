"""Pair rules judged by sort and search (``checks.sweep``) flag what the pair-by-pair definition
flags, and copies that all state different figures cost one shape per pair of forms."""
from __future__ import annotations

import random
from decimal import Decimal
from functools import partial

from checks.alignment import Alignment, Link
from checks.facts import Bounds, Fact, facts, flagged, flagged_pairs
from checks.sweep import partners
from checks.values import high, low
from claims.claim import Claim

SUBJECTS = ["老旧小区", "改造老旧小区"]  # two forms of one fact
PLACES = ["乌海市", "海勃湾区"]


def _claim(doc: str, number: int, value: Decimal | None, subject: str, place: str, qualifier: str | None = None,
           ) -> Claim:
    low_value, high_value = (value, value) if qualifier is None else (value, None)
    return Claim(kind="count", value=value, low=low_value, high=high_value, unit="item", measure="个",
                 qualifier=qualifier, precision=Decimal(1), id=f"{doc}:{number}", doc=doc, start=number * 10,
                 end=number * 10 + 3, text=f"{value}个", subject=subject, place=place, time="2024")


def _side(rng: random.Random, docs: list[str], number: int) -> tuple[Claim, ...]:
    """At most one claim per document, in input order, of random forms and figures (some repeated)."""
    chosen = sorted(rng.sample(range(len(docs)), rng.randint(1, len(docs))))
    return tuple(_claim(docs[index], number, Decimal(rng.choice([rng.randint(0, 40), 17])), rng.choice(SUBJECTS),
                        rng.choice(PLACES), rng.choice([None, None, None, "余"]))
                 for index in chosen)


def _fact(seed: int) -> tuple[Fact, dict[str, int]]:
    """A fact of one to three links, some joining a class with itself."""
    rng = random.Random(seed)
    docs = [f"d{number:02d}" for number in range(rng.randint(2, 30))]
    order = {doc: index for index, doc in enumerate(docs)}
    links = []
    for number in range(rng.randint(1, 3)):
        left = _side(rng, docs, 2 * number)
        right = left if rng.random() < 0.4 else _side(rng, docs, 2 * number + 1)
        links.append(Link(left, right, 90.0 + number, ("forward",) if rng.random() < 0.5 else (),
                          ("backward",) if rng.random() < 0.5 else ()))
    found = facts(links, order)
    return max(found, key=lambda fact: len(fact.claims)), order


def _by_place(pair: Alignment) -> Bounds | None:
    """A judge by form: the claim about the district is flagged at or above the city's (none when
    both are about one place, or when the pair is uncertain backwards)."""
    if pair.a.place == pair.b.place or pair.uncertain == ("backward",):
        return None
    part = pair.a if pair.a.place == "海勃湾区" else pair.b
    return Bounds(part, partial(low, unit="item"), partial(high, unit="item"))


def _longer(pair: Alignment) -> Bounds:
    """A judge by form: the claim of the longer subject (``pair.a`` on a tie), flagged above the
    other's figure plus 3."""
    claim = pair.a if len(pair.a.subject) >= len(pair.b.subject) else pair.b
    return Bounds(claim, partial(low, unit="item"), _high_plus_three, strict=True)


def _high_plus_three(claim: Claim) -> Decimal | None:
    found = high(claim, "item")
    return None if found is None else found + 3


def _plain(fact: Fact, order: dict[str, int], judge) -> dict[str, list[Alignment]]:
    """The pairs each claim is flagged in, judging every pair of every link on its own."""
    found: dict[str, list[Alignment]] = {}
    for link in fact.links:
        for pair in link.pairs(order):
            bounds = judge(pair)
            if bounds is None:
                continue
            claim = bounds.flagged
            mine, theirs = bounds.mine(claim), bounds.theirs(pair.b if claim is pair.a else pair.a)
            if mine is not None and theirs is not None and (mine > theirs if bounds.strict else mine >= theirs):
                found.setdefault(claim.id, []).append(pair)
    return found


def test_flagged_claims_counts_and_first_pairs_are_those_of_every_pair():
    seen = 0
    for seed in range(300):
        fact, order = _fact(seed)
        position = {claim.id: number for number, claim in enumerate(fact.claims)}
        for judge in (_by_place, _longer):
            plain = _plain(fact, order, judge)
            got = {claim.id: (count, pairs) for claim, count, pairs in flagged(fact, judge, 3)}
            assert set(got) == set(plain)
            for claim_id, pairs in plain.items():
                first = sorted(pairs, key=lambda pair: position[(pair.b if pair.a.id == claim_id else pair.a).id])
                assert got[claim_id] == (len(pairs), first[:3])
            seen += len(got)
    assert seen > 1000


def test_flagged_pairs_are_those_of_every_pair():
    seen = 0
    for seed in range(300):
        fact, order = _fact(seed)
        for judge in (_by_place, _longer):
            plain = sorted((pair for pairs in _plain(fact, order, judge).values() for pair in pairs), key=repr)
            got = list(flagged_pairs(fact, judge))
            assert sorted(got, key=repr) == plain and len(set(map(repr, got))) == len(got)
            seen += len(got)
    assert seen > 3000


def test_partners_are_counted_and_listed_as_by_a_scan():
    rng = random.Random(5)
    for _ in range(200):
        size = rng.randint(1, 25)
        side_ranks = sorted(rng.sample(range(60), size))
        other_ranks = sorted(rng.sample(range(60), rng.randint(1, 25)))
        side = [_claim(f"d{rank}", 0, Decimal(rng.randint(0, 9)), "老旧小区", "乌海市") for rank in side_ranks]
        others = [_claim(f"d{rank}", 1, Decimal(rng.randint(0, 9)), "老旧小区", "乌海市") for rank in other_ranks]
        strict, later = rng.random() < 0.5, rng.random() < 0.5
        value = _value_or_none
        got = list(partners(side, side_ranks, others, other_ranks, value, value, strict, later, 2))
        expected = []
        for claim, rank in zip(side, side_ranks, strict=True):
            found = [o for o, other_rank in zip(others, other_ranks, strict=True)
                     if (other_rank > rank if later else other_rank < rank) and value(claim) is not None
                     and value(o) is not None and (value(o) < value(claim) if strict else value(o) <= value(claim))]
            if found:
                expected.append((claim, len(found), found[:2]))
        assert got == expected


def _value_or_none(claim: Claim) -> Decimal | None:
    """The figure, None for 7 (a bound that flags nothing)."""
    return None if claim.value == 7 else claim.value


def test_copies_that_all_state_different_figures_make_one_shape():
    docs = [f"d{number:04d}" for number in range(2000)]
    order = {doc: index for index, doc in enumerate(docs)}
    copies = tuple(_claim(doc, 0, Decimal(3000 - number), "老旧小区", "乌海市") for number, doc in enumerate(docs))
    [fact] = facts([Link(copies, copies, 100.0)], order)
    assert len(fact.shapes) == 1
    found = list(flagged(fact, _longer, 5))
    assert len(found) == 1995  # [2999.5, 3000.5] is above [2994.5, 2995.5] + 3, not above [2995.5, 2996.5] + 3
    claim, count, pairs = found[0]
    assert claim.doc == "d0000" and count == 1995 and [pair.b.doc for pair in pairs] == docs[5:10]
    assert [(claim.doc, count) for claim, count, _ in found[-2:]] == [("d1993", 2), ("d1994", 1)]
