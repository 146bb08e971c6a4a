"""Reading the ISO values of date claims: ``2024-10-31``, ``2024-10``, ``--05-14``, ``2024``,
ranges such as ``2019/2023``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_ISO = re.compile(r"(?:(\d{4})|-)(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


@dataclass(frozen=True)
class DateParts:
    year: int | None
    month: int | None
    day: int | None


def date_parts(value: str | None) -> list[DateParts]:
    """The parts of a claim's ISO date value, one per end of a range; empty when the value is not
    of that form."""
    if not value:
        return []
    parts = []
    for piece in value.split("/"):
        found = _ISO.fullmatch(piece)
        if found is None or piece == "-":
            return []
        year, month, day = (int(group) if group else None for group in found.groups())
        parts.append(DateParts(year, month, day))
    return parts


def iso_day(iso: object) -> date | None:
    """The date of a full ISO day string (``2024-10-31``), or None (no year, invalid, not a day)."""
    try:
        return date.fromisoformat(iso) if isinstance(iso, str) and len(iso) == 10 else None
    except ValueError:
        return None
