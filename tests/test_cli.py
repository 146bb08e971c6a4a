"""The command line as users and CI run it: formats, the JSON contract, errors, determinism."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline
from claims.frame import CLAIM_FIELDS, DOCUMENT_FIELDS, FRAME_FIELDS
from claims.kinds import KINDS

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "run_checks.py"), *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


@pytest.fixture(scope="module")
def examples_json() -> dict:
    result = run("claims", "examples", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_json_contract(examples_json):
    assert examples_json["version"] == 2
    assert all(tuple(doc) == DOCUMENT_FIELDS for doc in examples_json["documents"])
    assert all(tuple(claim) == CLAIM_FIELDS for claim in examples_json["claims"])
    assert {claim["kind"] for claim in examples_json["claims"]} <= set(KINDS)
    assert len(examples_json["claims"]) > 100


def test_every_example_is_read_with_its_encoding(examples_json):
    documents = {Path(doc["path"]).name: doc for doc in examples_json["documents"]}
    assert sorted(documents) == sorted(p.name for p in EXAMPLES.iterdir())
    assert {name: doc["encoding"] for name, doc in documents.items()} == {
        "briefing_gbk.txt": "gb18030", "editor_draft.md": "utf-8", "region_news_release.html": "utf-8",
        "wuhai_magazine_reprint.txt": "utf-8", "wuhai_magazine_reprint_big5.txt": "big5",
        "wuhai_work_report.txt": "utf-8"}
    assert all(doc["status"] == "ok" and doc["error"] is None for doc in documents.values())


def test_offsets_are_exact_in_every_decoded_file(examples_json):
    documents = {doc["id"]: doc for doc in examples_json["documents"]}
    originals = {doc_id: (ROOT / doc["path"]).read_bytes().decode(doc["encoding"])
                 for doc_id, doc in documents.items()}
    for claim in examples_json["claims"]:
        assert originals[claim["doc"]][claim["start"]:claim["end"]] == claim["text"], claim


def test_a_known_claim_in_json(examples_json):
    claim = next(c for c in examples_json["claims"] if c["text"] == "近10亿元" and c["doc"] == "wuhai_work_report")
    assert (claim["kind"], claim["value"], claim["low"], claim["high"], claim["unit"], claim["qualifier"]) == (
        "money", 1000000000, 900000000, 1000000000, "yuan", "近")


def test_json_is_byte_identical_across_runs():
    first = run("claims", "examples", "--format", "json").stdout
    second = run("claims", "examples", "--format", "json").stdout
    assert first == second


def test_csv_has_the_contract_columns(examples_json):
    result = run("claims", "examples", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == FRAME_FIELDS
    assert len(rows) - 1 == len(examples_json["claims"])


def test_table_is_the_default_and_summarizes(examples_json):
    result = run("claims", "examples")
    assert result.returncode == 0
    assert "Documents" in result.stdout and "examples/wuhai_work_report.txt" in result.stdout
    assert f"{len(examples_json['claims'])} claims in 6 of 6 documents" in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not a terminal


def test_output_file(tmp_path):
    target = tmp_path / "claims.json"
    result = run("claims", "examples/wuhai_work_report.txt", "--format", "json", "--output", str(target))
    assert result.returncode == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["documents"][0]["id"] == "wuhai_work_report"


def test_missing_path_is_a_usage_error():
    result = run("claims", "examples", "no/such/file.txt")
    assert result.returncode == 2
    assert "no such file or folder: no/such/file.txt" in result.stderr


def test_unknown_format_is_a_usage_error():
    assert run("claims", "examples", "--format", "xml").returncode == 2


def test_bad_files_are_reported_and_the_rest_is_checked(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "good.txt").write_text("建成17个生活圈。", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.7")
    result = run("claims", str(tmp_path), str(tmp_path / "scan.pdf"), "--format", "json")
    assert result.returncode == 0
    payload = json.loads(result.stdout)
    statuses = {Path(doc["path"]).name: (doc["status"], doc["error"]) for doc in payload["documents"]}
    assert statuses["good.txt"] == ("ok", None)
    assert statuses["empty.txt"] == ("error", "empty file")
    assert statuses["image.txt"] == ("error", "binary file: a PNG image")
    assert statuses["scan.pdf"][0] == "error" and statuses["scan.pdf"][1].startswith("not a readable PDF file")
    assert [c["text"] for c in payload["claims"]] == ["17个"]


def test_claims_path_does_not_import_great_expectations():
    code = ("import sys, run_checks; run_checks.main(['claims', 'examples/wuhai_work_report.txt', '--format', 'json']);"
            "sys.stderr.write(str(any(m.startswith('great_expectations') for m in sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stderr.strip().endswith("False")


def test_claims_form_a_dataframe():
    import pandas as pd


    frame = pipeline.extract(pipeline.read([EXAMPLES / "wuhai_work_report.txt"])).frame()
    assert isinstance(frame, pd.DataFrame)
    assert tuple(frame.columns) == FRAME_FIELDS
    row = frame.set_index("text").loc["近10亿元"]
    assert (row["kind"], row["value"], row["low"], row["qualifier"]) == ("money", 1000000000, 900000000, "近")
    assert frame["doc"].eq("wuhai_work_report").all()
