"""The review sheet (--format xlsx and review-csv): the desk's columns, positions, byte-identical output."""
from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import openpyxl

from reports import review
from tests.office_files import word_file

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ["乌海市政府工作报告", "2024年，乌海市建成17个“一刻钟便民生活圈”，新增城镇就业1.2万人。"]
COPY = "乌海市生活圈建设\n2024年，乌海市建成14个“一刻钟便民生活圈”，新增城镇就业1.2万人。\n"


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    (tmp_path / "report.docx").write_bytes(word_file(SOURCE))
    (tmp_path / "copy.txt").write_text(COPY, encoding="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "run_checks.py"), "check", "report.docx", "copy.txt", *args],
                          cwd=tmp_path, capture_output=True)


def test_review_csv_has_the_desk_columns_a_bom_and_the_other_source(tmp_path):
    result = _run(tmp_path, "--format", "review-csv", "--lang", "zh")
    assert result.returncode == 1, result.stderr
    text = result.stdout.decode("utf-8")
    assert text.startswith("\ufeff序号,文档,位置,原文,问题,依据,建议,规则,级别\r\n")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    [row] = [row for row in rows if row["规则"].startswith("RS01")]
    assert row["文档"] == "copy.txt" and row["位置"] == "第2行第12列" and row["级别"] == "错误"
    assert row["原文"] == "2024年，乌海市建成【14个】“一刻钟便民生活圈”，新增城镇就业1.2万人。"
    assert row["依据"].startswith("report.docx 第2段：2024年，乌海市建成【17个】")
    assert row["问题"].startswith("转载句中的数字与原句不符") and row["依据"].endswith("（原文此处为17个）")
    assert row["建议"] == "按原文核对转引的数字，沿用原文的数字。"  # RS01's own 应改为, not its family's phrase


def test_xlsx_holds_the_same_rows_and_is_byte_identical(tmp_path):
    first = _run(tmp_path, "--format", "xlsx", "--lang", "zh", "--output", "a.xlsx")
    second = _run(tmp_path, "--format", "xlsx", "--lang", "zh", "--output", "b.xlsx")
    assert first.returncode == second.returncode == 1
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    cells = [tuple("" if value is None else str(value) for value in row) for row in sheet.iter_rows(values_only=True)]
    as_csv = _run(tmp_path, "--format", "review-csv", "--lang", "zh").stdout.decode("utf-8").lstrip("\ufeff")
    assert cells == [tuple(row) for row in csv.reader(io.StringIO(as_csv))]
    assert cells[0] == review.COLUMNS and sheet.freeze_panes == "A2"


def test_quote_keeps_to_the_line_and_marks_the_words():
    from sources.reader import document_from_text

    doc = document_from_text("第一行\n" + "甲" * 40 + "共17个" + "乙" * 40 + "\n末行", "d", "d.txt")
    start = doc.original.index("17个")
    assert review.quote(doc, start, start + 3) == "…" + "甲" * 29 + "共【17个】" + "乙" * 30 + "…"
