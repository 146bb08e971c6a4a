"""Tests for sources/metadata.py, through load_documents on files written by the test."""
from __future__ import annotations

from pathlib import Path

import pytest

from sources.document import Metadata
from sources.reader import load_documents

BODY = "全市城镇新增就业3.2万人，完成年度目标的108%。\n"


def meta_of(tmp_path: Path, text: str, name: str = "report.txt") -> Metadata:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    (doc,) = load_documents([path])
    assert doc.ok, doc.error
    return doc.meta


def lines(*parts: str) -> str:
    return "\n".join(parts) + "\n"


# --- title -----------------------------------------------------------------------------------

def test_title_is_the_first_content_line(tmp_path):
    meta = meta_of(tmp_path, lines("", "  ", "全市就业形势保持总体稳定", BODY))
    assert meta.title == "全市就业形势保持总体稳定"


def test_no_title_when_the_first_line_is_a_sentence(tmp_path):
    text = lines("今年以来，全市上下坚持稳就业、保民生，城镇新增就业3.2万人，完成年度目标的108%。", BODY)
    assert meta_of(tmp_path, text).title is None


def test_breadcrumb_line_is_not_the_title(tmp_path):
    text = lines("当前位置：首页 > 新闻中心 > 部门动态", "全市就业形势保持总体稳定", BODY)
    assert meta_of(tmp_path, text).title == "全市就业形势保持总体稳定"


def test_markdown_heading_marks_are_stripped(tmp_path):
    text = lines("# 全市就业形势保持总体稳定", "", "## 一、总体情况", BODY)
    assert meta_of(tmp_path, text, "report.md").title == "全市就业形势保持总体稳定"


# --- published -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "line",
    [
        "发文时间：2024-12-11",
        "发布时间：2024年12月11日",
        "发布日期：2024-12-11 09:30",
        "发布日期: 2024年12月11日  来源：市人社局",
        "发布时间：2024-12-11　　字号：大 中 小",
    ],
)
def test_published_from_the_date_line(tmp_path, line):
    meta = meta_of(tmp_path, lines("全市就业形势保持总体稳定", line, BODY))
    assert meta.published == "2024-12-11"


def test_single_digit_month_and_day_are_padded(tmp_path):
    meta = meta_of(tmp_path, lines("全市就业形势保持总体稳定", "发布时间：2024年3月5日", BODY))
    assert meta.published == "2024-03-05"


def test_no_date_line_no_published(tmp_path):
    assert meta_of(tmp_path, lines("全市就业形势保持总体稳定", BODY)).published is None


# --- source ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("来源：包头市人力资源和社会保障局", "包头市人力资源和社会保障局"),
        ("资料来源：包头市统计局", "包头市统计局"),
        ("信息来源：市人社局", "市人社局"),
        ("来源：包头日报 作者：赵云", "包头日报"),
        ("来源：包头日报作者：赵云", "包头日报"),
        ("信息来源：市人社局发布时间：2024-12-11", "市人社局"),
        ("来源：市人社局  浏览次数：125", "市人社局"),
        ("来源：市人社局 字号：大 中 小", "市人社局"),
        ("文章出处：市人社局 人气：1885 发表时间：2024-12-11", "市人社局"),
        ("来源：市人社局 阅读：2301", "市人社局"),
    ],
)
def test_source_line(tmp_path, line, source):
    assert meta_of(tmp_path, lines("全市就业形势保持总体稳定", line, BODY)).source == source


def test_source_line_at_the_end(tmp_path):
    text = lines("全市就业形势保持总体稳定", BODY, "资料来源：包头市统计局")
    assert meta_of(tmp_path, text).source == "包头市统计局"


# --- year ------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("body", "year"),
    [
        ("2022年粮食产量增长3%，2022年末人口下降。2023年基本持平。", 2022),  # most cited
        ("2023年产量增长3%，2024年产量增长5%。", 2024),  # tie: the latest
        ("2021年投资增长，2024年1-9月投资下降，2024.10.1起执行新规。", 2024),  # dates count
        ("全年完成投资12亿元。", None),
    ],
)
def test_year_without_publication_date(tmp_path, body, year):
    assert meta_of(tmp_path, lines("全市固定资产投资情况通报", body)).year == year


def test_years_after_the_publication_year_are_ignored(tmp_path):
    body = "2022年投资增长5%，2022年末在建项目120个。到2025年，到2025年底，2025年目标投资翻番。"
    text = lines("全市固定资产投资情况通报", "发布时间：2023-03-01", body)
    assert meta_of(tmp_path, text).year == 2022


def test_publication_year_counts_once(tmp_path):
    text = lines("全市固定资产投资情况通报", "发布时间：2024-03-01", "2023年投资增长5%。")
    assert meta_of(tmp_path, text).year == 2024  # 2023 once, 2024 once: the tie goes to 2024


def test_year_on_the_date_line_is_not_counted_twice(tmp_path):
    text = lines("全市固定资产投资情况通报", "发布时间：2024年1月15日", "2023年投资增长5%，2023年末在建项目120个。")
    assert meta_of(tmp_path, text).year == 2023


def test_year_on_the_source_line_is_not_counted(tmp_path):
    text = lines("全市固定资产投资情况通报", "资料来源：2024年包头统计年鉴", "2023年投资增长5%。")
    meta = meta_of(tmp_path, text)
    assert meta.source == "2024年包头统计年鉴"
    assert meta.year == 2023


def test_year_in_furniture_is_not_counted(tmp_path):
    text = lines("全市固定资产投资情况通报", "2023年投资增长5%。", "Copyright © 2024年 包头市人民政府 版权所有")
    assert meta_of(tmp_path, text).year == 2023


# --- place -----------------------------------------------------------------------------------

def banner_report(self_word: str) -> str:
    return lines(
        "草原生态保护工作取得新成效",
        "发布时间：2024-12-11",
        f"今年以来，{self_word}把草原保护作为重点任务。达尔罕茂明安联合旗完成草原修复12万亩。",
        "达茂旗新建围栏3.5万亩，达茂旗禁牧面积达到200万亩，达茂旗植被盖度达到41%。",
        f"包头市安排专项资金1.2亿元。下一步，{self_word}将继续推进草原保护，{self_word}还将加强监测。",
    )


@pytest.mark.parametrize(
    ("self_word", "place"),
    [("我市", "包头市"), ("全旗", "达尔罕茂明安联合旗")],
)
def test_place_follows_what_the_report_calls_itself(tmp_path, self_word, place):
    assert meta_of(tmp_path, banner_report(self_word)).place == place


def test_region_report_naming_many_cities(tmp_path):
    text = lines(
        "内蒙古粮食生产再获丰收",
        "发布日期：2024年12月20日",
        "全区粮食总产量达到820亿斤，比上年增长3.1%。",
        "通辽市产量增长3.5%，赤峰市产量增长4.2%，呼伦贝尔市产量增长2.8%，兴安盟产量增长2.6%。",
        "通辽市、赤峰市播种面积均超过1500万亩，通辽市单产提高12公斤，通辽市玉米产量居首位。",
        "呼和浩特市和包头市产量基本持平。全区高标准农田建设持续推进。",
    )
    assert meta_of(tmp_path, text).place == "内蒙古自治区"


def test_no_place_named(tmp_path):
    assert meta_of(tmp_path, lines("全市就业形势保持总体稳定", BODY)).place is None


def test_place_in_furniture_is_not_counted(tmp_path):
    text = lines(
        "草原生态保护工作取得新成效",
        "达茂旗新建围栏3.5万亩。",
        "地址：包头市昆都仑区钢铁大街",
        "Copyright © 包头市人民政府 版权所有",
    )
    assert meta_of(tmp_path, text).place == "达尔罕茂明安联合旗"


# --- HTML head -------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<meta name="PubDate" content="2024-12-11 09:30">
<title>全市就业形势保持总体稳定_包头市人民政府</title>
</head><body>
<div id="zoom">
<p>工作动态</p>
<p>发布时间：2024-12-01 来源：市人社局</p>
<p>今年全市城镇新增就业3.2万人，完成年度目标的108%。2024年全市就业形势保持总体稳定。</p>
</div>
</body></html>
"""


def test_html_head_gives_title_and_published(tmp_path):
    meta = meta_of(tmp_path, PAGE, "page.html")
    assert meta.title == "全市就业形势保持总体稳定"
    assert meta.published == "2024-12-11"
    assert meta.source == "市人社局"


# --- lines about the document: no figures ------------------------------------------------------

@pytest.mark.parametrize("text, metadata, figures", [
    (lines("乌海市就业情况", "发布时间:2024年12月16日", BODY), ["发布时间:2024年12月16日"], ["3.2万人", "108%"]),
    (lines("乌海市就业情况", "来源:乌海日报 作者:张三 2024-12-16", BODY), ["来源:乌海日报 作者:张三 2024-12-16"],
     ["3.2万人", "108%"]),
    (lines("乌海市就业情况", "新华社呼和浩特12月16日电(记者 张三 李四)全市城镇新增就业3.2万人。"),
     ["新华社呼和浩特12月16日电(记者 张三 李四)"], ["3.2万人"]),
    (lines("乌海市就业情况", "本报讯(通讯员 王五)全市城镇新增就业3.2万人。", "本报记者 赵六 2024年12月"),
     ["本报讯(通讯员 王五)", "本报记者 赵六 2024年12月"], ["3.2万人"]),
    (lines("乌海市就业情况", "记者从市人社局了解到，全市城镇新增就业3.2万人。"), [], ["3.2万人"]),
])
def test_date_source_byline_and_dateline_are_metadata(tmp_path, text, metadata, figures):
    from claims.extract import extract_claims

    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    (doc,) = load_documents([path])
    assert [doc.text[start:end] for start, end in doc.meta.lines] == metadata
    assert [claim.text for claim in extract_claims(doc)] == figures
