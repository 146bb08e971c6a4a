"""--format docx: a reviewed copy of each Word input, a comment on each finding's exact words."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
from lxml import etree

from sources.office import W, extract_docx
from tests.office_files import word_file

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden" / "word_comments.txt"
SOURCE = ["乌海市政府工作报告", "2024年，乌海市建成17个“一刻钟便民生活圈”，新增城镇就业1.2万人。"]
COPY = ["乌海市生活圈建设", "2024年，乌海市建成14个“一刻钟便民生活圈”，新增城镇就业1.2万人。"]


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "run_checks.py"), "check", *args], cwd=cwd,
                          capture_output=True, text=True)


def _inputs(tmp_path: Path) -> None:
    (tmp_path / "report.docx").write_bytes(word_file(SOURCE))
    (tmp_path / "copy.docx").write_bytes(word_file(COPY, bold="建成14"))  # the figure inside a bold run


def anchored(data: bytes) -> list[tuple[str, str]]:
    """``(the words a comment covers, the comment's text)`` of every comment of a .docx, in order."""
    body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    open_ids: dict[str, list[str]] = {}
    covered: dict[str, str] = {}
    for element in body.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids[element.get(f"{W}id")] = []
        elif element.tag == f"{W}commentRangeEnd":
            covered[element.get(f"{W}id")] = "".join(open_ids.pop(element.get(f"{W}id")))
        elif element.tag == f"{W}t":
            for words in open_ids.values():
                words.append(element.text or "")
    comments = {str(comment.comment_id): comment.text for comment in docx.Document(io.BytesIO(data)).comments}
    return [(covered[key], comments[key]) for key in sorted(covered, key=int)]


def test_a_copy_with_a_comment_on_the_figure_and_the_text_unchanged(tmp_path):
    _inputs(tmp_path)
    result = _run(tmp_path, "report.docx", "copy.docx", "--format", "docx", "--lang", "zh", "--output", "out")
    assert result.returncode == 1, result.stderr  # an error finding: the exit status of any format
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["copy.docx", "report.docx"]
    for name in ("report.docx", "copy.docx"):
        assert extract_docx((tmp_path / "out" / name).read_bytes()).text == \
            extract_docx((tmp_path / name).read_bytes()).text
    comments = anchored((tmp_path / "out" / "copy.docx").read_bytes())
    [(words, text)] = [c for c in comments if c[1].startswith("RS01")]
    assert words == "14个"
    assert "转载句中的数字与原句不符" in text and "report.docx 第2段：2024年，乌海市建成【17个】" in text
    assert anchored((tmp_path / "out" / "report.docx").read_bytes()) == []


def test_one_word_input_writes_one_file_byte_identical_and_matches_the_golden(tmp_path):
    _inputs(tmp_path)
    (tmp_path / "source.txt").write_text("\n".join(SOURCE), encoding="utf-8")
    first = _run(tmp_path, "source.txt", "copy.docx", "--format", "docx", "--lang", "zh", "-o", "a.docx")
    second = _run(tmp_path, "source.txt", "copy.docx", "--format", "docx", "--lang", "zh", "-o", "b.docx")
    assert first.returncode == second.returncode == 1, first.stderr
    assert "已将1个加了批注的Word文件写入a.docx" in first.stderr  # the note in the --lang language
    data = (tmp_path / "a.docx").read_bytes()
    assert data == (tmp_path / "b.docx").read_bytes()
    shown = "".join(f"[{words}]\n{text}\n\n" for words, text in anchored(data))
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(shown, encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8") == shown


def test_no_word_input_or_no_output_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text("\n".join(SOURCE), encoding="utf-8")
    assert _run(tmp_path, "a.txt", "--format", "docx", "-o", "x.docx").returncode == 2
    _inputs(tmp_path)
    result = _run(tmp_path, "copy.docx", "--format", "docx")
    assert result.returncode == 2 and "--output" in result.stderr


def test_findings_in_a_table_and_in_the_header(tmp_path):
    from checks.finding import Finding, Severity
    from reports.docx_report import review_copy
    from reports.view import View
    from sources.reader import document_from_bytes

    data = word_file(["全年新建养老床位1200张。"], [["项目", "数量"], ["生活圈", "14个"]], header="简报第3期")
    doc = document_from_bytes(data, "d", "d.docx")
    cell, header = doc.original.index("14个"), doc.original.index("第3期")
    findings = [Finding("ST01", "style", Severity.WARNING, "表格中的数字", "d", cell, cell + 3),
                Finding("ST01", "style", Severity.INFO, "页眉中的数字", "d", header, header + 3)]
    out = review_copy(data, doc, findings, {"d": doc}, View(language="zh"))
    assert extract_docx(out).text == doc.original
    assert anchored(out) == [("14个", "ST01 style（警告）\n表格中的数字"),
                             ("全年新建养老床位1200张。", "ST01 style（提示）\n页眉第1段：第3期\n页眉中的数字")]
