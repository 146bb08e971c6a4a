"""The built-in suite's shortcut: Great Expectations is loaded only when a row may fail it, and the
shortcut never hides a failure Great Expectations would report."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest

from checks.suites import may_fail, validate

ROOT = Path(__file__).resolve().parents[1]
SUITE = json.loads(resources.files("checks.bounds").joinpath("data/claims_suite.json").read_text("utf-8"))
RULES = {expectation["meta"]["rule"]: expectation for expectation in SUITE["expectations"]}
COLUMNS = ["id", "lowest_percent", "capped_rate", "total", "value", "ranked", "highest", "non_negative",
           "days_after_publication", "dated"]

_PROBE = """
import sys
import pipeline
from checks.corpus import Corpus
from checks.suites import builtin_failures
from sources.reader import document_from_text
claim_set = pipeline.extract([document_from_text(sys.argv[1], doc_id="d0", path="d0.txt")])
failures = builtin_failures(Corpus(claim_set.documents, claim_set.claims))
print(sorted((rule, sorted(ids)) for rule, ids in failures.items()), "great_expectations" in sys.modules)
"""


def _probe(text: str) -> str:
    return subprocess.run([sys.executable, "-c", _PROBE, text], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_a_clean_document_needs_no_great_expectations() -> None:
    assert _probe("全区绿化覆盖率达到41.5%,新建学校12所,排名第3位。") == "[] False"


def test_a_failing_row_is_found_by_great_expectations() -> None:
    assert _probe("全市城乡居民医保参保率达到112%,新建学校12所。") == "[('BD01', ['d0:1'])] True"


def _table(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame([{"id": f"r{i}", **row} for i, row in enumerate(rows)], columns=COLUMNS)


@pytest.mark.parametrize("rule, rows, failing", [
    ("BD01", [{"lowest_percent": 100.0, "capped_rate": True}, {"lowest_percent": 130.0, "capped_rate": False}], False),
    ("BD01", [{"lowest_percent": 100.5, "capped_rate": True}], True),
    ("BD01", [{"lowest_percent": None, "capped_rate": True}, {"lowest_percent": 20.0, "capped_rate": True}], False),
    ("BD02", [{"total": 5.0, "value": 5.0, "ranked": True}, {"total": 2.0, "value": 3.0, "ranked": False}], False),
    ("BD02", [{"total": 2.0, "value": 3.0, "ranked": True}], True),
    ("BD02", [{"total": None, "value": 3.0, "ranked": True}, {"total": 4.0, "value": 3.0, "ranked": True}], True),
    ("BD03", [{"highest": 0.0, "non_negative": True}, {"highest": -4.0, "non_negative": False}], False),
    ("BD03", [{"highest": -0.5, "non_negative": True}], True),
    ("BD04", [{"days_after_publication": 0.0, "dated": True}, {"days_after_publication": 9.0, "dated": False}], False),
    ("BD04", [{"days_after_publication": 1.0, "dated": True}], True),
])
def test_may_fail_agrees_with_great_expectations(rule: str, rows: list[dict], failing: bool) -> None:
    table = _table(*rows)
    assert may_fail(table, RULES[rule]) is failing
    found = [failure for failure in validate(table, {**SUITE, "expectations": [RULES[rule]]}) if failure.claim_ids]
    assert bool(found) is failing


def test_other_forms_always_go_to_great_expectations() -> None:
    table = _table({"highest": 3.0, "non_negative": True})
    mostly = {**RULES["BD03"], "kwargs": {**RULES["BD03"]["kwargs"], "mostly": 0.9}}
    other = {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "highest"}}
    condition = {**RULES["BD03"], "kwargs": {**RULES["BD03"]["kwargs"], "row_condition": 'non_negative == True'}}
    assert [may_fail(table, expectation) for expectation in (RULES["BD03"], mostly, other, condition)] == \
        [False, True, True, True]
