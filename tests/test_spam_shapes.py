"""TI03 injected-spam over its fixture cases (tests/fixtures/rules/TI03.toml): precision and recall of
the injected runs found, both at least 0.9."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pipeline
from checks.config import Config
from sources.reader import document_from_text

FIXTURE = Path(__file__).parent / "fixtures" / "rules" / "TI03.toml"


def _found(texts: list[str]) -> list[tuple[int, str]]:
    documents = [document_from_text(text, doc_id=f"d{i}", path=f"d{i}.txt") for i, text in enumerate(texts)]
    findings = pipeline.check(pipeline.extract(documents), Config(select=("TI03",))).findings
    originals = {doc.id: doc.original for doc in documents}
    return [(int(f.doc[1:]), originals[f.doc][f.start:f.end]) for f in findings]


def test_precision_and_recall_over_the_fixture_cases():
    cases = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))["case"]
    true_positives = false_positives = false_negatives = 0
    for case in cases:
        expected = [(0, e) if isinstance(e, str) else (e.get("doc", 0), e["text"]) for e in case["expect"]]
        found = _found(case["documents"])
        hits = sum(min(found.count(item), expected.count(item)) for item in set(expected))
        true_positives += hits
        false_positives += len(found) - hits
        false_negatives += len(expected) - hits
    precision = true_positives / ((true_positives + false_positives) or 1)
    recall = true_positives / ((true_positives + false_negatives) or 1)
    print(f"TI03 over {len(cases)} cases: precision {precision:.3f}, recall {recall:.3f} "
          f"({true_positives} found, {false_positives} false, {false_negatives} missed)")
    assert precision >= 0.9 and recall >= 0.9
