"""Five real public reports, read the way a careful reader would read them.

The reports live outside the repository (``../shared/seeds``); a clone without them skips this
module. Only figure texts and subject phrases of the reports appear here, never their sentences.

Every expected value below was worked out from the report text and the interval rules of
``claims/data/qualifiers.toml``, not copied from the extractor. Where the extractor disagrees, the
disputed fields are split off into a strict ``xfail`` case (``…-bug``) whose reason says what is
wrong; the undisputed fields of the same row are still checked normally.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal as D
from functools import cache
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason=f"seed reports not available: {SEEDS} is missing (only on the shared work machine)")

DOC_IDS = ("000_ab88bb197f24876c", "001_421e7eb7bfcbf784", "002_c113c98de6863e28", "003_dd530e09dfa49a5c",
           "004_d9ee0c5c22c953ea")


# --- the corpus, loaded once --------------------------------------------------------------------

@cache
def corpus() -> dict:
    """Documents and their claims, keyed by the three-digit id prefix ("000" … "004")."""
    from claims.extract import extract_claims
    from sources.reader import load_documents

    docs = load_documents([SEEDS])
    return {doc.id[:3]: (doc, tuple(extract_claims(doc))) for doc in docs}


def document(prefix: str):
    return corpus()[prefix][0]


def claims_of(prefix: str):
    return corpus()[prefix][1]


_NUMERAL = set("0123456789.〇零一二两兩三四五六七八九十百千万萬亿億")


def occurrences(original: str, text: str, boundary: bool = True) -> list[int]:
    """Start offsets of ``text`` in ``original``; with ``boundary``, not inside a longer number
    (so "5个" does not match the tail of "25个")."""
    found, at = [], original.find(text)
    while at >= 0:
        if not (boundary and at > 0 and original[at - 1] in _NUMERAL and text[0] in _NUMERAL):
            found.append(at)
        at = original.find(text, at + 1)
    return found


def claim_at(prefix: str, text: str, nth: int = 0):
    """The claim whose text is exactly ``text`` at its ``nth`` occurrence in the original file."""
    starts = occurrences(document(prefix).original, text)
    assert len(starts) > nth, f"{text!r} occurs {len(starts)} time(s) in {prefix}"
    start = starts[nth]
    found = [c for c in claims_of(prefix) if c.start == start and c.text == text]
    near = [c.text for c in claims_of(prefix) if c.start < start + len(text) and c.end > start]
    assert found, f"no claim {text!r} at {start} in {prefix}; overlapping claims: {near}"
    return found[0]


# --- named claims ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Row:
    doc: str                          # id prefix
    text: str                         # exactly as in the original file (glosses included)
    kind: str
    value: object
    low: object
    high: object
    unit: str | None                  # pint unit name, or a measure word (then unit "item" for counts)
    subject: str | None = None        # checked only when given
    place: str | None = None
    time: str | None = None
    qualifier: str | None = None
    total: D | None = None
    nth: int = 0                      # which occurrence of ``text`` (0-based) when it repeats
    bug: tuple[str, ...] = ()         # fields the extractor gets wrong today ("claim": missing)
    why: str = ""

    def expected(self) -> dict[str, object]:
        word = self.unit
        if word is not None and any("\u4e00" <= ch <= "\u9fff" for ch in word):
            unit, measure = ("item" if self.kind == "count" else None), word
        else:
            unit, measure = word, None
        fields = {"kind": self.kind, "value": self.value, "low": self.low, "high": self.high,
                  "unit": unit, "measure": measure}
        optional = {"subject": self.subject, "place": self.place, "time": self.time,
                    "qualifier": self.qualifier, "total": self.total}
        fields.update({name: value for name, value in optional.items() if value is not None})
        return fields


ROWS = [
    # 000 乌海市, a newspaper feature (no year stated anywhere)
    Row("000", "5000余人次", "count", D(5000), D(5000), D(6000), "人次", subject="党员干部", qualifier="余"),
    Row("000", "2700余场", "count", D(2700), D(2700), D(2800), "场", qualifier="余"),
    Row("000", "四条", "count", D(4), D(4), D(4), "条", subject="重点产业链"),
    Row("000", "近10亿元", "money", D(10 ** 9), D(9 * 10 ** 8), D(10 ** 9), "yuan", place="乌海市", qualifier="近"),
    Row("000", "279个", "count", D(279), D(279), D(279), "个", subject="老旧小区改造", place="乌海市"),
    Row("000", "17个", "count", D(17), D(17), D(17), "个", subject="一刻钟社区生活圈"),
    Row("000", "53.21万人", "count", D(532100), D(532100), D(532100), "人"),
    Row("000", "九类", "count", D(9), D(9), D(9), "类"),
    Row("000", "20万", "count", D(200000), D(200000), D(200000), "item", subject="各族群众"),
    Row("000", "90.65%", "percent", D("90.65"), D("90.65"), D("90.65"), "percent", subject="居民满意度"),
    Row("000", "10月底", "date", "--10", "--10-01", "--10-31", None, qualifier="底"),
    Row("000", "78.9%", "percent", D("78.9"), D("78.9"), D("78.9"), "percent", time="--10"),
    Row("000", "2.8个百分点", "percentage_points", D("2.8"), D("2.8"), D("2.8"), "percentage_point", time="--10"),
    Row("000", "339个", "count", D(339), D(339), D(339), "个", subject="地级及以上城市", place="全国"),
    Row("000", "第3位", "rank", D(3), D(3), D(3), "位", place="乌海市", total=D(339)),
    Row("000", "8216人", "count", D(8216), D(8216), D(8216), "人"),
    Row("000", "29万人次", "count", D(290000), D(290000), D(290000), "人次"),

    # 001 包头市, report to the people's congress standing committee, published 2024-12-11 (its
    # 发文时间 line is metadata, not a figure: test_document_published)
    Row("001", "2024年10月31日", "date", "2024-10-31", "2024-10-31", "2024-10-31", None),
    Row("001", "500多处", "count", D(500), D(500), D(600), "处", qualifier="多"),
    Row("001", "约13.2万人", "count", D(132000), D(125400), D(138600), "人", qualifier="约"),
    Row("001", "2.8万余人次", "count", D(28000), D(28000), D(29000), "人次", qualifier="余"),
    Row("001", "超410万余人次", "count", D(4100000), D(4100000), D(4200000), "人次", qualifier="超,余"),
    Row("001", "1.35万", "count", D(13500), D(13500), D(13500), "item", time="2024"),
    Row("001", "1508万元", "money", D(15080000), D(15080000), D(15080000), "yuan"),
    Row("001", "11个", "count", D(11), D(11), D(11), "个", place="达尔罕茂明安联合旗"),
    Row("001", "93.6%", "percent", D("93.6"), D("93.6"), D("93.6"), "percent", subject="资金拨付率",
        place="达尔罕茂明安联合旗"),
    Row("001", "20个", "count", D(20), D(20), D(20), "个", subject="边境旗县", place="内蒙古自治区"),
    Row("001", "第一", "rank", D(1), D(1), D(1), None, subject="资金拨付率", total=D(20)),
    Row("001", "突破662万吨", "weight", D(6620000), D(6620000), None, "tonne", subject="满都拉口岸过货量",
        qualifier="突破"),
    Row("001", "72.4%", "percent", D("72.4"), D("72.4"), D("72.4"), "percent"),
    Row("001", "1200多名", "count", D(1200), D(1200), D(1300), "名", qualifier="多"),
    Row("001", "40余万人次", "count", D(400000), D(400000), D(500000), "人次", qualifier="余"),
    Row("001", "超150万人次", "count", D(1500000), D(1500000), None, "人次", qualifier="超"),
    Row("001", "11余万人次", "count", D(110000), D(110000), D(120000), "人次", place="包头市", qualifier="余"),
    Row("001", "1万余篇", "count", D(10000), D(10000), D(20000), "篇", qualifier="余"),
    Row("001", "95%以上", "percent", D(95), D(95), None, "percent", qualifier="以上"),

    # 002 乌兰浩特市, published 2020-07-07 (on its source line, metadata: test_document_published)
    Row("002", "6个", "count", D(6), D(6), D(6), "个", place="乌兰浩特市", time="2020"),
    Row("002", "176.5亿元", "money", D(17650000000), D(17650000000), D(17650000000), "yuan", time="2019"),
    Row("002", "8.3亿元", "money", D(830000000), D(830000000), D(830000000), "yuan", time="2019"),
    Row("002", "33310元", "money", D(33310), D(33310), D(33310), "yuan", subject="城镇常住居民人均可支配收入",
        time="2019"),
    Row("002", "17002元", "money", D(17002), D(17002), D(17002), "yuan", subject="农村常住居民人均可支配收入"),
    Row("002", "十项", "count", D(10), D(10), D(10), "项"),
    Row("002", "0.005%", "percent", D("0.005"), D("0.005"), D("0.005"), "percent", subject="贫困发生率"),
    Row("002", "2019--2023年", "date", "2019/2023", "2019-01-01", "2023-12-31", None, qualifier="range"),
    Row("002", "30%", "percent", D(30), D(30), D(30), "percent", place="兴安盟"),
    Row("002", "四个", "count", D(4), D(4), D(4), "个"),
    Row("002", "5.59万元", "money", D(55900), D(55900), D(55900), "yuan"),
    Row("002", "115.92万元", "money", D(1159200), D(1159200), D(1159200), "yuan"),
    Row("002", "61名", "count", D(61), D(61), D(61), "名", subject="第一书记"),
    Row("002", "240 名", "count", D(240), D(240), D(240), "名"),
    Row("002", "近2100件", "count", D(2100), D(1890), D(2100), "件", qualifier="近"),
    Row("002", "2013年以来", "date", "2013", "2013-01-01", "2013-12-31", None, qualifier="以来"),
    Row("002", "1163.01万元", "money", D(11630100), D(11630100), D(11630100), "yuan", time="2013/.."),
    Row("002", "4300万元", "money", D(43000000), D(43000000), D(43000000), "yuan"),

    # 003 内蒙古自治区, regional commission summary of 2024
    Row("003", "2024年", "date", "2024", "2024-01-01", "2024-12-31", None),
    Row("003", "304个", "count", D(304), D(304), D(304), "个", place="内蒙古自治区", nth=0),
    Row("003", "1200多篇", "count", D(1200), D(1200), D(1300), "篇", qualifier="多"),
    Row("003", "10.9万+", "count", D(109000), D(109000), D(110000), "item", qualifier="+"),
    Row("003", "5场", "count", D(5), D(5), D(5), "场", subject="直播"),
    Row("003", "2004年5月14日", "date", "2004-05-14", "2004-05-14", "2004-05-14", None),
    Row("003", "2057个", "count", D(2057), D(2057), D(2057), "个", subject="各族群众互嵌式发展阵地"),
    Row("003", "3000余场次", "count", D(3000), D(3000), D(4000), "场次", qualifier="余"),
    Row("003", "突破100万", "count", D(1000000), D(1000000), None, "item", subject="参与人数", qualifier="突破"),
    Row("003", "六个", "count", D(6), D(6), D(6), "个"),
    Row("003", "14.5万场", "count", D(145000), D(145000), D(145000), "场"),
    Row("003", "6万余场", "count", D(60000), D(60000), D(70000), "场", qualifier="余"),

    # 004 乌海市, Traditional script with inline pinyin glosses
    Row("004", "14個", "count", D(14), D(14), D(14), "个", subject="一刻钟生活圈"),
    Row("004", "4萬(wàn)人左右", "count", D(40000), D(35000), D(45000), "人", qualifier="左右"),
    Row("004", "53.21萬(wàn)人", "count", D(532100), D(532100), D(532100), "人", place="乌海市"),
    Row("004", "15分鐘", "duration", D(15), D(15), D(15), "minute"),
    Row("004", "270余個", "count", D(270), D(270), D(280), "个", subject="老旧小区改造", qualifier="余"),
    Row("004", "43%", "percent", D(43), D(43), D(43), "percent", subject="城市建成区绿化覆盖率"),
    Row("004", "19.5平方米", "area", D("19.5"), D("19.5"), D("19.5"), "meter ** 2", subject="人均绿地面积"),
    Row("004", "近50.3萬(wàn)冊", "count", D(503000), D(452700), D(503000), "册", qualifier="近"),
    Row("004", "近萬(wàn)場(chǎng)次", "count", D(10000), D(9000), D(10000), "场次", qualifier="近"),
    Row("004", "125 人", "count", D(125), D(125), D(125), "人"),
    Row("004", "1300多家", "count", D(1300), D(1300), D(1400), "家", qualifier="多"),
    Row("004", "20多平方米", "area", D(20), D(20), D(30), "meter ** 2", qualifier="多"),
    Row("004", "2.98萬(wàn)件", "count", D(29800), D(29800), D(29800), "件", time="2024"),
    Row("004", "兩個", "count", D(2), D(2), D(2), "个"),
]


def _claim_cases():
    for row in ROWS:
        name = f"{row.doc}-{row.text}"
        expected = row.expected()
        if "claim" in row.bug:
            yield pytest.param(row, expected, id=name + "-bug", marks=pytest.mark.xfail(reason=row.why, strict=True))
            continue
        yield pytest.param(row, {k: v for k, v in expected.items() if k not in row.bug}, id=name)
        if row.bug:
            yield pytest.param(row, {k: expected[k] for k in row.bug}, id=name + "-bug",
                               marks=pytest.mark.xfail(reason=row.why, strict=True))


@pytest.mark.parametrize("row, expected", list(_claim_cases()))
def test_named_claim(row: Row, expected: dict[str, object]):
    claim = claim_at(row.doc, row.text, row.nth)
    assert {name: getattr(claim, name) for name in expected} == expected


def test_named_claims_cover_every_document():
    per_doc = {prefix: sum(row.doc == prefix for row in ROWS) for prefix in ("000", "001", "002", "003", "004")}
    assert len(ROWS) >= 45 and min(per_doc.values()) >= 6, per_doc


# --- named non-claims -------------------------------------------------------------------------

NON_CLAIMS = [
    ("000", "三北精神"),             # a name
    ("000", "五个认同"),
    ("000", "万人上山"),             # name of a 1958 campaign
    ("000", "第一党支部"),
    ("000", "八圈一体"),
    ("001", "第17届"),               # ordinal of an event
    ("001", "十六届"),
    ("001", "第二十三次会议"),
    ("001", "三千孤儿"),             # historical name
    ("001", "五个认同"),
    ("001", "第三批"),
    ("002", "十八大"),
    ("002", "第一书记"),             # a post (two occurrences)
    ("002", "七十周年"),
    ("002", "第一要务"),
    ("002", "五个认同"),
    ("002", "0482-8266529"),         # footer: phone and fax
    ("002", "网站标识码1522000036"),
    ("002", "蒙ICP备05002755号-2"),
    ("002", "Copyright 2015"),
    ("003", "阿尔丁1#社区"),         # a community's name
    ("003", "一县一策"),
    ("003", "五大任务"),
    ("004", "“12345”"),              # the citizens' hotline
    ("004", "一刻鐘"),               # the "quarter-hour" circle, a name, not a duration (eight times)
    ("004", "萬(wàn)人上山"),
    ("004", "五社聯(lián)動(dòng)"),
    ("004", "一老一小"),
]


@pytest.mark.parametrize("prefix, text", NON_CLAIMS, ids=[f"{p}-{t}" for p, t in NON_CLAIMS])
def test_named_non_claim(prefix: str, text: str):
    starts = occurrences(document(prefix).original, text, boundary=False)
    assert starts, f"{text!r} not found in {prefix}"
    overlapping = [(c.text, c.start) for c in claims_of(prefix) for at in starts
                   if c.start < at + len(text) and c.end > at]
    assert overlapping == []


# --- offsets --------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_offsets_are_exact(prefix: str):
    from sources.normalize import normalize
    from sources.offsets import OffsetMap

    doc, found = corpus()[prefix]
    assert found
    for claim in found:
        assert doc.original[claim.start:claim.end] == claim.text, claim
        folded, _ = normalize(claim.text, OffsetMap.identity(len(claim.text)))
        assert doc.text[claim.span[0]:claim.span[1]] == folded, claim
        assert doc.original_span(*claim.span) == (claim.start, claim.end), claim


def test_glosses_are_inside_the_original_span_only():
    claim = claim_at("004", "4萬(wàn)人左右")
    doc = document("004")
    assert doc.text[claim.span[0]:claim.span[1]] == "4万人左右"


# --- document metadata ------------------------------------------------------------------------

def test_documents_load_in_path_order():
    docs = [document(prefix) for prefix in sorted(corpus())]
    assert [d.id for d in docs] == list(DOC_IDS)
    assert all(d.ok for d in docs)


@pytest.mark.parametrize("prefix, place", [
    ("000", "乌海市"), ("001", "包头市"), ("002", "乌兰浩特市"), ("003", "内蒙古自治区"), ("004", "乌海市")])
def test_document_place(prefix: str, place: str):
    assert document(prefix).meta.place == place


@pytest.mark.parametrize("prefix, published", [("001", "2024-12-11"), ("002", "2020-07-07")])
def test_document_published(prefix: str, published: str):
    assert document(prefix).meta.published == published


@pytest.mark.parametrize("prefix, year", [("001", 2024), ("002", 2020), ("003", 2024), ("004", 2024)])
def test_document_year(prefix: str, year: int):
    assert document(prefix).meta.year == year
