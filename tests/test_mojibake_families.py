"""Every mojibake family of tests/fixtures/mojibake_families.toml, written out from plain text:
whole documents read back (or, when bytes were lost, one finding and no figures), runs inside
clean sentences repaired, partial loss flagged, look-alikes left alone. Precision and recall
over the cases are printed and must both be at least 0.9."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pipeline
from checks.config import Config
from sources.reader import document_from_text

FIXTURE = Path(__file__).parent / "fixtures" / "mojibake_families.toml"


def misread(original: str, how: str) -> str:
    """``original`` as shown after each misreading of ``how`` ("utf-8>gbk>latin-1", "!" at the end:
    undecodable bytes become U+FFFD); after the first, the text was saved as UTF-8 again."""
    first, *shown = how.rstrip("!").split(">")
    data, text = original.encode(first), original
    for i, wrong in enumerate(shown):
        errors = "replace" if how.endswith("!") and i == len(shown) - 1 else "strict"
        text = _decode(data, wrong, errors)
        data = text.encode("utf-8")
    return text


def _decode(data: bytes, wrong: str, errors: str) -> str:
    if wrong != "cp1252" or errors == "replace":
        return data.decode(wrong, errors=errors)
    # the five bytes cp1252 leaves undefined show as C1 controls, as in a browser
    return "".join(bytes((b,)).decode("cp1252", errors="ignore") or chr(b) for b in data)


def _case_text(case: dict) -> str:
    if "text" in case:
        return case["text"]
    kept = f"([{re.escape(case['keep'])}])" if "keep" in case else "(?!)"
    pieces = re.split(kept, case["original"])
    shown = "".join(piece if i % 2 else misread(piece, case["misread"]) for i, piece in enumerate(pieces))
    return case.get("before", "") + shown + case.get("after", "")


def _outcome(case: dict) -> tuple[list[str], int]:
    """What was found in the case, as ``expect`` writes it, and the number of claims read."""
    text = _case_text(case)
    doc = document_from_text(text, doc_id="d0", path="d0.txt")
    claim_set = pipeline.extract([doc])
    findings = pipeline.check(claim_set, Config(select=("integrity",))).findings
    found = [f"repaired {doc.encoding}"] if doc.encoding and "repaired" in doc.encoding else []
    if found and doc.original != case.get("original"):
        found = ["repaired into something else"]
    first_line = doc.original.split("\n")[0]
    for finding in findings:
        span = doc.original[finding.start:finding.end]
        if span == first_line and finding.rule == "TI01" and "before" not in case:
            found.append("TI01 line 1")
        elif finding.rule == "TI01" and "original" in case and finding.evidence.get("likely") == case["original"]:
            found.append("TI01 run")
        else:
            found.append(f"{finding.rule} {span}")
    return found, len(claim_set.claims)


def test_precision_and_recall_over_the_families():
    cases = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))["case"]
    true_positives = false_positives = false_negatives = 0
    for case in cases:
        found, claims = _outcome(case)
        expected = case["expect"]
        hits = sum(min(found.count(item), expected.count(item)) for item in set(expected))
        true_positives += hits
        false_positives += len(found) - hits
        false_negatives += len(expected) - hits
        if case.get("no_claims"):
            assert claims == 0, case["name"]
    precision = true_positives / ((true_positives + false_positives) or 1)
    recall = true_positives / ((true_positives + false_negatives) or 1)
    print(f"mojibake families over {len(cases)} cases: precision {precision:.3f}, recall {recall:.3f} "
          f"({true_positives} found, {false_positives} false, {false_negatives} missed)")
    assert precision >= 0.9 and recall >= 0.9


def test_each_family_case():
    """Every case on its own, so a regression names the family."""
    cases = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))["case"]
    wrong = {case["name"]: found for case in cases if sorted(found := _outcome(case)[0]) != sorted(case["expect"])}
    assert not wrong
