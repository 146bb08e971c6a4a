"""Reading and extraction take time in proportion to the text, whatever its shape (issue 17):
four times the text takes about four times as long, not sixteen."""
from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from claims.extract import extract_claims
from sources.reader import document_from_text

SHAPES = {  # one long sentence of figures; a page of unclosed and of stray tags; figures without punctuation
    "many-figures-one-sentence": ("今年", "1万、", "。", "text"),
    "unclosed-spans": ("<html><body><p>", "<span>全市3个", "</p></body></html>", "html"),
    "stray-end-tags": ("<html><body><p>", "</span>全市3个", "</p></body></html>", "html"),
    "figures-without-punctuation": ("全市", "建成食堂3个", "", "text"),
    "letters-without-end": ("", "x", "", "text"),  # a code or e-mail address tried at every letter
    "dotted-letters": ("", "a.", "", "text"),  # a domain name tried at every label
    "dotted-digits": ("", "1.", "", "text"),  # a version number tried at every digit
    "dense-run": ("今年", "3个", "", "html"),  # a figure every two characters, read with shared context

}


@contextmanager
def _own_heap() -> Iterator[None]:
    """The collector sees only what the measured call allocates: the objects the suite's other
    tests left are frozen, so a collection's cost does not grow with them."""
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _cost(shape: tuple[str, str, str, str], repeats: int) -> float:
    head, unit, tail, fmt = shape
    with _own_heap():
        started = time.process_time()  # CPU time: other processes on the machine do not count
        extract_claims(document_from_text(head + unit * repeats + tail, fmt=fmt))
        return time.process_time() - started


@pytest.mark.parametrize("name", SHAPES)
def test_four_times_the_text_costs_about_four_times(name):
    _cost(SHAPES[name], 200)  # warm the caches and vocabularies
    small, large = _cost(SHAPES[name], 2_000), _cost(SHAPES[name], 8_000)
    assert large < 8 * max(small, 0.02), (small, large)


def _check_cost(shape: tuple[str, str, str, str], repeats: int) -> float:
    import pipeline
    from checks.config import Config

    head, unit, tail, fmt = shape
    claim_set = pipeline.extract([document_from_text(head + unit * repeats + tail, fmt=fmt)])
    with _own_heap():
        started = time.process_time()
        pipeline.check(claim_set, Config())
        return time.process_time() - started


CHECKED = {  # a line of Chinese text without a sentence end (the publication signal's sentences)
    "hanzi-without-end": ("", "全市", "", "text"),
    "figures-without-punctuation": SHAPES["figures-without-punctuation"],
    "dense-run": ("今年", "3个", "", "html"),  # a figure every two characters: IO03's shared reading (claims.dense)
}


@pytest.mark.parametrize("name", CHECKED)
def test_checking_four_times_the_text_costs_about_four_times(name):
    _check_cost(CHECKED[name], 200)  # warm the caches (and the expectation suites' import)
    small, large = _check_cost(CHECKED[name], 2_500), _check_cost(CHECKED[name], 10_000)
    assert large < 8 * max(small, 0.05), (small, large)
