"""Every rule, registered by its family's package; looked up by id or family."""
from __future__ import annotations

import importlib

from checks.rule import Rule

FAMILIES = ("cross_source", "arithmetic", "bounds", "dates", "integrity", "style", "expectations")
_RULES: dict[str, type[Rule]] = {}


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule, refusing a duplicate id or a family outside ``FAMILIES``."""
    if rule.code in _RULES:
        raise ValueError(f"rule id {rule.code} is registered twice")
    if rule.family not in FAMILIES:
        raise ValueError(f"rule {rule.code}: unknown family {rule.family!r}")
    _RULES[rule.code] = rule
    return rule


def all_rules() -> dict[str, type[Rule]]:
    """All rules by id, sorted; importing each family's package registers its rules."""
    for family in FAMILIES:
        importlib.import_module(f"checks.{family}")
    return dict(sorted(_RULES.items()))
