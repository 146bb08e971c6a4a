"""A finding's evidence as plain JSON values: one encoder for every renderer."""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import Enum

from checks.finding import Finding
from claims.numbers import plain


def evidence(finding: Finding) -> dict[str, object]:
    """``finding.evidence`` as JSON-ready values, in its own key order.

    Mappings become dicts with str keys, lists and tuples lists, sets sorted lists, a Decimal an int
    or float (``claims.numbers.plain``), an enum its ``str`` (a Severity its name); str, int, float,
    bool and None stay as they are and anything else becomes its ``str``."""
    return _mapping(finding.evidence)


def _mapping(value: Mapping) -> dict[str, object]:
    return {str(key): _value(item) for key, item in value.items()}


def _value(value: object) -> object:
    if isinstance(value, Mapping):
        return _mapping(value)
    if isinstance(value, list | tuple):
        return [_value(item) for item in value]
    if isinstance(value, set | frozenset):
        return _sorted([_value(item) for item in value])
    if isinstance(value, Decimal):
        return plain(value)
    if isinstance(value, Enum):
        return str(value)
    if value is None or isinstance(value, str | int | float):  # bool is an int
        return value
    return str(value)


def _sorted(items: list[object]) -> list[object]:
    """In natural order; by ``repr`` when the items cannot be compared (mixed types)."""
    try:
        return sorted(items)  # type: ignore[type-var]
    except TypeError:
        return sorted(items, key=repr)
