"""Periods: what time a figure covers (1—9月, 截至6月17日, 2013年以来), whether two are the same,
and whether one lies within another."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from claims import periods, sentences
from claims.claim import Segment
from claims.periods import Period, compare, covers, document_period, period_of
from sources.reader import document_from_text
from vocab.files import DataFileError, read_text


def period(raw: str, figure: str, year: int | None = 2024) -> Period | None:
    """The period of the first ``figure`` in ``raw``, read as the extractor would call it."""
    text = document_from_text(raw).text
    start = text.index(figure)
    sentence = Segment(*sentences.segment(text, sentences.starts(text, sentences.SENTENCE_END), start))
    clause = Segment(*sentences.segment(text, sentences.starts(text, sentences.CLAUSE_END), start))
    return period_of(text, sentence, clause, (start, start + len(figure)), year)


def fields(found: Period | None) -> tuple | None:
    return (found.kind, found.start, found.end, found.text) if found else None


FORMS = [
    ("1—9月,全区新建充电桩4200个。", "4200个", 2024, ("span", "2024-01", "2024-09", "1—9月")),
    ("1-9月份全市完成固定资产投资86亿元。", "86亿元", 2024, ("span", "2024-01", "2024-09", "1-9月份")),
    ("1至9月累计接待游客310万人次。", "310万人次", 2024, ("span", "2024-01", "2024-09", "1至9月")),
    ("2023年1—10月,全省新增就业岗位9.6万个。", "9.6万个", 2024, ("span", "2023-01", "2023-10", "2023年1—10月")),
    ("今年1-9月,全市规上工业增加值增长6.1%。", "6.1%", 2023, ("span", "2023-01", "2023-09", "今年1-9月")),
    ("1—9月,全区新建充电桩4200个。", "4200个", None, ("span", "--01", "--09", "1—9月")),
    ("前三季度,全县农村居民人均可支配收入达到1.8万元。", "1.8万元", 2024, ("span", "2024-01", "2024-09", "前三季度")),
    ("一季度全市外贸进出口额为45亿元。", "45亿元", 2024, ("span", "2024-01", "2024-03", "一季度")),
    ("第一季度新增市场主体1300户。", "1300户", 2024, ("span", "2024-01", "2024-03", "第一季度")),
    ("二季度新签约项目27个。", "27个", 2024, ("span", "2024-04", "2024-06", "二季度")),
    ("上半年,全市新增城镇就业5600人。", "5600人", 2024, ("span", "2024-01", "2024-06", "上半年")),
    ("下半年计划新开工项目40个。", "40个", 2024, ("span", "2024-07", "2024-12", "下半年")),
    ("全年完成造林面积3.2万亩。", "3.2万亩", 2024, ("span", "2024-01", "2024-12", "全年")),
    ("3月份全市空气质量优良天数为26天。", "26天", 2024, ("span", "2024-03", "2024-03", "3月份")),
    ("2024年3月,全区发放消费券800万元。", "800万元", None, ("span", "2024-03", "2024-03", "2024年3月")),
    ("5月1日至7日,全市旅游收入达到9.3亿元。", "9.3亿元", 2024, ("span", "2024-05-01", "2024-05-07", "5月1日至7日")),
    ("5月1日—7日,全市接待游客88万人次。", "88万人次", 2024, ("span", "2024-05-01", "2024-05-07", "5月1日—7日")),
    ("2021—2024年,全市累计改造老旧小区620个。", "620个", 2024, ("span", "2021", "2024", "2021—2024年")),
    ("2021~2024年累计植树1100万株。", "1100万株", 2024, ("span", "2021", "2024", "2021~2024年")),
    ("十四五期间计划建设保障性住房1200套。", "1200套", 2024, ("span", "2021", "2025", "十四五期间")),
    ("“十四五”期间全市新建学校18所。", "18所", 2024, ("span", "2021", "2025", "“十四五”期间")),
    ("十四五时期累计投资340亿元。", "340亿元", 2024, ("span", "2021", "2025", "十四五时期")),
    ("十三五期间建成公路920公里。", "920公里", 2024, ("span", "2016", "2020", "十三五期间")),
    ("十五五时期力争新增耕地5万亩。", "5万亩", 2024, ("span", "2026", "2030", "十五五时期")),
    ("春节假期,全市接待游客46万人次。", "46万人次", 2024, ("span", None, None, "春节假期")),
    ("国庆假期全区实现旅游收入7.8亿元。", "7.8亿元", 2024, ("span", None, None, "国庆假期")),
    ("“五一”假期,景区接待游客12万人次。", "12万人次", 2024, ("span", None, None, "“五一”假期")),
    ("截至6月17日,口岸累计进出口货物突破150万吨。", "150万吨", 2024, ("to_date", None, "2024-06-17", "截至6月17日")),
    ("截至2024年10月底,全市累计建成5G基站3800个。", "3800个", 2023, ("to_date", None, "2024-10", "截至2024年10月底")),
    ("截至10月底,全县累计发放贷款6.5亿元。", "6.5亿元", None, ("to_date", None, "--10", "截至10月底")),
    ("截至目前,已发放补贴资金2.6亿元。", "2.6亿元", 2024, ("to_date", None, None, "截至目前")),
    ("截止到3月底,全县累计完成植树120万株。", "120万株", 2024, ("to_date", None, "2024-03", "截止到3月底")),
    ("截至三季度末,全市贷款余额为2900亿元。", "2900亿元", 2024, ("to_date", None, "2024-09", "截至三季度末")),
    ("2013年以来,全市累计减少贫困人口8万人。", "8万人", 2024, ("since", "2013", None, "2013年以来")),
    ("近三年,全市累计投入教育经费52亿元。", "52亿元", 2024, ("since", "2022", None, "近三年")),
    ("近5年来全县新增耕地1.2万亩。", "1.2万亩", 2024, ("since", "2020", None, "近5年来")),
    ("“十四五”以来,全市新建公园24个。", "24个", 2024, ("since", "2021", None, "“十四五”以来")),
    ("2023年,全市地区生产总值达到2100亿元。", "2100亿元", 2024, ("year", "2023", "2023", "2023年")),
    ("10月31日当天,地铁客流量达到210万人次。", "210万人次", 2024, ("day", "2024-10-31", "2024-10-31", "10月31日当天")),
    ("景区单日接待游客最高达4.5万人次。", "4.5万人次", 2024, ("day", None, None, "单日")),
    ("当日,现场签约项目12个。", "12个", 2024, ("day", None, None, "当日")),
    ("前两个月,全市新登记企业830户。", "830户", 2024, ("span", "2024-01", "2024-02", "前两个月")),
]


@pytest.mark.parametrize(("raw", "figure", "year", "expected"), FORMS, ids=[form[3][3] for form in FORMS])
def test_the_forms_of_a_period(raw, figure, year, expected):
    assert fields(period(raw, figure, year)) == expected


def test_the_nearest_period_before_the_figure_wins():
    raw = "1—9月,全国新开工改造8.3万个,其中9月份新开工1.1万个。"
    assert period(raw, "8.3万个").text == "1—9月"
    assert fields(period(raw, "1.1万个")) == ("span", "2024-09", "2024-09", "9月份")


def test_a_period_in_brackets_after_the_figure_counts():
    found = period("全市累计改造老旧小区620个(2021—2024年),惠及居民3万户。", "620个")
    assert fields(found) == ("span", "2021", "2024", "2021—2024年")
    assert period("全年接待游客46万人次(含春节假期12万人次)。", "46万人次").text == "全年"  # not a period alone


def test_a_base_of_comparison_is_no_period():
    assert period("2024年1—9月,全市地区生产总值比2023年增长5.2%。", "5.2%").text == "2024年1—9月"
    assert period("与2020年相比,全市常住人口增加3万人。", "3万人") is None


def test_what_is_no_period():
    assert period("全市共有小学46所。", "46所") is None
    assert period("10月31日,市政府公布全市常住人口为280万人。", "280万人") is None  # a date, not a time frame
    assert period("全市接待游客46万人次,为全年最高。", "46万人次") is None  # after the figure, not in brackets
    assert period("全年完成投资80亿元。新增就业岗位3000个。", "3000个") is None  # another sentence
    assert period("10月上旬,全市新增病例12例。", "12例") is None  # an unread part of a month
    assert period("接近5年时间里,全县修建道路300公里。", "300公里") is None  # a qualifier, not 近5年


def test_a_crossing_day_span_ends_in_the_next_year():
    assert fields(period("12月29日至1月2日,全市接待游客9万人次。", "9万人次")) == (
        "span", "2024-12-29", "2025-01-02", "12月29日至1月2日")


def test_compare_either_side_unknown():
    assert compare(None, period("全年完成投资80亿元。", "80亿元")) == "unknown"
    assert compare(None, None) == "unknown"


def test_compare_different_kinds_and_the_whole_year():
    to_date = period("截至6月17日累计过货量突破360万吨。", "360万吨")
    whole_year = period("全年过货量662万吨。", "662万吨")
    year_2024 = Period("year", "2024", "2024", "2024年")
    assert compare(to_date, whole_year) == "different"
    assert compare(year_2024, whole_year) == "same"
    assert compare(period("1—12月完成投资80亿元。", "80亿元"), year_2024) == "same"
    assert compare(year_2024, period("全年完成投资80亿元。", "80亿元", None)) == "unknown"
    assert compare(Period("year", "2023", "2023", "2023年"), whole_year) == "different"
    assert compare(period("十四五期间计划改造1535个。", "1535个"), period("2025年改造272个。", "272个")) == "different"
    assert compare(period("一季度完成投资20亿元。", "20亿元"), whole_year) == "different"


def test_compare_same_kind():
    nine = period("1—9月全国新开工改造5.13万个。", "5.13万个")
    assert compare(nine, period("1—10月新开工改造5.28万个。", "5.28万个")) == "different"
    assert compare(nine, period("2024年1—9月新开工改造5.13万个。", "5.13万个", None)) == "same"
    assert compare(period("2024年3月发放消费券800万元。", "800万元"),
                   period("3月1日至31日发放消费券800万元。", "800万元")) == "same"
    assert compare(period("截至6月17日累计过货量突破360万吨。", "360万吨"),
                   period("截至10月底累计过货量突破600万吨。", "600万吨")) == "different"
    assert compare(period("截至10月底累计完成3亿元。", "3亿元"),
                   period("截至10月31日累计完成3亿元。", "3亿元")) == "same"


def test_compare_a_missing_year():
    without = period("1—9月新开工改造5.13万个。", "5.13万个", None)
    assert compare(without, period("2024年1—9月新开工改造5.1万个。", "5.1万个")) == "unknown"
    assert compare(without, period("2024年1—10月新开工改造5.28万个。", "5.28万个")) == "different"
    assert compare(period("截至目前累计发放2亿元。", "2亿元"), period("截至目前累计发放3亿元。", "3亿元")) == "unknown"


def test_compare_holidays_by_their_text():
    spring = period("春节假期接待游客46万人次。", "46万人次")
    assert compare(spring, period("春节假期全市接待游客50万人次。", "50万人次")) == "same"
    assert compare(spring, period("春节长假接待游客50万人次。", "50万人次")) == "same"  # the same holiday
    assert compare(spring, period("国庆假期接待游客50万人次。", "50万人次")) == "different"
    assert compare(spring, period("2月10日至17日接待游客50万人次。", "50万人次")) == "unknown"


def test_covers():
    quarter = period("一季度完成投资20亿元。", "20亿元")
    march = period("3月份完成投资8亿元。", "8亿元")
    assert covers(quarter, march) and not covers(march, quarter)
    assert covers(Period("year", "2024", "2024", "2024年"), quarter)
    assert not covers(quarter, period("4月份完成投资8亿元。", "8亿元"))
    assert not covers(quarter, period("3月份完成投资8亿元。", "8亿元", None))  # the year on one side only
    assert covers(period("2013年以来累计减贫8万人。", "8万人"), Period("year", "2020", "2020", "2020年"))
    assert not covers(period("春节假期接待游客46万人次。", "46万人次"), march)


def test_document_period():
    assert document_period("2024年1—10月全省房地产开发投资情况", "正文") == Period(
        "span", "2024-01", "2024-10", "2024年1—10月", inferred=True)
    found = document_period(None, "\n\n1—10月全国规模以上工业生产情况\n正文")
    assert (found.start, found.end, found.inferred) == ("--01", "--10", True)
    assert document_period("２０２４年１—１０月经济运行情况", "x").text == "2024年1—10月"  # full-width folded
    assert document_period("全省经济运行情况", "前三季度全省经济运行情况\n正文").text == "前三季度"
    assert document_period("2024年政府工作报告", "2024年政府工作报告\n正文") is None  # a plain year is not taken
    assert document_period(None, "全市新建学校18所。") is None


@pytest.fixture
def package(tmp_path, monkeypatch, request):
    """A throwaway package holding a copy of period_words.toml with one line changed; returns the changer."""
    name = f"fakevocab_{request.node.name}"
    (tmp_path / name / "data").mkdir(parents=True)
    (tmp_path / name / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    real = read_text("claims", "period_words.toml")

    def change(old: str, new: str) -> tuple[str, int]:
        assert real.count(old) == 1
        (tmp_path / name / "data" / "period_words.toml").write_text(real.replace(old, new), encoding="utf-8")
        return name, real[:real.index(old)].count("\n") + 1
    return change


def test_a_bad_pair_names_its_file_and_line(package):
    name, line = package('"上半年" = [1, 6]', '"上半年" = [1, 13]')
    with pytest.raises(DataFileError, match=rf"^{name}/data/period_words\.toml:{line}: \[parts_of_year\] 上半年"):
        periods.period_words(name)


def test_a_bad_word_list_names_its_file_and_line(package):
    name, line = package('words = ["当天", "当日", "单日"]', 'words = "当天"')
    with pytest.raises(DataFileError, match=rf"^{name}/data/period_words\.toml:{line}: \[days\] words"):
        periods.period_words(name)


def test_the_words_are_data():
    """Outside docstrings the module's strings hold no Chinese but the grammar: date markers, numerals, quotes."""
    tree = ast.parse(Path(periods.__file__).read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    strings = "".join(node.value for node in ast.walk(tree)
                      if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings)
    assert set(re.findall(r"[\u3000-\u9fff\u201c\u201d]", strings)) <= set("年月日号〇零一二两三四五六七八九十“”「」")
