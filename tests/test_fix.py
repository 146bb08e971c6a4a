"""--fix: unambiguous fixes (leftover glosses, spam runs) written into the files, never a figure."""
from __future__ import annotations

import json
import shutil
from difflib import SequenceMatcher
from pathlib import Path

from checks.finding import Edit, Finding, Severity
from checks.fixes import apply_fixes
from claims.extract import extract_claims
from sources.document import Document
from sources.reader import document_from_text
from tests.test_cli import ROOT, run

GLOSSED = "烏海市2024年報告\n近年來(lái)，全市建成一刻鐘(zhōng)生活圈17個，服務4萬(wàn)人左右。\n"


def test_fix_removes_the_glosses_and_the_file_rechecked_is_clean_of_them(tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(GLOSSED, encoding="utf-8")
    before = json.loads(run("check", "report.txt", "--format", "json", cwd=tmp_path).stdout)
    assert [f["rule"] for f in before["findings"]] == ["TI04"]
    fixed = run("check", "report.txt", "--fix", "--format", "json", cwd=tmp_path)
    assert "fixed 1 findings in report.txt" in fixed.stderr and json.loads(fixed.stdout)["findings"] == []
    assert report.read_text(encoding="utf-8") == "烏海市2024年報告\n近年來，全市建成一刻鐘生活圈17個，服務4萬人左右。\n"
    after = json.loads(run("check", "report.txt", "--format", "json", cwd=tmp_path).stdout)
    assert after["findings"] == []
    assert [c["text"] for c in after["claims"]] == [c["text"].replace("(wàn)", "") for c in before["claims"]]


def test_fix_removes_a_spam_run_and_leaves_everything_else_as_it_was(tmp_path):
    shutil.copy(ROOT / "examples" / "region_news_release.html", tmp_path / "page.html")
    original = (tmp_path / "page.html").read_text(encoding="utf-8")
    result = run("check", "page.html", "--fix", "--select", "TI03", "--format", "json", cwd=tmp_path)
    fixed = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert json.loads(result.stdout)["findings"] == []
    changes = [op for op in SequenceMatcher(None, original, fixed, autojunk=False).get_opcodes() if op[0] != "equal"]
    assert [op[0] for op in changes] == ["delete"]
    removed = original[changes[0][1]:changes[0][2]]
    assert removed and not any(ch.isdigit() for ch in removed)
    assert json.loads(run("check", "page.html", "--select", "TI03", "--format", "json", cwd=tmp_path).stdout)[
        "findings"] == []


def test_a_fix_never_changes_a_figure():
    doc = document_from_text("全市建成17个生活圈。", doc_id="d", path="d.txt")
    claims = extract_claims(doc)
    at = doc.original.index("17")
    touching = Finding("ZZ01", "test", Severity.WARNING, "m", "d", at, at + 2, fix=(Edit(at, at + 1),))
    apart = Finding("ZZ02", "test", Severity.WARNING, "m", "d", 0, 2, fix=(Edit(0, 2, "我市"),))
    [fixed] = apply_fixes([doc], claims, [touching, apart])
    assert fixed.findings == (apart,) and fixed.text == "我市建成17个生活圈。"


def test_overlapping_fixes_apply_the_first_only():
    doc = document_from_text("某某体育官网全市建成生活圈。", doc_id="d", path="d.txt")
    first = Finding("ZZ01", "test", Severity.WARNING, "m", "d", 0, 6, fix=(Edit(0, 6),))
    second = Finding("ZZ02", "test", Severity.WARNING, "m", "d", 2, 6, fix=(Edit(2, 6),))
    [fixed] = apply_fixes([doc], [], [first, second])
    assert fixed.findings == (first,) and fixed.text == "全市建成生活圈。"


def test_sarif_offers_the_fix():
    payload = json.loads(run("check", "examples/wuhai_magazine_reprint.txt", "--format", "sarif").stdout)
    [gloss] = [r for r in payload["runs"][0]["results"] if r["ruleId"] == "TI04"]
    [change] = gloss["fixes"][0]["artifactChanges"]
    assert change["artifactLocation"]["uri"] == "examples/wuhai_magazine_reprint.txt"
    assert len(change["replacements"]) > 10 and all(r["insertedContent"]["text"] == "" for r in change["replacements"])
    assert Path(ROOT / "examples" / "wuhai_magazine_reprint.txt").read_text(encoding="utf-8").count("(") > 10


def test_fix_refuses_to_rewrite_a_damaged_file_and_fixes_the_others(tmp_path):
    damaged = GLOSSED.encode("utf-8").replace("服務".encode(), "服".encode() + b"\xff" + "務".encode())
    (tmp_path / "damaged.txt").write_bytes(damaged)
    (tmp_path / "clean.txt").write_text(GLOSSED, encoding="utf-8")
    result = run("check", "damaged.txt", "clean.txt", "--fix", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "damaged.txt").read_bytes() == damaged
    assert "(wàn)" not in (tmp_path / "clean.txt").read_text(encoding="utf-8")
    refusals = [line for line in result.stderr.splitlines() if "not fixed" in line]
    assert refusals == ["run-checks: not fixed: damaged.txt: its bytes are damaged (IO02); rewriting it would "
                        "write replacement characters into it"]
    remaining = sorted(f["rule"] for f in json.loads(result.stdout)["findings"])
    assert remaining == ["IO02", "TI04"]


def test_fixes_of_an_error_document_are_refused():
    doc = Document("d", "d.txt", "error", error="undecodable")
    finding = Finding("ZZ01", "test", Severity.WARNING, "m", "d", 0, 0, fix=(Edit(0, 0, "x"),))
    [fixed] = apply_fixes([doc], [], [finding])
    assert fixed.findings == () and fixed.refused == "unread"
