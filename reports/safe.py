"""Text made safe for the medium it is shown in, at the point where it enters a report.

``visible``: control characters (C0, DEL, C1), bidirectional overrides and lone surrogates shown
as ``\\x1b``-style escapes, for the terminal and Markdown, where they would move the cursor,
recolour the screen, reorder the line or break the page. ``spreadsheet``: a text cell that a
spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return) gets a leading ``'``, as spreadsheets expect; a cell that is a plain signed number
(``-5``, ``+3.2%``, ``-1E+5000``) is data and is left as it is, and numeric columns are never
touched (their negative values are data). ``xml_text``: the characters XML cannot hold (a workbook cell, a Word comment)
escaped. ``csv_row``: a row written so that a carriage return in
a cell cannot end the row (Python's writer quotes only the characters of its line terminator).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # what XML 1.0 cannot hold
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d[\d,]*(\.\d+)?([eE][+-]?\d+)?%?")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character, bidirectional override and lone surrogate written
    as an escape (``\\x1b``, ``\\x0a``, ``\\u202e``), so that it shows and does nothing."""
    return _CONTROL.sub(_escape, text)


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold (in a workbook cell or a Word comment)
    written as escapes; tabs and line breaks kept."""
    return _NOT_XML.sub(_escape, text)


def formula_like(value: object) -> bool:
    """Whether a spreadsheet would read the text ``value`` as a formula (not a plain number)."""
    return (isinstance(value, str) and value.startswith(_FORMULA_START)
            and not (value[0] in "+-" and _NUMBER.fullmatch(value)))


def spreadsheet(value: object) -> object:
    """A text cell for CSV: prefixed with ``'`` when a spreadsheet would read it as a formula;
    anything else as it is."""
    return "'" + value if formula_like(value) else value


def has_carriage_return(cells: Iterable[object]) -> bool:
    """Whether a row holds a carriage return, which a ``"\\n"``-terminated CSV must quote."""
    return any(isinstance(cell, str) and "\r" in cell for cell in cells)


def csv_row(writer: Any, quoted: Any, cells: Iterable[object]) -> None:
    """Write ``cells`` with ``writer``, or with ``quoted`` (every cell quoted) when one holds a
    carriage return."""
    cells = list(cells)
    (quoted if has_carriage_return(cells) else writer).writerow(cells)
