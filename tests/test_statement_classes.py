"""Identical statements collapse into classes: thousands of copies of one fact cost one link and
one list per distinct figure, and the findings are those of the claim-by-claim definition, each
listing at most five other claims and counting them all."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from checks.alignment import Link, align
from checks.config import Config
from checks.facts import facts
from checks.finding import LISTED
from claims.claim import Claim
from pipeline import check, extract, read

CITY = "乌海市2024年改造老旧小区279个，惠及居民1.2万户。\n"
DISTRICT = "2024年，海勃湾区全年共改造老旧小区296个。\n"


def _claim(doc: str, subject: str, value: int) -> Claim:
    amount = Decimal(value)
    return Claim(kind="count", value=amount, low=amount, high=amount, unit="item", measure="个",
                 precision=Decimal(1), id=f"{doc}:0", doc=doc, start=0, end=3, text=f"{value}个",
                 subject=subject, place="乌海市", time="2024")


def test_two_families_of_copies_form_one_link_and_one_fact():
    first = [f"a{number:03d}" for number in range(120)]
    second = [f"b{number:03d}" for number in range(80)]
    docs = first + second
    restated = {**{f"{doc}:0": frozenset(first) for doc in first}, **{f"{doc}:0": frozenset(second) for doc in second}}
    claims = [_claim(doc, "一刻钟便民生活圈", 17) for doc in first]
    claims += [_claim(doc, "便民生活圈", 15 if doc == "b079" else 17) for doc in second]
    [link] = align(claims, docs, 75.0, restated=restated)
    assert len(link.left) + len(link.right) == 200  # each family a class of its own: 120 × 80 pairs in one record
    order = {doc: index for index, doc in enumerate(docs)}
    assert sum(1 for _ in link.pairs(order)) == 120 * 80
    [fact] = facts([link], order)
    statements = {statement.claim.doc: statement for statement in fact.statements}
    odd, copy = statements["b079"], statements["a000"]
    assert odd.support == 1 and len(odd.disagree) == 199  # every other claim of the fact, counted
    assert copy.support == 199 and len(copy.disagree) == 1 and list(copy.disagree) == [odd.claim]
    assert [claim.doc for claim in odd.disagree[:LISTED]] == first[:LISTED]


def _findings(folder: Path, cities: int) -> list:
    folder.mkdir()
    for number in range(cities):
        Path(folder, f"city_{number:02d}.txt").write_text(CITY, encoding="utf-8")
    Path(folder, "part.txt").write_text(DISTRICT, encoding="utf-8")
    return check(extract(read([folder])), Config(select=("CS03",))).findings


def test_a_part_above_a_whole_stated_by_many_copies_is_one_finding(tmp_path: Path):
    [alone] = _findings(tmp_path / "one", 1)
    [finding] = _findings(tmp_path / "many", 12)
    assert finding.doc == "part" and finding.related_count == 12 and finding.unlisted == 12 - LISTED
    assert [place.doc for place in finding.related] == [f"city_{number:02d}" for number in range(LISTED)]
    assert finding.claims == ("part:2", *(f"city_{number:02d}:2" for number in range(LISTED)))
    # the same finding as with one copy of the whole, with the other copies listed and counted
    assert replace(finding, related=finding.related[:1], claims=finding.claims[:2], unlisted=0) == alone


def test_the_best_ranked_claim_outside_a_document_looks_past_each_figure_s_first():
    # document a states 17, 15 and 12, document b 17: for a's 12 the best-ranked disagreeing
    # claim of another document is b's 17, although a's 17 and a's 15 rank first in their figures
    a17, a15, a12 = (replace(_claim("a", "便民生活圈", value), id=f"a:{number}", start=number * 10)
                     for number, value in enumerate((17, 15, 12)))
    b17 = _claim("b", "便民生活圈", 17)
    [fact] = facts([Link((a17, a15, a12), (b17,), 90.0)], {"a": 0, "b": 1})
    ranks = {a17.id: 0, a15.id: 1, b17.id: 2, a12.id: 3}

    def rank(claim: Claim) -> int:
        return ranks[claim.id]
    statements = {statement.claim.id: statement for statement in fact.statements}
    assert list(statements[a12.id].disagree) == [b17]
    assert statements[a12.id].disagree.least(rank) == b17
    assert statements[b17.id].disagree.least(rank) == a15  # b's own 17 agrees; a's 15 ranks before a's 12
