"""Run the selected rules over a corpus and return their findings in a stable order."""
from __future__ import annotations

from checks.config import Config
from checks.corpus import Corpus
from checks.finding import Finding, Severity
from checks.registry import all_rules
from checks.rule import Rule


def selected_rules(config: Config) -> list[Rule]:
    """The rules the configuration selects, instantiated with their severities and options."""
    chosen = []
    for code, rule in all_rules().items():
        names = {code, rule.family}
        if config.select and not names & set(config.select):
            continue
        if names & set(config.ignore):
            continue
        chosen.append(rule(config.severity.get(code), config.rule_options(code), config.language))
    return chosen


def run_rules(corpus: Corpus, config: Config) -> list[Finding]:
    findings = [finding for rule in selected_rules(config) for finding in rule.check(corpus)]
    return sorted(findings, key=Finding.sort_key)


def exit_status(findings: list[Finding], fail_on: str) -> int:
    """1 when a finding is at or above ``fail_on`` (error, warning, info), else 0; never: 0."""
    if fail_on == "never":
        return 0
    threshold = Severity.parse(fail_on)
    return int(any(finding.severity >= threshold for finding in findings))
