"""Each pattern family of the extractor, with figures that must and must not become claims."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from claims.units import convert
from tests.conftest import claims_in, only_claim


@pytest.mark.parametrize("sentence, text, value", [
    ("约三分之一的社区已完成。", "约三分之一", D(100) / D(3)),
    ("不良率控制在千分之五以内。", "千分之五以内", D("0.5")),
    ("八成以上居民满意。", "八成以上", D(8)),
    ("增速为-3.2%。", "-3.2%", D("-3.2")),
    ("营收同比增长-2.1%。", "-2.1%", D("-2.1")),
])
def test_fractions_tenths_and_signs(sentence, text, value):
    claim = only_claim(sentence)
    assert (claim.text, claim.kind, claim.value) == (text, "percent", value)


@pytest.mark.parametrize("sentence, text, value, kind", [
    ("一季度规上工业增加值增速为负3.9%。", "负3.9%", D("-3.9"), "percent"),
    ("出口额同比-22.2%。", "-22.2%", D("-22.2"), "percent"),
    ("社会消费品零售总额环比-1.5%。", "-1.5%", D("-1.5"), "percent"),
    ("一般公共预算收入增长负0.5个百分点。", "负0.5个百分点", D("-0.5"), "percentage_points"),
    ("该企业利润为负120万元。", "负120万元", D("-1200000"), "money"),
    ("净增企业数为负三十二家。", "负三十二家", D(-32), "count"),
])
def test_negative_numbers_by_sign_word_and_minus(sentence, text, value, kind):
    claim = only_claim(sentence)
    assert (claim.text, claim.value, claim.kind) == (text, value, kind)


@pytest.mark.parametrize("sentence", ["地下停车场设在负一层。", "餐厅位于负2楼。", "负责人3名到场。"])
def test_negative_look_alikes_stay_positive_or_out(sentence):
    assert all(claim.value is None or claim.value >= 0 for claim in claims_in(sentence))


def test_tenths_convert_to_percent():
    assert convert(only_claim("近七成居民参与。").value, "cheng", "percent") == D(70)


def test_vague_teens():
    claim = only_claim("完成十几项改革。")
    assert (claim.low, claim.high, claim.measure) == (D(11), D(19), "项")


@pytest.mark.parametrize("sentence, text, value, unit, measure", [
    ("全年接待游客1,234人次。", "1,234人次", D(1234), "item", "人次"),
    ("选派扶贫干部240 名。", "240 名", D(240), "item", "名"),
    ("建成养老服务中心88个。", "88个", D(88), "item", "个"),
    ("惠及群众53.21万人。", "53.21万人", D(532100), "item", "人"),
    ("过货量达到662万吨。", "662万吨", D(6620000), "tonne", None),
    ("生产总值实现176.5亿元。", "176.5亿元", D(17650000000), "yuan", None),
    ("全区经济总量达4.78万亿元。", "4.78万亿元", D("4780000000000"), "yuan", None),
    ("人均绿地面积19.5平方米。", "19.5平方米", D("19.5"), "meter ** 2", None),
    ("新建步道23.6公里。", "23.6公里", D("23.6"), "kilometer", None),
    ("流转土地1200亩。", "1200亩", D(1200), "mu", None),
    ("募集资金5.59万元。", "5.59万元", D(55900), "yuan", None),
    ("举办活动十七场。", "十七场", D(17), "item", "场"),
    ("吸引志愿者三千余名。", "三千余名", D(3000), "item", "名"),
    ("带动就业两万人。", "两万人", D(20000), "item", "人"),
    ("全市共有十个街道。", "十个", D(10), "item", "个"),
    ("步行15分钟可达。", "15分钟", D(15), "minute", None),
])
def test_quantities_value_unit_measure(sentence, text, value, unit, measure):
    claim = only_claim(sentence)
    assert (claim.text, claim.value, claim.unit, claim.measure) == (text, value, unit, measure)


def test_kind_follows_unit():
    text = "投入资金3亿元,覆盖率达43%,提高2.8个百分点,增长1.5倍,占地20公顷,用时3个月。"
    kinds = {c.text: c.kind for c in claims_in(text)}
    assert kinds == {"3亿元": "money", "43%": "percent", "2.8个百分点": "percentage_points", "1.5倍": "multiple",
                     "20公顷": "area", "3个月": "duration"}


def test_percent_and_percentage_points_are_distinct_units():
    percent, points = claims_in("优良率78.9%,同比提高2.8个百分点。")
    assert (percent.unit, points.unit) == ("percent", "percentage_point")


def test_chinese_percent():
    claim = only_claim("参保率达到百分之九十五。")
    assert (claim.kind, claim.value, claim.unit) == ("percent", D(95), "percent")


@pytest.mark.parametrize("sentence, text, low, high, qualifier", [
    ("改造老旧小区270余个。", "270余个", D(270), D(280), "余"),
    ("覆盖青少年2.8万余人次。", "2.8万余人次", D(28000), D(29000), "余"),
    ("接待游客11余万人次。", "11余万人次", D(110000), D(120000), "余"),
    ("培训干部40余万人次。", "40余万人次", D(400000), D(500000), "余"),
    ("整合1300多家商户。", "1300多家", D(1300), D(1400), "多"),
    ("改造为20多平方米的小站。", "20多平方米", D(20), D(30), "多"),
    ("投入近10亿元。", "近10亿元", D(900000000), D(1000000000), "近"),
    ("开展笔会近万场次。", "近万场次", D(9000), D(10000), "近"),
    ("达标率近乎90%。", "近乎90%", D(81), D(90), "近乎"),
    ("服务居民差不多3万人。", "差不多3万人", D(25000), D(35000), "差不多"),
    ("每个生活圈4万人左右。", "4万人左右", D(35000), D(45000), "左右"),
    ("接待游客约13.2万人。", "约13.2万人", D(125400), D(138600), "约"),
    ("观众超150万人次。", "超150万人次", D(1500000), None, "超"),
    ("过货量突破662万吨。", "突破662万吨", D(6620000), None, "突破"),
    ("达标率达到95%以上。", "95%以上", D(95), None, "以上"),
    ("答题人数10.9万+。", "10.9万+", D(109000), D(110000), "+"),
    ("累计超410万余人次。", "超410万余人次", D(4100000), D(4200000), "超,余"),
    ("误差不足5%。", "不足5%", D(0), D(5), "不足"),
])
def test_qualifiers_become_intervals(sentence, text, low, high, qualifier):
    claim = only_claim(sentence)
    assert (claim.text, claim.low, claim.high, claim.qualifier) == (text, low, high, qualifier)


def test_exact_figure_is_a_point_with_its_precision():
    claim = only_claim("惠及群众53.21万人。")
    assert (claim.low, claim.high, claim.qualifier, claim.precision) == (D(532100), D(532100), None, D(100))


def test_range_and_vague_numerals():
    ranged = only_claim("每户补贴3-5万元。")
    vague = only_claim("吸引数百名志愿者。")
    assert (ranged.value, ranged.low, ranged.high, ranged.qualifier) == (None, D(30000), D(50000), "range")
    assert (vague.low, vague.high, vague.measure) == (D(200), D(900), "名")


def test_recent_years_is_a_time_frame_not_nearly():
    claim = only_claim("近三年培训干部。")
    assert (claim.kind, claim.value, claim.low, claim.qualifier) == ("duration", D(3), D(3), None)


@pytest.mark.parametrize("sentence, word, low", [
    ("将近三年时间里建成学校。", "将近", D("2.7")),
    ("近乎三年未见增长。", "近乎", D("2.7")),
    ("接近两年的建设。", "接近", D("1.8")),
])
def test_other_nearly_words_keep_their_hedge_before_a_time_frame(sentence, word, low):
    claim = only_claim(sentence)
    assert (claim.kind, claim.qualifier, claim.low) == ("duration", word, low)


@pytest.mark.parametrize("sentence, text, value, low, high, precision", [
    ("会议于2024年10月31日召开。", "2024年10月31日", "2024-10-31", "2024-10-31", "2024-10-31", "day"),
    ("方案于2024-12-11印发。", "2024-12-11", "2024-12-11", "2024-12-11", "2024-12-11", "day"),
    ("自2020年07月07日起施行。", "2020年07月07日", "2020-07-07", "2020-07-07", "2020-07-07", "day"),
    ("2024年全区完成任务。", "2024年", "2024", "2024-01-01", "2024-12-31", "year"),
    ("编制2019--2023年工作规划。", "2019--2023年", "2019/2023", "2019-01-01", "2023-12-31", "year"),
    ("二〇二四年五月十四日启动。", "二〇二四年五月十四日", "2024-05-14", "2024-05-14", "2024-05-14", "day"),
    ("截至2024年2月底。", "2024年2月底", "2024-02", "2024-02-01", "2024-02-29", "month"),
])
def test_dates_with_precision(sentence, text, value, low, high, precision):
    claim = only_claim(sentence)
    assert (claim.kind, claim.text, claim.value, claim.low, claim.high, claim.precision) == (
        "date", text, value, low, high, precision)


def test_month_day_takes_the_document_year():
    found = claims_in("2024年工作总结\n5月14日举行启动仪式。截至10月底完成80%。")
    by_text = {c.text: c for c in found}
    assert by_text["5月14日"].value == "2024-05-14"
    assert (by_text["10月底"].value, by_text["10月底"].qualifier) == ("2024-10", "底")
    assert by_text["80%"].time == "2024-10"


def test_since_year_opens_the_time_of_later_figures():
    since, money = claims_in("2013年以来累计投入1163.01万元。")
    assert (since.value, since.qualifier, money.time) == ("2013", "以来", "2013/..")


def test_invalid_calendar_date_is_kept_for_the_checks():
    claim = only_claim("2024年2月30日举行。")
    assert (claim.value, claim.precision) == ("2024-02-30", "day")


def test_rank_with_its_total():
    found = claims_in("水质改善在全国339个地级及以上城市中居第3位。")
    rank = next(c for c in found if c.kind == "rank")
    assert (rank.value, rank.total, rank.measure) == (D(3), D(339), "位")
    assert [c.text for c in found] == ["339个", "第3位"]


@pytest.mark.parametrize("sentence", [
    "全面推行第一书记驻村制度。",
    "举办第17届诗歌会。",
    "学习贯彻党的二十大精神。",
    "在市十六届人大常委会第二十三次会议上。",
    "弘扬三北精神,增进五个认同。",
    "依托12345市民热线平台。",
    "依托“12345”平台办理诉求。",
    "电话:0482-8266529",
    "联系电话 0471-6945321,手机13912345678。",
    "蒙ICP备05002755号-2",
    "网站标识码1522000036",
    "Copyright 2015 www.example.gov.cn All Rights Reserved",
    "访问 https://www.example.gov.cn/art/2024/12/11/art_1.html 查看。",
    "阿尔丁1#社区开展活动。",
    "推进5G基站建设。",
    "新中国成立七十周年时建成博物馆。",
    "建设三千孤儿入内蒙主题展馆。",
    "万人上山夺煤大会战的故事。",
    "打造一刻钟生活圈。",
    "一个个温暖人心的故事,一项项增长的指标。",
    "统一战线发挥作用。",
    "一是实施计划;二是推动融合。",
    "(一)深入实施三项计划",
    "印发乌政发〔2024〕15号文件。",
    "会议于10:30开始。",
    "实施三年行动计划。",
])
def test_not_quantities(sentence):
    assert [c.text for c in claims_in(sentence)] == []


def test_hotline_number_followed_by_a_count_word_is_a_count():
    assert [c.text for c in claims_in("日均就餐120人次。")] == ["120人次"]


def test_bare_number_needs_a_linking_verb():
    assert [c.text for c in claims_in("居民满意度达90.65,较上年提高。")] == ["90.65"]
    assert claims_in("居民满意度90.65") == []


def test_furniture_lines_give_no_claims():
    text = "正文:建成17个生活圈。\n设为首页 | 加入收藏\n地址:某市某路88号 电话:0473-1234567\n版权所有 2024"
    assert [c.text for c in claims_in(text)] == ["17个"]


def test_offsets_point_into_the_original_with_glosses_and_full_width_digits():
    original = "全市劃分為１４個生活圈,惠及各族群眾53.21萬(wàn)人。"
    found = claims_in(original)
    assert [original[c.start:c.end] for c in found] == ["１４個", "53.21萬(wàn)人"]
    assert [c.text for c in found] == ["１４個", "53.21萬(wàn)人"]
    assert [c.value for c in found] == [D(14), D(532100)]
    assert found[1].measure == "人"


def test_a_quoted_statistic_is_a_figure_a_quoted_name_is_not():
    assert [c.text for c in claims_in("材料中一季度“新增企业106.3万户”的统计。")] == ["106.3万户"]
    assert [c.text for c in claims_in("深入开展“三个100”行动,增进“五个认同”。")] == []


@pytest.mark.parametrize("sentence, text, value", [
    ("出资186亿呼和浩特272个老旧小区将改造。", "186亿", D(18600000000)),
    ("项目总投资达3.2亿,年内开工。", "3.2亿", D(320000000)),
    ("累计拨付1.5万用于慰问。", "1.5万", D(15000)),
])
def test_bare_amount_after_a_money_verb_is_yuan(sentence, text, value):
    claim = claims_in(sentence)[0]
    assert (claim.text, claim.kind, claim.unit, claim.value) == (text, "money", "yuan", value)


def test_figure_followed_by_a_place_name_keeps_the_place_out():
    first, second = claims_in("出资186亿呼和浩特272个老旧小区将改造。")
    assert (first.subject, second.subject, second.value) == ("出资", "老旧小区", D(272))
    count = only_claim("新增就业1.2万呼和浩特城镇。")
    assert (count.text, count.kind, count.unit) == ("1.2万", "number", None)
    assert [c.text for c in claims_in("销售机床3台州内企业。")] == []
