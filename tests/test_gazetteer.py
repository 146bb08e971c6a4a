"""Tests for sources.gazetteer: hierarchy, names, finding mentions, resolving ambiguity."""
from __future__ import annotations

import time
from pathlib import Path

import opencc
import pytest

from sources.gazetteer import Gazetteer, Place, load_gazetteer, read_stoplist

SEEDS = Path(__file__).parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    started = time.perf_counter()
    loaded = load_gazetteer()
    print(f"gazetteer loaded in {(time.perf_counter() - started) * 1000:.0f} ms")
    return loaded


def one(gaz: Gazetteer, name: str) -> Place:
    places = gaz.lookup(name)
    assert len(places) == 1, (name, places)
    return places[0]


def spans(gaz: Gazetteer, text: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.surface) for m in gaz.find(text)]


# --- loading and hierarchy ---------------------------------------------------------------

def test_load_is_cached(gaz):
    assert load_gazetteer() is gaz


def test_levels_and_dropped_rows(gaz):
    assert [one(gaz, n).level for n in ("内蒙古自治区", "乌海市", "海勃湾区")] == [1, 2, 3]
    assert gaz.get("710000000000").name == "台湾省"
    for pseudo in ("990000000000", "999900000000", "500200000000", "820010000000"):
        with pytest.raises(KeyError):
            gaz.get(pseudo)  # 苏鲁交界, 海域, 重庆's second pseudo-prefecture, 澳门...直辖


def test_wuhai_hierarchy(gaz):
    nmg, wuhai, haibowan = one(gaz, "内蒙古自治区"), one(gaz, "乌海市"), one(gaz, "海勃湾区")
    assert (nmg.code, wuhai.code, haibowan.code) == ("150000000000", "150300000000", "150302000000")
    assert gaz.parent(haibowan) == wuhai and gaz.parent(wuhai) == nmg and gaz.parent(nmg) is None
    assert gaz.ancestors(haibowan) == [wuhai, nmg]
    assert gaz.contains(nmg, haibowan) and gaz.contains(wuhai, haibowan)
    assert gaz.contains(wuhai, wuhai)
    assert not gaz.contains(haibowan, wuhai)
    assert not gaz.contains(one(gaz, "包头市"), haibowan)


def test_damao_alias_under_baotou(gaz):
    damao = one(gaz, "达茂旗")
    assert damao == one(gaz, "达茂") == one(gaz, "达尔罕茂明安联合旗")
    assert damao.level == 3
    assert gaz.parent(damao) == one(gaz, "包头市")


def test_ulanhot_is_county_level_under_hinggan_league(gaz):
    ulanhot = one(gaz, "乌兰浩特市")
    assert ulanhot.level == 3
    assert gaz.parent(ulanhot).name == "兴安盟"
    assert one(gaz, "乌兰浩特") == ulanhot


def test_municipality_districts_hang_under_the_municipality(gaz):
    beijing = gaz.get("110000000000")
    assert beijing.name == "北京市" and beijing.level == 1
    with pytest.raises(KeyError):
        gaz.get("110100000000")  # the data's pseudo-prefecture repeating 北京市
    assert gaz.lookup("北京市") == (beijing,)
    assert gaz.get("110105000000").parent == beijing.code
    assert gaz.parent(one(gaz, "海淀区")) == beijing
    assert gaz.parent(one(gaz, "渝中区")) == one(gaz, "重庆市")


def test_county_without_prefecture_hangs_under_province(gaz):
    assert gaz.parent(one(gaz, "仙桃市")) == one(gaz, "湖北省")


# --- names -------------------------------------------------------------------------------

@pytest.mark.parametrize("short, official", [
    ("广西", "广西壮族自治区"), ("新疆", "新疆维吾尔自治区"), ("宁夏", "宁夏回族自治区"),
    ("西藏", "西藏自治区"), ("内蒙古", "内蒙古自治区"), ("香港", "香港特别行政区"),
    ("锡林郭勒", "锡林郭勒盟"), ("延边", "延边朝鲜族自治州"), ("延边州", "延边朝鲜族自治州"),
    ("大兴安岭", "大兴安岭地区"), ("海勃湾", "海勃湾区"), ("莫力达瓦", "莫力达瓦达斡尔族自治旗"),
])
def test_short_names(gaz, short, official):
    assert gaz.lookup(short)[0] == one(gaz, official)


@pytest.mark.parametrize("alias, official, above", [
    ("呼市", "呼和浩特市", "内蒙古自治区"), ("科右中旗", "科尔沁右翼中旗", "兴安盟"),
    ("科右前旗", "科尔沁右翼前旗", "兴安盟"), ("东乌旗", "东乌珠穆沁旗", "锡林郭勒盟"),
    ("西乌旗", "西乌珠穆沁旗", "锡林郭勒盟"), ("阿右旗", "阿拉善右旗", "阿拉善盟"),
    ("阿左旗", "阿拉善左旗", "阿拉善盟"), ("鄂前旗", "鄂托克前旗", "鄂尔多斯市"),
])
def test_aliases(gaz, alias, official, above):
    place = one(gaz, alias)
    assert place == one(gaz, official)
    assert gaz.contains(one(gaz, above), place)


def test_ambiguous_abbreviation_is_not_an_alias(gaz):
    assert gaz.lookup("乌市") == ()


def test_lookup_orders_higher_level_first(gaz):
    assert [p.name for p in gaz.lookup("海南")] == ["海南省", "海南藏族自治州", "海南区"]


# --- find ----------------------------------------------------------------------------------

def test_find_official_names_with_offsets(gaz):
    assert spans(gaz, "内蒙古自治区乌海市海南区和包头市达茂旗") == [
        (0, 6, "内蒙古自治区"), (6, 9, "乌海市"), (9, 12, "海南区"),
        (13, 16, "包头市"), (16, 19, "达茂旗")]


def test_find_short_names_and_aliases(gaz):
    assert spans(gaz, "2023年，乌海与鄂尔多斯、锡林郭勒盟开展合作。") == [
        (6, 8, "乌海"), (9, 13, "鄂尔多斯"), (14, 19, "锡林郭勒盟")]
    assert spans(gaz, "兴安盟乌兰浩特市、科右中旗和阿拉善盟阿右旗") == [
        (0, 3, "兴安盟"), (3, 8, "乌兰浩特市"), (9, 13, "科右中旗"),
        (14, 18, "阿拉善盟"), (18, 21, "阿右旗")]
    assert spans(gaz, "全市GDP增长5%，呼市、东乌旗和延边州的数据见附表。") == [
        (10, 12, "呼市"), (13, 16, "东乌旗"), (17, 20, "延边州")]
    assert spans(gaz, "广西、新疆、宁夏、西藏和内蒙古") == [
        (0, 2, "广西"), (3, 5, "新疆"), (6, 8, "宁夏"), (9, 11, "西藏"), (12, 15, "内蒙古")]


@pytest.mark.parametrize("text, surface", [
    ("海南区", "海南区"), ("乌海市", "乌海市"), ("内蒙古自治区", "内蒙古自治区"),
    ("内蒙古大学", "内蒙古"), ("上海市场", "上海"), ("海南区域", "海南"),
])
def test_find_takes_the_longest_acceptable_name(gaz, text, surface):
    assert spans(gaz, text) == [(0, len(surface), surface)]


def test_mentions_are_sorted_disjoint_and_exact(gaz):
    text = "北京市朝阳区和辽宁省朝阳市，陕西省西安市新城区与内蒙古呼和浩特市新城区" * 3
    mentions = gaz.find(text)
    assert len(mentions) == 30
    for before, after in zip(mentions, mentions[1:], strict=False):
        assert before.end <= after.start
    assert all(text[m.start:m.end] == m.surface for m in mentions)


# --- stoplist and generic names ----------------------------------------------------------

@pytest.mark.parametrize("word", [
    "城区", "郊区", "矿区", "新区", "市中区", "新城区", "和平", "朝阳", "来宾", "安康", "日照",
    "白银", "大同", "东方", "新华", "城关", "长安", "永和", "中山", "普洱", "黄山", "北海",
    "城市", "和县", "阿里", "科尔沁",
])
def test_stop_words_alone_are_not_places(gaz, word):
    assert gaz.find(word) == []


@pytest.mark.parametrize("text", [
    "城市建设和中小城市发展", "在新城区建设中，老城区改造完成12个片区", "全区城区常住人口增长",
    "维护民族团结和长治久安", "沿黄河南岸新建湿地公园，黄河入海口生态良好",
    "中山大学和北海公园", "大同小异", "日照时数增加", "白银价格上涨", "东方红小学新华书店",
    "城关镇和平街道", "巴丹吉林沙漠与小兴安岭", "阿里巴巴", "舞台中央", "重新北上",
    "依托县域经济，委托县级部门", "巩固原有成果，形成都市圈", "各盟市、旗县区和自治区政府",
    "经济开发区、高新区、自贸区、工业园区和保税区", "县城和乡镇",
])
def test_common_words_give_no_mentions(gaz, text):
    assert gaz.find(text) == []


def test_stoplist_entries_are_names_or_contain_one(gaz):
    never, after_parent = read_stoplist()
    assert all(gaz.lookup(word) for word in after_parent)
    def holds_a_name(word: str) -> bool:
        return any(gaz.lookup(word[i:j])
                   for i in range(len(word)) for j in range(i + 2, len(word) + 1))

    assert all(holds_a_name(word) for word in never)


def test_generic_names_need_their_parent_just_before(gaz):
    assert spans(gaz, "阳泉市城区") == [(0, 3, "阳泉市"), (3, 5, "城区")]
    assert spans(gaz, "北京城区") == [(0, 2, "北京")]
    assert spans(gaz, "安徽省和县") == [(0, 3, "安徽省"), (3, 5, "和县")]
    assert spans(gaz, "呼和浩特市 新城区") == [(0, 5, "呼和浩特市")]


# --- ambiguity and resolve ---------------------------------------------------------------

def test_chaoyang_district_beijing_vs_changchun_and_chaoyang_city(gaz):
    text = "北京市朝阳区和辽宁省朝阳市"
    beijing, chaoyang_qu, liaoning, chaoyang_shi = gaz.find(text)
    assert [p.code for p in chaoyang_qu.places] == ["110105000000", "220104000000"]
    assert gaz.resolve(chaoyang_qu, beijing.places[0]).code == "110105000000"
    assert gaz.resolve(chaoyang_qu, one(gaz, "长春市")).code == "220104000000"
    assert gaz.resolve(chaoyang_qu, None).code == "110105000000"
    assert [p.code for p in chaoyang_shi.places] == ["211300000000"]
    assert gaz.contains(liaoning.places[0], gaz.resolve(chaoyang_shi, beijing.places[0]))


def test_xincheng_district_hohhot_vs_xian(gaz):
    hohhot, xincheng = gaz.find("呼和浩特市新城区")
    assert [p.code for p in xincheng.places] == ["150102000000", "610102000000"]
    assert gaz.resolve(xincheng, hohhot.places[0]).code == "150102000000"
    xian, xincheng_xian = gaz.find("西安新城区")
    assert xincheng_xian.places == xincheng.places
    assert gaz.resolve(xincheng_xian, xian.places[0]).code == "610102000000"


def test_resolve_prefers_same_province_when_nothing_is_inside(gaz):
    xincheng = gaz.find("西安市新城区")[1]
    assert gaz.resolve(xincheng, one(gaz, "包头市")).code == "150102000000"
    assert gaz.resolve(xincheng, one(gaz, "陕西省")).code == "610102000000"
    assert gaz.resolve(xincheng, one(gaz, "广东省")).code == "150102000000"


# --- real reports (development seeds, not part of the repository) ------------------------

@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed reports not present at {SEEDS}")
def test_seed_reports_have_no_known_false_positives(gaz):
    to_simplified = opencc.OpenCC("t2s")
    nmg = one(gaz, "内蒙古自治区")
    mentions = [m for path in sorted(SEEDS.glob("*.txt"))
                for m in gaz.find(to_simplified.convert(path.read_text(encoding="utf-8")))]
    surfaces = {m.surface for m in mentions}
    assert {"乌海", "内蒙古自治区", "乌兰浩特市"} <= surfaces
    assert not surfaces & {"南平", "吉林"}  # seen inside 南平房区 and 巴丹吉林 before the stoplist
    counties = [gaz.resolve(m, nmg) for m in mentions if m.places[0].level == 3]
    assert all(gaz.contains(nmg, place) for place in counties)
