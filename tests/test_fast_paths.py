"""The fast paths of reading and extraction (issue 15) give exactly what their plain definitions
give: place names found by their first two characters, period forms tried only on sentences
holding their gate word, sentence starts by splitting, common-letter shares by set operations,
the repair sample cut by one match, a table row's label read without copying its line, and
folding by a code-point table."""
from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from claims import sentences
from claims.extract import extract_claims
from claims.periods import _forms, _stated, period_words
from sources.decode import common_letters, level1_characters
from sources.gazetteer import load_gazetteer
from sources.normalize import fold
from sources.reader import document_from_text, expand_paths, read_document
from sources.repair import _NON_ASCII, _SAMPLE, _sample

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [doc.text for doc in (read_document(path, "x") for path in expand_paths([EXAMPLES])) if doc.ok]


def test_place_hits_are_every_occurrence_of_every_name(texts):
    gazetteer = load_gazetteer()
    surfaces = gazetteer._surfaces
    rng = random.Random(15)
    names = sorted(surfaces)
    mixed = "".join(rng.choice(names) + rng.choice(("", "的", "市场", "、", "1")) for _ in range(400))
    for text in [mixed, *texts]:
        expected = sorted((start, -len(name), surfaces[name]) for name in names
                          for start in range(len(text)) if text.startswith(name, start))
        assert gazetteer._hits(text) == expected


def _ungated(text: str, begin: int, end: int, year: int | None) -> list:
    """``_stated`` with every form tried on every sentence."""
    found = sorted(((m.start(), m.end(), period) for form in _forms() for m in form.pattern.finditer(text, begin, end)
                    if (period := form.build(m, year))), key=lambda item: (item[0], -item[1]))
    chosen = []
    for item in found:
        if not chosen or item[0] >= chosen[-1][1]:
            chosen.append(item)
    return chosen


def test_every_period_match_holds_its_forms_gate_word(texts):
    sample = "截至10月底、2023年以来、前三季度、1—9月、2021—2024年、十四五期间、春节假期、10月31日当天、上半年、近三年"
    checked = 0
    for text in [sample, *texts]:
        for form in _forms():
            for match in form.pattern.finditer(text):
                assert any(word in match.group() for word in form.gate), (form.build.__name__, match.group())
                checked += 1
        starts = sentences.starts(text)
        for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
            ungated = [item[:2] for item in _ungated(text, begin, end, 2024) if not _is_base(text, begin, item)]
            assert [item[:2] for item in _stated(text, begin, end, 2024)] == ungated
    assert checked > 50


def _is_base(text: str, begin: int, item: tuple) -> bool:
    """Whether a period is a base of comparison (比2020年), which ``_stated`` leaves out."""
    words = period_words().lists
    return text.endswith(words["base.before"], begin, item[0]) or text.startswith(words["base.after"], item[1])


def _plain_starts(text: str, ends: re.Pattern[str], longest: int | None) -> list[int]:
    found = [0] + [match.end() for match in ends.finditer(text)]
    if longest is None:
        return found
    cut = []
    for begin, end in zip(found, [*found[1:], len(text)], strict=True):
        cut += range(begin, max(begin + 1, end), longest)
    return cut


def test_sentence_starts_by_splitting_are_the_starts_after_each_end_mark():
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice("ab。,\n;、") for _ in range(rng.randrange(40)))
        for ends in (sentences.SENTENCE_END, sentences.CLAUSE_END):
            for longest in (None, 1, 2, 3, 7):
                assert sentences.starts(text, ends, longest) == _plain_starts(text, ends, longest), (text, longest)


def test_common_letters_count_as_one_character_at_a_time():
    common = level1_characters("gb18030")
    rng = random.Random(7)
    alphabet = "乌海市的齉龘αβ\ue000\ue123，。1aZ \u00e9ア"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(60)))
        letters = hits = 0
        for ch, count in Counter(text).items():
            if ch > "\x7f" and (ch.isalpha() or "\ue000" <= ch <= "\uf8ff"):
                letters += count
                hits += count if ch in common else 0
        assert common_letters(text, common) == (hits, letters)


def test_repair_sample_ends_at_the_last_of_the_first_non_ascii_characters():
    rng = random.Random(11)
    for size in (0, 3, _SAMPLE - 1, _SAMPLE, _SAMPLE + 1, 3 * _SAMPLE):
        text = "".join(rng.choice(("<p>", "中", "é", "x", "\n")) for _ in range(2 * size))
        positions = [match.end() for match in _NON_ASCII.finditer(text)][:_SAMPLE]
        assert _sample(text) == (text[:positions[-1]] if positions else "")
    assert _sample("a" * 50_000) == ""


def test_a_table_row_label_is_read_on_a_long_document_and_not_elsewhere():
    rows = "| 指标 | 数值 |\n|---|---|\n| 居民满意度 | 96.5% |\n  | 社区食堂 | 12个 |\n"
    doc = document_from_text("全市建成食堂3个。" * 300 + "\n" + rows, fmt="markdown")
    labelled = {claim.text: claim.subject for claim in extract_claims(doc)}
    assert labelled["96.5%"] == "居民满意度"
    assert labelled["12个"] == "社区食堂"
    assert labelled["3个"] == "食堂"


def test_folding_by_a_code_point_table_is_folding_by_the_mapping():
    mapping = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    mapping.update({ord(ch): " " for ch in "\u00a0\u3000\u2009\ufeff"} | {ord(ch): "-" for ch in "\u2010\u2212"})
    mapping[0xFE6A] = "%"
    text = "全市ＧＤＰ增长５．５％，\u3000１—９月\u2212３\u2009人\ufe6a😀𠀀\U0010ffff" * 50
    assert fold(text) == text.translate(mapping)
    assert fold(text).startswith("全市GDP增长5.5%, 1—9月-3 人%😀𠀀")
