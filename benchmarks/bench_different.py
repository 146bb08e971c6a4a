"""Copies that all state different figures for one fact: the cost of the pair rules' shapes.

    python benchmarks/bench_different.py [--copies 1000 2000 4000]

Each copy states the fact twice, for a district and for its city (海勃湾区 and 乌海市), with
figures no other copy states, so no two claims are alike but for where they stand. Builds the
fact from the links alignment would make (the city's claims with the district's, each class
with itself) and times, in CPU seconds, its shapes, CS03's judge over them (``flagged``: the
district's figures at or above a city's), every flagged pair of a period rule's kind
(``flagged_pairs``), the statements CS01, CS02 and RF01 read, and what those rules read of them
(``statements_read``: each statement's counts, its best-ranked disagreeing claim, the aspects
and first five of its disagreeing claims, its first agreeing ones and the sharper among them).
Prints one JSON line per size.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks.alignment import Link  # noqa: E402
from checks.cross_source.containment import ScopeContainment  # noqa: E402
from checks.facts import Statement, facts, flagged, flagged_pairs  # noqa: E402
from checks.finding import LISTED  # noqa: E402
from claims.claim import Claim  # noqa: E402


def _claim(doc: str, number: int, value: int, place: str) -> Claim:
    amount = Decimal(value)
    return Claim(kind="count", value=amount, low=amount, high=amount, unit="item", measure="个",
                 precision=Decimal(1), id=f"{doc}:{number}", doc=doc, start=number * 20, end=number * 20 + 4,
                 text=f"{value}个", subject="改造老旧小区", place=place, time="2024")


def _rank(claim: Claim) -> tuple[Decimal, str]:
    return claim.value, claim.doc


def _exact(claim: Claim) -> bool:
    return claim.qualifier is None


def _read(statement: Statement) -> int:
    """What CS01, CS02 and RF01 read of a statement (its counts, its best-ranked disagreeing claim,
    the aspects and first claims of each side); how many claims it names."""
    agree, disagree = statement.agree, statement.disagree
    assert len(agree) + len(disagree) > 0 and disagree.least(_rank) in disagree and disagree.aspects()
    return len(disagree[:LISTED] + agree[:LISTED] + agree.only(_exact)[:LISTED])


def measure(copies: int) -> dict[str, object]:
    docs = [f"copy_{number:05d}" for number in range(copies)]
    order = {doc: index for index, doc in enumerate(docs)}
    city = tuple(_claim(doc, 0, 5000 + 3 * number, "乌海市") for number, doc in enumerate(docs))
    district = tuple(_claim(doc, 1, 4000 + 4 * number, "海勃湾区") for number, doc in enumerate(docs))
    links = [Link(city, city, 100.0), Link(district, district, 100.0), Link(district, city, 100.0)]
    timings: dict[str, float] = {}
    started = time.process_time()
    [fact] = facts(links, order)
    shapes = fact.shapes
    timings["shapes"] = time.process_time() - started
    started = time.process_time()
    parts = list(flagged(fact, ScopeContainment._part, LISTED))
    timings["flag_cs03"] = time.process_time() - started
    started = time.process_time()
    pairs = sum(1 for _ in flagged_pairs(fact, ScopeContainment._part))
    timings["flagged_pairs"] = time.process_time() - started
    started = time.process_time()
    statements = fact.statements
    timings["statements"] = time.process_time() - started
    started = time.process_time()
    listed = sum(_read(statement) for statement in statements)
    timings["statements_read"] = time.process_time() - started
    return {"copies": copies, "claims": len(fact.claims), "shapes": len(shapes), "flagged_parts": len(parts),
            "flagged_pairs": pairs, "statements": len(statements), "named": listed,
            "cpu_seconds": {name: round(value, 3) for name, value in timings.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1000, 2000, 4000])
    for copies in parser.parse_args().copies:
        print(json.dumps(measure(copies)))


if __name__ == "__main__":
    main()
