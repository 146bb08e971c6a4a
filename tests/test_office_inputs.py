"""Word (.docx) and PDF inputs: text in reading order, positions, the same claims as plain text."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claims.extract import extract_claims
from sources.office import place
from sources.reader import document_from_bytes, document_from_text, read_document
from tests.office_files import cjk_pdf, word_file

ROOT = Path(__file__).resolve().parents[1]
PARAGRAPHS = ["去年全县新建农村公路42公里，比上年增长12.5%。", "全年接待游客约310万人次，旅游收入18.6亿元。"]
TABLE = [["项目", "数量"], ["养老床位", "1200张"]]


def _claims(doc) -> list[tuple[str, str, int, int]]:
    return [(claim.text, claim.kind, claim.start, claim.end) for claim in extract_claims(doc)]


def test_word_text_is_read_in_order_with_tables_and_header():
    doc = document_from_bytes(word_file(PARAGRAPHS, TABLE, header="某县统计简报"), "w", "brief.docx")
    assert doc.ok and doc.format == "docx"
    assert doc.original == "\n".join([*PARAGRAPHS, "| 项目 | 数量 |", "| 养老床位 | 1200张 |", "某县统计简报"])


def test_word_and_plain_text_give_the_same_claims():
    text = "\n".join([*PARAGRAPHS, "| 项目 | 数量 |", "| 养老床位 | 1200张 |"])
    word = document_from_bytes(word_file(PARAGRAPHS, TABLE, bold="42公里"), "same", "same.docx")
    plain = document_from_text(text, "same", "same.txt")
    assert word.original == plain.original
    assert _claims(word) == _claims(plain) and len(_claims(plain)) >= 5


def test_word_positions_name_paragraph_run_and_table_row():
    doc = document_from_bytes(word_file(PARAGRAPHS, TABLE, bold="42公里"), "w", "brief.docx")
    assert place(doc.layout, doc.original.index("42公里")) == "第1段第2个文本块"
    assert place(doc.layout, doc.original.index("310万"), "en") == "paragraph 2"
    assert place(doc.layout, doc.original.index("1200张"), "both") == "表1第2行 / table 1 row 2"


def test_pdf_text_is_read_page_by_page_with_positions():
    pages = [["去年全县新建农村公路42公里，", "比上年增长12.5%。"], ["全年接待游客约310万人次。"]]
    doc = document_from_bytes(cjk_pdf(pages), "p", "brief.pdf")
    assert doc.ok and doc.format == "pdf"
    assert doc.original == "去年全县新建农村公路42公里，\n比上年增长12.5%。\n全年接待游客约310万人次。"
    assert place(doc.layout, doc.original.index("12.5%")) == "第1页第2行"
    assert place(doc.layout, doc.original.index("310万"), "en") == "page 2 line 1"


def test_pdf_and_plain_text_give_the_same_claims():
    lines = ["全年接待游客约310万人次，旅游收入18.6亿元。", "新建农村公路42公里，比上年增长12.5%。"]
    pdf = document_from_bytes(cjk_pdf([lines]), "same", "same.pdf")
    plain = document_from_text("\n".join(lines), "same", "same.txt")
    assert _claims(pdf) == _claims(plain) and len(_claims(plain)) >= 4


def _wrapped(paragraph: str, width: int) -> list[str]:
    """``paragraph`` cut into lines of ``width`` characters (every glyph of cjk_pdf is one em wide)."""
    return [paragraph[start:start + width] for start in range(0, len(paragraph), width)]


def test_pdf_lines_wrapped_inside_a_paragraph_give_the_claims_of_the_paragraph():
    heading = "乌海市就业情况"
    paragraphs = ["全年城镇新增就业1,234人，同比增长12.5%，其中高校毕业生就业人数占比达到三成以上，创历史新高。",
                  "全市建成17个“一刻钟便民生活圈”，覆盖常住人口53.21万人，居民满意度达90.65%。"]
    lines = [heading, *(line for paragraph in paragraphs for line in _wrapped(paragraph, 11))]
    pdf = document_from_bytes(cjk_pdf([lines]), "same", "same.pdf")
    plain = document_from_text("\n".join([heading, *paragraphs]), "same", "same.txt")
    assert pdf.original == "\n".join(lines)  # the original keeps the PDF's lines, and their positions
    assert "1,2\n34人" in pdf.original and "12.\n5%" in pdf.original
    assert pdf.text == plain.text  # the view joins the wrapped lines, not the heading or the paragraphs

    def facts(doc):
        return [(c.text.replace("\n", ""), c.kind, c.value, c.low, c.high, c.unit, c.subject, c.place, c.time)
                for c in extract_claims(doc)]
    assert facts(pdf) == facts(plain)
    assert ("1,234人", "count") == facts(pdf)[0][:2] and any(fact[0] == "12.5%" for fact in facts(pdf))
    split = next(c for c in extract_claims(pdf) if c.text == "12.\n5%")
    assert pdf.original[split.start:split.end] == "12.\n5%"  # exact offsets back to the original
    assert place(pdf.layout, split.start) == "第1页第3行" and place(pdf.layout, split.end - 1) == "第1页第4行"


def test_pdf_short_lines_and_latin_lines_are_not_joined():
    lines = ["Annual report of the", "city government", "第一部分", "全年新增就业9480人。"]
    pdf = document_from_bytes(cjk_pdf([lines]), "p", "p.pdf")
    assert pdf.text.split("\n") == lines


@pytest.mark.parametrize(("data", "error"), [
    (cjk_pdf([[]]), "no text layer"),
    (b"%PDF-1.7", "not a readable PDF file"),
])
def test_pdf_without_text_is_an_error_document(data, error):
    doc = document_from_bytes(data, "scan", "scan.pdf")
    assert doc.status == "error" and doc.error.startswith(error)


def test_a_broken_word_file_is_an_error_document(tmp_path):
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04 not really")
    doc = read_document(tmp_path / "bad.docx", "bad")
    assert doc.status == "error" and doc.error.startswith("not a readable Word (.docx) file")


def test_check_reads_word_and_pdf_files_from_the_command_line(tmp_path):
    (tmp_path / "a.docx").write_bytes(word_file(PARAGRAPHS))
    (tmp_path / "b.pdf").write_bytes(cjk_pdf([PARAGRAPHS]))
    result = subprocess.run([sys.executable, "run_checks.py", "claims", str(tmp_path), "--format", "json"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert [doc["status"] for doc in payload["documents"]] == ["ok", "ok"]
    texts = {doc: [c["text"] for c in payload["claims"] if c["doc"] == doc] for doc in ("a", "b")}
    assert texts["a"] == texts["b"] and "42公里" in texts["a"]


def test_json_findings_of_word_and_pdf_give_their_position(tmp_path):
    source = ["乌海市政府工作报告", "2024年，乌海市建成17个“一刻钟便民生活圈”。"]
    (tmp_path / "report.docx").write_bytes(word_file(source))
    (tmp_path / "copy.pdf").write_bytes(cjk_pdf([["乌海市生活圈建设"], ["2024年，乌海市建成14个“一刻钟便民生活圈”。"]]))
    result = subprocess.run([sys.executable, str(ROOT / "run_checks.py"), "check", "report.docx", "copy.pdf",
                             "--format", "json"], cwd=tmp_path, capture_output=True, text=True)
    findings = json.loads(result.stdout)["findings"]
    assert findings and all("position" in finding for finding in findings)
    assert {"part": "page", "page": 2, "line": 1} in [finding["position"] for finding in findings]


def test_word_tracked_insertions_are_read_and_deletions_are_not():
    import io

    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("全县新建农村公路")
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph._p.append(parse_xml(f'<w:del {ns} w:id="1" w:author="a"><w:r><w:delText>40</w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {ns} w:id="2" w:author="a"><w:r><w:t>42</w:t></w:r></w:ins>'))
    paragraph.add_run("公里。")
    buffer = io.BytesIO()
    document.save(buffer)
    doc = document_from_bytes(buffer.getvalue(), "t", "t.docx")
    assert doc.original == "全县新建农村公路42公里。"
    assert [claim.text for claim in extract_claims(doc)] == ["42公里"]
