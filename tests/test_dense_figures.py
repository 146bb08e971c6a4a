"""The guard for claim-dense text (issue 17): a run of figures packed together is read with shared
context, every figure still a claim, and IO03 says where; real-like tables and lists are read as before."""
from __future__ import annotations

from collections import Counter
from dataclasses import fields, replace
from decimal import Decimal
from operator import attrgetter

import pytest

import pipeline
from benchmarks.fuzz_inputs import Input, try_input
from checks import suites
from checks.config import Config
from checks.corpus import Corpus
from claims import dense
from claims.claim import Claim, Segment
from claims.dense import Limits, dense_runs, limits
from claims.extract import extract_claims
from sources.reader import document_from_text

OWN_PLACE = {"id", "start", "end", "text", "span", "sentence", "clause", "value", "low", "high", "precision"}


def _claims(text: str, fmt: str = "text"):
    return extract_claims(document_from_text(text, fmt=fmt))


def _findings(text: str, fmt: str = "text"):
    claim_set = pipeline.extract([document_from_text(text, fmt=fmt)])
    return claim_set, [f for f in pipeline.check(claim_set, Config()).findings if f.rule == "IO03"]


def test_the_thresholds_are_read_from_the_data_file():
    assert limits() == Limits(min_figures=200, max_gap=4)


def test_runs_are_found_in_one_pass_at_the_threshold():
    bounds = Limits(min_figures=3, max_gap=2)
    spans = [(0, 2), (2, 4), (6, 8), (20, 22), (22, 24), (30, 32), (32, 34), (34, 36), (37, 39)]
    assert dense_runs(spans, bounds) == [dense.Run(0, 2, 0, 8), dense.Run(5, 8, 30, 39)]
    assert dense_runs(spans[:2], bounds) == []


def test_every_figure_of_a_dense_run_is_a_claim_with_its_own_text_and_offsets():
    text = "今年" + "3个" * 300 + "。"
    claims = _claims(text)
    assert len(claims) == 300
    assert [(c.start, c.end, c.text, c.value) for c in claims[:2]] == [(2, 4, "3个", 3), (4, 6, "3个", 3)]
    assert all(text[c.start:c.end] == c.text == "3个" for c in claims)
    assert [c.id for c in claims[-2:]] == ["text:299", "text:300"]


def test_a_figure_of_a_run_takes_the_reading_of_the_first_of_its_kind(monkeypatch):
    text = "全市今年新建" + "3个5人" * 150 + "。"
    guarded = _claims(text)
    monkeypatch.setattr(dense, "limits", lambda: Limits(min_figures=10**9, max_gap=0))
    full = _claims(text)
    assert guarded[:2] == full[:2]  # the first of each kind is read in full
    shared = [f.name for f in fields(guarded[0]) if f.name not in OWN_PLACE]
    for claim in guarded[2:]:
        first = guarded[0] if claim.text == "3个" else guarded[1]
        assert [getattr(claim, name) for name in shared] == [getattr(first, name) for name in shared]
    assert [c.value for c in guarded[-2:]] == [3, 5] and guarded[0].subject == "建"


def test_one_figure_short_of_the_threshold_is_read_figure_by_figure(monkeypatch):
    text = "今年" + "1万、" * 198 + "1万。"  # 199 figures
    assert dense_runs([c.span for c in _claims(text)]) == []
    _, findings = _findings(text)
    assert findings == []


def test_the_finding_gives_every_run_and_its_figures_at_exact_offsets():
    first, second = "今年" + "1万、" * 249 + "1万", "去年同期" + "2.5%、" * 219 + "2.5%"
    text = f"{first}。\n全市人口56.3万人。\n{second}。"
    claim_set, findings = _findings(text)
    assert len(claim_set.claims) == 250 + 1 + 220
    (finding,) = findings
    start = len(first) + len("。\n全市人口56.3万人。\n") + 4
    runs = [[2, len(first)], [start, start + len(second) - 4]]
    assert (finding.start, finding.end, finding.severity.name) == (2, 4, "WARNING")  # its first figure
    assert finding.evidence["offsets"] == runs and finding.evidence["figures"] == 470
    assert [(r.start, r.end) for r in finding.related] == [(start, start + 4)]  # 2.5%
    assert "470 figures packed in 2 run(s)" in finding.message and "有470个数字密集排列(2段" in finding.message


DENSEST_REAL_LIKE = {  # own text, as packed as a report's tables and lists get
    "a statistics table with row labels": "\n".join(
        f"{name}\t{i * 13}\t{i * 7}.5%\t{i + 2}.1万人\t{i * 31}亿元" for i, name in enumerate(
            ["海勃湾区", "乌达区", "海南区", "滨河区", "千里山镇", "乌兰淖尔镇", "拉僧庙镇", "巴音陶亥镇"] * 12, 1)),
    "a markdown table": "| 月份 | 产量 | 增长 |\n|---|---|---|\n" + "\n".join(
        f"| {m}月 | {m * 11}.3万吨 | {m}.2% |" for m in range(1, 13)) * 10,
    "a breakdown list": "全市建成社区食堂960个，其中" + "、".join(
        f"第{i}片区{i % 9 + 1}个" for i in range(1, 160)) + "。",
    "month ranges": "；".join(f"1—{m}月完成投资{m * 8}亿元，同比增长{m}.4%" for m in range(2, 13)) * 8 + "。",
}


@pytest.mark.parametrize("name", DENSEST_REAL_LIKE)
def test_the_densest_real_like_text_is_read_as_before(name):
    text = DENSEST_REAL_LIKE[name]
    claim_set, findings = _findings(text)
    assert len(claim_set.claims) > 150, len(claim_set.claims)
    assert findings == [] and dense_runs([c.span for c in claim_set.claims]) == []


def test_the_fuzz_family_of_figures_in_one_sentence_is_guarded(tmp_path):
    entry = Input(b"0001_report.html", "file", ("今年" + "3个" * 20_000).encode())
    outcome = try_input(entry, tmp_path, render=("json", "table"))
    assert (outcome.crashes, outcome.missing, outcome.offsets, outcome.problems) == (0, 0, 0, ())
    claim_set, findings = _findings("今年" + "3个" * 20_000, fmt="html")
    assert len(claim_set.claims) == 20_000
    assert [(f.evidence["offsets"], f.evidence["figures"]) for f in findings] == [([[2, 40_002]], 20_000)]


DENSE_FAMILIES = ("3个", "1万、", "2.5%、", "第1", "2023年", "约3个多", "居第2位、", "1.2亿元至1.5亿元、",
                  "3个12345热线", "2023年3月5日、", "3月5日至8日、", "2020—2023年", "2023年以来5个")


@pytest.mark.parametrize("unit", DENSE_FAMILIES)
def test_a_run_parses_each_figure_as_its_own_parse_would(unit, monkeypatch):
    text = "今年全市" + unit * 400 + "。"
    once = _claims(text)
    monkeypatch.setattr(dense.DenseParses, "parse", lambda self, match, text, read: read(match, text))
    assert once == _claims(text)


def test_a_shared_claim_is_the_first_of_its_kind_with_its_own_figure_and_place():
    text = "全市今年新建" + "3个5人1.2万人、" * 100 + "7个" * 100 + "。"
    claims = _claims(text)
    assert len(claims) == 400
    firsts = {}
    own = {f.name for f in fields(dense.Figure)} - {"kind", "unit"}
    for claim in claims:
        key = (claim.measure, claim.qualifier, "万" in claim.text)
        first = firsts.setdefault(key, claim)
        plain = replace(first, **{name: getattr(claim, name) for name in own | OWN_PLACE})  # the plain way
        assert claim == plain and claim.text == text[claim.start:claim.end]
    assert [(c.text, c.value) for c in claims[-2:]] == [("7个", 7), ("7个", 7)] and len(firsts) == 3


def test_the_claims_of_a_run_made_at_once_have_the_place_and_figure_of_a_full_reading(monkeypatch):
    page = ("<html><body><p>全市今年新建" + "3个&amp;5人" * 150 + "2.5%、" * 60 + "3个&nbsp;" * 100
            + "。</p><p>去年" + "2023年3月5日、" * 210 + "1.2万人</p></body></html>")
    doc = document_from_text(page, fmt="html")
    guarded = extract_claims(doc)
    runs = dense_runs([c.span for c in guarded])
    monkeypatch.setattr(dense, "limits", lambda: Limits(min_figures=10**9, max_gap=0))
    full = extract_claims(doc)
    assert [(r.first, r.last) for r in runs] == [(0, 459), (460, 670)] and len(full) == 671
    own = OWN_PLACE | {f.name for f in fields(dense.Figure)} - {"kind", "unit"}
    assert [[getattr(c, name) for name in sorted(own)] for c in guarded] == [
        [getattr(c, name) for name in sorted(own)] for c in full]
    assert all(page[c.start:c.end] == c.text for c in guarded) and guarded[-1].text == "1.2万人"
    for run in runs:
        firsts = {}
        for claim in guarded[run.first:run.last + 1]:
            first = firsts.setdefault((claim.kind, claim.measure, claim.value if claim.kind == "date" else None), claim)
            assert claim == replace(first, **{name: getattr(claim, name) for name in own})
    assert len(firsts) == 2 and guarded[-1] == full[-1]  # the first of its kind in its run: read in full


DENSE_FINDINGS = ("全市人口合格率为" + "120%、98%、" * 150 + "。全区20个旗县中居第25位、" * 3 + "减少-3个、" * 250
                  + "。2099年12月1日召开。")


def test_a_dense_input_has_the_findings_of_every_claim_row_and_call(monkeypatch):
    from checks.bounds.column_check import ColumnCheck

    claim_set, _ = _findings(DENSE_FINDINGS)
    fast = pipeline.check(claim_set, Config()).findings
    assert Counter(f.rule for f in fast) == {"BD03": 250, "BD01": 150, "BD02": 3, "IO03": 1}
    monkeypatch.setattr(ColumnCheck, "candidates", lambda self, corpus: None)  # every claim called
    monkeypatch.setattr(suites, "_figure_columns", lambda claim, doc, known: suites._row(claim, _Corpus(doc)))
    assert pipeline.check(claim_set, Config()).findings == fast


class _Corpus:
    """Just what ``suites._row`` asks of a corpus."""

    def __init__(self, doc) -> None:
        self.document = {doc.id: doc}


@pytest.mark.parametrize("page", ["<p>全市3个", "&全市3个"])
def test_a_page_of_figures_between_tags_or_stray_entities_is_one_dense_run(page):
    claim_set, findings = _findings("<html><body>" + page * 300, fmt="html")
    assert len(claim_set.claims) == 300
    assert [f.evidence["figures"] for f in findings] == [300]


def test_a_run_is_made_with_the_collector_paused_and_left_as_it_was(monkeypatch):
    import gc

    seen = []
    monkeypatch.setattr(dense.SharedReadings, "_made", lambda self, doc, context: seen.append(gc.isenabled()) or [])
    assert gc.isenabled()
    _claims("今年" + "3个" * 300)
    gc.disable()
    try:
        _claims("今年" + "3个" * 300)
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert seen == [False, False] and gc.isenabled()


PLACED = ("发布时间:2024-12-11\n全市城乡居民医保参保率达到" + "120%、" * 210 + "增长120%、" + "120%、" * 10 + "。"
          + "\n" + "2025年1月3日、" * 210 + "将于" + "2025年1月3日、" * 10 + "。")


def _suite_failures(claim_set, claims=None):
    return suites.builtin_failures(Corpus(claim_set.documents, claims or claim_set.claims))


def _read_as(claims, fields_read):
    """Each claim again (a new id) with the reading of another claim of its document, every other
    field its own: a claim that reads as another wherever it stands."""
    mixed = []
    for number, (claim, other) in enumerate(zip(claims, claims[7:] + claims[:7], strict=True)):
        if claim.doc == other.doc:
            mixed.append(replace(claim, id=f"{claim.doc}:mixed{number}",
                                 **{name: getattr(other, name) for name in fields_read}))
    return mixed


_BOUNDS_TEXT = "\n甲增长乙将于丙。"  # after a line of 15 characters, a publication date or not
_HEADS = {"undated": "本文的这一行里没有写上发布日期", "dated": "发布时间:2024-12-11"}
_FIGURES = [  # figures differing from the one before in one field the built-in suite reads, with another
    # verdict (the first decided without reading its place, so that a reading missing the field would take its verdict)
    ("percent", None, 120, 120, 120, None, None), ("percent", "percent", 120, 90, 120, None, None),
    ("percent", "percent", 120, 120, 120, None, None),
    ("count", "item", -3, -3, -3, None, None), ("percentage_points", "item", -3, -3, -3, None, None),
    ("count", "item", -3, 1, 1, None, None), ("count", "item", 3, 1, 1, None, None),
    ("count", "item", None, -5, 3, None, None), ("count", "item", None, -5, -3, None, None),
    ("rank", None, 5, 5, 5, 3, None), ("rank", None, 5, 5, 5, 10, None),
    ("date", None, "2025-01-03", "2025-01-03", "2025-01-03", None, "year"),
    ("date", None, "2025-01-03", "2025-01-03", "2025-01-03", None, "day"),
]


def _bounds_claims(doc_ids):
    """Claims of each subject, at each of three places (after 增长, after 将于, after 甲: 19, 22, 17),
    of every figure of ``_FIGURES`` in turn, in each document: the same readings in different places."""
    def number(value):
        return Decimal(value) if isinstance(value, int) else value

    claims = []
    for doc in doc_ids:
        for subject in ("参保率", "增长率", "利润"):
            for at in (19, 22, 17):
                for kind, unit, value, low, high, total, precision in _FIGURES:
                    claims.append(Claim(kind=kind, unit=unit, value=number(value), low=number(low), high=number(high),
                                        total=number(total), precision=precision, subject=subject,
                                        id=f"{doc}:{len(claims)}", doc=doc, start=at, end=at, text="",
                                        span=(at, at), sentence=Segment(1, 16, 23), clause=Segment(1, 16, 23)))
    return claims


def test_the_built_in_suite_reads_each_field_of_a_reading(monkeypatch):
    documents = [document_from_text(head + _BOUNDS_TEXT, doc_id=doc) for doc, head in _HEADS.items()]
    assert [len(head) for head in _HEADS.values()] == [15, 15] and documents[0].meta.published is None
    claims = _bounds_claims(_HEADS)
    shared = suites.builtin_failures(Corpus(documents, claims))
    monkeypatch.setattr(suites, "_READING", attrgetter("id"))
    assert shared == suites.builtin_failures(Corpus(documents, claims))
    assert {rule: len(ids) for rule, ids in shared.items()} == {"BD01": 2, "BD02": 18, "BD03": 18, "BD04": 6}


@pytest.mark.parametrize("text", [DENSE_FINDINGS, PLACED, "今年" + "3个5人1.2万人、" * 100],
                         ids=["findings", "placed", "plain"])
def test_the_built_in_suite_decides_a_reading_once_with_the_verdicts_of_every_claim(monkeypatch, text):
    claim_set = pipeline.extract([document_from_text(text)])
    claims = claim_set.claims + _read_as(claim_set.claims, suites.READ)
    rows = []
    figure_columns = suites._figure_columns
    monkeypatch.setattr(suites, "_figure_columns", lambda *args: rows.append(1) or figure_columns(*args))
    shared = _suite_failures(claim_set, claims)
    if text.startswith("今年"):
        assert len(rows) == 4  # the first claim (none before it to share with), then each of 3 readings once
    monkeypatch.setattr(suites, "_READING", attrgetter("id"))  # the plain way: every claim its own row
    assert shared == _suite_failures(claim_set, claims)


def test_a_verdict_that_reads_the_place_is_made_for_each_claim_of_a_run():
    failures = _suite_failures(pipeline.extract([document_from_text(PLACED)]))
    assert {rule: len(ids) for rule, ids in failures.items()} == {"BD01": 220, "BD04": 210}
    assert "text:211" not in failures["BD01"]  # after 增长: growth, not a share
