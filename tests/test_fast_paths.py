"""The fast paths of reading and extraction (issue 15) give exactly what their plain definitions
give: place names found in one Aho-Corasick pass, period forms tried only on sentences holding
one of their gate words, sentence starts by splitting, common-letter shares by code-point tables,
the repair sample cut by one match, a table row's label read without copying its line, folding
by a code-point table, furniture lines matched only where one of their patterns starts (those
led by ^ searched as one), the main year's pattern led by its digit, the framing and subject
caches shared across documents, a document's sentence and clause records made once each, and
the copyright words searched by a cased first letter."""
from __future__ import annotations

import pickle
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from claims import framing, sentences, subject
from claims.claim import Segment
from claims.context import DocumentContext
from claims.extract import extract_claims
from claims.periods import _forms, _stated, _stated_around, period_words
from sources import boilerplate, metadata
from sources.decode import common_letters, level1_characters
from sources.gazetteer import load_gazetteer
from sources.letters import ascii_letters, code_points, end_of_first
from sources.normalize import fold
from sources.reader import document_from_text, expand_paths, read_document
from sources.repair import _NON_ASCII, _SAMPLE, _common, _sample, common_share

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [doc.text for doc in (read_document(path, "x") for path in expand_paths([EXAMPLES])) if doc.ok]


def test_place_hits_are_every_occurrence_of_every_name(texts):
    gazetteer = load_gazetteer()
    surfaces = gazetteer._surfaces
    rng = random.Random(15)
    names = sorted(surfaces)
    mixed = "".join(rng.choice(names) + rng.choice(("", "的", "市场", "、", "1", "😀", "𠀀𠀁")) for _ in range(400))
    copy = pickle.loads(pickle.dumps(gazetteer))  # the automaton is built again, not pickled
    for text in [mixed, *texts]:
        expected = sorted((start, -len(name), surfaces[name]) for name in names
                          for start in range(len(text)) if text.startswith(name, start))
        assert gazetteer._hits(text) == expected
        assert copy._hits(text) == expected


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


def test_periods_read_from_a_sentence_cut_out_are_the_periods_read_in_its_whole_text(texts):
    """``_stated`` reads a sentence with what its patterns look at around it, cached across
    documents; in any surroundings that is what reading it inside the whole text gives."""
    rng = random.Random(29)
    sentences_ = ["截至10月底累计完成1200户", "近三年新增就业3.1万人", "2021—2024年改造小区", "比2020年同期增长5%",
                  "今年上半年接待游客", "1—9月实现产值", "十四五期间新建学校", "接近5年的建设", "2023年以来"]
    around = ["", "1", "二", ".", "接", "接近", "最", "同期", "年", "月", "比", "。", "\n", "乌海市", "十"]
    for _ in range(3000):
        sentence = rng.choice(sentences_)
        head, tail = rng.choice(around) + rng.choice(around), rng.choice(around) + rng.choice(around)
        text = head + sentence + tail
        begin, end = len(head) + rng.randrange(2), len(head) + len(sentence) - rng.randrange(2)
        year = rng.choice((None, 2024))
        assert _stated(text, begin, end, year) == list(_stated_around.__wrapped__(text, begin, end, year)), text


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


def _plain_share(text: str) -> tuple[float, int, int]:
    """``common_share`` counted one character at a time."""
    def share(sample: str) -> tuple[float, int]:
        letters = [ch for ch in _NON_ASCII.findall(sample) if ch.isalpha() or "\ue000" <= ch <= "\uf8ff"]
        hits = sum(ch in _common() for ch in letters)
        return (hits / len(letters) if letters else 1.0), len(letters)

    head = text[:600]
    found, letters = share(head)
    if letters >= 120 and found >= 0.9:
        return found, letters, len(re.findall("[A-Za-z]", head))
    sample = _sample(text)
    return (*share(sample), len(re.findall("[A-Za-z]", sample)))


def test_common_shares_by_code_point_tables_are_the_shares_counted_by_character(texts):
    rng = random.Random(13)
    alphabet = "乌海市的齉龘烏αβ\ue000，。1aZ é\u00e9ア😀𠀀\ud800\n<>"
    samples = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(3000))) for _ in range(200)]
    samples += ["中" * 700, "a" * 50 + "中" * 119 + "齉" * 3, "", "abc"]
    for text in [*samples, *texts]:
        assert common_share.__wrapped__(text) == _plain_share(text)
        codes = code_points(text)
        assert len(codes) == len(text)
        assert ascii_letters(codes) == len(re.findall("[A-Za-z]", text))
        assert text[:end_of_first(codes, _SAMPLE)] == _sample(text)


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
    assert fold("\ud800１\udfff") == "\ud800" + "1" + "\udfff"  # a lone surrogate stays itself
    assert fold("") == ""


def test_furniture_lines_are_the_matches_of_the_whole_pattern_line_by_line(texts):
    rules = boilerplate._rules()
    rng = random.Random(17)
    pieces = ["地址:", "电 话:", "\n", "\n\n", "  ", "版权所有", "ICP备12号", "字号:大中小", "联系我们", "。",
              "普通文字", "您的位置:", "Copyright", "公网安备1", "责任编辑:张", "分享到", "a" * 90, "\t"]
    mixes = ["".join(rng.choice(pieces) for _ in range(rng.randrange(14))) for _ in range(3000)]
    for text in [*mixes, *texts]:
        expected = list(rules.pattern.finditer(text))
        found = boilerplate._line_matches(text, rules)
        assert [(m.span(), m.group("always")) for m in found] == [(m.span(), m.group("always")) for m in expected]


def test_the_main_year_pattern_led_by_its_digit_is_the_pattern_led_by_its_lookbehind(texts):
    plain = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=年|\s*[-/.]\s*\d{1,2}\s*[-/.])")
    rng = random.Random(19)
    mixes = ["".join(rng.choice(["1", "2", "9", "0", "19", "20", "年", "-", " ", "/", "3", "x", "１"])
                     for _ in range(rng.randrange(30))) for _ in range(5000)]
    for text in [*mixes, *texts]:
        assert [m.span(1) for m in metadata._YEAR.finditer(text)] == [m.span(1) for m in plain.finditer(text)]


def _clear_shared_caches() -> None:
    framing._framing.cache_clear()
    subject.preceding.cache_clear()


def test_claims_read_with_warm_caches_are_the_claims_read_with_cold_ones():
    """The framing and subject caches are shared across documents: a document read after all the
    others have filled them gives the claims it gives read first."""
    docs = [doc for doc in (read_document(path, f"d{i}") for i, path in enumerate(expand_paths([EXAMPLES]))) if doc.ok]
    clauses = ["全市新建社区食堂12个", "其中,城区9个", "计划改造老旧小区300个", "同比增长5.2%", "累计接待游客86万人次",
               "已完成投资3.4亿元", "新设民营企业1200户", "日均客流1.5万人次", "截至10月底", "较上年提高2.8个百分点"]
    rng = random.Random(23)
    for number in range(6):
        picked = rng.sample(clauses, 6)
        text = "".join(f"{rng.choice(['', '乌海市', '全区', '2023年', '上半年'])}{clause}{rng.choice([',', '。', ';'])}"
                       for clause in picked)
        docs.append(document_from_text(text, f"t{number}"))
    shared = 0
    for doc in docs:
        _clear_shared_caches()
        cold = extract_claims(doc)
        _clear_shared_caches()
        for other in docs:
            if other is not doc:
                extract_claims(other)
        hits = framing._framing.cache_info().hits + subject.preceding.cache_info().hits
        assert extract_claims(doc) == cold
        shared += framing._framing.cache_info().hits + subject.preceding.cache_info().hits - hits
    assert shared > 20  # the documents made here share clauses


def test_a_documents_segments_are_read_once_and_are_the_segments_of_the_plain_definition(texts):
    rng = random.Random(29)
    pieces = ["今年", "3个", "。", ",", ";", "\n", "乌海市", "增长5%", "!"]
    made = ["".join(rng.choice(pieces) for _ in range(rng.randrange(40))) for _ in range(300)]
    for text in [*texts, *[t for t in made if t.strip()]]:
        context = DocumentContext.of(document_from_text(text, "s"))
        for position in range(0, len(text), 7):
            for starts, read in ((context.sentence_starts, context.sentence), (context.clause_starts, context.clause)):
                segment = read(position)
                assert segment == Segment(*sentences.segment(text, starts, position))
                assert read(segment.start) is segment  # the same record for every figure of the segment


def test_the_copyright_pattern_with_its_first_letter_cased_is_the_case_blind_words():
    short = boilerplate.toml_data("sources", "boilerplate.toml")["skip_lines"]["short"]
    data = re.compile(next(p for p in short if "opyright" in p))
    plain = re.compile("(?i:copyright|all rights reserved)|版权所有|©")
    rng = random.Random(31)
    letters = "copyrightCOPYRIGHTallrsevdALLRSEVD ſK版权所有©x"
    for _ in range(5000):
        text = "".join(rng.choice([*letters, "copyright", "All Rights Reserved", "COPYright", "aLL rIGHTS reſerved"])
                       for _ in range(rng.randrange(12)))
        assert [m.span() for m in data.finditer(text)] == [m.span() for m in plain.finditer(text)]
