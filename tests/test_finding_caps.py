"""Cross-document findings name at most five other claims and count them all."""
from __future__ import annotations

from pathlib import Path

from checks.config import Config
from checks.finding import LISTED
from pipeline import check, extract, read

OPENINGS = ["据统计", "记者获悉", "经过努力", "另据介绍", "据了解", "据悉", "数据显示", "报道称"]


def test_a_conflict_with_many_sources_lists_five_and_counts_all(tmp_path: Path):
    for number, opening in enumerate(OPENINGS):
        value = 15 if number == len(OPENINGS) - 1 else 17
        text = f"乌海市工作简报\n\n{opening},乌海市建成一刻钟便民生活圈{value}个。\n"
        Path(tmp_path, f"d{number}.txt").write_text(text, encoding="utf-8")
    result = check(extract(read([tmp_path])), Config(select=("CS01",)))
    [finding] = result.findings
    assert finding.doc == "d7"
    assert len(finding.related) == LISTED == 5
    assert len(finding.claims) == 1 + LISTED
    assert len(finding.evidence["others"]) == LISTED
    assert finding.evidence["others_count"] == 7 and finding.evidence["agreeing_count"] == 0
    assert "等7个来源" in finding.message and "and 2 more" in finding.message


def test_the_places_left_out_are_counted_in_every_report(tmp_path: Path):
    from reports import json_report, markdown_report, terminal
    from reports.view import View

    for number, opening in enumerate(OPENINGS):
        value = 15 if number == len(OPENINGS) - 1 else 17
        text = f"乌海市工作简报\n\n{opening},乌海市建成一刻钟便民生活圈{value}个。\n"
        Path(tmp_path, f"d{number}.txt").write_text(text, encoding="utf-8")
    result = check(extract(read([tmp_path])), Config(select=("CS01",)))
    [finding] = result.findings
    assert finding.unlisted == 2 and finding.related_count == 7
    assert '"unlisted": 2' in json_report.render(result, View())
    assert "另有4处" in terminal.render_findings(result, View(language="zh"))  # 7 places, 3 shown
    assert "4 more related places" in markdown_report.render(result, View())
