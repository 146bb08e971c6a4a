"""How ``check`` grows with the number of documents: seconds and peak memory at 10 to 10,000 reports.

    python benchmarks/bench_scale.py [--sizes 10 100 1000 10000] [--format json]

Writes realistic reports (about 9 KB each): perturbed copies of the seeds in ../shared/seeds (else
of the bundled examples), each with its sentences shuffled, about one in ten dropped, about 15 %
of its figures changed (``restated_copies``) and, in one copy of three, one place name swapped for
another place of the seeds. Then runs ``run-checks check`` on each size in a fresh subprocess (so
no size inherits another's caches or memory) and prints, per size, the wall seconds, the CPU
seconds of the run (user + system of every process it started: steadier than wall time on a
shared machine), two peaks of memory and the findings count. ``peak_mb`` is the peak resident
size of the largest process (``wait4`` rusage); ``tree_peak_mb`` the peak of the memory the
whole run held, every process summed (PSS sampled every 0.2 s: ``tree_memory``), which counts the
pool workers and the forked checking copy too. The machine's other load shows in the wall time,
not in the CPU time.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from restated_copies import SENTENCE, restated  # noqa: E402
from tree_memory import TreeMemory  # noqa: E402

from pipeline import extract, read  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
DROP = 0.1  # share of sentences a copy leaves out
SHARE = 0.15  # share of figures a copy changes
SWAP = 3  # one copy in SWAP swaps a place name


def seeds() -> list[Path]:
    """The seed reports, else the bundled example reports."""
    found = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    return found or sorted((ROOT / "examples").glob("*.txt"))


def write_reports(folder: Path, total: int, seed: int = 1) -> int:
    """``total`` perturbed copies of the seeds in ``folder``; returns the characters written."""
    sources = [read([path])[0] for path in seeds()]
    claims = [extract([source]).claims for source in sources]
    places = sorted({claim.place for found in claims for claim in found if claim.place and len(claim.place) >= 2})
    rng = random.Random(seed)
    written = 0
    for number in range(total):
        which = number % len(sources)
        text, _ = restated(sources[which].original, claims[which], rng, SHARE)
        kept = [match.group() for match in SENTENCE.finditer(text) if rng.random() >= DROP]
        text = "".join(kept)
        if number % SWAP == 0 and len(places) > 1:
            present = [place for place in places if place in text]
            if present:
                old = rng.choice(present)
                text = re.sub(re.escape(old), rng.choice([p for p in places if p != old]), text, count=1)
        Path(folder, f"report_{number:05d}.txt").write_text(text, encoding="utf-8")
        written += len(text)
    return written


def measure(folder: Path, output_format: str) -> dict[str, float]:
    """Wall and CPU seconds, peak MB of the largest process and of the whole tree, of ``run-checks
    check`` on ``folder`` in a subprocess."""
    output = folder.parent / f"findings.{output_format}"
    command = [sys.executable, str(ROOT / "run_checks.py"), "check", str(folder), "--format", output_format,
               "--output", str(output), "--fail-on", "never", "--quiet", "--isolated"]
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with TreeMemory(child.pid) as tree:
        _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    error = child.stderr.read().decode("utf-8", "replace")
    child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"check failed ({status}): {error[-2000:]}")
    findings = len(json.loads(output.read_text(encoding="utf-8"))["findings"]) if output_format == "json" else -1
    return {"wall_seconds": round(wall, 1), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
            "peak_mb": round(usage.ru_maxrss / 1024), "tree_peak_mb": tree.peak_mb,
            "output_mb": round(output.stat().st_size / 2**20, 1),
            "findings": findings}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000, 10000])
    parser.add_argument("--format", default="json", help="the output format of the check (default: json)")
    args = parser.parse_args()
    rows = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name, "reports")
            folder.mkdir()
            characters = write_reports(folder, size)
            row = {"documents": size, "characters": characters, **measure(folder, args.format)}
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
