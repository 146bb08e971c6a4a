"""Whether two claims can state the same fact: their periods, aggregates, scopes and statuses.

Two figures are different facts when their periods differ (1—9月 and 1—10月, a year and its first
quarter, two cut-offs), or they count differently (新增 and 累计, 日均 and a total), count a narrower
population (民营企业 and 企业), or one is a plan and the other a result. When only one of them
states a period, or a period's year is unknown on one side, they may be the same fact: the tool
cannot tell, and says so.
"""
from __future__ import annotations

from dataclasses import dataclass

from claims import framing, periods
from claims.claim import Claim
from claims.framing import Framing


@dataclass(frozen=True)
class Comparison:
    """Why two claims are different facts (``different``), or may be (``uncertain``)."""

    different: tuple[str, ...] = ()
    uncertain: tuple[str, ...] = ()


def compare(a: Claim, b: Claim, ignore: frozenset[str] = frozenset()) -> Comparison:
    """The comparison of two claims' periods and framings; aspects named in ``ignore`` ("period",
    "status") are not compared, for rules that relate figures of different periods or statuses.

    A cumulative figure (累计) and a level are the same fact over the same stated period (全年累计
    缺工8216人, 2024年缺工8216人); with no period on either side the tool cannot tell.
    """
    different, uncertain = [], []
    outcome = periods.compare(a.period, b.period) if a.period or b.period else "same"
    if (a.period is not None or b.period is not None) and "period" not in ignore:
        reason = f"period {period_label(a)} / {period_label(b)}"
        if outcome == "different":
            different.append(reason)
        elif outcome == "unknown":
            uncertain.append(reason)
    running = {a.aggregate, b.aggregate} == _RUNNING
    different += framing.compare(_framing(a, running), _framing(b, running), ignore)
    if running and not (outcome == "same" and a.period is not None):
        uncertain.append(f"aggregate {a.aggregate} / {b.aggregate}")
    return Comparison(tuple(different), tuple(uncertain))


_RUNNING = {"cumulative", "level"}


def _framing(claim: Claim, running: bool) -> Framing:
    """The claim's framing; a cumulative figure read as a level when ``running``."""
    return Framing("level" if running else claim.aggregate, claim.scope, claim.status)


def period_label(claim: Claim) -> str:
    """The period as the text states it, with the dates it resolves to when the text does not show
    them (1—9月 [2023-01–2023-09]), or "not stated"."""
    period = claim.period
    if period is None:
        return "not stated"
    shown = period.text
    if (period.start or period.end) and (period.start or "")[:4] not in period.text:
        shown += f" [{period.start or '…'}–{period.end or '…'}]"
    return shown + (" (from the title)" if period.inferred else "")


def aspects(claim: Claim) -> dict[str, object]:
    """What the claim was compared as, for a finding's evidence."""
    return {"period": period_label(claim), "aggregate": claim.aggregate, "scope": list(claim.scope),
            "status": claim.status}


def aspects_label(claim: Claim) -> str:
    """A short reading of the claim's aspects for a message: period 1—9月; new; scope 民营; plan."""
    parts = [f"period {period_label(claim)}", claim.aggregate]
    parts += [f"scope {','.join(claim.scope)}"] if claim.scope else []
    return "; ".join([*parts, claim.status])


def stated(claim: Claim) -> bool:
    """Whether the claim states anything beyond a plain level: a period, an aggregate, a scope or a
    status (messages then say what the figure was compared as)."""
    return claim.period is not None or claim.aggregate != "level" or bool(claim.scope) or claim.status != "actual"


def compared_as(claim: Claim) -> dict[str, str]:
    """The message fields ``compared_zh`` and ``compared_en``: what the figure was compared as,
    when it states more than a plain level (empty otherwise)."""
    if not stated(claim):
        return {"compared_zh": "", "compared_en": ""}
    label = aspects_label(claim)
    return {"compared_zh": f"(比较口径:{label})", "compared_en": f" (compared as: {label})"}
