"""The open-element stack of sources/html.py: implied ends and end tags close what browsers close,
found without walking the stack (issue 17: linear reading for any nesting)."""
from __future__ import annotations

import gc
import time

from sources.html import _rules, _TreeBuilder, extract_html


def _tree(markup: str) -> list[tuple[str, str, int, int]]:
    """(tag, parent tag, start, end) of every element, in document order."""
    builder = _TreeBuilder(markup, _rules())
    builder.build()
    return [(e.tag, e.parent.tag, e.start, e.end) for e in builder.elements[1:]]


def test_an_item_inside_a_nested_list_leaves_the_outer_item_open():
    markup = "<ul><li>一<ul><b><li>二</li><li>三</li></ul>四</li><li>五</ul>"
    assert _tree(markup) == [
        ("ul", "#root", 0, 52), ("li", "ul", 4, 42), ("ul", "li", 9, 36), ("b", "ul", 13, 36),
        ("li", "b", 16, 21), ("li", "b", 26, 31), ("li", "ul", 47, 52),
    ]
    assert extract_html(markup).text == "一\n二\n三\n四\n五"


def test_a_block_closes_the_paragraph_through_inline_elements():
    assert _tree("<p>甲<b><i>乙<div>丙</div>丁</p>戊") == [
        ("p", "#root", 0, 11), ("b", "p", 4, 11), ("i", "b", 7, 11), ("div", "#root", 11, 17),
    ]


def test_an_end_tag_closes_its_innermost_open_element_and_a_stray_one_nothing():
    assert _tree("<i>甲<b><i>乙</i>丙</u></i>丁") == [
        ("i", "#root", 0, 20), ("b", "i", 4, 20), ("i", "b", 7, 11),
    ]


def _cost(markup: str) -> float:
    extract_html(markup[:2000])  # warm
    gc.collect()
    started = time.process_time()
    extract_html(markup)
    return time.process_time() - started


def test_list_items_behind_a_nested_list_cost_linear_time():
    # Each <li> looks for an open <li> to close; the one open lies behind <ul> and thousands of
    # open <b>: a walk down the stack took 4.4 s for 8,000 (0.3 s for 2,000).
    def page(n: int) -> str:
        return "<html><body><li><ul>" + "<b><li>全市3个</li>" * n

    small, large = _cost(page(2_000)), _cost(page(8_000))
    assert large < 8 * max(small, 0.02), (small, large)


def test_terms_and_cells_behind_a_nested_list_or_table_cost_linear_time():
    pages = {  # the open <dt> behind an inner <dl>, the open <td> behind an inner <tr>: 4.4 and 4.2 s
        "terms": lambda n: "<html><body><dl><dt>甲<dl>" + "<b><dt>全市3个</dt>" * n,
        "cells": lambda n: "<html><body><table><tr><td><table><tr>" + "<i><td>全市3个</td>" * n,
    }
    for name, page in pages.items():
        small, large = _cost(page(2_000)), _cost(page(8_000))
        assert large < 8 * max(small, 0.02), (name, small, large)
