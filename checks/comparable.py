"""Whether two claims can state the same fact: their periods, aggregates, scopes and statuses.

Two figures are different facts when their periods differ (1—9月 and 1—10月, a year and its first
quarter, two cut-offs), or they count differently (新增 and 累计, 日均 and a total), count a narrower
population (民营企业 and 企业), or one is a plan and the other a result. When only one of them
states a period, or a period's year is unknown on one side, they may be the same fact: the tool
cannot tell, and says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from claims import framing, periods
from claims.claim import Claim
from claims.framing import Framing
from claims.periods import Period
from vocab.files import csv_rows


@dataclass(frozen=True)
class Comparison:
    """Why two claims are different facts (``different``), or may be (``uncertain``, and the same
    reasons in Chinese for messages: ``uncertain_zh``)."""

    different: tuple[str, ...] = ()
    uncertain: tuple[str, ...] = ()
    uncertain_zh: tuple[str, ...] = ()


def compare(a: Claim, b: Claim, ignore: frozenset[str] = frozenset()) -> Comparison:
    """The comparison of two claims' periods and framings; aspects named in ``ignore`` ("period",
    "status") are not compared, for rules that relate figures of different periods or statuses.

    A cumulative figure (累计) and a level are the same fact over the same stated period (全年累计
    缺工8216人, 2024年缺工8216人); with no period on either side the tool cannot tell. Worked out
    once per pair of ``comparison_key`` values (a corpus has few of them).
    """
    return _compare(comparison_key(a), comparison_key(b), ignore)


@lru_cache(maxsize=1 << 16)
def _compare(a: Key, b: Key, ignore: frozenset[str]) -> Comparison:
    (a_period, a_aggregate, *_), (b_period, b_aggregate, *_) = a, b
    different, uncertain, uncertain_zh = [], [], []
    outcome = periods.compare(a_period, b_period) if a_period or b_period else "same"
    if (a_period is not None or b_period is not None) and "period" not in ignore:
        reason = f"period {_period_label(a_period)} / {_period_label(b_period)}"
        if outcome == "different":
            different.append(reason)
        elif outcome == "unknown":
            uncertain.append(reason)
            uncertain_zh.append(f"期间{_period_label(a_period, 'zh')}/{_period_label(b_period, 'zh')}")
    running = {a_aggregate, b_aggregate} == _RUNNING
    different += framing.compare(_framing(a, running), _framing(b, running), ignore)
    if running and not (outcome == "same" and a_period is not None):
        uncertain.append(f"aggregate {a_aggregate} / {b_aggregate}")
        uncertain_zh.append(f"{_name('aggregate', a_aggregate, 'zh')}/{_name('aggregate', b_aggregate, 'zh')}")
    return Comparison(tuple(different), tuple(uncertain), tuple(uncertain_zh))


_RUNNING = {"cumulative", "level"}
Key = tuple[Period | None, str, tuple[str, ...], str]  # period, aggregate, scope, status


def comparison_key(claim: Claim) -> Key:
    """What ``compare`` reads of a claim: claims with equal keys compare alike."""
    return claim.period, claim.aggregate, claim.scope, claim.status


def _framing(key: Key, running: bool) -> Framing:
    """The framing of a claim's key; a cumulative figure read as a level when ``running``."""
    _, aggregate, scope, status = key
    return Framing("level" if running else aggregate, scope, status)


@cache
def _zh_names() -> dict[tuple[str, str], str]:
    """(aspect, value) → its Chinese name (``data/aspect_names.csv``)."""
    return {(row["aspect"], row["value"]): row["zh"]
            for row in csv_rows("checks", "aspect_names.csv", ("aspect", "value", "zh"))}


def _name(aspect: str, value: str, language: str) -> str:
    return _zh_names().get((aspect, value), value) if language == "zh" else value


def aspect_name(aspect: str, value: str, language: str) -> str:
    """How ``language`` names ``value`` of ``aspect`` (累计 for aggregate cumulative in Chinese), for renderers."""
    return _name(aspect, value, language)


def period_label(claim: Claim, language: str = "en") -> str:
    """The period as the text states it, with the dates it resolves to when the text does not show
    them (1—9月 [2023-01–2023-09]), or "not stated" (未注明 in Chinese)."""
    return _period_label(claim.period, language)


def _period_label(period: Period | None, language: str = "en") -> str:
    if period is None:
        return _name("label", "not stated", language)
    shown = period.text
    if (period.start or period.end) and (period.start or "")[:4] not in period.text:
        shown += f" [{period.start or '…'}–{period.end or '…'}]"
    if period.inferred:
        shown += "(取自标题)" if language == "zh" else " (from the title)"
    return shown


def aspects(claim: Claim) -> dict[str, object]:
    """What the claim was compared as, for a finding's evidence."""
    return {"period": period_label(claim), "aggregate": claim.aggregate, "scope": list(claim.scope),
            "status": claim.status}


def aspects_label(claim: Claim, language: str = "en") -> str:
    """A short reading of the claim's aspects for a message: period 1—9月; new; scope 民营; plan
    (期间1—9月;新增;范围民营;计划 in Chinese)."""
    space, separator = ("", ";") if language == "zh" else (" ", "; ")
    parts = [f"{_name('label', 'period', language)}{space}{period_label(claim, language)}",
             _name("aggregate", claim.aggregate, language)]
    parts += [f"{_name('label', 'scope', language)}{space}{','.join(claim.scope)}"] if claim.scope else []
    return separator.join([*parts, _name("status", claim.status, language)])


def stated(claim: Claim) -> bool:
    """Whether the claim states anything beyond a plain level: a period, an aggregate, a scope or a
    status (messages then say what the figure was compared as)."""
    return claim.period is not None or claim.aggregate != "level" or bool(claim.scope) or claim.status != "actual"


def compared_as(claim: Claim) -> dict[str, str]:
    """The message fields ``compared_zh`` and ``compared_en``: what the figure was compared as,
    when it states more than a plain level (empty otherwise)."""
    if not stated(claim):
        return {"compared_zh": "", "compared_en": ""}
    return {"compared_zh": f"(比较口径:{aspects_label(claim, 'zh')})",
            "compared_en": f" (compared as: {aspects_label(claim)})"}
