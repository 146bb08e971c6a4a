"""reports.evidence: a finding's evidence as plain JSON values, the same for every renderer."""
from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from types import MappingProxyType

from checks.finding import Finding, Severity
from reports.evidence import evidence


def _finding(**values: object) -> Finding:
    return Finding("CS01", "cross-source-conflict", Severity.ERROR, "m", "doc", 0, 1,
                   evidence=MappingProxyType(dict(values)))


def test_decimals_become_ints_or_floats():
    found = evidence(_finding(whole=Decimal("17"), part=Decimal("2.50"), exp=Decimal("1E+2")))
    assert found == {"whole": 17, "part": 2.5, "exp": 100}
    assert [type(value) for value in found.values()] == [int, float, int]


def test_tuples_become_lists_and_sets_sorted_lists():
    found = evidence(_finding(pair=(1, (2, "三")), words=frozenset({"乙", "甲", "丙"}), numbers={10, 9, 100},
                              mixed={1, "a"}))
    assert found["pair"] == [1, [2, "三"]]
    assert found["words"] == sorted(["乙", "甲", "丙"])
    assert found["numbers"] == [9, 10, 100]
    assert found["mixed"] == ["a", 1]  # not comparable: by repr, "'a'" < "1"
    assert all(type(value) is list for value in found.values())


def test_nested_mappings_keep_their_key_order_and_get_str_keys():
    inner = MappingProxyType({"z": Decimal("0.5"), 3: [{"b": None, "a": True}]})
    found = evidence(_finding(second=inner, first="x"))
    assert found == {"second": {"z": 0.5, "3": [{"b": None, "a": True}]}, "first": "x"}
    assert list(found) == ["second", "first"]
    assert list(found["second"]) == ["z", "3"]
    assert list(found["second"]["3"][0]) == ["b", "a"]
    assert type(found["second"]) is dict


def test_scalars_stay_and_anything_else_is_its_str():
    found = evidence(_finding(s="文", i=3, f=0.25, b=False, n=None, day=date(2024, 2, 29), sev=Severity.WARNING))
    assert found == {"s": "文", "i": 3, "f": 0.25, "b": False, "n": None, "day": "2024-02-29", "sev": "warning"}
    assert json.loads(json.dumps(found)) == found


def test_no_evidence_is_an_empty_dict():
    assert evidence(Finding("CS01", "x", Severity.INFO, "m", "doc", 0, 0)) == {}


# --- the evidence as sentences (reports.evidence_text) -------------------------------------------

def _conflict(others: int) -> Finding:
    from checks.finding import Severity

    return Finding("CS01", "cross-source-conflict", Severity.ERROR, "m", "draft", 0, 2,
                   evidence=MappingProxyType({
        "value": "17个", "interval": [Decimal("16.5"), Decimal("17.5")], "unit": "item",
        "others": [{"doc": f"mag{i}", "value": "14个", "interval": [13.5 - i, 14.5 - i]} for i in range(others)],
        "agreeing": [{"doc": "report", "value": "17个"}], "complete_list": False,
        "aspects": {"period": "not stated", "aggregate": "cumulative", "scope": [], "status": "actual"}}))


def test_a_conflict_reads_as_a_sentence_in_both_languages():
    from reports.evidence_text import Sentence, sentences

    names = {"mag0": "《中国民族》 2025年第1期", "report": "政府工作报告"}
    said = sentences(_conflict(1), names, "both")
    assert said[0] == Sentence("zh", "此处为17个，《中国民族》 2025年第1期为14个；"
                                     "区间[16.5, 17.5]与[13.5, 14.5]互不重叠")
    assert said[1] == Sentence("zh", "与政府工作报告为17个一致")
    assert said[2] == Sentence("zh", "单位：item；分项完整：否；"
                                     "比较口径：期间 未注明，口径 累计，范围 —，状态 实际", detail=True)
    assert [s.lang for s in said] == ["zh"] * 3 + ["en"] * 3
    assert said[3].text == ("17个 here, 14个 in 《中国民族》 2025年第1期; "
                            "intervals [16.5, 17.5] and [13.5, 14.5] cannot overlap")
    assert said[4].text == "agrees with 17个 in 政府工作报告"
    assert said[5].text == ("unit: item; complete list: no; compared as: period not stated, aggregate cumulative, "
                            "scope —, status actual")
    assert [s.text for s in sentences(_conflict(1), names, "en")] == [s.text for s in said[3:]]


def test_many_other_sources_are_counted():
    from reports.evidence_text import sentences

    text = sentences(_conflict(5), {}, "en")[0].text
    assert text == ("17个 here, 14个 in mag0, 14个 in mag1, 14个 in mag2 and 2 more; "
                    "interval [16.5, 17.5] overlaps none of [13.5, 14.5], [12.5, 13.5] and [11.5, 12.5]")
    assert sentences(_conflict(5), {}, "zh")[0].text == (
        "此处为17个，mag0为14个、mag1为14个、mag2为14个、另有2处；"
        "区间[16.5, 17.5]与[13.5, 14.5]、[12.5, 13.5]、[11.5, 12.5]均不重叠")
    assert "mag3" not in text


def test_other_evidence_is_written_out_whole():
    from checks.finding import Severity
    from reports.evidence_text import sentences

    finding = Finding("DT01", "implausible-year", Severity.WARNING, "m", "d", 0, 1,
                      evidence=MappingProxyType({
        "year": 2004, "frame": [2009, 2030], "glosses": ["來(lái)", "區(qū)"], "odd_key": None,
        "nested": {"a": [1, 2]}}))
    (zh, en) = sentences(finding, {}, "both")
    assert zh.detail
    assert zh.text == "年份：2004；合理范围：[2009, 2030]；注音：來(lái)、區(qū)；odd key：—；nested：a 1、2"
    assert en.text == "year: 2004; frame: [2009, 2030]; glosses: 來(lái), 區(qū); odd key: —; nested: a 1, 2"
