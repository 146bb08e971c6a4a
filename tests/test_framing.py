"""How a figure counts (claims/framing.py): aggregate, scope and status, and when two framings differ.

Every sentence here is written for the test; none is taken from a real page.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from claims.extract import extract_claims
from claims.framing import AGGREGATES, SECTIONS, STATUSES, Framing, compare, framing_of, framing_words
from sources.reader import document_from_text
from vocab.files import DataFileError

DATA = Path(__file__).parents[1] / "claims" / "data" / "framing_words.txt"


def framings(text: str) -> list[tuple[str, Framing]]:
    """(claim text, framing) of every claim of ``text``, in reading order."""
    doc = document_from_text(text)
    return [(c.text, framing_of(doc.text, c.span, c.clause, c.sentence, c.kind, c.unit, c.subject))
            for c in extract_claims(doc)]


def framing(text: str, figure: str) -> Framing:
    """The framing of the first claim of ``text`` reading ``figure``."""
    found = [f for claim, f in framings(text) if claim == figure]
    assert found, [claim for claim, _ in framings(text)]
    return found[0]


def aggregate(text: str, figure: str) -> str:
    return framing(text, figure).aggregate


def scope(text: str, figure: str) -> tuple[str, ...]:
    return framing(text, figure).scope


def status(text: str, figure: str) -> str:
    return framing(text, figure).status


# ---- aggregate ------------------------------------------------------------------------------------

def test_a_plain_figure_is_an_actual_level_with_no_scope():
    assert framing("全市有口袋公园46个。", "46个") == Framing("level", (), "actual")


def test_cumulative_but_not_the_totals_of_a_list():
    assert aggregate("全年累计过货量达1200万吨。", "1200万吨") == "cumulative"
    assert aggregate("三年来累积接待游客900万人次。", "900万人次") == "cumulative"
    text = "共培训3200人次,发放补贴和奖励合计19万元,总计支出50万元。"
    assert [f.aggregate for _, f in framings(text)] == ["level", "level", "level"]


def test_new_and_newly_registered_are_flows_but_built_is_a_level():
    assert aggregate("全年新增就业1.2万人。", "1.2万人") == "new"
    assert aggregate("全年新设民营企业8.6万户。", "8.6万户") == "new"
    assert aggregate("全年新建口袋公园12个。", "12个") == "level"
    assert aggregate("培育新增长点5个。", "5个") == "level"


def test_per_day_figures_are_daily():
    assert aggregate("口岸单日过货量达3.1万吨。", "3.1万吨") == "daily"
    assert aggregate("景区日均接待游客2.4万人次。", "2.4万人次") == "daily"
    assert aggregate("平均每天服务旅客8000人次。", "8000人次") == "daily"


def test_per_head_and_means_are_averages_but_not_均衡():
    assert aggregate("全区居民人均可支配收入38650元。", "38650元") == "average"
    assert aggregate("脱贫户户均增收1800元。", "1800元") == "average"
    assert aggregate("新建住宅均价7600元。", "7600元") == "average"
    assert aggregate("全县均衡发展指数达0.87。", "0.87") == "level"


def test_the_highest_value_is_a_peak():
    assert aggregate("全区用电负荷最高达到460万千瓦。", "460万千瓦") == "peak"
    assert aggregate("电网峰值负荷达到390万千瓦。", "390万千瓦") == "peak"
    assert aggregate("最高人民法院发布案例12件。", "12件") == "level"


def test_a_figure_right_after_a_change_word_is_a_change():
    found = framings("产值同比增长6.3%,占比6.3%,比重同比提高1.4个百分点,能耗下降2.7%,从业人员增加900人。")
    assert [f.aggregate for _, f in found] == ["change", "level", "change", "change", "change"]
    assert aggregate("销售额增长了8%。", "8%") == "change"
    assert aggregate("营业收入增速为7.5%。", "7.5%") == "change"
    assert aggregate("优良天数比率由78.9%提高到82%。", "82%") == "level"


def test_every_figure_of_a_list_after_a_change_verb_is_a_change():
    found = framings("城镇和农村居民人均可支配收入分别增长4.6%、7.2%。")
    assert [f.aggregate for _, f in found] == ["change", "change"]


def test_which_aggregate_wins_when_several_are_named():
    assert aggregate("口岸单日最高过货量5.2万吨。", "5.2万吨") == "peak"
    assert aggregate("日均新增注册用户3100个。", "3100个") == "daily"
    assert aggregate("五年累计新增就业6.5万人。", "6.5万人") == "cumulative"
    assert aggregate("农民人均纯收入增长9.1%。", "9.1%") == "change"


# ---- scope ----------------------------------------------------------------------------------------

def test_ownership_words_narrow_the_population():
    assert scope("全年新设民营企业8.6万户,新设企业9.4万户。", "8.6万户") == ("民营",)
    assert scope("全年新设民营企业8.6万户,新设企业9.4万户。", "9.4万户") == ()
    assert scope("全市國有企業67家。", "67家") == ("国有",)
    assert scope("个体工商户达到4.2万户。", "4.2万户") == ("个体",)


def test_size_thresholds_and_their_short_forms_are_one_scope():
    assert scope("规模以上工业企业达到830家。", "830家") == ("规模以上",)
    assert scope("规上工业增加值增长5.9%。", "5.9%") == ("规模以上",)
    assert scope("限上单位消费品零售额增长3.3%。", "3.3%") == ("限额以上",)
    assert scope("外商投资企业新增34家。", "34家") == ("外资",)


def test_places_and_programmes_narrow_the_population_but_urbanization_does_not():
    assert scope("城区绿化覆盖率达到41.2%。", "41.2%") == ("城区",)
    assert scope("全市绿化覆盖率达到39.8%。", "39.8%") == ()
    assert scope("全市城镇化率达到68%。", "68%") == ()
    assert scope("实施重点项目76个,建成试点社区9个。", "76个") == ("重点",)
    assert scope("乡村示范村达到15个。", "15个") == ("乡村", "示范")  # sorted


def test_a_respectively_list_reads_each_figure_s_own_item():
    found = framings("城镇和农村居民人均可支配收入分别为45210元、21870元。")
    assert [f.scope for _, f in found] == [("城镇",), ("农村",)]


def test_a_part_introduced_by_其中():
    text = "全市建成养老服务站130个,其中农村养老服务站52个。"
    assert scope(text, "130个") == ()
    assert scope(text, "52个") == ("其中", "农村")
    assert scope("高技术产业增加值增长8.8%,其中:电子信息制造业增长11.4%。", "11.4%") == ("其中",)


# ---- status ---------------------------------------------------------------------------------------

def test_plan_and_target_words():
    found = framings("全年计划改造老旧小区320个,力争接待游客2900万人次,预计粮食产量达到31亿斤,拟建设学校4所。")
    assert [f.status for _, f in found] == ["plan", "plan", "plan", "plan"]
    assert status("今年将新建口袋公园15个。", "15个") == "plan"
    assert status("将近1000人参加培训。", "将近1000人") == "actual"
    assert status("全市计划生育服务站11个。", "11个") == "actual"


def test_work_started_or_under_way():
    found = framings("全年新开工保障性住房3100套,在建项目94个,建成保障性住房2400套。")
    assert [f.status for _, f in found] == ["in_progress", "in_progress", "actual"]
    assert status("目前已开工项目45个。", "45个") == "in_progress"


def test_the_nearest_cue_in_the_clause_wins_over_the_sentence():
    text = "计划到2025年改造老旧小区1535个,已完成改造1263个,剩余272个。"
    assert [(claim, f.status) for claim, f in framings(text)] == [
        ("2025年", "plan"), ("1535个", "plan"), ("1263个", "actual"), ("272个", "actual")]
    assert status("计划到2025年改造老旧小区1535个,今年改造300个。", "300个") == "plan"


def test_a_plan_word_governs_the_result_or_start_after_it():
    assert status("预计全年完成固定资产投资120亿元。", "120亿元") == "plan"
    assert status("力争新开工项目60个。", "60个") == "plan"
    assert status("计划投资80亿元的项目已完成投资65亿元。", "65亿元") == "actual"


def test_a_date_has_a_status_but_no_aggregate_or_scope():
    assert framing("力争到2027年新设民营企业1万户。", "2027年") == Framing("level", (), "plan")


# ---- compare --------------------------------------------------------------------------------------

def test_compare_names_every_difference():
    level = Framing("level", (), "actual")
    assert compare(level, Framing("level", (), "actual")) == []
    assert compare(Framing("new", (), "actual"), Framing("cumulative", (), "actual")) == ["aggregate new / cumulative"]
    assert compare(Framing("new", ("民营",), "actual"), Framing("new", (), "actual")) == ["scope 民营 / -"]
    assert compare(Framing("level", (), "plan"), level) == ["status plan / actual"]
    assert compare(Framing("daily", ("其中", "城区"), "in_progress"), level) == [
        "aggregate daily / level", "scope 其中,城区 / -", "status in_progress / actual"]


def test_compare_takes_scopes_as_sets():
    one, other = Framing("level", ("城镇", "重点"), "actual"), Framing("level", ("重点", "城镇", "城镇"), "actual")
    assert compare(one, other) == []


def test_the_framings_of_two_documents_tell_different_facts_apart():
    plan, done = framing("全市计划改造老旧小区300个。", "300个"), framing("全市已完成改造老旧小区263个。", "263个")
    assert compare(plan, done) == ["status plan / actual"]
    one, other = framing("口岸单日过货量达5.07万吨。", "5.07万吨"), framing("口岸过货量达662万吨。", "662万吨")
    assert compare(one, other) == ["aggregate daily / level"]


# ---- the data file --------------------------------------------------------------------------------

def test_the_shipped_word_list_loads_and_framings_use_known_values():
    words = framing_words()
    assert set(words.sections) == set(SECTIONS) and all(words.sections[s] for s in SECTIONS)
    assert words.aliases["规上"] == "规模以上"
    for _, found in framings("预计全年日均接待游客2.5万人次,城区新增就业3000人,增长4%。"):
        assert found.aggregate in AGGREGATES and found.status in STATUSES


@pytest.fixture
def package(tmp_path, monkeypatch, request):
    """A throwaway package holding a copy of framing_words.txt edited by ``change``; returns its name."""
    written: list[str] = []

    def write(change) -> str:
        name = f"fakeframing_{request.node.name}_{len(written)}"
        written.append(name)
        root = tmp_path / name
        (root / "data").mkdir(parents=True)
        (root / "__init__.py").write_text("")
        (root / "data" / "framing_words.txt").write_text(change(DATA.read_text("utf-8")), encoding="utf-8")
        monkeypatch.syspath_prepend(str(tmp_path))
        return name
    return write


def line_of(text: str, entry: str) -> int:
    return text.splitlines().index(entry) + 1


def test_an_unknown_section_names_the_file_and_line(package):
    text = DATA.read_text("utf-8").replace("[peak]", "[peaks]")
    name = package(lambda original: original.replace("[peak]", "[peaks]"))
    with pytest.raises(DataFileError, match=rf"^{name}/data/framing_words\.txt:{line_of(text, '[peaks]')}: unknown"):
        framing_words(name)


def test_a_bad_alias_and_a_word_of_two_statuses_name_their_line(package):
    text = DATA.read_text("utf-8").replace("规上 = 规模以上", "规上 = 规模")
    name = package(lambda original: original.replace("规上 = 规模以上", "规上 = 规模"))
    with pytest.raises(DataFileError, match=rf"framing_words\.txt:{line_of(text, '规上 = 规模')}: \[scope_aliases\]"):
        framing_words(name)
    text = DATA.read_text("utf-8").replace("[actual]\n", "[actual]\n计划\n")
    other = package(lambda original: original.replace("[actual]\n", "[actual]\n计划\n"))
    expected = rf"framing_words\.txt:{line_of(text, '[actual]') + 1}: \[actual\]: '计划' is already in \[plan\]"
    with pytest.raises(DataFileError, match=expected):
        framing_words(other)


def test_an_empty_section_names_the_file(package):
    name = package(lambda original: original.replace("\n了\n", "\n"))
    with pytest.raises(DataFileError, match=rf"^{name}/data/framing_words\.txt: no words in \[change_tail\]"):
        framing_words(name)


def test_a_traditional_entry_is_read_in_simplified(package):
    name = package(lambda original: original.replace("[scope]\n", "[scope]\n軍隊\n"))
    assert "军队" in framing_words(name).sections["scope"]
