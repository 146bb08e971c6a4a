"""Acceptance: figures for another period, aggregate, scope or status are never a conflict; the
same fact with values that cannot both be true is (tests/fixtures/comparable_pairs.toml)."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import pipeline
from checks.config import Config
from checks.finding import Severity
from sources.reader import document_from_text

PAIRS = tomllib.loads((Path(__file__).parent / "fixtures" / "comparable_pairs.toml").read_text(encoding="utf-8"))


def _check(texts: list[str]):
    documents = [document_from_text(text, doc_id=f"d{i}", path=f"d{i}.txt") for i, text in enumerate(texts)]
    result = pipeline.check(pipeline.extract(documents), Config(select=("cross_source", "restatement"), language="en"))
    return documents, result.findings


def test_the_fixture_has_the_pairs_the_issue_asks_for():
    assert len(PAIRS["quiet"]) >= 20 and len(PAIRS["fires"]) >= 10


@pytest.mark.parametrize("case", PAIRS["quiet"], ids=[case["name"] for case in PAIRS["quiet"]])
def test_only_alike_figures_are_not_flagged(case):
    documents, findings = _check(case["documents"])
    loud = [f for f in findings if f.severity >= Severity.WARNING]
    assert not loud, [f.message for f in loud]


@pytest.mark.parametrize("case", PAIRS["fires"], ids=[case["name"] for case in PAIRS["fires"]])
def test_the_same_fact_with_another_value_is_a_conflict(case):
    documents, findings = _check(case["documents"])
    got = [(f.rule, f.severity, f.doc, documents[int(f.doc[1:])].original[f.start:f.end]) for f in findings]
    assert got == [(case.get("rule", "CS01"), Severity.ERROR, "d1", case["flag"])], [f.message for f in findings]


def test_a_period_whose_year_is_unknown_on_one_side_is_only_info_and_says_why():
    documents, findings = _check(["发布时间:2023-04-27\n2023年一季度,全国新设民营企业203.9万户。",
                                  "一季度,全国新设民营企业197.9万户。"])
    [finding] = findings
    assert (finding.rule, finding.severity, finding.doc) == ("CS01", Severity.INFO, "d1")
    assert "may not be comparable: period" in finding.message
    assert finding.evidence["aspects"]["period"].startswith("一季度")


def test_the_chinese_message_names_what_was_compared_in_chinese():
    documents = [document_from_text(text, doc_id=f"d{i}", path=f"d{i}.txt") for i, text in enumerate(
        ["发布时间:2023-04-27\n2023年一季度,全国新设民营企业203.9万户。", "一季度,全国新设民营企业197.9万户。"])]
    [finding] = pipeline.check(pipeline.extract(documents), Config(select=("CS01",), language="zh")).findings
    assert "(比较口径:期间一季度 [--01–--03];新增;范围民营;实际)" in finding.message
    assert finding.message.endswith(";可能不可比:期间一季度 [--01–--03]/2023年一季度")
