"""Text out of Word (.docx) and PDF files, with where each piece of text came from.

A Word file is read with python-docx: the body's paragraphs and tables in reading order, then the
headers and footers (each distinct one once), then the footnotes. A table row becomes one line
``| a | b |``, as HTML tables do. A PDF is read with pypdfium2 (PDFium's text layer), page by
page, each text line one line. Either way the document's ``original`` is that plain text, and a
layout (``Block`` records) says which paragraph and run (Word) or page and line (PDF) each span
of it came from; ``place`` names it ("第3段" / "paragraph 3").
"""
from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class ExtractError(ValueError):
    """A file whose text cannot be read (not a Word or PDF file, no text layer)."""


@dataclass(frozen=True)
class Block:
    """A span ``start..end`` of the extracted text and where it came from.

    ``part`` is "body", "table", "header", "footer", "footnote" (Word) or "page" (PDF);
    ``index`` the 1-based paragraph (body, header, footer, footnote), table, or page number;
    ``row``/``cell`` the table row and cell, ``line`` the PDF line, ``runs`` the spans of the
    Word runs inside the block (in order)."""

    start: int
    end: int
    part: str
    index: int
    row: int = 0
    cell: int = 0
    line: int = 0
    runs: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Extracted:
    """The extracted text, where each span came from, and the offsets of the line breaks that
    only wrap a paragraph (PDF: the normalized view drops them, ``wrapped_breaks``)."""

    text: str
    layout: tuple[Block, ...]
    wraps: tuple[int, ...] = ()


# --- Word ---------------------------------------------------------------------------------

@dataclass
class _Piece:
    """A run of a paragraph being laid out: its text and, when it came from a ``w:r``, the run."""

    text: str
    run: object | None = None


def docx_paragraphs(document) -> Iterator[tuple[str, int, int, int, list[_Piece]]]:
    """``(part, index, row, cell, pieces)`` of every paragraph-like line of a python-docx document
    in reading order; a table row is one line whose pieces are its cells separated by `` | ``."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    paragraph_number = table_number = 0
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            paragraph_number += 1
            yield "body", paragraph_number, 0, 0, _pieces(item)
        elif isinstance(item, Table):
            table_number += 1
            yield from _table_lines(item, table_number)
    seen: set[str] = set()
    for part in ("header", "footer"):
        number = 0
        for section in document.sections:
            story = getattr(section, part)
            if story.is_linked_to_previous and section is not document.sections[0]:
                continue
            lines = [_pieces(paragraph) for paragraph in story.paragraphs]
            key = "\n".join("".join(piece.text for piece in line) for line in lines)
            if not key.strip() or key in seen:
                continue
            seen.add(key)
            for line in lines:
                number += 1
                yield part, number, 0, 0, line
    number = 0
    for paragraph in _footnote_paragraphs(document):
        number += 1
        yield "footnote", number, 0, 0, _pieces(paragraph)


def _table_lines(table, number: int) -> Iterator[tuple[str, int, int, int, list[_Piece]]]:
    for row_number, row in enumerate(table.rows, 1):
        pieces = [_Piece("| ")]
        seen_cells: list[object] = []
        for cell in row.cells:
            if any(cell._tc is other for other in seen_cells):  # a merged cell repeats: once
                continue
            seen_cells.append(cell._tc)
            for paragraph_index, paragraph in enumerate(cell.paragraphs):
                if paragraph_index:
                    pieces.append(_Piece(" "))
                pieces.extend(_pieces(paragraph))
            pieces.append(_Piece(" | "))
        pieces[-1] = _Piece(" |")
        yield "table", number, row_number, 0, pieces


# The runs a reader sees, in document order: the paragraph's own, and those inside hyperlinks,
# tracked insertions, smart tags, simple fields and inline content controls (deleted text is
# w:delText inside w:del, so it is left out).
_RUNS = ("./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r | ./w:fldSimple/w:r"
         " | ./w:sdt/w:sdtContent/w:r | ./w:ins/w:hyperlink/w:r")


def _pieces(paragraph) -> list[_Piece]:
    """The runs of a paragraph, each with its text."""
    from docx.text.run import Run

    pieces = []
    for element in paragraph._p.xpath(_RUNS):
        run = Run(element, paragraph)
        text = run.text.replace("\n", " ")  # a line break inside a paragraph is no new paragraph
        if text:
            pieces.append(_Piece(text, run))
    return pieces


def _footnote_paragraphs(document) -> list:
    """The footnotes' paragraphs (python-docx has no footnote API: read the part's XML)."""
    from docx.text.paragraph import Paragraph

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            from docx.oxml import parse_xml

            root = parse_xml(rel.target_part.blob)
            paragraphs = []
            for note in root.iter(f"{W}footnote"):
                if note.get(f"{W}type") in ("separator", "continuationSeparator"):
                    continue
                paragraphs.extend(Paragraph(p, document.part) for p in note.iter(f"{W}p"))
            return paragraphs
    return []


def docx_layout(document) -> tuple[str, list[Block], list[tuple[int, int, object]]]:
    """The text of a python-docx document, its blocks, and ``(start, end, run)`` for every run."""
    chunks, blocks, runs = [], [], []
    offset = 0
    for part, index, row, cell, pieces in docx_paragraphs(document):
        if chunks:
            chunks.append("\n")
            offset += 1
        start, spans = offset, []
        for piece in pieces:
            chunks.append(piece.text)
            if piece.run is not None:
                spans.append((offset, offset + len(piece.text)))
                runs.append((offset, offset + len(piece.text), piece.run))
            offset += len(piece.text)
        blocks.append(Block(start, offset, part, index, row, cell, runs=tuple(spans)))
    return "".join(chunks), blocks, runs


def open_docx(data: bytes):
    import docx

    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises several kinds (zip, XML, missing part)
        raise ExtractError(f"not a readable Word (.docx) file: {error}") from None


def extract_docx(data: bytes) -> Extracted:
    text, blocks, _ = docx_layout(open_docx(data))
    return Extracted(text, tuple(blocks))


# --- PDF ----------------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def extract_pdf(data: bytes) -> Extracted:
    """The text layer of a PDF, page by page, one text line a line; no text at all is an error
    ("no text layer": a scanned PDF needs OCR first)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise ExtractError(f"not a readable PDF file: {error}") from None
    chunks, blocks, wraps, offset = [], [], [], 0
    try:
        for page_number in range(1, len(pdf) + 1):
            page = pdf[page_number - 1]
            textpage = page.get_textpage()
            page_text = textpage.get_text_range()
            edges = _line_edges(textpage, page_text)
            textpage.close()
            page.close()
            lines = []
            for line_number, line in enumerate(_LINE_BREAK.split(page_text), 1):
                line = line.replace("\x00", "").replace("\x02", "").rstrip()  # \x02: PDFium's hyphen at a line end
                if chunks:
                    chunks.append("\n")
                    offset += 1
                chunks.append(line)
                blocks.append(Block(offset, offset + len(line), "page", page_number, line=line_number))
                lines.append((offset, line))
                offset += len(line)
            wraps += wrapped_breaks(lines, edges)
    finally:
        pdf.close()
    text = "".join(chunks)
    if not text.strip():
        raise ExtractError("no text layer: the PDF has no extractable text (a scan? run OCR on it first)")
    return Extracted(text, tuple(blocks), tuple(wraps))


_PARAGRAPH_END = re.compile(r"[。！？!?；;：:…][”’」』）)》\]]*$")
_MARGIN_EMS = 1.5  # a line ending within this many character heights of the page's right margin is full
_NUMBER_END, _NUMBER_START = set("0123456789.,，"), set("0123456789%")


def _line_edges(textpage, page_text: str) -> list[tuple[float, float]] | None:
    """``(right, em)`` of each line of ``page_text``: the right edge of its last character's box and
    the height of its tallest one; None when the text does not match PDFium's characters one to one."""
    if len(page_text) != textpage.count_chars():
        return None
    edges, start = [], 0
    for match in [*_LINE_BREAK.finditer(page_text), None]:
        end = match.start() if match else len(page_text)
        boxes = [textpage.get_charbox(index) for index in range(start, end) if not page_text[index].isspace()]
        edges.append((max((box[2] for box in boxes), default=0.0),
                      max((box[3] - box[1] for box in boxes), default=0.0)))
        start = match.end() if match else end
    return edges


def wrapped_breaks(lines: list[tuple[int, str]], edges: list[tuple[float, float]] | None) -> list[int]:
    """The offsets of the line breaks inside a paragraph of one PDF page, given its lines as
    ``(offset, text)`` and their ``(right, em)`` edges: a break after a line that runs to the right
    margin (ends within ``_MARGIN_EMS`` characters of the page's rightmost line) and ends no
    sentence, before a line that starts no indented paragraph, in Chinese text (or in a figure
    split across the lines: 12.|5%, 1,2|34人). Latin text is left alone: its lines join with a
    space, not with nothing."""
    if not edges or len(edges) != len(lines):
        return []
    margin = max(right for right, _ in edges)
    breaks = []
    for (offset, line), (right, em), (_, following) in zip(lines[:-1], edges[:-1], lines[1:], strict=True):
        if not line or not following or following[0].isspace() or _PARAGRAPH_END.search(line):
            continue
        if right < margin - _MARGIN_EMS * em:
            continue  # a short line: the paragraph (or a heading) ends here
        if _cjk(line[-1]) or _cjk(following[0]) or (line[-1] in _NUMBER_END and following[0] in _NUMBER_START):
            breaks.append(offset + len(line))
    return breaks


def _cjk(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF" or char in "“”‘’"


# --- positions ----------------------------------------------------------------------------

_PART_ZH = {"body": "第{index}段", "header": "页眉第{index}段", "footer": "页脚第{index}段",
            "footnote": "脚注第{index}段", "table": "表{index}第{row}行", "page": "第{index}页第{line}行"}
_PART_EN = {"body": "paragraph {index}", "header": "header paragraph {index}",
            "footer": "footer paragraph {index}", "footnote": "footnote paragraph {index}",
            "table": "table {index} row {row}", "page": "page {index} line {line}"}


def block_at(layout: tuple[Block, ...], offset: int) -> Block | None:
    """The block holding original offset ``offset`` (the one before it at a line break)."""
    found = None
    for block in layout:
        if block.start > offset:
            break
        found = block
    return found


def position(layout: tuple[Block, ...], offset: int) -> dict[str, object] | None:
    """Where ``offset`` is, as JSON values: ``{"part": "body", "paragraph": 3, "run": 2}``,
    ``{"part": "table", "table": 1, "row": 2}`` or ``{"part": "page", "page": 2, "line": 5}``."""
    block = block_at(layout, offset)
    if block is None:
        return None
    if block.part == "page":
        return {"part": "page", "page": block.index, "line": block.line}
    if block.part == "table":
        return {"part": "table", "table": block.index, "row": block.row}
    run = next((number for number, (start, end) in enumerate(block.runs, 1) if start <= offset < end), None)
    return {"part": block.part, "paragraph": block.index} | ({"run": run} if run else {})


def place(layout: tuple[Block, ...], offset: int, language: str = "zh") -> str | None:
    """Where ``offset`` is: "第3段第2个文本块" / "paragraph 3, run 2" (the run when the paragraph has
    several), "表1第2行" / "table 1 row 2", "第2页第5行" / "page 2 line 5"."""
    block = block_at(layout, offset)
    if block is None:
        return None
    fields = {"index": block.index, "row": block.row, "line": block.line}
    zh, en = _PART_ZH[block.part].format(**fields), _PART_EN[block.part].format(**fields)
    run = next((number for number, (start, end) in enumerate(block.runs, 1) if start <= offset < end), None)
    if run is not None and block.part != "table" and len(block.runs) > 1:
        zh, en = f"{zh}第{run}个文本块", f"{en}, run {run}"
    return {"zh": zh, "en": en}.get(language, f"{zh} / {en}")
