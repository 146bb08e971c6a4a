"""Reference tables (``check --reference``): rows as an authoritative source, RF01 on the figures
that disagree, quiet on those that agree, and a malformed table refused before any work."""
from __future__ import annotations

import json

import openpyxl
import pytest

from claims.reference import ReferenceError, load_reference
from tests.test_cli import ROOT, run

TABLE = ROOT / "docs" / "reference" / "figures.csv"
HEADER = "place,subject,period,value,unit,source\n"


def _reference_findings(*args: str) -> tuple[int, list[dict]]:
    result = run("check", "examples", *args, "--format", "json", "--lang", "en", "--select", "RF01,CS01")
    return result.returncode, json.loads(result.stdout)["findings"]


def test_the_sample_table_flags_the_contradicted_figures_only():
    status, findings = _reference_findings("--reference", str(TABLE))
    flagged = sorted((f["doc"], f["evidence"]["value"], f["evidence"]["reference"][0]["row"])
                     for f in findings if f["rule"] == "RF01")
    assert flagged == [("editor_draft", "96.5%", "figures.csv:5"),
                       ("region_news_release", "15个", "figures.csv:3"),
                       ("wuhai_magazine_reprint", "14個", "figures.csv:3"),
                       ("wuhai_magazine_reprint_big5", "8261人", "figures.csv:6")]
    assert status == 1
    message = next(f["message"] for f in findings if f["rule"] == "RF01" and f["doc"] == "editor_draft")
    assert message == ("differs from the reference table on 居民满意度: 96.5% here, 90.65% in figures.csv:5 "
                       "(乌海市民政局第三方测评)")
    related = next(f["related"] for f in findings if f["rule"] == "RF01" and f["doc"] == "editor_draft")
    assert related[0]["doc"] == "figures" and related[0]["label"] == "reference row figures.csv:5"
    assert all(f["doc"] != "figures" for f in findings)  # the table itself is never checked


def test_a_figure_that_agrees_with_its_row_stays_quiet(tmp_path):
    table = tmp_path / "agree.csv"
    rows = "乌海,常住人口,2024,{},万人,乌海市统计局\n乌海市,老旧小区改造,“十四五”以来,{},个,住建局\n"
    table.write_text(HEADER + rows.format("53.21", "279"), encoding="utf-8")
    report = ROOT / "examples" / "wuhai_work_report.txt"
    quiet = run("check", str(report), "--reference", str(table), "--select", "RF01", "--format", "json")
    assert quiet.returncode == 0 and json.loads(quiet.stdout)["findings"] == []
    table.write_text(HEADER + rows.format("55.62", "297"), encoding="utf-8")
    loud = run("check", str(report), "--reference", str(table), "--select", "RF01", "--format", "json")
    assert sorted(f["evidence"]["value"] for f in json.loads(loud.stdout)["findings"]) == ["279个", "53.21万人"]


def test_an_xlsx_table_reads_like_the_csv(tmp_path):
    book = openpyxl.Workbook()
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        book.active.append([float(cell) if cell.replace(".", "").isdigit() else (cell or None)
                            for cell in line.split(",")])
    book.save(tmp_path / "figures.xlsx")
    from_csv, from_xlsx = load_reference(TABLE, "figures"), load_reference(tmp_path / "figures.xlsx", "figures")
    def read(claims):  # the header line names the file: positions differ by the name's length
        return [(c.text, c.kind, c.value, c.low, c.high, c.unit, c.subject, c.place, c.time, c.period) for c in claims]
    assert read(from_xlsx[1]) == read(from_csv[1]) and len(from_csv[1]) == 8
    assert [claim.text for claim in from_csv[1][:3]] == ["279个", "17个", "53.21万人"]


@pytest.mark.parametrize("text, message", [
    ("place,subject,value,unit\n乌海市,常住人口,53.21,万人\n",
     "bad.csv:1: missing column period, source (headers: place, subject, value, unit;"),
    (HEADER + "乌海市,常住人口,2024,五十万,万人,统计局\n", "bad.csv:2: column value: '五十万' is not a number"),
    ("地区,指标,时期,下限,上限,单位,来源\n乌海市,老旧小区改造,2024,290,270,个,住建局\n",
     "bad.csv:2: column low: 290 is above high 270"),
    (HEADER + "乌海市,常住人口,2024,53.21,万人,统计局\n乌海市,常住人口,2024,53.21,万只猫,统计局\n",
     "bad.csv:3: column unit: unknown unit '万只猫'"),
    (HEADER + "乌海市,常住人口,2024,,万人,统计局\n", "bad.csv:2: column value is empty"),
    (HEADER + "乌海市,常住人口,去年冬天,53.21,万人,统计局\n",
     "bad.csv:2: column period: cannot read '去年冬天' as a period"),
])
def test_a_malformed_table_is_refused_before_any_work(tmp_path, text, message):
    table = tmp_path / "bad.csv"
    table.write_text(text, encoding="utf-8")
    result = run("check", "examples", "--reference", str(table))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"run-checks: error: {table.parent.as_posix()}/{message}"), result.stderr
    assert result.stderr.count("\n") == 1
    with pytest.raises(ReferenceError):
        load_reference(table, "bad")


def test_the_rows_compared_with_no_figure_are_named(tmp_path):
    result = run("check", "examples", "--reference", str(TABLE), "--format", "json", "--select", "RF01")
    assert json.loads(result.stdout)["unused_reference_rows"] == ["figures.csv:9"]
    assert ("run-checks: note: reference-table rows compared with no figure of the documents (1): figures.csv:9"
            in result.stderr.splitlines())
    chinese = run("check", "examples", "--reference", str(TABLE), "--select", "RF01", "--lang", "zh", "-q")
    assert "参考表" not in chinese.stderr  # --quiet: no notes
    table = tmp_path / "t.csv"
    table.write_text(HEADER + "乌海市,公共图书馆,2024,4,个,文旅局\n乌海市,常住人口,2024,53.21,万人,统计局\n"
                     "乌海市,体育场馆,2024,12,个,文旅局\n", encoding="utf-8")
    report = ROOT / "examples" / "wuhai_work_report.txt"
    chinese = run("check", str(report), "--reference", str(table), "--select", "RF01", "--lang", "zh")
    assert chinese.stderr.splitlines() == [
        "run-checks: 提示：参考表中有2行没有与文档中的任何数字比对：t.csv:2, t.csv:4"]
    unselected = run("check", str(report), "--reference", str(table), "--select", "CS01", "--format", "json")
    assert "unused_reference_rows" not in json.loads(unselected.stdout) and unselected.stderr == ""
