"""Restatement benchmark: how many changed figures in restated copies are flagged, and what else is.

    python benchmarks/bench_restatement.py [--rounds 4] [--share 0.15] [--reports examples/ ../shared/seeds/]

For each report (plain text and Markdown files of the folders given), each round writes the report
and a restated copy (``restated_copies``: sentences shuffled, every other round converted to the
other script, about ``share`` of the figures changed) and checks the pair with the default
configuration. A changed figure is flagged when a warning or error finding touches it (its primary
or a related place in the copy). Findings elsewhere are the warnings and errors of the rules that
compare documents (cross_source and restatement families) touching no changed figure. A copy
with no change is checked too: it must give no such finding at all.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from restated_copies import Change, restated  # noqa: E402

from checks.config import Config  # noqa: E402
from checks.finding import Finding, Severity  # noqa: E402
from pipeline import check, extract, read  # noqa: E402

COMPARING = ("CS", "RS")
_TRADITIONAL = set("這個國們來說區經與為發會對業優實際開關時後過還進")


def _touches(finding: Finding, doc: str, change: Change) -> bool:
    places = [(finding.doc, finding.start, finding.end)] + [(p.doc, p.start, p.end) for p in finding.related]
    return any(d == doc and s < change.end and change.start < e for d, s, e in places)


def run_pair(report: Path, rng: random.Random, share: float, script_round: bool) -> dict:
    """Check a report and one restated copy; count flagged changes and findings elsewhere."""
    source = read([report])[0]
    claims = extract([source]).claims
    script = None
    if script_round:
        script = "t2s" if sum(ch in _TRADITIONAL for ch in source.original) > 20 else "s2t"
    copy_text, changes = restated(source.original, claims, rng, share, script)
    with tempfile.TemporaryDirectory() as folder:
        original = Path(folder, "a_" + report.name)
        copy = Path(folder, "b_copy" + report.suffix)
        original.write_text(source.original, encoding="utf-8")
        copy.write_text(copy_text, encoding="utf-8")
        result = check(extract(read([original, copy])), Config())
    copy_id = next(doc.id for doc in result.claim_set.documents if doc.path.endswith(copy.name))
    serious = [f for f in result.findings if f.severity >= Severity.WARNING]
    flagged = [c for c in changes if any(_touches(f, copy_id, c) for f in serious)]
    comparing = [f for f in serious if f.rule.startswith(COMPARING)]
    elsewhere = [f for f in comparing if not any(_touches(f, copy_id, c) for c in changes)]
    return {"changes": changes, "flagged": flagged, "elsewhere": elsewhere, "comparing": comparing}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--reports", nargs="+", default=["examples", "../shared/seeds"])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--share", type=float, default=0.15)
    parser.add_argument("--misses", action="store_true", help="list the changed figures not flagged")
    args = parser.parse_args()
    reports = sorted(p for folder in args.reports if Path(folder).is_dir()
                     for p in Path(folder).iterdir() if p.suffix in (".txt", ".md"))
    totals: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    flagged_kind: Counter[str] = Counter()
    misses, stray = [], []
    for report in reports:
        unchanged = run_pair(report, random.Random(0), 0.0, False)
        totals["unchanged_copies"] += 1
        totals["unchanged_copy_findings"] += len(unchanged["comparing"])
        stray += [(report.name, "unchanged", f.rule, f.message) for f in unchanged["comparing"]]
        for number in range(args.rounds):
            outcome = run_pair(report, random.Random(number + 1), args.share, number % 2 == 1)
            totals["changes"] += len(outcome["changes"])
            totals["flagged"] += len(outcome["flagged"])
            totals["comparing_findings"] += len(outcome["comparing"])
            totals["elsewhere"] += len(outcome["elsewhere"])
            for change in outcome["changes"]:
                by_kind[change.kind] += 1
                flagged_kind[change.kind] += change in outcome["flagged"]
                if change not in outcome["flagged"]:
                    misses.append((report.name, number, change.kind, change.before, change.after))
            stray += [(report.name, number, f.rule, f.message) for f in outcome["elsewhere"]]
    recall = totals["flagged"] / max(1, totals["changes"])
    elsewhere = totals["elsewhere"] / max(1, totals["comparing_findings"])
    print(json.dumps({"reports": len(reports), "rounds": args.rounds, **totals,
                      "recall": round(recall, 3), "findings_elsewhere": round(elsewhere, 3),
                      "recall_by_kind": {k: f"{flagged_kind[k]}/{by_kind[k]}" for k in sorted(by_kind)}},
                     ensure_ascii=False, indent=2))
    if args.misses:
        for miss in misses:
            print("missed", *miss)
        for item in stray:
            print("elsewhere", *item)


if __name__ == "__main__":
    main()
