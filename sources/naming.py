"""What to call a document in a message: its outlet, title or date, as the document states them.

An editor knows 新华社 2023-04-27 or 《乌海市2024年社区服务与民生保障工作情况报告》, not the file
stem ``b_xinhua_2023q1``. A name is the outlet and the publication date when the document states
an outlet, else its title (shortened, bracketed notes dropped; a title with a comma is a sentence, not a
title) and date, else the date alone beside the file stem, else the
file stem. An outlet is kept only when it reads as a name: Han characters and book-title marks,
at most ``MAX_OUTLET`` long once a trailing time stamp or counter (评论:0, 人气:1885) is cut.
Names are unique in a run: two documents that would share one keep their file stems.
"""
from __future__ import annotations

import re
from collections import Counter

from sources.document import Document

MAX_OUTLET = 16
MAX_TITLE = 18
_TRAILING = re.compile(r"[\s(（)）]*(?:\d{4}[-./]\d.*|\d{4}年\d.*|\S*[:：]\s*\d+.*|[)）]+)$")
_NOTE = re.compile(r"\([^()]*\)|（[^（）]*）")
_SENTENCE_MARKS = re.compile(r"[,，。;；]")
_NAME = re.compile(r"[\u4e00-\u9fff《》〈〉·]+(?:\d{4}年第\d+期)?")


def outlet(doc: Document) -> str | None:
    """The outlet the document names, when it reads as a name (人民日报), else None."""
    source = (doc.meta.source or "").strip()
    while (cut := _TRAILING.sub("", source)) != source:
        source = cut.strip()
    return source if source and len(source) <= MAX_OUTLET and _NAME.fullmatch(source) else None


def name(doc: Document) -> str:
    """The document as a message names it (outlet date, 《title》 date, stem date, or stem)."""
    published = doc.meta.published or ""
    title = _NOTE.sub("", doc.meta.title or "").strip() or None
    if title and _SENTENCE_MARKS.search(title):
        title = None  # a first sentence taken for a title
    if source := outlet(doc):
        return " ".join(filter(None, (source, published)))
    if title:
        short = title if len(title) <= MAX_TITLE else title[:MAX_TITLE] + "…"
        return " ".join(filter(None, (f"《{short}》", published)))
    return " ".join(filter(None, (doc.id, published)))


def names(documents: list[Document]) -> dict[str, str]:
    """Each document's name by id; a name two documents would share falls back to the stem."""
    found = {doc.id: name(doc) for doc in documents}
    counts = Counter(found.values())
    return {doc_id: label if counts[label] == 1 else doc_id for doc_id, label in found.items()}
