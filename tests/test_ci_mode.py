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
