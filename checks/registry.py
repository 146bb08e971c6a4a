"""Every rule, found by walking the rule families: each subpackage of ``checks`` is a family and
each module in it may register rules with ``@register``. Looked up by id or family."""
from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path

from checks.rule import Rule

_CHECKS = Path(__file__).parent
FAMILIES = tuple(sorted(module.name for module in pkgutil.iter_modules([str(_CHECKS)]) if module.ispkg))
_RULES: dict[str, type[Rule]] = {}
# Findings the engine itself gives, not a rule: they can be ignored by id like a rule.
INTERNAL_ERROR = ("IE01", "internal-error")
UNREADABLE = ("IO01", "unreadable-document")
DAMAGED = ("IO02", "damaged-input")
ENGINE_CODES = (INTERNAL_ERROR[0], UNREADABLE[0], DAMAGED[0])


def register(rule: type[Rule]) -> type[Rule]:
    """Class decorator: add a rule, refusing a duplicate id or a rule outside a family package."""
    if rule.code in _RULES and _RULES[rule.code] is not rule:
        raise ValueError(f"rule id {rule.code} is registered twice")
    if getattr(rule, "family", None) not in FAMILIES:
        raise ValueError(f"rule {rule.code}: defined in {rule.__module__}, not in a family package checks/<family>/")
    _RULES[rule.code] = rule
    return rule


def all_rules() -> dict[str, type[Rule]]:
    """All rules by id, sorted; importing every module of every family (once) registers its rules."""
    _import_families()
    return dict(sorted(_RULES.items()))


@cache
def _import_families() -> None:
    for family in FAMILIES:
        package = importlib.import_module(f"checks.{family}")
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"checks.{family}.{module.name}")
