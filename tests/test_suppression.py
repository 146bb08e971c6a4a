"""Inline comments in Markdown and HTML switch rules off where they are, and are counted."""
from __future__ import annotations

import pipeline
from checks.config import Config
from checks.suppression import regions
from reports import markdown_report
from reports.view import View
from sources.reader import document_from_text

SOURCE = "乌海市2024年工作报告\n全市建成17个“一刻钟便民生活圈”。\n居民满意度达90.65%。\n"


def _check(draft: str, fmt: str = "markdown"):
    documents = [document_from_text(SOURCE, doc_id="d0", path="d0.txt"),
                 document_from_text(draft, doc_id="d1", path=f"d1.{'md' if fmt == 'markdown' else fmt}", fmt=fmt)]
    return pipeline.check(pipeline.extract(documents), Config(select=("cross_source",), language="en"))


DRAFT = "乌海市2024年工作汇报\n截至年底,我市一刻钟便民生活圈已达14个。\n据统计,居民满意度已达96.5%。\n"


def _flagged(result) -> list[str]:
    doc = result.claim_set.documents[1]
    return [doc.original[f.start:f.end] for f in result.findings if f.doc == "d1"]


def test_without_comments_both_figures_are_flagged():
    assert _flagged(_check(DRAFT)) == ["14个", "96.5%"]


def test_disable_next_line_switches_the_named_rule_off_for_one_line():
    draft = DRAFT.replace("截至", "<!-- run-checks: disable-next-line CS01 -->\n截至")
    result = _check(draft)
    assert (_flagged(result), result.suppressed) == (["96.5%"], 1)


def test_disable_and_enable_bound_a_region_by_family():
    draft = DRAFT.replace("截至", "<!-- run-checks: disable cross_source -->\n截至").replace(
        "据统计", "<!-- run-checks: enable cross_source -->\n据统计")
    assert _flagged(_check(draft)) == ["96.5%"]


def test_a_disable_without_codes_runs_to_the_end_and_another_rule_is_not_touched():
    assert _flagged(_check(DRAFT.replace("截至", "<!-- run-checks: disable -->\n截至"))) == []
    assert _flagged(_check(DRAFT.replace("截至", "<!-- run-checks: disable-next-line ST01 -->\n截至"))) == [
        "14个", "96.5%"]


def test_html_comments_work_and_plain_text_has_none():
    page = ("<html><body><p>乌海市2024年工作汇报</p><!-- run-checks: disable CS01 -->"
            "<p>截至年底,我市一刻钟便民生活圈已达14个。</p><p>据统计,居民满意度已达96.5%。</p></body></html>")
    assert _flagged(_check(page, "html")) == []
    plain = document_from_text("<!-- run-checks: disable -->\n全市建成14个生活圈。", doc_id="t", path="t.txt")
    assert regions(plain) == []


def test_the_summary_counts_what_was_suppressed():
    result = _check(DRAFT.replace("截至", "<!-- run-checks: disable-next-line -->\n截至"))
    assert "1 suppressed by inline comments" in markdown_report.render(result, View())
