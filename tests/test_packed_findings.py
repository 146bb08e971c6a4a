"""Findings sent back from the forked checker as columns (``checks.packed``, ``vocab.records``):
the same findings, nested places and edits included, and a pickle smaller and faster both ways."""
from __future__ import annotations

import pickle
import random
import time
import tomllib
from dataclasses import FrozenInstanceError, fields
from pathlib import Path
from types import MappingProxyType

import pytest

from checks.config import Config
from checks.corpus import Corpus
from checks.engine import check_corpus, selected_rules
from checks.finding import Edit, Finding, Location, Severity
from checks.packed import packed, unpacked
from checks.rule import DocumentRule
from claims.extract import extract_claims
from sources.reader import document_from_text, expand_paths, read_document
from vocab.records import columns, rows

EXAMPLES = Path(__file__).parents[1] / "examples"
FIXTURES = Path(__file__).parent / "fixtures" / "rules"


def _generated(count: int) -> list[Finding]:
    rng = random.Random(15)
    found = []
    for number in range(count):
        doc = f"report_{number % 7:05d}"
        starts = rng.sample(range(5000), rng.randint(0, 40))
        places = tuple(Location(doc, start, start + 5, "gloss", "注音") for start in starts)
        edits = tuple(Edit(place.start, place.end) for place in places[:rng.randint(0, len(places))])
        found.append(Finding("TI04", "leftover-gloss", rng.choice(list(Severity)), f"残留{len(places)}处拼音注音", doc,
                             number, number + 6, tuple(f"{doc}:c{i}" for i in range(rng.randint(0, 3))), places,
                             MappingProxyType({"count": len(places), "glosses": ["堅(jiān)"] * rng.randint(0, 3)}),
                             edits, unlisted=rng.randint(0, 2)))
    return found


def _checked_examples() -> list[Finding]:
    """The per-document rules' findings on the examples and on every fixture document of the rules."""
    docs = [doc for doc in (read_document(path, path.stem) for path in expand_paths([EXAMPLES])) if doc.ok]
    for path in sorted(FIXTURES.glob("*.toml")):
        for number, case in enumerate(tomllib.loads(path.read_text("utf-8")).get("case", [])):
            texts = [text for text in case.get("documents", []) if isinstance(text, str)]
            docs += [document_from_text(text, doc_id=f"{path.stem}-{number}-{i}") for i, text in enumerate(texts)]
    claims = [claim for doc in docs for claim in extract_claims(doc)]
    rules = [rule for rule in selected_rules(Config()) if isinstance(rule, DocumentRule)]
    return check_corpus(Corpus(docs, claims), rules)


@pytest.mark.parametrize("findings", [_generated(300), []], ids=["generated", "none"])
def test_packed_findings_come_back_equal_field_by_field(findings):
    again = unpacked(pickle.loads(pickle.dumps(packed(findings), protocol=pickle.HIGHEST_PROTOCOL)))
    assert again == findings
    for before, after in zip(findings, again, strict=True):
        assert type(after) is Finding and not hasattr(after, "__dict__")
        assert [getattr(after, f.name) for f in fields(Finding)] == [getattr(before, f.name) for f in fields(Finding)]
        assert type(after.evidence) is MappingProxyType and all(type(place) is Location for place in after.related)
        assert type(after.related) is tuple and type(after.fix) is tuple
    if findings:
        with pytest.raises(FrozenInstanceError):
            again[0].start = 0  # type: ignore[misc]
        assert sum(len(finding.related) for finding in again) > 3000


def test_the_examples_findings_come_back_equal():
    findings = _checked_examples()
    assert len(findings) >= 100 and {finding.rule for finding in findings} >= {"TI01", "TI03", "TI04", "US01"}
    assert any(finding.fix for finding in findings) and any(finding.related for finding in findings)
    assert unpacked(pickle.loads(pickle.dumps(packed(findings)))) == findings


def test_columns_and_rows_are_inverse():
    places = [Location("d", 3, 5, "here", "此处"), Location("e", 9, 12)]
    names = [f.name for f in fields(Location)]
    assert columns(places, names) == (("d", "e"), (3, 9), (5, 12), ("here", ""), ("此处", ""))
    assert rows(Location, names, columns(places, names)) == places
    assert rows(Location, names, columns([], names)) == []


def test_packing_beats_record_by_record_pickling():
    findings = _generated(2000)
    start = time.process_time()
    one_by_one = pickle.loads(pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL))
    plain = time.process_time() - start
    start = time.process_time()
    sent = pickle.dumps(packed(findings), protocol=pickle.HIGHEST_PROTOCOL)
    again = unpacked(pickle.loads(sent))
    columnar = time.process_time() - start
    assert again == one_by_one == findings
    assert len(sent) < len(pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL))
    assert columnar < plain
