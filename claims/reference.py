"""Reference tables (``check --reference figures.csv``): official figures as a source document.

A table (CSV, or the first sheet of an .xlsx) has the columns place, subject, period, value (or
low and high), unit and source, under the headers of ``data/reference_columns.csv`` (Chinese ones
too). Each row becomes one claim of a document of format "reference": the row written as a
sentence (``2024年乌海市老旧小区改造279个。``) is read by the extractor for the figure's kind, unit,
precision and framing, and its place, subject and period are then those of the row. A row's
line also names it (``figures.csv:3``) and its source, for the findings (``row_of``).

Every cell is checked before any document is read: a missing column, an empty cell, a value that
is no number, low above high, a unit the extractor does not read or a period it cannot read is a
``ReferenceError`` naming the file, the row and the column.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path

from claims.claim import Claim, Segment
from claims.extract import extract_claims
from claims.periods import Period, period_of
from sources.decode import DecodeError, decode_bytes
from sources.document import Document, Metadata
from sources.gazetteer import load_gazetteer
from sources.offsets import OffsetMap
from sources.reader import document_from_text
from vocab.files import csv_rows

FORMAT = "reference"
REQUIRED = ("place", "subject", "period", "unit", "source")
_LABEL = "\t"  # separates a row's sentence from its label and source on its line


class ReferenceError(ValueError):
    """A reference table that cannot be used; the message names the file, row and column."""


@dataclass(frozen=True)
class Row:
    """A table row as read: its 1-based row number in the file (the header is row 1) and cells."""

    number: int
    cells: dict[str, str]


@cache
def _aliases() -> dict[str, str]:
    """Header (case-folded) → column."""
    return {row["alias"].casefold(): row["column"]
            for row in csv_rows("claims", "reference_columns.csv", ("column", "alias"))}


def load_reference(path: Path, doc_id: str) -> tuple[Document, list[Claim]]:
    """The reference document of the table at ``path`` and one claim per row."""
    shown = path.as_posix()
    rows = _rows(path, shown)
    lines, claims = [f"参考数据表 {path.name}"], []
    offset = len(lines[0]) + 1
    for row in rows:
        sentence, figure = _sentence(row, shown)
        found = _figure(sentence, figure, row, shown)
        line = f"{sentence}{_LABEL}{path.name}:{row.number}{_LABEL}{row.cells['source']}"
        start = offset + len(sentence) - 1 - len(figure)
        segment = Segment(len(claims) + 1, offset, offset + len(sentence) - 1)
        period, time = _period(row, shown)
        claims.append(replace(found, id=f"{doc_id}:{len(claims) + 1}", doc=doc_id, start=start,
                              end=start + len(figure), span=(start, start + len(figure)), sentence=segment,
                              clause=segment, subject=row.cells["subject"], place=_place(row.cells["place"]),
                              time=time, period=period))
        lines.append(line)
        offset += len(line) + 1
    text = "\n".join(lines) + "\n"
    meta = Metadata(title=f"参考数据表{path.name}")
    doc = Document(doc_id, shown, "ok", None, "utf-8", FORMAT, text, text, OffsetMap.identity(len(text)),
                   skip=((0, len(text)),), meta=meta)
    return doc, claims


def row_of(doc: Document, claim: Claim) -> tuple[str, str]:
    """The row a reference claim stands for (``figures.csv:3``) and its source."""
    line_start = doc.original.rfind("\n", 0, claim.start) + 1
    line = doc.original[line_start:doc.original.find("\n", claim.start)]
    _, label, source = line.split(_LABEL, 2)
    return label, source


def _rows(path: Path, shown: str) -> list[Row]:
    """The rows of the table with their cells by column; the header checked."""
    table = _xlsx(path, shown) if path.suffix.lower() == ".xlsx" else _csv(path, shown)
    if not table:
        raise ReferenceError(f"{shown}: empty table (expected a header row: {', '.join(REQUIRED)}, value)")
    header = [_aliases().get(cell.strip().casefold(), "") for cell in table[0]]
    missing = [column for column in REQUIRED if column not in header]
    if "value" not in header and not {"low", "high"} <= set(header):
        missing.append("value (or low and high)")
    if missing:
        raise ReferenceError(f"{shown}:1: missing column {', '.join(missing)} (headers: "
                             f"{', '.join(table[0])}; see claims/data/reference_columns.csv)")
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        if any(cell.strip() for cell in cells):
            by_column = {column: cell.strip() for column, cell in zip(header, cells, strict=False) if column}
            rows.append(Row(number, by_column))
    return rows


def _csv(path: Path, shown: str) -> list[list[str]]:
    try:
        text = decode_bytes(path.read_bytes()).text
    except (OSError, DecodeError) as error:
        raise ReferenceError(f"{shown}: cannot read the table: {error}") from error
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def _xlsx(path: Path, shown: str) -> list[list[str]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is no workbook
        raise ReferenceError(f"{shown}: cannot read the workbook: {error}") from error
    sheet = book.worksheets[0]
    rows = [["" if cell is None else _cell(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    book.close()
    return rows


def _cell(value: object) -> str:
    """A worksheet cell as text; a number as it shows (279.0 → 279: a workbook keeps no trailing zeros)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return format(Decimal(str(value)), "f") if isinstance(value, float | int) and not isinstance(value, bool) \
        else str(value)


def _cell_of(row: Row, column: str, shown: str) -> str:
    value = row.cells.get(column, "")
    if not value:
        raise ReferenceError(f"{shown}:{row.number}: column {column} is empty")
    return value


def _number(row: Row, column: str, shown: str) -> Decimal:
    value = _cell_of(row, column, shown)
    try:
        number = Decimal(value.replace(",", ""))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise ReferenceError(f"{shown}:{row.number}: column {column}: {value!r} is not a number")
    return number


def _written(number: Decimal) -> str:
    """A number as the extractor reads it (负 for a minus sign)."""
    text = format(number, "f")
    return f"负{text[1:]}" if text.startswith("-") else text


def _sentence(row: Row, shown: str) -> tuple[str, str]:
    """The row as a sentence ending in its figure and 。, and the figure's text."""
    unit = _cell_of(row, "unit", shown)
    if row.cells.get("value") or not (row.cells.get("low") or row.cells.get("high")):
        figure = _written(_number(row, "value", shown)) + unit
    else:
        low, high = _number(row, "low", shown), _number(row, "high", shown)
        if low > high:
            raise ReferenceError(f"{shown}:{row.number}: column low: {low} is above high {high}")
        figure = f"{_written(low)}至{_written(high)}{unit}"
    period = _period_text(_cell_of(row, "period", shown))
    return f"{period}{_cell_of(row, 'place', shown)}{_cell_of(row, 'subject', shown)}{figure}。", figure


def _period_text(period: str) -> str:
    return f"{period}年" if period.isdigit() and len(period) == 4 else period


def _figure(sentence: str, figure: str, row: Row, shown: str) -> Claim:
    """The claim the extractor reads for the row's figure (exactly its text, the sentence's end)."""
    start = len(sentence) - 1 - len(figure)
    for claim in extract_claims(document_from_text(sentence, "row", "<row>")):
        if claim.span == (start, start + len(figure)) and claim.kind != "date":
            return claim
    raise ReferenceError(f"{shown}:{row.number}: column unit: unknown unit {row.cells['unit']!r} "
                         f"(the figure {figure!r} is not read as one figure)")


def _period(row: Row, shown: str) -> tuple[Period | None, str | None]:
    """The row's period (None for a whole year, like a figure that states only its year) and the
    year it ends in (None for a period "since" a year: it aligns with figures of any year)."""
    text = _period_text(row.cells["period"])
    whole = Segment(0, 0, len(text) + 1)
    period = period_of(text + "有", whole, whole, (len(text), len(text) + 1), None)
    if period is None or not (period.start or period.end or "")[:4].isdigit():
        raise ReferenceError(f"{shown}:{row.number}: column period: cannot read {row.cells['period']!r} as a period "
                             "(2024, 2024年, 2024年1-9月, “十四五”以来)")
    year = (period.end or (period.start if period.kind != "since" else None) or "")[:4] or None
    return (None if period.kind == "year" and period.start == period.end else period), year


def _place(place: str) -> str:
    """The gazetteer's name for a place (乌海 → 乌海市), else the place as written."""
    found = load_gazetteer().lookup(place)
    return found[0].name if found else place
