"""What each figure counts (subject), where (place) and when (time)."""
from __future__ import annotations

import pytest

from tests.conftest import claims_in


def subjects(text: str) -> dict[str, str | None]:
    return {c.text: c.subject for c in claims_in(text)}


@pytest.mark.parametrize("sentence, figure, subject", [
    ("我市投入近10亿元改造老旧小区279个。", "279个", "老旧小区改造"),
    ("提升老旧小区改造270余个。", "270余个", "老旧小区改造"),
    ("建成17个“一刻钟社区(农区)生活圈”。", "17个", "一刻钟社区生活圈"),
    ("居民满意度达90.65%。", "90.65%", "居民满意度"),
    ("今年累计举办各类招聘活动398场次。", "398场次", "招聘活动"),
    ("举办旅游美食节、马帮大会等活动1300余场。", "1300余场", "活动"),
    ("惠及各族群众53.21万人。", "53.21万人", "各族群众"),
    ("开展交流活动30场,参与2.9万人次。", "2.9万人次", "参与人次"),
    ("覆盖53.21万人。", "53.21万人", "覆盖人数"),
    ("满都拉口岸过货量突破662万吨。", "突破662万吨", "满都拉口岸过货量"),
    ("资金拨付率达93.6%。", "93.6%", "资金拨付率"),
    ("参与人数突破100万。", "突破100万", "参与人数"),
    ("生产总值实现176.5亿元。", "176.5亿元", "生产总值"),
    ("与61个城市建立劳务协作关系。", "61个", "城市"),
    ("完善十七个生活圈的服务功能。", "十七个", "生活圈"),
    ("完成1850户困难老年人家庭适老化改造。", "1850户", "困难老年人家庭适老化改造"),
    ("解决群众实际困难和问题近2100件。", "近2100件", "群众实际困难和问题"),
])
def test_subject(sentence, figure, subject):
    assert subjects(sentence)[figure] == subject


def test_change_extends_the_previous_subject():
    found = subjects("空气质量优良天数比率达78.9%、同比提高2.8个百分点。")
    assert found["2.8个百分点"] == "空气质量优良天数比率提高"


def test_each_listed_item_keeps_its_own_subject():
    found = claims_in("慰问困难家庭捐款5.59万元、捐物折价13.42万元。")
    assert [c.subject for c in found] == ["困难家庭捐款", "捐物折价"]


def test_list_continuation_inherits_the_subject():
    found = claims_in("全年共培训1200人次、2000人次。")
    assert [c.subject for c in found] == ["培训", "培训"]


def test_respectively_distributes_places():
    found = claims_in("乌海市改造老旧小区279个。其中,海勃湾区、乌达区、海南区分别改造96个、112个、71个。")
    assert [(c.text, c.place) for c in found] == [
        ("279个", "乌海市"), ("96个", "海勃湾区"), ("112个", "乌达区"), ("71个", "海南区")]


def test_respectively_distributes_parallel_subjects_and_their_growth():
    found = claims_in("城镇、农村常住居民人均可支配收入分别达到33310元、17002元,增长7%、11.5%。")
    assert [c.subject for c in found] == [
        "城镇常住居民人均可支配收入", "农村常住居民人均可支配收入",
        "城镇常住居民人均可支配收入增长", "农村常住居民人均可支配收入增长"]


def test_respectively_with_mismatched_counts_changes_nothing():
    found = claims_in("海勃湾区、乌达区分别改造96个、112个、71个。")
    assert {c.place for c in found} == {"乌达区"}


def test_place_defaults_to_the_document_place_and_follows_mentions():
    text = ("包头市民族工作报告\n我市建成5个示范廊带。在达茂旗实施边境项目11个,资金拨付率达93.6%。"
            "居全区20个边境旗县第一。与北京27家医院合作。")
    places = {c.text: c.place for c in claims_in(text)}
    assert places == {"5个": "包头市", "11个": "达尔罕茂明安联合旗", "93.6%": "达尔罕茂明安联合旗",
                      "20个": "内蒙古自治区", "第一": "包头市", "27家": "包头市"}


def test_national_scope_only_before_a_figure():
    text = "乌兰浩特市工作\n乌兰浩特市共创建6个全国民族团结进步示范单位。在全国339个城市中居第3位。"
    places = {c.text: c.place for c in claims_in(text)}
    assert places == {"6个": "乌兰浩特市", "339个": "全国", "第3位": "乌兰浩特市"}


def test_time_from_the_sentence_then_relative_words_then_the_document_year():
    text = "2024年工作报告\n2019年,生产总值176.5亿元。去年接待游客80万人次。新增就业9480人。"
    times = {c.text: c.time for c in claims_in(text)}
    assert times == {"2024年": "2024", "2019年": "2019", "176.5亿元": "2019", "80万人次": "2023", "9480人": "2024"}


def test_breakdown_parts_take_the_subject_of_the_whole():
    found = claims_in("全市建成17个“一刻钟便民生活圈”,覆盖常住人口53.21万人。其中,海勃湾区7个、乌达区5个、海南区5个。")
    assert [(c.text, c.subject, c.place) for c in found[2:]] == [
        ("7个", "一刻钟便民生活圈", "海勃湾区"),
        ("5个", "一刻钟便民生活圈", "乌达区"),
        ("5个", "一刻钟便民生活圈", "海南区")]


def test_rank_subject_and_total_before_its_scope():
    found = claims_in("乌海市报告\n改善幅度位列全国339个地级及以上城市第3位。")
    assert [(c.text, c.subject, c.place, c.total) for c in found] == [
        ("339个", "地级及以上城市", "全国", None), ("第3位", "改善幅度", "乌海市", 339)]


def test_markdown_table_row_label_is_the_subject():
    found = claims_in("| 指标 | 数值 |\n|---|---|\n| 老旧小区改造 | 279个 |\n| 居民满意度 | 96.5% |", fmt="markdown")
    assert [(c.text, c.subject) for c in found] == [("279个", "老旧小区改造"), ("96.5%", "居民满意度")]


@pytest.mark.parametrize("sentence, figure, subject", [
    ("全市17個「一刻鐘便民生活圈」均已建起驿站。", "17個", "一刻钟便民生活圈"),
    ("优良天数比率较上年同期提高2.8个百分点。", "2.8个百分点", "优良天数比率提高"),
    ("优良天数比率已升至78.9%。", "78.9%", "优良天数比率"),
    ("养老服务中心(站)已有88个。", "88个", "养老服务中心"),
])
def test_subject_punctuation_and_linking_words(sentence, figure, subject):
    assert subjects(sentence)[figure] == subject


def test_rank_ranks_the_figure_before_its_scope():
    found = claims_in("资金拨付率达93.6%,居全区20个边境旗县第一。")
    assert [(c.text, c.kind, c.subject, c.total) for c in found] == [
        ("93.6%", "percent", "资金拨付率", None),
        ("20个", "count", "边境旗县", None),
        ("第一", "rank", "资金拨付率", 20)]


@pytest.mark.parametrize("sentence", [
    "把发展作为开展民族聚居乡镇工作的第一要务。", "位居全国第一方阵。", "全面推行第一书记制度。"])
def test_ordinal_adjectives_are_not_ranks(sentence):
    assert [c for c in claims_in(sentence) if c.kind == "rank"] == []


def test_bare_figure_of_a_counted_subject_is_a_count():
    found = claims_in("参与人数突破100万,话题阅读量达5667万+,增长率为5.2。")
    assert [(c.text, c.kind, c.unit) for c in found] == [
        ("突破100万", "count", "item"), ("5667万+", "count", "item"), ("5.2", "number", None)]


def test_place_inside_a_quoted_name_is_not_the_figure_place():
    found = claims_in("包头市报告\n我市建成“三千孤儿入内蒙”主题展馆,接待旅客11余万人次。")
    assert [(c.text, c.place) for c in found] == [("11余万人次", "包头市")]
