"""A draft restating a source, reordered and in Traditional script, with figures changed.

Each changed figure must be flagged as a conflict with the source, and the draft must add no
other finding.
"""
from __future__ import annotations

import random
import re
from pathlib import Path

import opencc
import pytest

import pipeline
from checks.config import Config
from sources.reader import document_from_text

SOURCE = Path(__file__).resolve().parents[1] / "examples" / "wuhai_work_report.txt"
CHANGES = {"改造老旧小区279个": "改造老旧小区297个", "居民满意度达90.65%": "居民满意度达93.65%",
           "缺工8216人": "缺工8612人"}


def make_draft(source: str, seed: int) -> str:
    """Sentences of each paragraph shuffled, figures changed, then converted to Traditional."""
    for old, new in CHANGES.items():
        assert source.count(old) == 1, old
        source = source.replace(old, new)
    paragraphs = []
    for paragraph in source.split("\n"):
        sentences = re.findall(r"[^。]+。?", paragraph)
        random.Random(seed).shuffle(sentences)
        paragraphs.append("".join(sentences))
    return opencc.OpenCC("s2t").convert("\n".join(paragraphs))


def findings(*texts: str):
    documents = [document_from_text(text, doc_id=f"d{i}", path=f"d{i}.txt") for i, text in enumerate(texts)]
    return documents, pipeline.check(pipeline.extract(documents), Config(language="en")).findings


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_each_changed_figure_is_a_conflict_and_nothing_else_is_new(seed):
    source = SOURCE.read_text(encoding="utf-8")
    draft = make_draft(source, seed)
    _, alone = findings(source)
    documents, together = findings(source, draft)
    draft_doc = documents[1]
    before = {(f.rule, f.doc, f.start) for f in alone}
    new = [f for f in together if f.doc == "d1" or (f.rule, f.doc, f.start) not in before]
    flagged = sorted((f.rule, draft_doc.original[f.start:f.end]) for f in new)
    assert flagged == [("RS01", "297個"), ("RS01", "8612人"), ("RS01", "93.65%")], [f.message for f in new]
    assert all(f.related and f.related[0].doc == "d0" for f in new)
