"""The integrity rules on the bundled examples, on HTML, and the mojibake repairs by decoding."""
from __future__ import annotations

from pathlib import Path

import pytest

import pipeline
from checks.config import Config
from checks.integrity.mojibake import repairs
from sources.reader import document_from_text, load_documents

EXAMPLES = Path(__file__).parent.parent / "examples"


def _integrity(documents):
    return pipeline.check(pipeline.extract(documents), Config(select=("integrity",))).findings


def test_examples_planted_problems_and_nothing_else():
    documents = load_documents([EXAMPLES])
    originals = {doc.id: doc.original for doc in documents}
    findings = _integrity(documents)
    spans = {(f.rule, f.doc, originals[f.doc][f.start:f.end]) for f in findings if f.rule != "TI04"}
    assert spans == {
        ("TI01", "editor_draft", "绾㈢煶姒�"),
        ("TI02", "editor_draft", "�"),
        ("TI03", "editor_draft", "http://www.wuhai.gov.cn/wuhai/xxgk/zfxxgkml/202412/t20241216_1187263.html"),
        ("TI03", "region_news_release", "ag真人官网登录入口"),
    }
    mojibake = next(f for f in findings if f.rule == "TI01")
    assert mojibake.evidence["likely"] == "红石榴"  # the lost 榴 found in the news release's 红石榴
    glosses = [f for f in findings if f.rule == "TI04"]
    assert {f.doc for f in glosses} == {"wuhai_magazine_reprint"}
    assert sum(f.evidence["count"] for f in glosses) == 34


def test_html_reads_article_blocks_only():
    page = ("<html><head><script>var s = 'ag真人官网';</script></head><body>"
            "<div class='nav'>澳门ag真人官网</div><div class='TRS_Editor'>"
            "<p>全市養(yǎng)老服務中心已達(dá)</p><p>开展&ldquo;民族ag真人官网团结&rdquo;活动32场。</p></div></body></html>")
    doc = document_from_text(page, "page", "page.html", "html")
    found = {(f.rule, doc.original[f.start:f.end]) for f in _integrity([doc])}
    assert found == {("TI04", "(yǎng)"), ("TI03", "ag真人官网")}


@pytest.mark.parametrize("right, wrong", [("utf-8", "gbk"), ("utf-8", "latin-1"), ("gbk", "latin-1"),
                                          ("gbk", "cp1252"), ("big5", "latin-1")])
def test_repairs_each_misreading(right, wrong):
    original = "社區食堂" if right == "big5" else "社区食堂"
    garbled = original.encode(right).decode(wrong)
    [repair] = repairs(f"全市新建{garbled}24个。")
    assert repair.text == original


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed reports not available: {SEEDS} is missing")
def test_seeds_integrity_findings():
    """On the seeds: two spam runs in one line, four damaged places, and one gloss finding whose
    places are exactly the glosses."""
    from sources.normalize import GLOSS

    documents = load_documents([SEEDS])
    originals = {doc.id[:3]: doc.original for doc in documents}
    findings = _integrity(documents)
    by_rule = {rule: [f for f in findings if f.rule == rule] for rule in ("TI01", "TI03", "TI04")}
    assert [(f.doc[:3], originals["000"].count("\n", 0, f.start) + 1) for f in by_rule["TI03"]] == [("000", 30)] * 2
    assert [originals["004"][f.start:f.end] for f in by_rule["TI01"]] == ["?!蔽幕放?", "?!", "?jǐn)?", "?!"]
    [gloss] = by_rule["TI04"]
    places = [(gloss.start, gloss.end)] + [(place.start, place.end) for place in gloss.related]
    assert len(places) == gloss.evidence["count"] == 365
    assert all(GLOSS.fullmatch(originals["004"][start:end]) for start, end in places)


def test_html_page_of_big5_shown_as_latin1_is_read_back():
    article = "全市建成社區食堂24個，日均服務老年人1200人次，居民滿意度達到90.65%。"
    page = (f"<html><head><title>t</title><script>var a = 1;</script></head><body><div class='TRS_Editor'>"
            f"<p>{article.encode('big5').decode('latin-1')}</p></div></body></html>")
    doc = document_from_text(page, "page", "page.html", "html")
    from claims.extract import extract_claims

    assert doc.encoding == "big5 (repaired from latin-1)"
    assert [claim.text for claim in extract_claims(doc)] == ["24個", "1200人次", "90.65%"]
    assert _integrity([doc]) == []
