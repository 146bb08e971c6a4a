"""Messages name a document by its outlet, title or date, as the document states them."""
from __future__ import annotations

from sources.naming import names
from sources.reader import document_from_text


def _names(*texts: str) -> list[str]:
    documents = [document_from_text(text, doc_id=f"d{i}", path=f"d{i}.txt") for i, text in enumerate(texts)]
    return list(names(documents).values())


def test_the_outlet_and_the_date():
    assert _names("来源:乌海日报  作者:张三\n发布时间:2024-12-16\n全市建成17个生活圈。") == ["乌海日报 2024-12-16"]


def test_a_counter_or_time_stamp_after_the_outlet_is_cut():
    stamped = "来源:资讯内蒙古2023-04-19 13:37:13\n全市建成17个生活圈。"
    counted = "来源:央广网 评论:0\n全市建成17个生活圈。"
    assert _names(stamped, counted) == ["资讯内蒙古", "央广网"]


def test_a_magazine_issue_stays_in_the_name():
    assert _names("来源:《北疆民族》杂志2025年第1期\n全市建成17个生活圈。") == ["《北疆民族》杂志2025年第1期"]


def test_an_outlet_that_is_not_a_name_gives_way_to_the_title_or_the_stem():
    assert _names("来源:小罗代言米乐体育app 人气:1885\n全市建成17个生活圈。") == ["d0"]


def test_two_documents_that_would_share_a_name_keep_their_stems():
    assert _names("来源:乌海日报\n全市建成17个生活圈。", "来源:乌海日报\n全市建成14个生活圈。") == ["d0", "d1"]
