"""Correction notices: which paragraphs are notices, and the wrong and right figures they name."""
from __future__ import annotations

import pytest

import pipeline
from checks.config import Config
from checks.corpus import Corpus
from checks.corrections import corrections, notice_spans
from claims.extract import extract_claims
from sources.reader import document_from_text


def _doc(text: str, doc_id: str = "d0"):
    return document_from_text(text, doc_id=doc_id, path=f"{doc_id}.txt")


@pytest.mark.parametrize("text, pairs", [
    ("更正:本报12月1日第3版一文中,“改造老旧小区297个”有误,应为“改造老旧小区279个”,特此更正。", [("297个", "279个")]),
    ("勘误:昨日报道将全市新增就业岗位“3100个”误写为“3010个”,特此致歉。", [("3010个", "3100个")]),
    ("更正说明:文中“186亿元”系“18.6亿元”之误。", [("186亿元", "18.6亿元")]),
    ("更正:文中“2004年”应为“2024年”,“17个”应为“14个”。", [("2004年", "2024年"), ("17个", "14个")]),
    ("全市新建口袋公园36个,总数应为40个。", []),
    ("更正:文中“改造老旧小区297个”应为“开展宣讲297场”。", []),
])
def test_the_wrong_and_the_right_figure(text, pairs):
    doc = _doc(text)
    assert [(c.wrong.text, c.right.text) for c in corrections(doc, extract_claims(doc))] == pairs


def test_a_notice_is_its_paragraph_only():
    doc = _doc("全市改造老旧小区297个。\n更正:上文“297个”有误,应为“279个”。\n全市新建口袋公园36个。")
    assert [doc.text[start:end] for start, end in notice_spans(doc)] == ["更正:上文“297个”有误,应为“279个”。"]


def test_a_quoted_figure_is_a_claim_and_a_quoted_name_is_not():
    texts = [c.text for c in extract_claims(_doc("“改造老旧小区297个”与“五个认同”及“12345”热线。"))]
    assert texts == ["297个"]


def test_the_notice_itself_is_no_conflict():
    documents = [_doc("今年以来,全市共改造城镇老旧小区279个,惠及居民3万余户。", "d0"),
                 _doc("更正:本报昨日报道中“全市共改造城镇老旧小区297个”有误,应为“全市共改造城镇老旧小区279个”。", "d1")]
    claim_set = pipeline.extract(documents)
    corpus = Corpus(claim_set.documents, claim_set.claims)
    assert all(corpus.in_notice(claim) for claim in corpus.claims_of["d1"])
    assert pipeline.check(claim_set, Config()).findings == []
