"""The shortcuts of the arithmetic rules on claim-dense text (issue 17) give exactly what the plain
computation gives: figures skipped where no word a pattern needs is within reach
(``checks.arithmetic.reach``), AR01's bracket claims by a sorted index, its passage end and
dimension searches reused, its nested 其中 found once and its ; counted on, AR09 and AR11 skipping
documents without 分别 or a daily average. Each comparison runs on texts where the shortcut
applies, with the words at and just past the edge of their reach."""
from __future__ import annotations

import random
import re
from dataclasses import replace
from types import SimpleNamespace

import pytest

from checks.arithmetic import average, breakdowns, daily_total, growth, shares_total, stated_sum
from checks.arithmetic.reach import Reach, occurrences, spaces_before, starting
from claims.claim import Segment
from claims.extract import extract_claims
from sources.reader import document_from_text

PAD = "培训建设改造项目完成整治提升新增扩建修缮服务"  # no digits, no clause ends: fills a window


def _pad(length: int) -> str:
    return (PAD * 3)[:length]


def _read(text: str):
    doc = document_from_text(text)
    return doc.text, extract_claims(doc)


class _Everywhere(Reach):
    """The plain computation: every position marked, so every figure is tried."""

    def __init__(self, size: int) -> None:
        self.marks = bytearray(b"\x01" * (size + 1))


@pytest.fixture
def plain(monkeypatch):
    """What ``function(text, claims)`` yields with every reach marked everywhere."""
    def run(function, text, claims):
        with monkeypatch.context() as patched:
            for module in (breakdowns, growth, average, stated_sum):
                patched.setattr(module, "Reach", _Everywhere)
            return list(function(text, claims))
    return run


DENSE = "今年" + "3个" * 250 + "。"  # a dense run before each case: its figures are skipped


def _breakdown_texts() -> list[str]:
    texts = []
    for k in range(7):
        texts.append(f"捐款5.59万元、捐物13.42万元,合计{_pad(k)}19.01万元。")
    for k in range(17):
        texts.append(f"共{_pad(k)}120个(城区65个、农村55个)。")
        texts.append(f"全市累计{_pad(k)}120个:城区65个、农村55个。")
    for k in range(12):
        texts.append(f"共120个{_pad(k)}(城区65个、农村55个)。")
        texts.append(f"共计272个{_pad(k)}:新城区10个、旧城区262个。")
        texts.append(f"156个{_pad(k)}中,新城区100个、旧城区56个。")
        texts.append(f"共120个{_pad(k)},城区、农村分别为65个、55个。")
    for k in range(36, 46):
        texts.append(f"共培训3200人次{_pad(k)}其中线上1200人次,线下2000人次。")
        texts.append(f"共培训3200人次,{_pad(k - 36)}。其中,线上1200人次,线下2000人次。")
    for spaces in ("", " ", "   ", "\u3000\u3000", "\n"):
        for k in range(38, 42):
            texts.append(f"总产值1046.3亿元{_pad(k)};{spaces}其中,城镇600亿元,乡村446.3亿元。")
            texts.append(f"总产值1046.3亿元{_pad(k)}{spaces}其中,城镇600亿元,乡村446.3亿元。")
    texts.append("| 区 | 数量 |\n|---|---|\n| 甲 | 20座 |\n| 乙 | 30座 |\n| 合计 | 50座 |\n")
    texts.append("| 区 | 数量 |\n|---|---|\n| 甲 | 20座 |\n| 乙 | 30座 |\n| 合计 | 60座 |\n")
    texts.append("2021~2024年已完成1263个(2021年333个,2022年310个,2023年320个,2024年300个)。")
    texts.append("其中,第一产业增加值79.9亿元,增长4.2%;第二产业增加值300亿元;第三产业增加值500亿元。"
                 "地区生产总值879.9亿元,其中,第一产业增加值79.9亿元;第二产业增加值300亿元;第三产业增加值500亿元。")
    return texts


def test_breakdowns_skip_only_figures_no_test_can_take(plain):
    found = 0
    for case in _breakdown_texts():
        for text in (case, DENSE + case, case + DENSE):
            text, claims = _read(text)
            fast = list(breakdowns.breakdowns(text, claims))
            assert fast == plain(breakdowns.breakdowns, text, claims), text
            found += len(fast)
    assert found >= 150  # the cases do hold breakdowns, at the edges of reach too


def test_a_dense_run_without_those_words_is_not_tried(monkeypatch):
    text, claims = _read(DENSE)
    monkeypatch.setattr(breakdowns, "_column", lambda *args: pytest.fail("a figure was tried"))
    assert list(breakdowns.breakdowns(text, claims)) == []


def _change_texts() -> list[str]:
    texts = []
    for start in ("由", "从"):
        texts.append(f"优良天数比率{start}78.9%提高到82%,提高3.1个百分点。")
        texts.append(f"增速{start}11.6%回落至10%,回落1.6%。")
        texts.append(f"常住人口{start}2.1万人增至2.5万人,增长19%。")
    for k in range(11):
        texts.append(f"收入132亿元,比{_pad(k)}120亿元增长10%。")
        texts.append(f"增速为10%,较{_pad(k)}11.6%回落1.6%。")
    return texts


def test_changes_skip_only_figures_no_pattern_can_take(plain):
    found = 0
    for case in _change_texts():
        for text in (case, DENSE + case):
            text, claims = _read(text)
            fast = list(growth.changes(text, claims))
            assert fast == plain(growth.changes, text, claims), text
            found += len(fast)
    assert found >= 20


def test_averages_and_stated_sums_skip_only_figures_no_pattern_can_take(plain):
    averages = sums = 0
    for k in range(1, 12):
        for case in (f"划分为17个生活圈,平均每个{'生活圈服务区域'[:k] if k <= 7 else _pad(k)}4万人左右,惠及53.21万人。",
                     f"全市建成社区食堂24个,平均{_pad(k)}120人次,共服务2880人次。",
                     f"一季度新增企业106.3万户,后附1、2、3月的数字,三者{'的' * (k % 2)}总和{'为' * (k > 5)}104.3万户。",
                     f"新增企业106.3万户,各月之和{_pad(k - 1)}为104.3万户。",
                     f"新增企业106.3万户,上述各项的加起来{'为' * (k % 2)}104.3万户。"):
            for text in (case, DENSE + case):
                text, claims = _read(text)
                fast = list(average.averages(text, claims))
                assert fast == plain(average.averages, text, claims), text
                averages += len(fast)
                fast = list(stated_sum._pairs(text, claims))
                assert fast == plain(stated_sum._pairs, text, claims), text
                sums += len(fast)
    assert averages >= 10 and sums >= 10


def test_shares_are_listed_only_after_respectively():
    found = 0
    listed = "一、二、三产业占比分别为10.5%、40.2%和49.3%。"
    for case in (listed, DENSE + listed, listed.replace("占比", "比重"), listed.replace("分别", ""),
                 DENSE + "占比" + "2.5%、" * 40):
        text, claims = _read(case)
        fast = list(shares_total._share_lists(text, claims))
        assert fast == list(shares_total._share_lists(text + "分别", claims))  # 分别 after all: no shortcut
        found += len(fast)
    assert found == 3


def test_daily_totals_are_looked_for_only_with_a_daily_average():
    found = 0
    for case in ("国庆假期全市日均接待游客70万人次,7天共接待游客520万人次。", "国庆假期7天,共接待游客520万人次。",
                 DENSE + "国庆假期7天,日均接待游客70万人次,共接待游客490万人次。", DENSE):
        text, claims = _read(case)
        apart = replace(claims[0], aggregate="daily", kind="count", sentence=Segment(-1, 0, 0))
        fast = list(daily_total._triples(text, claims))
        assert fast == list(daily_total._triples(text, [*claims, apart]))  # a daily figure alone: no shortcut
        found += len(fast)
    assert found == 2


def test_occurrences_and_spaces_are_those_of_a_plain_scan():
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice("其中共计合 \u3000\n\xa0x") for _ in range(rng.randrange(30)))
        words = rng.sample(["其中", "中共", "共", "共计", "合计", "x"], 3)
        expected = [p for p in range(len(text)) if any(text.startswith(w, p) for w in words)]
        assert sorted(set(occurrences(text, words))) == expected
        for position in range(len(text) + 1):
            assert spaces_before(text, position) == len(re.search(r"\s*\Z", text[:position]).group())


def test_reach_marks_each_window_and_starting_reads_them():
    marks = Reach(20).around([5, 15], -2, 1).marks
    assert [p for p in range(21) if marks[p]] == [3, 4, 5, 6, 13, 14, 15, 16]
    spans = [SimpleNamespace(span=(s, s + 1)) for s in (0, 4, 7, 14, 17)]
    assert starting(spans, marks) == [1, 3]
    assert starting(spans, Reach(20).marks) == []


def test_a_search_reused_gives_what_a_fresh_search_gives():
    rng = random.Random(3)
    for pattern in (breakdowns._PASSAGE_END, breakdowns._DIMENSION):
        for _ in range(200):
            text = "".join(rng.choice("按分从看城乡,:。!\n1x") for _ in range(rng.randrange(40)))
            leftmost = breakdowns._Leftmost(pattern)
            position = 0
            for _ in range(30):
                position = max(0, position + rng.randrange(-3, 6))
                end = rng.choice((len(text), len(text) - 3, 20, breakdowns.sys.maxsize))
                found, fresh = leftmost.search(text, position, end), pattern.search(text, position, end)
                assert (found and found.span()) == (fresh and fresh.span()), (text, position, end)


def test_semicolons_counted_on_are_those_counted_afresh():
    rng = random.Random(5)
    for _ in range(200):
        text = "".join(rng.choice(";;a,") for _ in range(rng.randrange(40)))
        start = rng.randrange(len(text) + 1)
        counter = breakdowns._Counter(text, ";", start)
        position = start
        for _ in range(20):
            position = max(0, position + rng.randrange(-4, 8))
            assert counter.up_to(position) == text.count(";", start, position)


def test_the_claims_in_a_bracket_are_those_of_a_plain_filter():
    rng = random.Random(11)
    for _ in range(200):
        starts = [rng.randrange(50) for _ in range(rng.randrange(12))]
        if rng.random() < 0.7:
            starts.sort()
        claims = [SimpleNamespace(span=(s, s + rng.randrange(3))) for s in starts]
        layout = breakdowns._Layout("x" * 60, claims)
        low, high = sorted((rng.randrange(55), rng.randrange(55)))
        assert layout.starting(low, high) == [i for i, c in enumerate(claims) if low <= c.span[0] <= high]


def test_the_nested_parts_word_ends_where_the_pattern_first_finds_it():
    rng = random.Random(13)
    for _ in range(300):
        text = "".join(rng.choice(["其中", "其", "中", "x", "1", "。"]) for _ in range(rng.randrange(20)))
        start = rng.randrange(len(text) + 1)
        stop = rng.randrange(start, len(text) + 1)
        nested = breakdowns._nested(text, start, stop)
        for position in range(start, stop):
            assert (position >= nested) == bool(breakdowns._PARTS_FOLLOW.search(text, start, position)), (text, start)


TOKENS = ("合计", "共", "累计", "其中", "中", "里", "(", ")", ":", ",", "。", ";", " ", "\u3000", "\n", "|", "由", "从",
          "到", "比", "较", "平均", "每个", "三者", "各月", "总和", "之和", "的", "为", "区", "x", "3个", "12.5%")


def test_every_position_a_pattern_matches_at_is_within_reach():
    """The marks are a necessary condition, pattern by pattern: wherever one matches before a
    figure's start (or after its end), its reach marks that position."""
    rng = random.Random(17)
    texts = [*_breakdown_texts(), *_change_texts()]
    texts += ["".join(rng.choice(TOKENS) for _ in range(rng.randrange(60))) for _ in range(300)]
    matched = dict.fromkeys(("before", "opens", "row", "bracket", "among", "following", "from", "than", "per", "sum"),
                            0)
    for original in texts:
        text = document_from_text(original).text
        starts, ends = breakdowns._reach(text)
        after_from, after_than = growth._reach(text)
        per, summed = average._reach(text), stated_sum._reach(text)
        for at in range(len(text) + 1):
            tests = {
                "before": (starts, breakdowns._TOTAL_BEFORE.search(text, max(0, at - breakdowns._BEHIND), at)),
                "opens": (starts, breakdowns._TOTAL_OPENS.search(text, max(0, at - breakdowns._OPENING), at)),
                "row": (starts, breakdowns._ROW_OPENS.match(text, text.rfind("\n", 0, at) + 1, at)),
                "bracket": (ends, breakdowns._BRACKET_OPENS.match(text, at)),
                "among": (ends, breakdowns._AMONG_OPENS.match(text, at)),
                "following": (ends, breakdowns._PARTS_AFTER.match(text, at)),
                "from": (after_from, growth._FROM.search(text, max(0, at - 1), at)),
                "than": (after_than, growth._THAN.search(text, max(0, at - growth._THAN_BACK), at)),
                "per": (per, average._PER.search(text, max(0, at - average._BACK), at)),
                "sum": (summed, stated_sum._SUM.search(text, max(0, at - stated_sum._BACK), at)),
            }
            for name, (marks, match) in tests.items():
                if match:
                    matched[name] += 1
                    assert marks[at], (name, text, at)
    assert min(matched.values()) >= 5, matched


def _plain_run(claims, index: int, step: int) -> list:
    total, run, position = claims[index], [], index + step
    while 0 <= position < len(claims) and breakdowns._together(total, claims[position]):
        run.append(claims[position])
        position += step
    return run[::step]


def test_runs_walked_once_are_those_walked_each_time():
    rng = random.Random(19)
    for _ in range(300):
        claims = [SimpleNamespace(kind=rng.choice("ab"), unit=None, measure=rng.choice(("个", "个", None)),
                                  sentence=rng.choice((1, 1, 1, 2))) for _ in range(rng.randrange(1, 15))]
        layout = breakdowns._Layout("", claims)
        for _ in range(30):
            index, step = rng.randrange(len(claims)), rng.choice((-1, 1))
            assert layout.run(index, step) == _plain_run(claims, index, step)
