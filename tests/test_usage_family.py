"""The usage family as a whole: switched on and off by configuration, and its numeral helpers."""
from __future__ import annotations

from decimal import Decimal

import pipeline
from checks.config import parse
from checks.usage._pattern import chinese_number
from checks.usage.arabic_with_hundreds import plain, value_of
from sources.reader import document_from_text

TEXT = "投资9~16亿元,新增就业4千人,会议定于星期5召开,系数为.27。"


def _codes(table: dict) -> set[str]:
    documents = [document_from_text(TEXT, doc_id="d0", path="d0.txt")]
    config = parse(table, "run-checks.toml")
    return {finding.rule for finding in pipeline.check(pipeline.extract(documents), config).findings}


def test_family_switched_on_and_off_as_a_whole():
    expected = {"US01", "US02", "US06", "US07"}
    assert _codes({"select": ["usage"]}) == expected
    assert {code for code in _codes({}) if code.startswith("US")} == expected
    assert not {code for code in _codes({"ignore": ["usage"]}) if code.startswith("US")}


def test_chinese_numbers():
    assert [chinese_number(n) for n in (5, 10, 11, 20, 105, 1010)] == ["五", "十", "十一", "二十", "一百零五",
                                                                       "一千零一十"]


def test_mixed_numerals_in_plain_form():
    assert value_of("3亿4千5百万") == Decimal("345000000")
    assert [plain(value_of(text)) for text in ("4千", "3百", "3亿4千5百万", "5千万", "1.2千")] == [
        "4000", "300", "3.45亿", "5000万", "1200"]
