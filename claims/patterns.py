"""The master regular expression that finds figures, dates and the look-alikes that are neither.

One pass over the normalized text; at each position the alternatives are tried in order, so the
look-alikes (phone numbers, licence numbers, URLs) are consumed before a number could be read
out of them. Word alternatives come from the data files, longest first.
"""
from __future__ import annotations

import re
from functools import cache

from claims.numbers import SCALES
from claims.numerals import characters
from claims.vocab import figure_words, measure_words, money_signs, not_before, qualifiers, sub_units, unit_words
from vocab.files import alternation

# Arabic numbers grouped by commas or (GB/T 15835) spaces, then mixtures: 3万4000, 25万6(千), 1千零1.
_GROUPED = r"\d{1,3}(?=[, ]\d)(?:(?:,\d{3})+(?:\.\d+)?|(?: \d{3})+(?![\d.]))|\d+(?:\.\d+)?"
ARABIC = rf"(?:{_GROUPED})(?:[亿万千百]零?\d{{1,4}}(?![\d年月日号时点:./\-]))*"


def _chinese() -> str:
    """A Chinese numeral: digits, multipliers and tens of data/numerals.toml, single spaces between
    them, vague 几/数 before a multiplier and 几 after 十, and a decimal part (二点五万)."""
    chars = characters()
    body = re.escape("".join((*chars.digits, *chars.multipliers, *chars.tens)))
    digits = re.escape("".join(chars.digits))
    multipliers = re.escape("".join(chars.multipliers))
    tens = re.escape("".join(w for w, v in chars.multipliers.items() if v == 10))
    lead = f"[{re.escape(''.join(chars.leading))}](?= ?[{multipliers}])"
    trail = f"(?<=[{tens}])[{re.escape(''.join(chars.trailing))}]"
    point = alternation(chars.point)
    return (rf"(?:{lead}|[{body}])[{body}]*(?:(?: (?=[{body}])|{trail})[{body}]*)*"
            rf"(?: ?(?:{point}) ?[{digits}]+[{re.escape(''.join(chars.big))}]*)?")


CHINESE = _chinese()
_CN_SMALL = r"[一二三四五六七八九十]{1,3}"
_DENOMINATOR = r"百|千|万|\d+|[一二两三四五六七八九十]{1,3}"  # 百分之五, 千分之三, 三分之一


def _date_tail(name: str) -> str:
    """The optional tail of a date (10月底, 2023年度) as group ``name``."""
    words = figure_words()
    return f"(?P<{name}>{alternation((*words['date_tails'], *words['plain_date_tails']))})?"


def lookalikes() -> str:
    """Look-alikes: consumed and dropped. Those that run over letters start only where a run of
    them starts: tried at every letter of a long run, each would read to its end (quadratic)."""
    return "|".join((
        r"https?://[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]+",
        r"www\.[A-Za-z0-9.\-]+(?:/[^\s\u3000-\u303f\u4e00-\u9fff]*)?",
        r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}",
        r"(?<![A-Za-z0-9\-])[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+){0,8}\.(?:cn|com|net|org|gov|edu)\b",
        r"(?<!\d)(?:0\d{2,3}-?\d{7,8}(?:-\d{1,4})?|1[3-9]\d{9}|400-?\d{3}-?\d{4})(?!\d)",
        rf"(?:{alternation(figure_words()['lookalike_labels'])})[:\s]*\d[\d\-号]*",  # ICP备12345号
        r"(?i:copyright)\s*(?:©\s*)?\d{4}(?:\s*-\s*\d{4})?|©\s*\d{4}(?:\s*-\s*\d{4})?",
        r"[〔\[【(]\d{4}[〕\]】)]\s*第?\s*\d+\s*号",  # document numbers: 〔2023〕第5号
        r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)",
        rf"\d+(?:\.\d+){0,8}(?=[A-Za-z#])(?!{_ascii_words()})[A-Za-z#][A-Za-z0-9#\-]*|(?<![A-Za-z])(?!{_ascii_signs()})[A-Za-z]+[\-_]?\d[\w\-]*",
    ))


def _ascii_words() -> str:
    """ASCII unit words (km, kg, USD) standing alone after a number: a unit, not part of a code."""
    words = [w for w in unit_words() if w.isascii() and w.isalpha()]
    return f"(?:{alternation(words)})(?![A-Za-z0-9])"


def _ascii_signs() -> str:
    """Currency codes before an amount (RMB100, USD 5): money, not a code."""
    return f"(?:{alternation(w for w in money_signs() if w.isascii() and w.isalpha())}) ?\\d"


def _unit_alternation() -> str:
    """Unit and measure words, and 个 units split by 半 or a truncation word (两个半月, 十个多月)."""
    blocked = not_before()
    words = figure_words()
    splits = alternation((*words["half"], *words["truncation"]))
    found = sorted({*unit_words(), *measure_words()}, key=lambda w: (-len(w), w))
    split = [("个", f"(?:{splits}){re.escape(w[1:])}") for w in found if w.startswith("个") and w[1:] in _TIME_TAILS]
    return _by_first([*split, *((w[0], re.escape(w[1:]) + (f"(?!{blocked[w]})" if w in blocked else ""))
                                for w in found)])


def _firsts(words) -> str:
    """The first characters of ``words`` as a class body."""
    return re.escape("".join(sorted({word[0] for word in words})))


def _grouped(words) -> str:
    """An alternation of ``words``, longest first, grouped by their first character."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return _by_first([(word[0], re.escape(word[1:])) for word in ordered])


def _by_first(branches: list[tuple[str, str]]) -> str:
    """An alternation of (first character, rest) branches grouped by their first character, in
    order within each group: the same matches, but the engine tries one group, not every word."""
    groups: dict[str, list[str]] = {}
    for first, rest in branches:
        groups.setdefault(first, []).append(rest)
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" if rests != [""] else re.escape(first)
                    for first, rests in groups.items())


_TIME_TAILS = ("月", "小时")  # 个月, 个小时: the units 半 and 多 may split
_TAIL_NUMERAL = r"(?:\d{1,2}|[零一二两三四五六七八九十]{1,2})"
_BARE_DIGIT = r"(?:\d|[一二两三四五六七八九])(?=[的,。;、!?\s)]|$)"


def _sub_alternation() -> str:
    """Sub-units after a unit word (data/sub_units.csv): 123元1角1分, 3斤5两, 3年半, 五块六."""
    halves = set(figure_words()["half"])
    alternatives = []
    for word, subs in sub_units().items():
        def tail(sub) -> str:
            return re.escape(sub.tail) + (f"(?!{sub.not_before})" if sub.not_before else "")
        numbered = [sub for sub in subs if sub.tail and sub.tail not in halves]
        forms = [tail(sub) for sub in subs if sub.tail in halves]
        if numbered:
            steps = dict.fromkeys(sub.fraction for sub in numbered)
            sequence = "".join(f"(?:{_TAIL_NUMERAL}(?:{'|'.join(tail(s) for s in numbered if s.fraction == f)}))?"
                               for f in steps)
            forms.insert(0, f"(?={_TAIL_NUMERAL}(?:{'|'.join(tail(s) for s in numbered)})){sequence}")
        if any(not sub.tail for sub in subs):
            forms.append(_BARE_DIGIT)
        alternatives.append(f"(?<={re.escape(word)})(?:{'|'.join(forms)})")
    last = re.escape("".join(sorted({word[-1] for word in sub_units()})))
    return f"(?<=[{last}])(?:{'|'.join(alternatives)})"  # one class test after most units


def _scale_alternation() -> str:
    units = list(unit_words())
    parts = []
    for scale in sorted(SCALES, key=len, reverse=True):
        clashes = [u[len(scale):] for u in units if u.startswith(scale) and len(u) > len(scale)]
        parts.append(re.escape(scale) + (f"(?!{alternation(clashes)})" if clashes else ""))
    return "|".join(parts)


@cache
def master() -> re.Pattern[str]:
    table = qualifiers()
    words = figure_words()
    # A minus sign after 增长 or 为 starts a negative number; only the word's last character is checked.
    minus = re.escape("".join(dict.fromkeys(word[-1] for word in words["before_minus"])))
    ranges, truncation = alternation(words["range"]), alternation(words["truncation"])
    negative = f"(?:{alternation(words['negative_sign'])})"
    not_negative = f"(?:{alternation(words['not_negative_before'])})"
    signs = f"(?=[{_firsts(money_signs())}])(?P<sign>{alternation(money_signs())}) ?"
    quantity = (
        rf"(?P<pre>{_grouped(table.prefix)})?(?:{signs})?"
        rf"(?:(?P<vague>{alternation(table.vague)})|(?:(?P<den>{_DENOMINATOR})分之 ?)?"
        rf"(?:(?P<neg>(?<=[{minus}:(\s,])-|{negative}(?!(?:{ARABIC}|{CHINESE}){not_negative})))?"
        rf"(?P<n1>{ARABIC}|{CHINESE})"
        rf"(?:\s*(?P<rsep>-|~|—|–|{ranges})\s*(?P<n2>{ARABIC}|{CHINESE}))?)"
        rf"(?P<mid>{truncation})?(?:个(?=亿))?(?P<scale>{_scale_alternation()})?(?P<mid2>{truncation})?(?P<plus>\+)?"
        rf"(?:[ \u00a0]?(?P<unit>{_unit_alternation()})(?P<sub>{_sub_alternation()})?)?"
        rf"(?P<post>{_grouped(table.suffix)})?"
    )
    number = rf"(?:\d{{1,2}}|{_CN_SMALL})"
    month = rf"{number} ?月"
    dash = rf"(?:—{{1,2}}|–|-|~|{ranges})"
    year = r"(?:1[89]\d{2}|20\d{2}|[〇零一二][〇零一二三四五六七八九]{3})"
    # 08年, and 98年 before a month: a two-digit year (claims/figures.py adds the century).
    short_year = r"(?<![\d.,])(?:0\d(?= ?年)|[5-9]\d(?= ?年 ?\d{1,2} ?月))"

    def days(tag: str) -> str:
        """A day, a day range within the month (12—19日), across months (11日至8月22日) and, after a
        year, across years (2019年12月31日至2020年1月5日)."""
        end_year = rf"(?:(?P<yr>{year}) ?年 ?(?={month}))?" if tag == "" else ""
        return (rf"(?P<d{tag}>{number})(?:{dash}(?P<dr{tag}>{number}))? ?[日号]"
                rf"(?:{dash}{end_year}(?P<mr{tag}>{month})?(?P<de{tag}>{number}) ?[日号])?")

    first_chars = _first_characters(table)
    labels = re.escape("".join(sorted({word[0] for word in words["lookalike_labels"]})))
    dates = "|".join((
        rf"(?P<yrange>(?P<y1>{year})年?\s*(?:-{{1,2}}|—{{1,2}}|–|~|{ranges})\s*(?P<y2>{year})年)",
        rf"(?P<iso>(?<!\d)(?P<iy>{year})(?P<sep>[-/.])(?P<im>\d{{1,2}})(?P=sep)(?P<id>\d{{1,2}})(?![\d.]))",
        r"(?P<nomark>(?<!\d)(?P<ny>1[89]\d{2}|20\d{2})(?P<nm>1[0-2]|0?[1-9])月)",  # 20201月: 年 left out
        rf"(?P<ymd>(?P<y>{year}|{short_year}) ?年(?: ?(?P<m>{month})(?: ?{days('')})?)?{_date_tail('ytail')})",
        rf"(?P<md>(?<![\d个])(?P<m2>{number}月)(?:{days('2')})?{_date_tail('mtail')})",
    ))
    # Each guard lets the engine pass over a group of alternatives that cannot start here.
    alternatives = (
        rf"(?=[A-Za-z0-9._%+\-©〔\[【({labels}])(?P<skip>{lookalikes()})",
        rf"(?=[0-9〇零一二三四五六七八九十])(?:{dates})",
        rf"(?P<qty>{quantity})",
    )
    # The lookahead lets the engine skip, at C speed, every position where no alternative can start.
    return re.compile(f"(?=[{first_chars}])(?:{'|'.join(alternatives)})")


def _first_characters(table) -> str:
    """Every character an alternative of the master pattern can start with, as a class body."""
    ascii_letters = "A-Za-z"
    chars = characters()
    starts = set("0123456789-") | set("©〔[【(") | {*chars.digits, *chars.multipliers, *chars.tens, *chars.leading}
    words = figure_words()
    starts |= {word[0] for word in (*table.prefix, *table.vague, *words["lookalike_labels"], *words["negative_sign"],
                                    *money_signs())}
    return ascii_letters + "".join(re.escape(ch) for ch in sorted(starts))
