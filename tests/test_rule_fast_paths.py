"""The fast paths of the per-document rules (issue 15) give exactly what their plain definitions
give: a pattern tried only where its first characters stand and on texts holding what it needs
(``checks.first_characters``; the spam lexicon, the usage patterns), the
rare characters of a text by set difference with the plain ones, the publication test stopping at
its third prose line, the characters of each script found by one pattern, technical text told by
its unit symbols counted first."""
from __future__ import annotations

import random
import re
import tomllib
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]

import pytest

from checks.config import Config
from checks.engine import selected_rules
from checks.first_characters import finditer, required, scan, seeker, starts
from checks.integrity import gloss, mixed_script, mojibake, spam
from checks.integrity._text import original_lines
from checks.publication import _settings, is_publication, signal
from checks.usage import fixed_expression, unit_symbol_space
from checks.usage._pattern import MixedStyleRule, PatternRule
from sources.normalize import GLOSS
from sources.reader import document_from_text, expand_paths, read_document
from vocab.files import data_lines

EXAMPLES = Path(__file__).parents[1] / "examples"
FIXTURES = Path(__file__).parent / "fixtures" / "rules"


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """The examples, and every fixture document of the integrity and usage rules."""
    found = [doc.text for doc in (read_document(path, "x") for path in expand_paths([EXAMPLES])) if doc.ok]


    for path in sorted(FIXTURES.glob("*.toml")):
        for case in tomllib.loads(path.read_text("utf-8")).get("case", []):
            found += [text for text in case.get("documents", []) if isinstance(text, str)]
    return found


@pytest.mark.parametrize("pattern, flags, expected", [
    ("abc", 0, "[a]"),
    ("[x-z]q|b", 0, "[bx-z]"),
    ("(?:网上|线上)?投注", 0, "[投线网]"),
    (r"(?<![A-Za-z])\d+", 0, r"[\d]"),
    ("(?=(?P<a>百家乐)|(?P<b>bet))", re.IGNORECASE, "[b百]"),
    (r"^\s*(?:来源|作者)", 0, r"[\s作来]"),
    ("a*b", 0, "[ab]"),
])
def test_first_characters_of_a_pattern(pattern: str, flags: int, expected: str) -> None:
    gate = starts(re.compile(pattern, flags))
    assert gate is not None and gate.pattern == expected and gate.flags == re.compile(pattern, flags).flags


@pytest.mark.parametrize("pattern", [".b", "[^a]b", "a*", "(?:a|.)b", r"\b", "a|", "(?i:a)b"])
def test_first_characters_that_cannot_be_bounded(pattern: str) -> None:
    assert starts(re.compile(pattern)) is None


@pytest.mark.parametrize("pattern, expected", [
    ("abc", ["[a]", "[b]", "[c]"]),
    (r"(?<![\d.])(?P<low>\d+)\s*[~至]\s*\d+(?:万|亿)?", [r"[\d]", r"[\~至]"]),
    ("x?(?:ab|cd)+", ["[ac]", "[bd]"]),
    ("[0-9]{2}(?:娱乐|平台)|[0-9]{3}世纪", ["[0-9]", "[乐台纪]"]),
    (r"(?=.*±)\d", ["[±]", r"[\d]"]),
    ("a*|b", []),
])
def test_what_a_match_needs(pattern: str, expected: list[str]) -> None:
    assert [needed.pattern for needed in required(re.compile(pattern))] == expected


def test_mixed_widths_are_not_scanned() -> None:
    assert starts(re.compile("(?=a)|a")) is None and starts(re.compile("(?=a)")) is not None


def test_a_case_folding_gate_folds_as_its_pattern() -> None:
    pattern = re.compile("(?=bet365|k)", re.IGNORECASE)
    gate = starts(pattern)
    for text in ("BET365", "Bet365", "\u212a", "K", "bEt365"):  # U+212A KELVIN SIGN folds to k
        assert bool(pattern.match(text)) == bool(gate.match(text)) is True


@pytest.mark.parametrize("pattern, flags, text, expected", [
    (r"(?<![\d.])\d+年", 0, "2024年与1.5年、19年", [(0, 5), (11, 14)]),
    ("(?=(?P<a>百家乐)|(?P<b>家乐))", 0, "百家乐家乐", [(0, 0), (1, 1), (3, 3)]),
    ("(?=bet|b)", re.IGNORECASE, "BETb", [(0, 0), (3, 3)]),
    (r"\d+  # digits, then a comment", re.VERBOSE, "a12b3", [(1, 3), (4, 5)]),
    (r"[\s,]\d", 0, "1\n2,3", [(1, 3), (3, 5)]),
    (r"^\d", re.MULTILINE, "1\n2 3", [(0, 1), (2, 3)]),
])
def test_a_seeker_finds_what_finditer_finds(pattern: str, flags: int, text: str, expected: list) -> None:
    compiled = re.compile(pattern, flags)
    seek = seeker(compiled)
    assert seek is not None and seek.pattern.startswith(starts(compiled).pattern)
    assert [m.span() for m in scan(compiled, seek, text)] == [m.span() for m in compiled.finditer(text)] == expected


def test_no_seeker_where_a_lookbehind_cannot_hold_the_pattern() -> None:
    pattern = re.compile(r"(?P<d>\d)(?P=d)")  # a backreference may not stand in a lookbehind
    assert starts(pattern) is not None and seeker(pattern) is None
    assert [m.span() for m in scan(pattern, None, "1223")] == [(1, 3)]
    assert seeker(re.compile(".b")) is None


def _spam_patterns() -> list[re.Pattern[str]]:
    return [spam.lexicon().terms, spam._CODE, spam._DIGITS, spam._LATIN_BRAND, spam._URL]


def test_every_spam_pattern_has_a_gate() -> None:
    assert all(starts(pattern) is not None for pattern in _spam_patterns())


def test_scanning_from_first_characters_is_finditer(texts):
    rng = random.Random(15)
    alphabet = "".join(sorted(set("".join(texts)))) + "bet365AGManBetX娱乐平台登录世纪百家乐真人"
    mixed = ["".join(rng.choice(alphabet) for _ in range(200)) for _ in range(200)]
    mixed += ["详见HTTPS://Bet.example.com/x，", "访问www.gov.cn。", "wwwhttp://", "Www.a1/"]
    for pattern in _spam_patterns():
        gate, seek = starts(pattern), seeker(pattern)
        for text in [*texts, *mixed]:
            expected = [(m.span(), m.lastgroup, m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.span(), m.lastgroup, m.groupdict()) for m in scan(pattern, seek, text)] == expected
            assert [(m.span(), m.lastgroup, m.groupdict()) for m in finditer(pattern, text)] == expected
            assert all(gate.match(text, m.start()) for m in pattern.finditer(text))
            if pattern in (spam._CODE, spam._LATIN_BRAND):
                assert all(spam._LETTER.search(m.group()) for m in pattern.finditer(text))


def test_rare_characters_are_the_suspicious_ones(texts):
    rng = random.Random(15)
    mixed = "".join(chr(rng.choice([rng.randrange(0x20, 0x3000), rng.randrange(0x3000, 0x10000),
                                    rng.randrange(0x10000, 0x30000)])) for _ in range(20_000))
    for text in [mixed, *texts]:
        assert mojibake.rare_characters(text) == {ch for ch in set(text) if mojibake.suspicious(ch)}


def test_a_character_that_may_be_rare_is_any_but_the_plain_ones():
    maybe_rare = mojibake._maybe_rare()
    for code in [*range(0x10000), 0x10000, 0x20000, 0x10FFFF]:
        ch = chr(code)
        assert bool(maybe_rare.fullmatch(ch)) is (ch not in mojibake._plain()), hex(code)
        assert not mojibake.suspicious(ch) or maybe_rare.fullmatch(ch)


def test_damage_marks_all_start_at_a_question_mark(texts):
    gate = starts(mojibake._DAMAGE)
    assert gate is not None and gate.pattern == r"[\?]"
    lines = [line for text in texts for line in text.splitlines()] + ["魯?shù)", "全市?!新建", "鄂尔多斯?,", "?(lái)"]
    assert sum(bool(mojibake._DAMAGE.search(line)) for line in lines) >= 4
    for line in lines:
        assert [m.span() for m in finditer(mojibake._DAMAGE, line)] == \
            [m.span() for m in mojibake._DAMAGE.finditer(line)]


_SHAPES = ["2024-03-01 08:00:01 INFO 开始导入", "return (new - old) / old", "城东,120.5,128.3,6.5%", "- 找老王确认场地",
           "刘芳: 9点半", "今年计划改造老旧小区46个,目前已开工41个。", "表1 主要农产品产量", "", "12 34 56",
           "全年新增城镇就业人员1.2万人,城镇登记失业率控制在3.1%以内,社会大局保持和谐稳定。", "x = 3"]


def _plain_publication(text: str) -> bool:
    settings, found = _settings(), signal(document_from_text(text, doc_id="d"))
    prose = dict(found.shapes).get("prose", 0)
    return not (found.lines >= settings.min_lines and found.shaped >= settings.shaped_share * found.lines
                and found.prose_share < settings.prose_share and prose < settings.prose_lines)


def test_the_publication_test_is_its_plain_definition(texts):
    rng = random.Random(15)
    mixed = ["\n".join(rng.choice(_SHAPES) for _ in range(rng.randint(1, 14))) for _ in range(400)]
    verdicts = []
    for text in [*texts, *mixed]:
        verdicts.append(is_publication(document_from_text(text, doc_id="d")))
        assert verdicts[-1] == _plain_publication(text), text
    assert verdicts.count(False) > 20 and verdicts.count(True) > 20


def test_script_classes_hold_the_characters_of_each_script():
    classes = mixed_script.script_classes()
    for code in range(0x3400, 0x10000):
        if not 0xD800 <= code <= 0xDFFF:
            ch = chr(code)
            assert [script for script, pattern in classes.items() if pattern.fullmatch(ch)] == \
                ([mixed_script.script_of(ch)] if mixed_script.script_of(ch) else []), ch
    assert classes["T"].search("海勃灣區") and classes["S"].search("海勃湾区") and not classes["T"].search("海勃湾区")


def test_a_text_has_no_more_quantities_than_ends_of_one(texts):
    rng = random.Random(15)
    pieces = ["5 kg", "12 345 mm", "3.5km/h", "20 ℃", "30 °", "0.5 A", "5A级", "4K", "12V", "，", "长度为", "m²", "1"]
    mixed = ["".join(rng.choice(pieces) for _ in range(60)) for _ in range(300)]
    counts = []
    for text in [*texts, *mixed]:
        doc = document_from_text(text, doc_id="d")
        counts.append(len(unit_symbol_space.quantities(doc)))
        assert counts[-1] <= len(unit_symbol_space._ends().findall(doc.text)), text
    assert max(counts) >= 8


def _usage_patterns() -> list[re.Pattern[str]]:
    found = []
    for rule in selected_rules(Config()):
        if isinstance(rule, PatternRule):
            found.append(rule.pattern())
        elif isinstance(rule, MixedStyleRule):
            found.append(rule.marks)
    return found


def test_usage_patterns_are_found_where_they_start_in_texts_that_hold_what_they_need(texts):
    patterns = _usage_patterns()
    assert len(patterns) >= 12 and all(required(pattern) for pattern in patterns)
    rng = random.Random(15)
    pieces = ["9~16亿", "15~30%", "3万5千", "二〇二四", "1,234,567", "0.5", ".5", "2.5±0.1 mm", "3×4 m", "3x4米",
              "第1", "零点五", "1 234", "，", "全市", "年", "百分之", "1—3", "1–3", "24小时", "七八十"]
    mixed = ["".join(rng.choice(pieces) for _ in range(40)) for _ in range(300)]
    found = 0
    for pattern in patterns:
        needed, seek = required(pattern), seeker(pattern)
        assert seek is not None, pattern.pattern
        for text in [*texts, *mixed]:
            expected = [match.span() for match in pattern.finditer(text)]
            found += bool(expected)
            assert [match.span() for match in scan(pattern, seek, text)] == expected
            assert [match.span() for match in finditer(pattern, text)] == expected
            assert not expected or all(character.search(text) for character in needed)
    assert found > 300


def test_a_line_without_spam_items_has_no_keyword_line_title_or_run(texts):
    lines = [line for text in texts for line in text.splitlines()] + ["《最新官网》", "百家乐 真人 娱乐城 ♈"]
    for line in lines:
        assert spam._keyword_line(line, []) is None and not list(spam._fake_titles(line, [])) and not spam._runs([])
    assert any(spam._items(line) for line in lines)


def _plain_glosses(doc) -> tuple[list[tuple[int, int]], int]:
    by_line = [[(offset + m.start(), offset + m.end()) for m in GLOSS.finditer(line)]
               for offset, line in original_lines(doc)]
    return [span for found in by_line for span in found], sum(bool(found) for found in by_line)


def test_glosses_found_in_one_pass_are_those_of_each_line(texts):
    rng = random.Random(15)
    pieces = ["來(lái)", "堅(jiān)", "(村)", "社区", "\n", "\r\n", "\r", "\n\n", "  ", "36个", "(lái", "ǎ)", "。"]
    mixed = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))) for _ in range(400)]
    counts = []
    for text in [*texts, *mixed]:
        for fmt in ("text", "html"):
            doc = document_from_text(f"<p>{text}</p>" if fmt == "html" else text, doc_id="d", fmt=fmt)
            counts.append(gloss._glosses(doc))
            assert counts[-1] == _plain_glosses(doc), text
    assert max(lines for _, lines in counts) >= 5 and sum(not spans for spans, _ in counts) > 20


def test_a_line_is_repaired_only_with_rare_characters_beside_its_glosses(texts):
    maybe_rare = mojibake._maybe_rare()
    lines = [line for text in texts for line in text.splitlines()]
    lines += ["來(lái)", "來(lái)绾㈢煶", "(村)ǎ", "(ǎ", "ǎ)", "鐭虫Υ绫(lái)"]
    rare_besides = 0
    for line in lines:
        blanked = GLOSS.sub(lambda m: " " * len(m.group()), line)
        assert bool(maybe_rare.search(GLOSS.sub("", line))) is bool(maybe_rare.search(blanked)), line
        rare_besides += bool(maybe_rare.search(blanked)) and "(" in line
    assert rare_besides >= 3


def test_script_counts_are_those_of_each_character(texts):
    rng = random.Random(15)
    pieces = ["海勃灣區", "海勃湾区", "發展", "发展", "𠀋", "群", "乾", "abc", "，", "2024年", "\U0002a6a9"]
    mixed = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    seen = set()
    for text in [*texts, *mixed]:
        plain = {"T": 0, "S": 0}
        for ch in text:
            if script := mixed_script.script_of(ch):
                plain[script] += 1
        assert mixed_script._counts(text) == plain, text
        assert list(mixed_script._counts(text)) == ["T", "S"]
        seen.add((plain["T"] > 0, plain["S"] > 0, bool(mixed_script._ASTRAL.search(text))))
    assert {(True, True, True), (True, True, False)} <= seen


def _plain_injections(doc) -> list:
    skip = list(doc.skip)
    found = []
    for offset, line in spam.text_lines(doc):
        if not spam.overlaps(skip, offset, offset + len(line)):
            found += [(offset + i.start, offset + i.end, i.kind, i.terms, i.category)
                      for i in (*spam._spam_runs(line), *spam._urls(line))]
    return found


def test_a_line_is_searched_only_for_what_its_text_holds(texts):
    rng = random.Random(15)
    pieces = ["百家乐", "bet365", "AG", "娱乐", "5566娱乐", "ManBetX", "www.a1.com", "\n", "全市", "，", "。", "官网",
              "888世纪", "GDP", "2024年", "真人", "体育官网", "近日，"]
    mixed = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    kinds = set()
    for text in [*texts, *mixed]:
        doc = document_from_text(text, doc_id="d")
        found = [(i.start, i.end, i.kind, i.terms, i.category) for i in spam._injections(doc)]
        assert found == _plain_injections(doc), text
        kinds |= {kind for line in text.splitlines() for _, _, kind in spam._items(line)}
        for name, pattern in spam._patterns().items():  # a match in a line is one in the text
            for offset, line in spam.text_lines(doc):
                assert [offset + m.start() for m in pattern.finditer(line)] == \
                    [offset + m.start() for m in pattern.finditer(line) if pattern.match(doc.text, offset + m.start())]
                assert not pattern.search(line) or name in spam._present(doc.text)
    assert {"code", "latin", "digits", "brand", "gambling"} <= kinds


def test_no_spam_term_can_look_past_a_line_break():
    """Literals, classes of literals, ranges and digits, branches, groups, repeats and lookaheads of
    those: nothing that matches a line break or looks behind, around a word or at a line's end."""
    def ops(items: list) -> set:
        found = set()
        for op, av in items:
            found.add(op)
            if op is sre.IN:
                found |= ops(av)
            elif op is sre.CATEGORY:
                found.add(av)
            elif op is sre.BRANCH:
                found |= set().union(*(ops(branch.data) for branch in av[1]))
            elif op is sre.SUBPATTERN:
                found |= ops(av[3].data)
            elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
                found |= ops(av[2].data)
            elif op is sre.ASSERT:
                found |= ops(av[1].data) | ({"behind"} if av[0] < 0 else set())
        return found

    terms = spam.lexicon().terms
    used = ops(re._parser.parse(terms.pattern, terms.flags & ~re.UNICODE).data)
    assert used <= {sre.LITERAL, sre.IN, sre.RANGE, sre.CATEGORY, sre.CATEGORY_DIGIT, sre.BRANCH, sre.SUBPATTERN,
                    sre.MAX_REPEAT, sre.MIN_REPEAT, sre.ASSERT}
    assert ops(re._parser.parse(r"(?<=a)[^b]\s$").data) & {"behind", sre.NEGATE, sre.CATEGORY_SPACE, sre.AT}


def test_fixed_expressions_sharing_one_number_match_as_each_written_out(texts):
    lines = data_lines("checks.usage", "fixed_expressions.txt")
    plain = re.compile("|".join(fixed_expression._NUMBER.join(map(re.escape, line.split("N"))) for line in lines))
    rng = random.Random(15)
    pieces = [line.replace("N", str(rng.randint(1, 30))) for line in lines] + ["1", "12", "1234", ".", "届", "x"]
    mixed = ["".join(rng.choice(pieces) for _ in range(30)) for _ in range(500)]
    found = 0
    for text in [*texts, *mixed]:
        expected = [match.span() for match in plain.finditer(text)]
        assert [match.span() for match in fixed_expression._fixed().finditer(text)] == expected, text
        found += len(expected)
    assert found > 1000
