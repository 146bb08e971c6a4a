"""The built-in suite in plain Python: each of its expectations is checked row by row with Great
Expectations' semantics (the same failing rows on hand-made and random tables), so Great
Expectations is loaded only for other forms and users' suites."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pandas as pd
import pytest

from checks.suites import row_test, validate

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


def test_a_failing_row_is_found_without_great_expectations() -> None:
    assert _probe("全市城乡居民医保参保率达到112%,新建学校12所。") == "[('BD01', ['d0:1'])] False"


def _table(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame([{"id": f"r{i}", **row} for i, row in enumerate(rows)], columns=COLUMNS)


def _plain(rows: list[dict], expectation: dict) -> set[str]:
    test = row_test(expectation)
    assert test is not None
    return {f"r{i}" for i, row in enumerate(rows) if test({column: row.get(column) for column in COLUMNS})}


def _great_expectations(rows: list[dict], expectation: dict) -> set[str]:
    return {claim_id for failure in validate(_table(*rows), {**SUITE, "expectations": [expectation]})
            for claim_id in failure.claim_ids}


@pytest.mark.parametrize("rule, rows, failing", [
    ("BD01", [{"lowest_percent": 100.0, "capped_rate": True}, {"lowest_percent": 130.0, "capped_rate": False}], False),
    ("BD01", [{"lowest_percent": 100.5, "capped_rate": True}], True),
    ("BD01", [{"lowest_percent": None, "capped_rate": True}, {"lowest_percent": 20.0, "capped_rate": True}], False),
    ("BD02", [{"total": 5.0, "value": 5.0, "ranked": True}, {"total": 2.0, "value": 3.0, "ranked": False}], False),
    ("BD02", [{"total": 2.0, "value": 3.0, "ranked": True}], True),
    ("BD02", [{"total": None, "value": 3.0, "ranked": True}, {"total": 4.0, "value": 3.0, "ranked": True}], True),
    ("BD02", [{"total": None, "value": None, "ranked": True}], False),
    ("BD03", [{"highest": 0.0, "non_negative": True}, {"highest": -4.0, "non_negative": False}], False),
    ("BD03", [{"highest": -0.5, "non_negative": True}], True),
    ("BD04", [{"days_after_publication": 0.0, "dated": True}, {"days_after_publication": 9.0, "dated": False}], False),
    ("BD04", [{"days_after_publication": 1.0, "dated": True}], True),
])
def test_plain_rows_agree_with_great_expectations(rule: str, rows: list[dict], failing: bool) -> None:
    found = _plain(rows, RULES[rule])
    assert bool(found) is failing
    assert found == _great_expectations(rows, RULES[rule])


def _random_rows(seed: int) -> list[dict]:
    pick = random.Random(seed)

    def number() -> float | None:
        return pick.choice([None, 0.0, 100.0, 3.0, 5.0, -0.5, 1.0, 100.5, float(pick.randint(-3, 120))])
    return [{"lowest_percent": number(), "capped_rate": pick.random() < 0.7, "total": number(), "value": number(),
             "ranked": pick.random() < 0.7, "highest": number(), "non_negative": pick.random() < 0.7,
             "days_after_publication": pick.choice([None, -3, 0, 1, 40]), "dated": pick.random() < 0.7}
            for _ in range(pick.randint(1, 12))]


def test_plain_rows_agree_with_great_expectations_on_random_tables() -> None:
    tables = [_random_rows(seed) for seed in range(40)]
    for rule, expectation in RULES.items():
        rows = [row for table in tables for row in table]
        found = _plain(rows, expectation)
        assert found == _great_expectations(rows, expectation), rule
        assert found  # the random tables do fail each expectation somewhere


def test_other_forms_always_go_to_great_expectations() -> None:
    mostly = {**RULES["BD03"], "kwargs": {**RULES["BD03"]["kwargs"], "mostly": 0.9}}
    other = {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "highest"}}
    condition = {**RULES["BD03"], "kwargs": {**RULES["BD03"]["kwargs"], "row_condition": 'non_negative == True'}}
    on_text = {**RULES["BD03"], "kwargs": {**RULES["BD03"]["kwargs"], "column": "unit"}}
    assert [row_test(expectation) is None for expectation in (RULES["BD03"], mostly, other, condition, on_text)] == \
        [False, True, True, True, True]
