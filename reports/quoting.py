"""Quoted context as a reader sees it: an HTML document's markup dropped and its entities decoded.

Offsets stay those of the original file (``original[start:end]``); only the quoted text is made
readable, so that a finding on an HTML input shows “17个” and not ``&ldquo;17个``.
"""
from __future__ import annotations

import html
import re

from sources.document import Document

_TAG = re.compile(r"<[^<>]*>")
_CUT_TAG_START = re.compile(r"^[^<]*>")  # a tag the window starts inside of
_CUT_TAG_END = re.compile(r"<[^>]*$")  # a tag the window ends inside of
_MARKUP_WINDOW = 20  # how many times the wanted characters of raw markup are read either side


def readable(doc: Document, start: int, end: int) -> str:
    """``doc.original[start:end]`` as text: for HTML without tags, entities decoded."""
    text = doc.original[start:end]
    return _plain(text) if doc.format == "html" else text


def context(doc: Document, start: int, end: int, around: int) -> tuple[str, str, str]:
    """The span's text and up to ``around`` readable characters either side of it."""
    text = doc.original
    if doc.format != "html":
        return text[max(0, start - around):start], text[start:end], text[end:end + around]
    reach = around * _MARKUP_WINDOW
    before = _plain(_CUT_TAG_START.sub("", text[max(0, start - reach):start]) if start > reach
                    else text[:start])
    after = _plain(_CUT_TAG_END.sub("", text[end:end + reach]))
    return before[-around:] if around else "", readable(doc, start, end), after[:around]


def _plain(markup: str) -> str:
    return html.unescape(_TAG.sub("", markup))
