"""CS06 result-above-plan."""
from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from functools import partial
from types import MappingProxyType

from checks.alignment import Alignment
from checks.comparable import aspects, period_label
from checks.corpus import Corpus
from checks.cross_source.periods import summed
from checks.facts import Bounds, Fact, flagged
from checks.finding import LISTED, Finding, Location, Severity
from checks.registry import register
from checks.rule import FactRule
from checks.values import high, interval, low, shown
from claims import periods
from claims.claim import Claim


@register
class ResultAbovePlan(FactRule):
    """A result stated above the plan for the same thing and period, for the editor to confirm.

    What it does
    Aligns a planned figure (计划, 目标, 力争, 预计 …) with a result for the same thing, place and
    period (the plan stated in one document, the result in another), and notes the result when
    its interval lies wholly above the plan's, with the share of the plan it reaches. A result
    below its plan, or within it, is what plans are for and is never reported; nor is a plan
    compared with a result as if they were one figure (CS01 keeps them apart). A result is
    reported once: the message names the first plan, and the related places list the first five
    and count the rest.

    Why is this bad?
    It is not wrong: plans are often over-fulfilled. But a result well above its own plan is also
    what a typo in either figure looks like, so the desk may want to confirm it: info only.

    Example
    `全年计划新开工改造老旧小区5.3万个` in one document, `全年新开工改造老旧小区6.2万个` in another.

    Use instead
    Nothing to change when the result is right; a phrase such as `超额完成年度计划` tells readers
    the difference is real.
    """

    code = "CS06"
    name = "result-above-plan"
    default_severity = Severity.INFO
    ignores = frozenset({"status"})
    messages = MappingProxyType({
        "zh": "“{subject}”的实际数{result}高于计划数{plan}(完成计划的{share}),请确认",
        "en": "{subject}: the result {result} is above the plan {plan} ({share} of the plan); please confirm",
    })

    def check_fact(self, fact: Fact, corpus: Corpus) -> Iterable[Finding]:
        for result, count, pairs in flagged(fact, self._result, LISTED):  # pairs alike are judged by one
            plans = [pair.b if pair.a is result else pair.a for pair in pairs]
            plan, unit = plans[0], plans[0].unit
            planned, achieved = interval(plan, unit), interval(result, unit)
            middle = (achieved.low + (achieved.high if achieved.high is not None else achieved.low)) / 2
            share = f"{float(middle / planned.high * 100):.0f}%"
            yield self.finding(
                result.doc, result.start, result.end, claims=(result.id, *(o.id for o in plans)),
                related=[Location(o.doc, o.start, o.end, f"planned as {shown(o)} here",
                                  f"此处计划为{shown(o)}") for o in plans],
                evidence={"result": shown(result), "result_interval": achieved.show(),
                          "plan": shown(plan), "plan_interval": planned.show(), "share_of_plan": share,
                          "period": period_label(result), "result_aspects": aspects(result),
                          "plan_aspects": aspects(plan), "unit": unit, "alignment_score": pairs[0].score},
                unlisted=count - len(plans), subject=result.subject, result=shown(result), plan=shown(plan),
                share=share)

    @staticmethod
    def _result(pair: Alignment) -> Bounds | None:
        """How the result of a pair of a plan and a result for the same period is judged (above
        the plan, in the plan's unit), else None."""
        plans = [claim for claim in (pair.a, pair.b) if claim.status == "plan"]
        if len(plans) != 1 or pair.uncertain:
            return None
        plan = plans[0]
        result = pair.b if plan is pair.a else pair.a  # actual, or works started (新开工) as counted
        same_period = plan.period == result.period or periods.compare(plan.period, result.period) == "same"
        if not (summed(plan) and summed(result) and same_period):
            return None
        return Bounds(result, partial(low, unit=plan.unit), partial(_planned, unit=plan.unit), strict=True)


def _planned(plan: Claim, unit: str | None) -> Decimal | None:
    """The plan's greatest value, None when it is zero (no share of it can be stated)."""
    return high(plan, unit) or None
