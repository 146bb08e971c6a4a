"""Many copies of one report: time and memory to check a report with ``--copies`` restatements.

    python benchmarks/bench_copies.py [--copies 1000] [--report FILE]

Writes the report (default: the first of ../shared/seeds, else the bundled work report) and that
many near-identical copies (``restated_copies``: sentences shuffled, every third copy in the other
script, one copy in ten with a changed figure) into a temporary folder, then reads, extracts and
checks them all with the default configuration, as ``run-checks check`` does. Prints the wall and
CPU seconds of each stage (CPU time is steadier on a shared machine), the peak resident memory,
and the findings by rule.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from restated_copies import restated  # noqa: E402

from checks.config import Config  # noqa: E402
from pipeline import check, extract, read  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
T = TypeVar("T")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--copies", type=int, default=1000)
    default = min(SEEDS.glob("*.txt")) if SEEDS.is_dir() else ROOT / "examples" / "wuhai_work_report.txt"
    parser.add_argument("--report", type=Path, default=default)
    args = parser.parse_args()
    source = read([args.report])[0]
    claims = extract([source]).claims
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "a_source.txt").write_text(source.original, encoding="utf-8")
        for number in range(args.copies):
            share = 0.05 if number % 10 == 0 else 0.0
            text, _ = restated(source.original, claims, rng, share, "s2t" if number % 3 == 0 else None)
            Path(folder, f"copy_{number:05d}.txt").write_text(text, encoding="utf-8")
        stages: dict[str, float] = {}
        cpu: dict[str, float] = {}

        def timed(stage: str, work: Callable[[], T]) -> T:
            started, started_cpu = time.perf_counter(), time.process_time()
            value = work()
            stages[stage], cpu[stage] = time.perf_counter() - started, time.process_time() - started_cpu
            return value
        documents = timed("read", lambda: read([folder]))
        claim_set = timed("extract", lambda: extract(documents))
        result = timed("check", lambda: check(claim_set, Config()))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"report": args.report.name, "report_characters": len(source.original),
                      "copies": args.copies, "claims": len(claim_set.claims),
                      "seconds": {stage: round(value, 1) for stage, value in stages.items()},
                      "total_seconds": round(sum(stages.values()), 1),
                      "cpu_seconds": {stage: round(value, 1) for stage, value in cpu.items()},
                      "total_cpu_seconds": round(sum(cpu.values()), 1), "peak_memory_mb": round(peak_mb),
                      "findings": dict(sorted(Counter(f.rule for f in result.findings).items()))},
                     ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
