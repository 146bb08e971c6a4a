"""CI mode: a baseline of accepted findings, --only for changed files, the pre-commit hook."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.test_cli import ROOT, run

EXAMPLES = ROOT / "examples"


def check_json(*args: str, cwd: Path) -> tuple[int, list[dict], str]:
    result = run("check", *args, "--format", "json", "--select", "cross_source,arithmetic", cwd=cwd)
    return result.returncode, json.loads(result.stdout)["findings"], result.stderr


def test_baseline_accepts_old_findings_and_fails_on_new_ones(tmp_path):
    sources = tmp_path / "docs"
    shutil.copytree(EXAMPLES, sources)
    status, findings, stderr = check_json("docs", "--write-baseline", "base.json", cwd=tmp_path)
    assert status == 0 and f"wrote {len(findings)} accepted findings" in stderr
    keys = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))["findings"]
    assert {k["rule"] for k in keys} == {"CS01", "CS02", "AR01"}
    assert all(k["path"].startswith("docs/") and len(k["hash"]) == 16 for k in keys)

    status, findings, stderr = check_json("docs", "--baseline", "base.json", cwd=tmp_path)
    assert (status, findings) == (0, []) and "0 new" in stderr

    draft = sources / "zz_new_draft.txt"
    draft.write_text("乌海市2024年工作汇报\n全市建成12个“一刻钟便民生活圈”。\n", encoding="utf-8")
    status, findings, _ = check_json("docs", "--baseline", "base.json", cwd=tmp_path)
    assert status == 1 and [(f["rule"], f["doc"]) for f in findings] == [("CS01", "zz_new_draft")]


def test_baseline_keys_survive_edits_elsewhere_in_a_file(tmp_path):
    sources = tmp_path / "docs"
    shutil.copytree(EXAMPLES, sources)
    check_json("docs", "--write-baseline", "base.json", cwd=tmp_path)
    reprint = sources / "wuhai_magazine_reprint.txt"
    reprint.write_text("编者按:本文有删节。\n\n" + reprint.read_text(encoding="utf-8"), encoding="utf-8")
    status, findings, _ = check_json("docs", "--baseline", "base.json", cwd=tmp_path)
    assert (status, findings) == (0, [])


def test_only_reports_findings_in_the_given_files():
    status, findings, _ = check_json("examples", "--only", "examples/wuhai_magazine_reprint.txt", cwd=ROOT)
    assert status == 1 and {f["doc"] for f in findings} == {"wuhai_magazine_reprint"}
    assert any(r["doc"] == "wuhai_work_report" for f in findings for r in f["related"])


def test_a_broken_baseline_is_a_usage_error(tmp_path):
    (tmp_path / "base.json").write_text("{not json", encoding="utf-8")
    result = run("check", str(EXAMPLES), "--baseline", str(tmp_path / "base.json"), "--select", "CS01")
    assert result.returncode == 2 and "not a run-checks baseline" in result.stderr


def test_pre_commit_hook_definition():
    hook = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "id: run-checks" in hook and "entry: run-checks check --fail-on error" in hook
    assert r"files: \.(txt|md|markdown|html?)$" in hook


def _two_reports(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a_report.txt").write_text("乌海市2024年工作报告\n全市建成17个“一刻钟便民生活圈”。\n", encoding="utf-8")
    draft = "乌海市2024年工作汇报\n截至年底,我市一刻钟便民生活圈已达14个。\n"
    (folder / "b_draft.md").write_text(draft, encoding="utf-8")


def test_only_matches_a_path_however_it_is_written(tmp_path):
    _two_reports(tmp_path / "docs")
    for written in ("docs/b_draft.md", "./docs/b_draft.md", str(tmp_path / "docs" / "b_draft.md")):
        status, findings, _ = check_json("docs", "--only", written, cwd=tmp_path)
        assert (status, [f["doc"] for f in findings]) == (1, ["b_draft"]), written


def test_only_naming_nothing_read_is_a_usage_error(tmp_path):
    _two_reports(tmp_path / "docs")
    result = run("check", "docs", "--only", "docs/missing.md", cwd=tmp_path)
    assert result.returncode == 2 and "--only docs/missing.md: no document was read" in result.stderr


def test_an_unreadable_file_is_an_error_finding_that_fails_the_run(tmp_path):
    _two_reports(tmp_path / "docs")
    (tmp_path / "docs" / "b_draft.md").write_bytes(b"\x00\x01\x02\x03ELF" * 10)
    status, findings, _ = check_json("docs", cwd=tmp_path)
    assert status == 1 and [(f["rule"], f["doc"], f["severity"]) for f in findings] == [
        ("IO01", "b_draft", "error")]
    assert "binary file" in findings[0]["message"]


def test_a_folder_of_unsupported_files_reads_nothing_and_says_so(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "report.odt").write_bytes(b"PK\x03\x04")
    result = run("check", "docs", cwd=tmp_path)
    assert result.returncode == 2
    assert "no document could be read" in result.stderr and "docs/report.odt" in result.stderr


def test_skipped_files_are_listed_but_do_not_fail_the_run(tmp_path):
    _two_reports(tmp_path / "docs")
    (tmp_path / "docs" / "scan.tif").write_bytes(b"II*\x00")
    result = run("check", "docs", "--format", "json", "--ignore", "cross_source,restatement", cwd=tmp_path)
    statuses = {d["path"]: d["status"] for d in json.loads(result.stdout)["documents"]}
    assert result.returncode == 0 and statuses["docs/scan.tif"] == "skipped"


def test_the_same_file_twice_is_one_source(tmp_path):
    _two_reports(tmp_path / "docs")
    result = run("check", "docs", "docs/a_report.txt", "./docs/b_draft.md", "--format", "json", cwd=tmp_path)
    payload = json.loads(result.stdout)
    assert [d["path"] for d in payload["documents"]] == ["docs/a_report.txt", "docs/b_draft.md"]
    assert "docs/a_report.txt is already among the paths; read once" in result.stderr
    assert [(f["rule"], f["doc"]) for f in payload["findings"]] == [("CS01", "b_draft")]
