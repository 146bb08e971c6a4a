"""DT03 weekday-mismatch."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.registry import register
from checks.rule import ClaimRule
from claims.claim import Claim
from claims.iso_dates import iso_day
from sources.document import Document
from vocab.files import alternation, toml_data

WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Weekdays:
    pattern: re.Pattern[str]  # matches right after a date; groups "word" (星期四) and "day" (四)
    days: dict[str, int]  # day name → ISO weekday (Monday 1)


@cache
def weekdays() -> Weekdays:
    """The weekday words of ``data/weekdays.toml``."""
    data = toml_data("checks.dates", "weekdays.toml")
    days = {name: int(number) for name, number in data["days"].items()}
    pattern = re.compile(rf"\s?[(\[]?(?P<word>(?:{alternation(data['prefixes'])})(?P<day>{alternation(days)}))")
    return Weekdays(pattern, days)


@register
class WeekdayMismatch(ClaimRule):
    """A full date followed by a day of the week it did not fall on (2024年10月31日(星期五)).

    What it does
    Reads the day of the week written right after a date with year, month and day (星期四, 周四,
    礼拜四, in brackets or not: ``checks/dates/data/weekdays.toml``) and compares it with the
    calendar. Dates without a year are left alone, since the year they mean is not stated.

    Why is this bad?
    Either the date or the weekday is wrong, and readers who plan by it (a meeting, a deadline,
    an opening day) turn up on the wrong day. A date copied from last year's notice keeps last
    year's weekday.

    Example
    2024年10月31日(星期五),全市召开民族团结进步表彰大会。

    Use instead
    2024年10月31日(星期四),全市召开民族团结进步表彰大会。
    """

    code = "DT03"
    name = "weekday-mismatch"
    default_severity = Severity.ERROR
    kinds = frozenset({"date"})
    messages = {
        "zh": "{text}是星期{actual_zh},不是{stated}",
        "en": "{text} was a {actual_en}, not {stated} as written after it",
    }

    def check_claim(self, claim: Claim, doc: Document, corpus: Corpus) -> Iterable[Finding]:
        day = iso_day(claim.value)
        written = weekdays().pattern.match(doc.text, claim.span[1]) if day else None
        if written is None:
            return
        stated = weekdays().days[written.group("day")]
        actual = day.isoweekday()
        if stated == actual:
            return
        word = written.group("word")
        yield self.finding(claim.doc, claim.start, claim.end, claims=[claim.id],
                           related=[Location(doc.id, *doc.original_span(*written.span("word")), f"written as {word}",
                                             f"写作{word}")],
                           evidence={"date": claim.value, "weekday": WEEKDAYS_EN[actual - 1],
                                     "written": word, "written_weekday": WEEKDAYS_EN[stated - 1]},
                           text=claim.text, actual_zh="日一二三四五六"[actual % 7], stated=word,
                           actual_en=WEEKDAYS_EN[actual - 1])
