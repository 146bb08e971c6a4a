"""Accuracy on the real cases: what an editor flags (``must``) and what must stay unflagged (``traps``).

    python3 benchmarks/eval_realworld.py [--realworld PATH] [--json]

``PATH`` (default ``../shared/realworld`` beside the repository) holds one folder per case and
``truth.py``, loaded from its path. Each case folder is read, extracted and checked on its own, in
English. A span of truth.py is located in its document's original text (``context`` once in the
file, ``needle`` inside it); a span that cannot be located is an evaluation error, listed, and the
exit status is 1.

A must item is found when a warning or error finding's primary span overlaps the item's first
span ("any": info findings count too). A trap is hit when a warning or error finding's primary
span overlaps the trap's first span. A warning or error finding is unexplained when none of its
places (primary or related) overlaps any span of a must or neutral item. A claim is flagged when
a warning or error finding's primary span overlaps it.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DEFAULT_REALWORLD = ROOT.parent / "shared" / "realworld"

import pipeline  # noqa: E402
from checks.config import Config  # noqa: E402
from checks.finding import Finding, Severity  # noqa: E402
from sources.document import Document  # noqa: E402

TruthSpan = tuple[str, str, str]  # (file, context, needle)
TruthItem = tuple[str, str, list[TruthSpan]]  # (id, description, spans)


@dataclass(frozen=True)
class Span:
    """A place in a document's original text: ``original[start:end]`` of document ``doc``."""

    doc: str
    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        return self.doc == other.doc and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Item:
    """A must, trap or neutral item: its located spans; ``first`` is None when the first could not be located."""

    id: str
    first: Span | None
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Unexplained:
    """A warning or error finding that touches no must or neutral span."""

    rule: str
    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Counts:
    """The numbers of a case or of all cases; ``findings`` counts findings by severity name."""

    documents: int
    claims: int
    findings: dict[str, int]
    must: int
    found: int
    found_any: int
    traps: int
    false_alarms: int
    unexplained: int
    flagged_claims: int

    def ratios(self) -> dict[str, float]:
        """Recall (warning/error and any severity), trap false-alarm rate and flagged-claim share."""
        return {"recall": _ratio(self.found, self.must), "recall_any": _ratio(self.found_any, self.must),
                "false_alarm_rate": _ratio(self.false_alarms, self.traps),
                "flagged_claim_share": _ratio(self.flagged_claims, self.claims)}


@dataclass(frozen=True)
class CaseScore(Counts):
    """One case: its numbers, and what to work on. ``missed`` maps each must id not found to the
    rules that found it at info severity, ``traps_hit`` each hit trap id to the rules that hit it;
    ``errors`` are the spans of truth.py that could not be located."""

    case: str
    missed: dict[str, list[str]]
    traps_hit: dict[str, list[str]]
    unexplained_findings: list[Unexplained]
    errors: list[str]


def load_truth(realworld: Path) -> ModuleType:
    """``truth.py`` of ``realworld``, imported from its path."""
    spec = importlib.util.spec_from_file_location("realworld_truth", realworld / "truth.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(realworld / "truth.py")
    truth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(truth)
    return truth


def locate(span: TruthSpan, documents: dict[str, Document]) -> Span:
    """The place of ``span`` in its document; ``ValueError`` says why it cannot be located."""
    file, context, needle = span
    doc = documents.get(file)
    if doc is None:
        raise ValueError(f"no readable document {file}")
    count = doc.original.count(context)
    if count != 1:
        raise ValueError(f"context {context!r} occurs {count} times in {file}")
    if needle not in context:
        raise ValueError(f"needle {needle!r} not in context {context!r}")
    start = doc.original.index(context) + context.index(needle)
    return Span(doc.id, start, start + len(needle))


def locate_items(case: str, items: Iterable[TruthItem], documents: dict[str, Document],
                 errors: list[str]) -> list[Item]:
    """The items with their spans located; every span that cannot be located goes to ``errors``."""
    located = []
    for item_id, _, spans in items:
        places: list[Span | None] = []
        for number, span in enumerate(spans, 1):
            try:
                places.append(locate(span, documents))
            except ValueError as error:
                errors.append(f"{case} {item_id} span {number}: {error}")
                places.append(None)
        located.append(Item(item_id, places[0], tuple(p for p in places if p is not None)))
    return located


def primary(finding: Finding) -> Span:
    return Span(finding.doc, finding.start, finding.end)


def places(finding: Finding) -> list[Span]:
    """The primary span of ``finding`` and its related places."""
    return [primary(finding), *(Span(loc.doc, loc.start, loc.end) for loc in finding.related)]


def rules_on(span: Span | None, findings: list[Finding]) -> list[str]:
    """The sorted rules of ``findings`` whose primary span overlaps ``span``."""
    return sorted({f.rule for f in findings if span is not None and primary(f).overlaps(span)})


def score_case(case: str, folder: Path, truth: dict[str, list[TruthItem]]) -> CaseScore:
    """Run the tool over ``folder`` and score its findings against the ``truth`` of the case."""
    claim_set = pipeline.extract(pipeline.read([folder]))
    result = pipeline.check(claim_set, Config(language="en"))
    findings = list(result.findings or [])
    alarms = [f for f in findings if f.severity >= Severity.WARNING]
    documents = {Path(doc.path).name: doc for doc in claim_set.documents if doc.ok}
    originals = {doc.id: doc.original for doc in claim_set.documents}
    errors: list[str] = []
    must = locate_items(case, truth["must"], documents, errors)
    traps = locate_items(case, truth["traps"], documents, errors)
    neutral = locate_items(case, truth["neutral"], documents, errors)
    explaining = [span for item in must + neutral for span in item.spans]
    unexplained = [Unexplained(f.rule, f.doc, f.start, f.end, originals[f.doc][f.start:f.end]) for f in alarms
                   if not any(place.overlaps(span) for place in places(f) for span in explaining)]
    missed = {item.id: rules_on(item.first, findings) for item in must if not rules_on(item.first, alarms)}
    traps_hit = {item.id: rules for item in traps if (rules := rules_on(item.first, alarms))}
    flagged = [c for c in claim_set.claims if any(primary(f).overlaps(Span(c.doc, c.start, c.end)) for f in alarms)]
    return CaseScore(
        case=case, documents=len(claim_set.documents), claims=len(claim_set.claims),
        findings={str(level): sum(f.severity == level for f in findings) for level in Severity},
        must=len(must), found=len(must) - len(missed), found_any=sum(bool(rules_on(i.first, findings)) for i in must),
        traps=len(traps), false_alarms=len(traps_hit), unexplained=len(unexplained), flagged_claims=len(flagged),
        missed=missed, traps_hit=traps_hit, unexplained_findings=unexplained, errors=errors)


def evaluate(realworld: Path = DEFAULT_REALWORLD) -> list[CaseScore]:
    """The score of every case of truth.py, each folder checked on its own."""
    truth = load_truth(realworld)
    return [score_case(case, realworld / case, truth.CASES[case]) for case in sorted(truth.CASES)]


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def totals(scores: list[CaseScore]) -> Counts:
    """The numbers summed over the cases."""
    summed = {f.name: sum(getattr(s, f.name) for s in scores) for f in fields(Counts) if f.name != "findings"}
    return Counts(**summed, findings={str(level): sum(s.findings[str(level)] for s in scores) for level in Severity})


def report(scores: list[CaseScore]) -> dict[str, object]:
    """The JSON object: every case's numbers and lists, the totals and the count of evaluation errors."""
    cases = {s.case: {key: value for key, value in asdict(s).items() if key != "case"} | s.ratios() for s in scores}
    total = totals(scores)
    return {"cases": cases, "totals": asdict(total) | total.ratios(),
            "evaluation_errors": sum(len(s.errors) for s in scores)}


def table(scores: list[CaseScore]) -> str:
    """A readable table of the cases and their totals, then per case what to work on."""
    total = totals(scores)
    header = ("case", "docs", "claims", "err/warn/info", "must found", "found (any)", "traps hit", "unexplained",
              "flagged claims")
    rows = [header] + [
        (name, str(c.documents), str(c.claims), f"{c.findings['error']}/{c.findings['warning']}/{c.findings['info']}",
         f"{c.found}/{c.must}", f"{c.found_any}/{c.must}", f"{c.false_alarms}/{c.traps}", str(c.unexplained),
         f"{c.flagged_claims} ({c.ratios()['flagged_claim_share']:.0%})")
        for name, c in [*((s.case, s) for s in scores), ("total", total)]]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    ratios = total.ratios()
    lines.append(f"\nrecall {ratios['recall']:.0%} (any severity {ratios['recall_any']:.0%}), "
                 f"trap false alarms {ratios['false_alarm_rate']:.0%}, unexplained warnings/errors "
                 f"{total.unexplained}, evaluation errors {sum(len(s.errors) for s in scores)}")
    for s in scores:
        lines.append(f"\n{s.case}")
        lines += [f"  missed       {item}" + (f"  (info: {', '.join(rules)})" if rules else "")
                  for item, rules in s.missed.items()]
        lines += [f"  trap hit     {item}  by {', '.join(rules)}" for item, rules in s.traps_hit.items()]
        lines += [f"  unexplained  {u.rule} {u.doc}:{u.start}-{u.end} {u.text!r}" for u in s.unexplained_findings]
        lines += [f"  EVALUATION ERROR  {error}" for error in s.errors]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--realworld", type=Path, default=DEFAULT_REALWORLD,
                        help="folder of the case folders and truth.py")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    args = parser.parse_args()
    scores = evaluate(args.realworld)
    print(json.dumps(report(scores), indent=2, sort_keys=True, ensure_ascii=False) if args.json else table(scores))
    sys.exit(1 if any(s.errors for s in scores) else 0)


if __name__ == "__main__":
    main()
