"""A fact's statements hold most of its keys as "these aspects' keys less a few": every answer of
``Others`` (and of ``Overlaps``, which finds the few) equals the plain set computation on random
layouts of figures, and a fact of thousands of different figures holds no set per figure of
thousands of keys."""
from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

from checks.alignment import Link
from checks.comparable import compare, comparison_key
from checks.facts import Others, _Keyed, facts
from checks.overlaps import Overlaps
from checks.values import Interval, interval, is_exact
from claims.claim import Claim

_ASPECTS = [("level", "actual", ()), ("cumulative", "actual", ()), ("new", "actual", ()),
            ("level", "plan", ()), ("level", "actual", ("民营",))]


def _bound(chooser: random.Random) -> Decimal | None:
    return None if chooser.random() < 0.15 else Decimal(chooser.randint(0, 40))


def _figure(chooser: random.Random, doc: str, number: int) -> Claim:
    aggregate, status, scope = chooser.choice(_ASPECTS)
    if chooser.random() < 0.6:  # an exact figure: it allows what rounds to it
        value = Decimal(chooser.randint(0, 40))
        figure = {"value": value, "low": value, "high": value, "qualifier": None, "precision": Decimal(1),
                  "text": f"{value}个"}
    else:  # a range, a one-sided bound, sometimes inverted
        figure = {"value": None, "low": _bound(chooser), "high": _bound(chooser),
                  "qualifier": chooser.choice(["range", "至少", "约"]), "precision": None, "text": "若干个"}
    return Claim(kind="count", unit="item", measure="个", id=f"{doc}:{number}", doc=doc, start=number * 10,
                 end=number * 10 + 3, subject="社区食堂", place="乌海市", time="2024", aggregate=aggregate,
                 status=status, scope=scope, **figure)


def _layout(seed: int, claims: int) -> tuple[list[Claim], dict[str, int]]:
    """Random claims of random documents (some stating several figures, some the same figure)."""
    chooser = random.Random(seed)
    docs = [f"d{number:03d}" for number in range(chooser.randint(2, 12))]
    found, counts = [], dict.fromkeys(docs, 0)
    for number in range(claims):
        doc = docs[number] if number < 2 else chooser.choice(docs)  # two documents at least
        if found and chooser.random() < 0.3:  # the same figure as an earlier claim
            claim = replace(chooser.choice(found), id=f"{doc}:{counts[doc]}", doc=doc, start=counts[doc] * 10,
                            end=counts[doc] * 10 + 3)
        else:
            claim = _figure(chooser, doc, counts[doc])
        counts[doc] += 1
        found.append(claim)
    order = {doc: index for index, doc in enumerate(docs)}
    return sorted(found, key=lambda claim: (order[claim.doc], claim.start)), order


def _key(claim: Claim) -> tuple:
    return comparison_key(claim), interval(claim, "item"), claim.unit, is_exact(claim)


def _width(claim: Claim) -> Decimal | None:
    span = interval(claim)
    return None if span.low is None or span.high is None else span.high - span.low


def _check(others: Others, held: set[tuple], everything: list[Claim], chooser: random.Random) -> None:
    """``others`` answers as the plain set ``held`` of keys: the claims of the fact with one of
    those keys, outside ``others.doc``, in the fact's order."""
    plain = [claim for claim in everything if claim.doc != others.doc and _key(claim) in held]
    assert others[:3] == tuple(plain[:3])  # first: before the fact keeps a longer head of these keys
    assert list(others) == plain and len(others) == len(plain) and bool(others) == bool(plain)
    for stop in (0, 1, 2, 5, len(plain) + 3):
        assert others[:stop] == tuple(plain[:stop])
    assert others[1:4] == tuple(plain[1:4])
    assert [claim in others for claim in everything] == [claim in plain for claim in everything]
    ranks = {claim.id: chooser.randint(0, 5) for claim in everything}

    def rank(claim: Claim) -> int:
        return ranks[claim.id]
    position = {claim.id: number for number, claim in enumerate(everything)}
    assert others.least(rank) == min(plain, key=lambda claim: (rank(claim), position[claim.id]), default=None)
    ranked = [key for key in dict.fromkeys(map(_key, everything)) if key in held]  # by first claim
    expected = []
    for aspects in dict.fromkeys(key[0] for key in ranked):  # per aspects: its first key with a claim outside
        expected += [next(o for key in ranked if key[0] == aspects for o in plain if _key(o) == key)][:1] \
            if any(o.doc != others.doc and _key(o)[0] == aspects for o in everything if _key(o) in held) else []
    assert others.aspects() == expected
    for limit in (Decimal(0), Decimal(1), Decimal(5)):
        def keep(claim: Claim, limit: Decimal = limit) -> bool:
            return is_exact(claim) or (_width(claim) is not None and _width(claim) <= limit)
        sharper = others.only(keep)
        kept = [claim for claim in plain if keep(claim)]
        assert list(sharper) == kept and len(sharper) == len(kept) and sharper[:3] == tuple(kept[:3])
        assert sharper.least(rank) == min(kept, key=lambda claim: (rank(claim), position[claim.id]), default=None)


def test_others_of_any_keys_less_some_answer_as_the_plain_set():
    held = 0
    for seed in range(60):
        chooser = random.Random(seed)
        claims, _ = _layout(seed, chooser.randint(1, 40))
        keyed = _Keyed(tuple(claims))
        keys = list(keyed.members)
        chosen = frozenset(key for key in keys if chooser.random() < 0.7)
        less = frozenset(key for key in chosen if chooser.random() < 0.3)
        doc = chooser.choice([claim.doc for claim in claims] + ["elsewhere"])
        held += sum(1 for claim in claims if claim.doc != doc and _key(claim) in chosen - less)
        _check(Others(keyed, chosen, doc, less), set(chosen - less), claims, chooser)
    assert held > 200


def test_statements_agree_and_disagree_as_the_claim_by_claim_definition():
    kept_as_rest = {"agree": 0, "disagree": 0}
    for seed in range(40):
        chooser = random.Random(1000 + seed)
        claims, order = _layout(1000 + seed, chooser.randint(2, 60))
        [fact] = facts([Link(tuple(claims), tuple(claims), 100.0)], order)
        for statement in fact.statements:
            claim = statement.claim
            comparable = [o for o in fact.claims if not compare(claim, o).different]
            agree = {_key(o) for o in comparable if interval(claim, "item").overlaps(interval(o, "item"))}
            assert list(statement.agree) == [o for o in comparable if o.doc != claim.doc and _key(o) in agree]
            _check(statement.agree, agree, list(fact.claims), chooser)
            _check(statement.disagree, {_key(o) for o in comparable} - agree, list(fact.claims), chooser)
            kept_as_rest["agree"] += bool(statement.agree.less)
            kept_as_rest["disagree"] += bool(statement.disagree.less)
    assert min(kept_as_rest.values()) > 20  # both forms met: few apart (wide ranges), few overlapping


def test_overlaps_find_what_the_interval_overlaps_and_what_lies_apart():
    for seed in range(200):
        chooser = random.Random(seed)
        spans = [Interval(_bound(chooser), _bound(chooser)) for _ in range(chooser.randint(1, 30))]
        found = Overlaps(list(enumerate(spans)))
        assert len(found) == len(spans)
        for span in [*spans, Interval(None, None), Interval(_bound(chooser), _bound(chooser))]:
            overlapping = {number for number, other in enumerate(spans) if other.overlaps(span)}
            apart = set(range(len(spans))) - overlapping
            assert sorted(found.overlapping(span)) == sorted(overlapping)
            assert sorted(found.apart(span)) == sorted(apart)
            assert len(apart) <= found.apart_bound(span) <= 2 * len(apart)


def test_overlaps_read_dates_and_unbounded_ends():
    spans = [Interval("2024-01", "2024-03"), Interval(None, "2023-12"), Interval("2024-02", None)]
    found = Overlaps(list(enumerate(spans)))
    assert sorted(found.overlapping(Interval("2024-03", "2024-04"))) == [0, 2]
    assert found.apart(Interval("2024-03", "2024-04")) == [1]
    assert sorted(found.overlapping(Interval(None, None))) == [0, 1, 2]


def test_thousands_of_different_figures_hold_no_set_per_figure_of_thousands_of_keys():
    docs = [f"copy_{number:04d}" for number in range(3000)]
    claims = tuple(Claim(kind="count", value=Decimal(5000 + 3 * number), low=Decimal(5000 + 3 * number),
                         high=Decimal(5000 + 3 * number), unit="item", measure="个", precision=Decimal(1),
                         id=f"{doc}:0", doc=doc, start=0, end=4, text=f"{5000 + 3 * number}个",
                         subject="改造老旧小区", place="乌海市", time="2024") for number, doc in enumerate(docs))
    [fact] = facts([Link(claims, claims, 100.0)], {doc: index for index, doc in enumerate(docs)})
    statements = fact.statements
    shared = {id(statement.disagree.keys) for statement in statements}
    assert shared == {id(statements[0].disagree.keys)} and len(statements[0].disagree.keys) == 3000
    assert max(len(statement.agree.keys) + len(statement.disagree.less) for statement in statements) == 2
    middle = statements[1500]
    assert len(middle.disagree) == 2999 and middle.support == 1 and middle.claim not in middle.disagree
    assert [claim.doc for claim in middle.disagree[:3]] == docs[:3]


def test_thousands_of_figures_that_all_agree_share_one_set_of_keys():
    docs = [f"copy_{number:04d}" for number in range(2000)]
    claims = tuple(Claim(kind="count", value=None, low=Decimal(5000 + 3 * number), high=None, qualifier="超过",
                         unit="item", measure="个", precision=None, id=f"{doc}:0", doc=doc, start=0, end=7,
                         text=f"超过{5000 + 3 * number}个", subject="改造老旧小区", place="乌海市", time="2024")
                   for number, doc in enumerate(docs))
    [fact] = facts([Link(claims, claims, 100.0)], {doc: index for index, doc in enumerate(docs)})
    statements = fact.statements
    assert {id(statement.agree.keys) for statement in statements} == {id(statements[0].agree.keys)}
    assert all(not statement.agree.less and not statement.disagree for statement in statements)
    everything = statements[0].agree.only(bool)  # the same keys: the same set, found by identity
    assert everything.keys is statements[0].agree.keys and len(everything) == 1999
    assert [claim.doc for claim in statements[7].agree[:3]] == docs[:3] and statements[7].support == 2000
