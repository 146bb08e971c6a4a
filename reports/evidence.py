"""A finding's evidence as plain JSON values: one encoder for every renderer."""
from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from enum import Enum
from types import MappingProxyType

from checks.finding import Finding
from claims.numbers import plain
from reports.json_text import exact

_AS_THEY_ARE = frozenset({str, int, bool, type(None)})


def evidence(finding: Finding, spelled: bool = False) -> dict[str, object]:
    """``finding.evidence`` as JSON-ready values, in its own key order.

    Mappings become dicts with str keys, lists and tuples lists, sets sorted lists, a Decimal an int
    or float (``claims.numbers.plain``), an enum its ``str`` (a Severity its name); str, int, float,
    bool and None stay as they are and anything else becomes its ``str``. ``spelled``: every float
    through ``json_text.exact``, for the orjson writers of ``json_text.streamed``."""
    return _mapping(finding.evidence, exact if spelled else _kept)


def _mapping(value: Mapping, number: Callable[[float], float]) -> dict[str, object]:
    as_they_are = _AS_THEY_ARE
    return {str(key): item if type(item) in as_they_are else _value(item, number) for key, item in value.items()}


def _value(value: object, number: Callable[[float], float]) -> object:
    kind = type(value)
    if kind in _AS_THEY_ARE:  # the common cases first, by their exact type
        return value
    if kind is float:
        return number(value)
    if kind is list or kind is tuple:
        as_they_are = _AS_THEY_ARE
        return [item if type(item) in as_they_are else _value(item, number) for item in value]
    if kind is dict or kind is MappingProxyType:
        return _mapping(value, number)
    if isinstance(value, Mapping):
        return _mapping(value, number)
    if isinstance(value, list | tuple):
        return [_value(item, number) for item in value]
    if isinstance(value, set | frozenset):
        return _sorted([_value(item, number) for item in value])
    if isinstance(value, Decimal):
        value = plain(value)
        return number(value) if isinstance(value, float) else value
    if isinstance(value, Enum):
        return str(value)
    if isinstance(value, float):
        return number(value)
    if isinstance(value, str | int):  # bool is an int
        return value
    return str(value)


def _kept(number: float) -> float:
    return number


def _sorted(items: list[object]) -> list[object]:
    """In natural order; by ``repr`` when the items cannot be compared (mixed types)."""
    try:
        return sorted(items)  # type: ignore[type-var]
    except TypeError:
        return sorted(items, key=repr)
