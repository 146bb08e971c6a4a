"""Word and PDF files built in the tests: python-docx for .docx, a hand-written PDF for .pdf."""
from __future__ import annotations

import io


def word_file(paragraphs: list[str], table: list[list[str]] | None = None, header: str | None = None,
              bold: str | None = None) -> bytes:
    """A .docx of ``paragraphs`` (the first occurrence of ``bold`` in a paragraph in a run of its
    own), then ``table``, and ``header`` in the page header."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        paragraph = document.add_paragraph()
        if bold and bold in text:
            before, after = text.split(bold, 1)
            paragraph.add_run(before)
            paragraph.add_run(bold).bold = True
            paragraph.add_run(after)
        else:
            paragraph.add_run(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    if header:
        document.sections[0].header.paragraphs[0].text = header
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def cjk_pdf(pages):
    """A PDF whose pages hold the given lines, in the Adobe-GB1 font STSong-Light (no font file)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
               "/DescendantFonts [4 0 R] >>",
               "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
               "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
               "/FontDescriptor 5 0 R /DW 1000 >>",
               "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
               "/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>"]
    kids = []
    for lines in pages:
        ops = ["BT /F1 12 Tf 14 TL 40 800 Td"]
        for line in lines:
            ops.append(f"<{line.encode('utf-16-be').hex()}> Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode("latin-1") + stream + b"\nendstream")
        content = len(objects)
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       f"/Resources << /Font << /F1 3 0 R >> >> /Contents {content} 0 R >>")
        kids.append(len(objects))
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        body = body if isinstance(body, bytes) else body.encode("latin-1")
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
