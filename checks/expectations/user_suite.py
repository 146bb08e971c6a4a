"""GE01: the failures of the user's own Great Expectations suite over the claims table."""
from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from checks import suites
from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.registry import register
from checks.rule import CorpusRule


@register
class UserExpectation(CorpusRule):
    """A claim that fails an expectation of the user's own suite (`--expectations suite.json`).

    What it does
    Runs the Great Expectations suite the user points the run at (a JSON file as Great
    Expectations writes it: `{"name": …, "expectations": [{"type": …, "kwargs": …, "meta": …}]}`)
    over the claims table, and reports every claim that fails an expectation. The table has one
    row per claim: `id`, `doc`, `kind`, `unit`, `measure`, `subject`, `place`, `time`,
    `period_kind`, `period_start`, `period_end`, `aggregate`, `scope` (comma-separated), `status`,
    `value`, `low`, `high`, `total` and the derived columns of the built-in suite. Without a suite
    the rule reports nothing.

    Why is this bad?
    A desk's house rules (a programme never has more than 20 sites, money is never given in 元
    below 1,000) are checks like any other: a figure that breaks one needs a second look.

    Example
    A suite expecting `value` at most 20 for `subject == "一刻钟便民生活圈"`, and a draft saying
    `建成27个“一刻钟便民生活圈”`.

    Use instead
    `建成17个“一刻钟便民生活圈”`, or a suite that states the desk's real limit.
    """

    code = "GE01"
    name = "user-expectation"
    default_severity = Severity.WARNING
    options = MappingProxyType({"suite": ""})
    messages = MappingProxyType({
        "zh": "{text}不符合期望{expectation}{notes}",
        "en": "{text} fails the expectation {expectation}{notes}",
    })

    def check_corpus(self, corpus: Corpus) -> Iterable[Finding]:
        if not self.settings["suite"]:
            return
        suite = suites.load_suite(self.settings["suite"])
        for failure in suites.validate(suites.claims_table(corpus), suite):
            notes = f" ({failure.meta['notes']})" if failure.meta.get("notes") else ""
            for claim_id in failure.claim_ids:
                claim = corpus.by_id[claim_id]
                yield self.finding(claim.doc, claim.start, claim.end, claims=[claim.id],
                                   evidence={"expectation": failure.expectation, "kwargs": failure.kwargs,
                                             "meta": failure.meta, "suite": str(self.settings["suite"])},
                                   text=claim.text, expectation=failure.expectation, notes=notes)
