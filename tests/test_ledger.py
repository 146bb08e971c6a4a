"""The claims ledger: records round-trip exactly, add/list/remove/export, checking a draft against
it, and a writer killed with SIGKILL in the middle of adding."""
from __future__ import annotations

import csv
import io
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pipeline
from ledger.codec import dumps, loads
from ledger.store import DEFAULT_PATH, SCHEMA_VERSION, Ledger
from tests.test_cli import EXAMPLES, ROOT, run

SOURCES = ("wuhai_work_report.txt", "wuhai_magazine_reprint.txt", "wuhai_magazine_reprint_big5.txt")
DRAFT = "editor_draft.md"
CHANGES = {"改造老旧小区279个": "改造老旧小区297个", "居民满意度达90.65%": "居民满意度达93.65%"}


def _examples(folder: Path) -> Path:
    shutil.copytree(EXAMPLES, folder / "examples")
    return folder / "examples"


def test_documents_and_claims_round_trip_exactly():
    documents = pipeline.read([EXAMPLES])
    claim_set = pipeline.extract(documents)
    for doc in documents:
        back = loads(dumps(doc))
        assert (back.id, back.path, back.encoding, back.format, back.original, back.text, back.skip, back.places,
                back.meta, back.layout) == (doc.id, doc.path, doc.encoding, doc.format, doc.original, doc.text,
                                            doc.skip, doc.places, doc.meta, doc.layout)
        assert type(back.offsets) is type(doc.offsets)
        assert [back.offsets.span(i, i + 1) for i in range(len(doc.text))] == \
            [doc.offsets.span(i, i + 1) for i in range(len(doc.text))]
    assert [loads(dumps(claim)) for claim in claim_set.claims] == claim_set.claims


def test_add_list_remove_export(tmp_path):
    examples = _examples(tmp_path)
    added = run("ledger", "add", "examples/wuhai_work_report.txt", "examples/wuhai_magazine_reprint.txt", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert added.stdout.splitlines() == ["added examples/wuhai_work_report.txt",
                                         "added examples/wuhai_magazine_reprint.txt"]
    ledger_file = tmp_path / DEFAULT_PATH
    with sqlite3.connect(ledger_file) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again = run("ledger", "add", "examples/wuhai_work_report.txt", cwd=tmp_path)
    assert again.stdout == "unchanged examples/wuhai_work_report.txt\n"

    listed = run("ledger", "list", cwd=tmp_path).stdout.splitlines()
    assert [line.split("\t")[:3] for line in listed] == [["1", "乌海市人民政府办公室 2024-12-16", "73 claims"],
                                                         ["2", "《北疆民族》杂志2025年第1期", "24 claims"]]

    exported = json.loads(run("ledger", "export", cwd=tmp_path).stdout)
    alone = json.loads(run("claims", "examples/wuhai_work_report.txt", "examples/wuhai_magazine_reprint.txt",
                           "--format", "json", cwd=tmp_path).stdout)
    assert [{k: v for k, v in claim.items() if k != "ledger_id"} for claim in exported["claims"]] == alone["claims"]
    assert [doc["ledger"]["name"] for doc in exported["documents"]] == ["乌海市人民政府办公室 2024-12-16",
                                                                       "《北疆民族》杂志2025年第1期"]
    rows = list(csv.DictReader(io.StringIO(run("ledger", "export", "--format", "csv", cwd=tmp_path).stdout)))
    assert len(rows) == 97 and rows[0]["ledger_id"] == "1" and rows[-1]["doc"] == "wuhai_magazine_reprint"

    report = examples / "wuhai_work_report.txt"  # a changed file replaces its earlier version
    report.write_text(report.read_text(encoding="utf-8").replace("279个", "281个"), encoding="utf-8")
    assert run("ledger", "add", "examples/", cwd=tmp_path).stdout.splitlines()[-1:] \
        == ["replaced examples/wuhai_work_report.txt"]
    with Ledger(ledger_file) as ledger:
        entries = ledger.entries()
        texts = {entry.path: doc.original for entry, (doc, _) in zip(entries, ledger.load(), strict=True)}
    assert len(entries) == 6 and "281个" in texts[report.resolve().as_posix()]

    assert run("ledger", "remove", "2", cwd=tmp_path).returncode == 0
    by_path = run("ledger", "remove", "examples/wuhai_work_report.txt", cwd=tmp_path)
    assert by_path.returncode == 0 and by_path.stdout.startswith("removed ")
    assert len(run("ledger", "list", cwd=tmp_path).stdout.splitlines()) == 4
    missing = run("ledger", "remove", "99", cwd=tmp_path)
    assert missing.returncode == 2 and "no recorded document has the id or path '99'" in missing.stderr


def test_a_file_that_is_no_ledger_is_refused(tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("not a database", encoding="utf-8")
    refused = run("ledger", "list", "--ledger", str(bogus))
    assert refused.returncode == 2 and "not a run-checks ledger" in refused.stderr
    absent = run("check", str(EXAMPLES / DRAFT), "--ledger", str(tmp_path / "absent.sqlite"))
    assert absent.returncode == 2 and "no ledger at" in absent.stderr


def _cross_source(*args: str, cwd: Path) -> list[tuple]:
    result = run("check", *args, "--format", "json", "--lang", "en", "--select", "cross_source", "--fail-on",
                 "never", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return [(f["rule"], f["message"], f["doc"], f["start"], f["end"],
             [(r["doc"], r["start"], r["end"]) for r in f["related"]]) for f in json.loads(result.stdout)["findings"]]


def test_drafts_against_the_ledger_find_what_they_find_beside_the_sources(tmp_path):
    examples = _examples(tmp_path)
    report = (examples / "wuhai_work_report.txt").read_text(encoding="utf-8")
    for old, new in CHANGES.items():
        report = report.replace(old, new)
    (examples / "draft.txt").write_text(report, encoding="utf-8")
    sources = [f"examples/{name}" for name in SOURCES]
    drafts = ["examples/draft.txt", f"examples/{DRAFT}"]
    assert run("ledger", "add", *sources, "--ledger", "desk.sqlite", cwd=tmp_path).returncode == 0
    against = _cross_source(*drafts, "--ledger", "desk.sqlite", cwd=tmp_path)
    together = _cross_source(*sources, *drafts, *(f"--only={draft}" for draft in drafts), cwd=tmp_path)
    assert against == together
    assert {finding[2] for finding in against} == {"draft", "editor_draft"}
    assert len(against) >= 3
    changed = [f for f in against if f[2] == "draft" and "93.65%" in f[1]]
    # named as sources.naming names them: the outlet, or the stem when the draft shares outlet and date
    assert changed and "90.65% in wuhai_work_report, 90.65% in 《北疆民族》杂志2025年第1期" in changed[0][1]


def test_the_draft_itself_is_not_a_source_when_recorded(tmp_path):
    _examples(tmp_path)
    run("ledger", "add", f"examples/{DRAFT}", "examples/wuhai_work_report.txt", cwd=tmp_path)
    against = _cross_source(f"examples/{DRAFT}", "--ledger", cwd=tmp_path)
    together = _cross_source("examples/wuhai_work_report.txt", f"examples/{DRAFT}", "--only",
                             f"examples/{DRAFT}", cwd=tmp_path)
    assert against == together and against


WRITER = """
import sys
sys.path.insert(0, {root!r})
import run_checks
sys.exit(run_checks.main(["ledger", "add", {folder!r}, "--ledger", {ledger!r}]))
"""


def test_a_writer_killed_mid_run_leaves_every_recorded_document_complete(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    text = (EXAMPLES / "wuhai_work_report.txt").read_text(encoding="utf-8")
    for number in range(300):  # distinct bytes: each file is a document of its own
        (folder / f"report_{number:03}.txt").write_text(text.replace("279个", f"{number}个"), encoding="utf-8")
    ledger_file = tmp_path / "ledger.sqlite"
    writer = subprocess.Popen([sys.executable, "-c", WRITER.format(root=str(ROOT), folder=str(folder),
                                                                    ledger=str(ledger_file))],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and _recorded(ledger_file) < 5:
            time.sleep(0.05)
        assert writer.poll() is None, "the writer finished before it could be killed"
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    with sqlite3.connect(ledger_file) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = db.execute("SELECT d.claims, (SELECT COUNT(*) FROM claims c WHERE c.document = d.id)"
                            " FROM documents d").fetchall()
    assert 5 <= len(counts) < 300
    assert all(stated == stored == 73 for stated, stored in counts)
    with Ledger(ledger_file) as ledger:
        loaded = ledger.load()
    assert all(doc.ok and len(claims) == 73 and claims[3].text == f"{int(doc.id[-3:])}个" for doc, claims in loaded)
    resumed = run("ledger", "add", str(folder), "--ledger", str(ledger_file))
    outcomes = [line.split()[0] for line in resumed.stdout.splitlines()]
    assert outcomes.count("unchanged") == len(counts) and outcomes.count("added") == 300 - len(counts)


def _recorded(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path, timeout=1) as db:
            return db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0
