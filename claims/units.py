"""Units through a pint registry that knows the Chinese units (data/units.txt, unit_words.csv)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources

import pint

from claims.vocab import unit_words


@dataclass(frozen=True)
class Unit:
    """A unit word as a claim uses it: its pint expression, what kind of quantity, its dimensionality."""

    word: str
    name: str
    kind: str
    dimensionality: str


@cache
def registry() -> pint.UnitRegistry:
    """pint's default registry plus the units of ``data/units.txt``, with exact decimals."""
    ureg = pint.UnitRegistry(non_int_type=Decimal)
    with resources.as_file(resources.files("claims").joinpath("data/units.txt")) as path:
        ureg.load_definitions(str(path))
    return ureg


@cache
def units() -> dict[str, Unit]:
    """Every unit word of ``unit_words.csv``, validated against the registry."""
    ureg = registry()
    table = {}
    for word, (expression, kind) in unit_words().items():
        try:
            unit = ureg.Unit(expression)
        except (pint.UndefinedUnitError, ValueError) as error:
            raise ValueError(f"unit_words.csv: {word!r} → {expression!r}: {error}") from error
        name = "" if expression == "dimensionless" else expression
        table[word] = Unit(word, name, kind, str(unit.dimensionality))
    return table


def convert(value: Decimal, unit: str, target: str) -> Decimal:
    """``value`` in ``unit`` expressed in ``target`` (both pint names); raises on a dimension mismatch."""
    return Decimal(_converted(str(value), unit, target))


@lru_cache(maxsize=1 << 16)
def _converted(value: str, unit: str, target: str) -> str:
    """``convert`` of a decimal's exact text (its digits and exponent, which ``Decimal`` equality
    would merge): a pint conversion is slow, and copies of a report state the same figures."""
    return str(registry().Quantity(Decimal(value), unit).to(target).magnitude)
