"""Tests for the normalized view: sources/normalize.py, sources/offsets.py, sources/spans.py
and the furniture lines of sources/boilerplate.py."""
from __future__ import annotations

import pytest

from sources.boilerplate import furniture_lines
from sources.normalize import GLOSS, fold, normalize, to_simplified
from sources.offsets import OffsetMap
from sources.spans import merge, overlaps

# A Traditional paragraph with 16 inline pinyin glosses, full-width digits and punctuation, and
# four real brackets that must survive: 社區(村), (試行), (见习), (2024).
GLOSSED = (
    "近(jìn)年來(lái)，全區(qū)糧(liáng)食總(zǒng)產量連(lián)續(xù)穩定在３００萬(wàn)噸(dūn)以上。"
    "社區(村)衛(wèi)生室覆(fù)蓋率達(dá)到９８％，《村級綠(lǜ)化管理辦(bàn)法(試行)》"
    "已於(2024)年印發(fā)，見習(见习)崗位新增1.2萬個，就業(yè)形勢總體穩定。"
)
GLOSSED_NORMALIZED = (
    "近年来,全区粮食总产量连续稳定在300万吨以上。"
    "社区(村)卫生室覆盖率达到98%,《村级绿化管理办法(试行)》"
    "已于(2024)年印发,见习(见习)岗位新增1.2万个,就业形势总体稳定。"
)


def normalized(text: str) -> tuple[str, OffsetMap]:
    return normalize(text, OffsetMap.identity(len(text)))


# --- fold ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("wide", "narrow"),
    [
        ("２０２４年", "2024年"),
        ("ＧＤＰ增长５．２％", "GDP增长5.2%"),
        ("ｃｍ和ｋｍ", "cm和km"),
        ("（一）全市：１，２００户；", "(一)全市:1,200户;"),
        ("同比增长？！", "同比增长?!"),
        ("全市\u3000人口\u00a0统计", "全市 人口 统计"),
        ("温度\u2212５℃", "温度-5℃"),
    ],
)
def test_fold_makes_half_width(wide, narrow):
    assert fold(wide) == narrow
    assert len(fold(wide)) == len(wide)


def test_fold_leaves_chinese_punctuation_and_ascii_alone():
    text = "全年完成12.5亿元。“十四五”规划、《通知》"
    assert fold(text) == text


# --- to_simplified ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("糧食總產量達到一百萬噸", "粮食总产量达到一百万吨"),
        ("城鎮居民人均可支配收入", "城镇居民人均可支配收入"),
        ("國內生產總值增長５％\n財政收入穩步增長", "国内生产总值增长５％\n财政收入稳步增长"),
    ],
)
def test_to_simplified_converts_and_keeps_length(traditional, simplified):
    converted = to_simplified(traditional)
    assert converted == simplified
    assert len(converted) == len(traditional)


@pytest.mark.parametrize("text", ["全市粮食总产量达到一百万吨。", "干部群众积极参与，里程达到1200公里。", ""])
def test_to_simplified_leaves_simplified_text_unchanged(text):
    assert to_simplified(text) == text


# --- normalize: glosses ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("近年來(lái)", "近年来"),
        ("三百萬(wàn)噸", "三百万吨"),
        ("全區(qū)", "全区"),
        ("綠(lǜ)化", "绿化"),
        ("社區(村)衛生室", "社区(村)卫生室"),
        ("管理辦法(試行)", "管理办法(试行)"),
        ("(见习)人员", "(见习)人员"),
        ("已於(2024)年印發", "已于(2024)年印发"),
        ("新增(GDP)核算", "新增(GDP)核算"),
    ],
)
def test_normalize_removes_glosses_only(original, expected):
    assert normalized(original)[0] == expected


def test_paragraph_normalizes_as_expected():
    assert len(GLOSS.findall(GLOSSED)) == 16
    assert normalized(GLOSSED)[0] == GLOSSED_NORMALIZED


def test_every_normalized_character_maps_to_one_original_character():
    text, offsets = normalized(GLOSSED)
    assert len(offsets) == len(text)
    used = []
    for i, char in enumerate(text):
        start, end = offsets.span(i, i + 1)
        assert end - start == 1, (i, char)
        assert to_simplified(fold(GLOSSED[start:end])) == char, (i, char, GLOSSED[start:end])
        used.append(start)
    assert used == sorted(set(used))
    dropped = set(range(len(GLOSSED))) - set(used)
    glossed = {i for m in GLOSS.finditer(GLOSSED) for i in range(*m.span())}
    assert dropped == glossed


@pytest.mark.parametrize("mark", ["?", "？"])
def test_gloss_after_a_damaged_character_is_removed(mark):
    original = f"全{mark}(qū)糧食產量"
    text, offsets = normalized(original)
    assert text == "全?粮食产量"
    assert original[slice(*offsets.span(1, 2))] == mark


# --- OffsetMap.span --------------------------------------------------------------------------

@pytest.mark.parametrize(("start", "expected"), [(0, (0, 0)), (3, (3, 3)), (6, (6, 6))])
def test_empty_span_is_a_position(start, expected):
    assert OffsetMap.identity(6).span(start, start) == expected


def test_empty_span_of_empty_map():
    assert OffsetMap.identity(0).span(0, 0) == (0, 0)


@pytest.mark.parametrize(
    ("derived", "original"),
    [
        ((0, 1), "來"),
        ((0, 2), "來(lái)年"),  # across the removed gloss: the gloss is inside the span
        ((1, 2), "年"),
        ((2, 5), "增長３"),
        ((1, 5), "年增長３"),
        ((4, 6), "３萬"),  # ends on a glossed character: its gloss is not included
    ],
)
def test_span_across_removed_gloss(derived, original):
    source = "來(lái)年增長３萬(wàn)"
    text, offsets = normalized(source)
    assert text == "来年增长3万"
    start, end = offsets.span(*derived)
    assert source[start:end] == original


def test_empty_span_after_a_gloss_points_past_it():
    source = "來(lái)年"
    _, offsets = normalized(source)
    assert offsets.span(1, 1) == (6, 6)
    assert offsets.span(2, 2) == (7, 7)


# --- spans -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("spans", "merged"),
    [
        ([], []),
        ([(5, 8), (0, 2), (1, 3)], [(0, 3), (5, 8)]),  # unsorted, overlapping
        ([(0, 2), (2, 4)], [(0, 4)]),  # touching spans join
        ([(0, 10), (2, 3), (4, 9)], [(0, 10)]),  # nested
        ([(7, 9), (3, 4), (7, 9)], [(3, 4), (7, 9)]),  # duplicates
    ],
)
def test_merge(spans, merged):
    assert merge(spans) == merged


def test_merge_accepts_a_generator():
    assert merge(span for span in [(4, 6), (0, 1)]) == [(0, 1), (4, 6)]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 2, False),  # ends where the first span starts
        (5, 8, False),  # touches both spans, overlaps neither
        (10, 12, False),  # starts where the last span ends
        (6, 7, False),  # in the gap
        (4, 6, True),
        (3, 4, True),  # nested inside
        (0, 20, True),  # covers both
        (9, 11, True),
    ],
)
def test_overlaps(start, end, expected):
    assert overlaps([(2, 5), (8, 10)], start, end) is expected


def test_overlaps_nothing():
    assert overlaps([], 0, 10) is False


# --- furniture lines -------------------------------------------------------------------------

def skipped(text: str) -> list[str]:
    """The furniture lines of ``text`` as the reader sees it (folded to half-width)."""
    folded = fold(text)
    return [folded[start:end] for start, end in furniture_lines(folded)]


PAGE = "\n".join([
    "您的位置：首页 > 新闻中心 > 部门动态",
    "设为首页 | 加入收藏 | 网站地图",
    "包头市今年新增城镇就业3.2万人",
    "全市共受理群众来电电话1.5万个，办结率达到99%。",
    "依据著作权法，作品版权归作者享有，全年查处侵犯版权案件12起。",
    "编辑出版地方志书籍23种，其中电话簿类资料5种。",
    "责编：王丽",
    "电话：0472-5123456",
    "地 址：包头市昆都仑区钢铁大街",
    "Copyright © 2024 包头市人民政府 All Rights Reserved",
    "蒙ICP备05001234号-1",
])


def test_furniture_lines_of_a_page():
    assert skipped(PAGE) == [
        "您的位置:首页 > 新闻中心 > 部门动态",
        "设为首页 | 加入收藏 | 网站地图",
        "责编:王丽",
        "电话:0472-5123456",
        "地 址:包头市昆都仑区钢铁大街",
        "Copyright © 2024 包头市人民政府 All Rights Reserved",
        "蒙ICP备05001234号-1",
    ]


def test_furniture_spans_are_whole_lines():
    folded = fold(PAGE)
    for start, end in furniture_lines(folded):
        assert start == 0 or folded[start - 1] == "\n"
        assert end == len(folded) or folded[end] == "\n"


@pytest.mark.parametrize(
    "line",
    [
        "当前位置：首页 > 政务公开",
        "  您当前的位置：首页",
        "版权所有：包头市人民政府办公室",
        "京公网安备11010502030123号",
        "网站标识码1502000001",
        "传 真：0472-5123457",
        "E-mail：tjj@example.gov.cn",
        "邮 编：014010",
        "责任编辑：张华",
        "审核：李明",
        "分享到：微信 微博",
        "【字号：大 中 小】",
        "打印",
        "关闭",
        "打印本页 关闭窗口",
    ],
)
def test_furniture_line(line):
    assert skipped(line) == [fold(line)]


@pytest.mark.parametrize(
    "line",
    [
        "全市共受理群众来电电话1.5万个，办结率达到99%。",
        "市民可拨打服务电话：12345反映诉求，全年受理2.1万件。",
        "全年查处侵犯版权案件12起，收缴盗版出版物3000余件。",
        "编辑出版地方志书籍23种。",
        "地址变更登记企业1200户。",
        "当前位置偏远的12个嘎查已通硬化路。",
        "全市关闭落后产能企业15家，打印机等办公设备采购额下降8%。",
        "依法保护版权所有人的合法权益，全年登记作品1.2万件。",
        "市民如发现问题可随时联系我们，全年共受理投诉1200件。",
        "全市新增ICP证许可企业35家，增长12%。",
        "扫一扫二维码即可查询，全年扫码量达到300万次。",
    ],
)
def test_article_line_is_not_furniture(line):
    assert skipped(line) == []


# --- Runs: the compact map a document keeps ------------------------------------------------------

def _every_span(offsets) -> list[tuple[int, int]]:
    size = len(offsets)
    return [offsets.span(start, end) for start in range(size + 1) for end in range(start, size + 1)]


def test_runs_give_every_span_of_a_glossed_text():
    _, offsets = normalized(GLOSSED)
    runs = offsets.compact()
    assert 1 < len(runs.at) < 40 < len(runs)  # a run per stretch between glosses, not per character
    assert _every_span(runs) == _every_span(offsets)
    assert runs.end_of_text() == offsets.end_of_text() == len(GLOSSED)


def test_runs_give_every_span_of_html_entities_and_inserted_breaks():
    from sources.html import extract_html

    page = "<html><body><p>全市&nbsp;GDP达&#19975;亿元</p><p>增长5&#46;2%&not;</p></body></html>"
    extracted = extract_html(page)
    runs = extracted.offsets.compact()
    assert _every_span(runs) == _every_span(extracted.offsets)
    assert page[slice(*runs.span(2, 3))] == "&nbsp;"


def test_spans_map_every_span_at_once_as_span_does_one_by_one():
    from sources.html import extract_html

    page = "<html><body><p>全市&nbsp;GDP达&#19975;亿元</p><p>增长5&#46;2%&not;</p></body></html>"
    for offsets in (normalized(GLOSSED)[1], extract_html(page).offsets):
        size = len(offsets)
        pairs = [(start, end) for start in range(size) for end in range(start + 1, size + 1)]
        starts, ends = [start for start, _ in pairs], [end for _, end in pairs]
        for mapped in (offsets, offsets.compact()):
            assert list(zip(*mapped.spans(starts, ends), strict=True)) == [mapped.span(*pair) for pair in pairs]
            assert mapped.spans([3, size], [3, size]) == ([mapped.span(3, 3)[0], offsets.end_of_text()],
                                                         [mapped.span(3, 3)[1], offsets.end_of_text()])


def test_a_copied_text_is_one_run():
    runs = OffsetMap.identity(9000).compact()
    assert (list(runs.at), list(runs.origin), len(runs)) == ([0], [0], 9000)
    assert runs.span(4000, 4010) == (4000, 4010) and runs.span(9000, 9000) == (9000, 9000)
