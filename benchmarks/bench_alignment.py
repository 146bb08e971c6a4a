"""Alignment cost as the number of claims grows: near-linear thanks to blocking.

    python benchmarks/bench_alignment.py [--sizes 10000 100000]

Builds synthetic claims over a realistic spread: documents of 50 claims restating a pool of
facts, each fact about 20 times whatever the size (places from the gazetteer, subjects from 2,304
programme names, 5 % of the figures changed), then times ``checks.alignment.align`` for each size
and reports seconds, claims per second and the aligned pairs found.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checks.alignment import align  # noqa: E402
from claims.claim import Claim  # noqa: E402

PLACES = ["乌海市", "包头市", "赤峰市", "通辽市", "鄂尔多斯市", "呼伦贝尔市", "巴彦淖尔市", "乌兰察布市", "兴安盟",
          "锡林郭勒盟", "阿拉善盟", "呼和浩特市", "海勃湾区", "乌达区", "海南区", "达尔罕茂明安联合旗"]
HEADS = ["生活圈", "老旧小区", "示范点", "招聘活动", "养老服务中心", "社区食堂", "宣讲活动", "培训班", "研学基地",
         "口袋公园", "便民服务站", "文艺演出", "志愿服务队", "就业驿站", "书法活动室", "互嵌式社区"]
MODIFIERS = ["一刻钟", "便民", "互嵌式", "各族群众", "社区", "特色", "示范", "新建", "城市", "基层", "综合", "民族团结"]
MEASURES = ["个", "场", "家", "名", "处"]


def synthetic_claims(total: int, per_document: int = 50, seed: int = 7) -> tuple[list[Claim], list[str]]:
    rng = random.Random(seed)
    subjects = [a + b + head for a in MODIFIERS for b in MODIFIERS for head in HEADS]
    facts = [(rng.choice(PLACES), rng.choice(subjects), rng.choice(MEASURES), rng.randint(5, 5000),
              str(rng.choice([2023, 2024]))) for _ in range(max(50, total // 20))]
    claims, documents = [], []
    for number in range(total):
        doc = f"d{number // per_document}"
        if not documents or documents[-1] != doc:
            documents.append(doc)
        place, subject, measure, value, year = rng.choice(facts)
        if rng.random() < 0.05:
            value += rng.randint(1, 20)  # a changed figure
        amount = Decimal(value)
        claims.append(Claim(kind="count", value=amount, low=amount, high=amount, unit="item", measure=measure,
                            precision=Decimal(1), id=f"{doc}:{number}", doc=doc, start=number, end=number + 3,
                            text=f"{value}{measure}", subject=subject, place=place, time=year))
    return claims, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        claims, documents = synthetic_claims(size)
        start = time.perf_counter()
        pairs = align(claims, documents, 75.0)
        seconds = time.perf_counter() - start
        results.append({"claims": size, "documents": len(documents), "seconds": round(seconds, 2),
                        "claims_per_second": round(size / seconds), "pairs": len(pairs)})
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
