"""Every input becomes a document whatever its kind, bytes or name; one document's failure is its
own; an internal error is exit 2 (issue 17)."""
from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pipeline
import run_checks
from checks.config import Config
from sources.decode import decode_bytes
from sources.reader import load_documents

ROOT = Path(__file__).parents[1]
JSON = ("json", "sarif", "gitlab")
TEXT = "全市建成社区食堂24个，日均服务老年人1200人次。"
FRAGMENT = "乌海市新增城镇就业3000人。"


def run(*args: str | bytes, timeout: float = 120, env: dict | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "run_checks.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, errors="replace", timeout=timeout, env={**os.environ, **(env or {})})


# --- file kinds ------------------------------------------------------------------------------

@pytest.fixture
def odd_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_ok.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(folder / "b_fifo.txt")
    (folder / "c_zero.txt").symlink_to("/dev/zero")
    (folder / "d_loop.txt").symlink_to(folder / "d_loop.txt")
    (folder / "e_dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "f_locked").mkdir()
    (folder / "f_locked" / "x.txt").write_text(TEXT, encoding="utf-8")
    (folder / "g_pipe").symlink_to(folder / "b_fifo.txt")  # no known extension: still not skipped silently
    return folder


def _locked(monkeypatch, folder: Path) -> None:
    """``folder`` cannot be listed (tests may run as root, who reads any folder)."""
    real = os.scandir

    def scandir(path):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_every_entry_of_a_folder_is_a_document_with_its_reason(odd_folder, monkeypatch):
    _locked(monkeypatch, odd_folder / "f_locked")
    docs = {doc.id: doc for doc in load_documents([odd_folder])}
    assert {doc_id: (doc.status, doc.error) for doc_id, doc in docs.items()} == {
        "a_ok": ("ok", None),
        "b_fifo": ("error", "not a regular file: a FIFO (named pipe)"),
        "c_zero": ("error", "not a regular file: a character device (a link to /dev/zero)"),
        "d_loop": ("error", "a symbolic link loop"),
        "e_dangling": ("error", f"a broken symbolic link (to {odd_folder / 'nowhere.txt'})"),
        "f_locked": ("error", "cannot read folder: Permission denied"),
        "g_pipe": ("error", f"not a regular file: a FIFO (named pipe) (a link to {odd_folder / 'b_fifo.txt'})"),
    }


def test_a_fifo_or_dev_zero_named_on_the_command_line_does_not_hang(odd_folder):
    done = run("check", str(odd_folder / "b_fifo.txt"), str(odd_folder / "c_zero.txt"), timeout=60)
    assert done.returncode == 2
    assert "b_fifo.txt: not a regular file: a FIFO" in done.stderr and "Traceback" not in done.stderr


def test_a_baseline_that_is_a_fifo_is_a_clear_usage_error(odd_folder):
    done = run("check", str(odd_folder / "a_ok.txt"), "--baseline", str(odd_folder / "b_fifo.txt"), timeout=60)
    assert done.returncode == 2
    assert done.stderr.strip().endswith("not a regular file: a FIFO (named pipe))")


# --- decoding --------------------------------------------------------------------------------

@pytest.mark.parametrize(("data", "encoding", "text"), [
    (codecs.BOM_UTF8 + TEXT.encode("gbk"), "gb18030 (after a misleading utf-8 byte-order mark)", TEXT),
    (TEXT.encode("utf-16-le"), "utf-16-le (no byte-order mark)", TEXT),
    (TEXT.encode("utf-16-be"), "utf-16-be (no byte-order mark)", TEXT),
    ("Total 24 canteens in 2023.".encode("utf-16-le"), "utf-16-le (no byte-order mark)", "Total 24 canteens in 2023."),
], ids=["utf8-bom-then-gbk", "utf16le-no-bom", "utf16be-no-bom", "ascii-utf16-no-bom"])
def test_bytes_that_do_not_fit_their_bom_or_have_none_are_read(data, encoding, text):
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding, decoded.damage) == (text, encoding, ())


@pytest.mark.parametrize(("data", "text", "what"), [
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le") + b"\x31", TEXT + "\ufffd", "1 undecodable byte"),
    (b"\xff\xfe\x00\x00" + TEXT.encode("utf-16-le"), "\ufffd" + TEXT, "a NUL byte"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le") + b"\x00\xd8" + "完".encode("utf-16-le"),
     TEXT + "\ufffd完", "2 undecodable bytes"),
    (TEXT.encode() + b"\x00" + TEXT.encode(), TEXT + "\ufffd" + TEXT, "a NUL byte"),
], ids=["utf16-odd-length", "ff-fe-00-00-then-utf16", "lone-surrogate", "stray-nul"])
def test_damaged_bytes_are_read_with_the_damage_on_its_range(data, text, what):
    decoded = decode_bytes(data)
    assert decoded.text == text
    [damage] = decoded.damage
    assert (decoded.text[damage.start:damage.end], damage.what, damage.lost) == ("\ufffd", what, True)


def test_a_gbk_fragment_in_utf8_text_is_read_back_and_reported():
    decoded = decode_bytes(TEXT.encode() + FRAGMENT.encode("gbk") + TEXT.encode())
    assert (decoded.text, decoded.encoding) == (TEXT + FRAGMENT + TEXT, "utf-8")
    [damage] = decoded.damage
    assert (decoded.text[damage.start:damage.end], damage.what, damage.lost) == (
        FRAGMENT, "a gb18030 fragment in utf-8 text", False)


def test_damage_is_an_io02_finding_on_the_damaged_range_not_a_ti02(tmp_path):
    (tmp_path / "nul.txt").write_bytes(TEXT.encode() + b"\x00" + TEXT.encode())
    (tmp_path / "mixed.txt").write_bytes(TEXT.encode() + FRAGMENT.encode("gbk"))
    documents = pipeline.read([tmp_path])
    result = pipeline.check(pipeline.extract(documents), Config())
    originals = {doc.id: doc.original for doc in documents}
    got = sorted((f.rule, f.doc, originals[f.doc][f.start:f.end]) for f in result.findings
                 if f.rule in ("IO02", "TI02"))
    assert got == [("IO02", "mixed", FRAGMENT), ("IO02", "nul", "\ufffd")]


# --- names that are not UTF-8 ------------------------------------------------------------------

@pytest.fixture
def bad_name(tmp_path: Path) -> Path:
    folder = tmp_path / "names"
    folder.mkdir()
    content = TEXT.encode() + b"\x00" + TEXT.encode()  # a stray NUL: a finding in each document
    (folder / "good.txt").write_bytes(content)
    with open(os.fsencode(folder) + b"/bad\xff\xfe.txt", "wb") as file:
        file.write(content)
    return folder


def test_a_name_that_is_not_utf8_is_shown_with_escapes_in_json(bad_name):
    done = run("claims", str(bad_name), "--format", "json")
    assert done.returncode == 0, done.stderr
    documents = json.loads(done.stdout)["documents"]
    assert [(doc["id"], Path(doc["path"]).name) for doc in documents] == [
        ("bad\\xff\\xfe", "bad\\xff\\xfe.txt"), ("good", "good.txt")]


@pytest.mark.parametrize("fmt", ["table", "json", "html", "sarif", "junit", "markdown", "csv", "github", "gitlab",
                                 "review-csv", "xlsx"])
def test_every_check_format_handles_a_name_that_is_not_utf8(bad_name, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    assert run_checks.main(["check", str(bad_name), "--format", fmt, "--output", str(out)]) in (0, 1)
    data = out.read_bytes()
    if fmt != "xlsx":
        shown = data.decode("utf-8")
        assert "bad\\xff\\xfe" in (json.loads(shown) and shown.replace("\\\\", "\\") if fmt in JSON else shown)


# --- isolation and exit status -------------------------------------------------------------------

def test_an_exception_extracting_one_document_is_that_documents_error(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("乌海市建成社区食堂24个。", encoding="utf-8")
    import claims.extract

    real = claims.extract.extract_claims

    def extract_claims(doc):
        if doc.id == "a":
            raise ZeroDivisionError("boom")
        return real(doc)

    monkeypatch.setattr(claims.extract, "extract_claims", extract_claims)
    for claim_set in (pipeline.extract(pipeline.read([tmp_path])), pipeline.load([tmp_path])):
        assert [(doc.id, doc.status, doc.error) for doc in claim_set.documents] == [
            ("a", "error", "internal error while extracting claims: ZeroDivisionError: boom"), ("b", "ok", None)]
        assert {claim.doc for claim in claim_set.claims} == {"b"}


def test_an_exception_reading_one_document_is_that_documents_error(tmp_path, monkeypatch):
    import sources.reader as reader

    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    real = reader.document_from_bytes
    monkeypatch.setattr(reader, "document_from_bytes",
                        lambda data, doc_id, path: real(data, doc_id, path) if doc_id == "b" else 1 / 0)
    docs = load_documents([tmp_path])
    assert [(doc.id, doc.status, doc.error) for doc in docs] == [
        ("a", "error", "internal error while reading: ZeroDivisionError: division by zero"), ("b", "ok", None)]


def test_an_internal_error_is_exit_2_with_one_line(monkeypatch, capsys, tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.delenv(run_checks.DEBUG, raising=False)
    monkeypatch.setattr(pipeline, "check", lambda *args: {}["missing"])
    assert run_checks.main(["check", str(tmp_path / "a.txt")]) == 2
    err = capsys.readouterr().err
    assert err == "run-checks: internal error: KeyError: 'missing' (set RUN_CHECKS_DEBUG=1 for the traceback)\n"
    monkeypatch.setenv(run_checks.DEBUG, "1")
    assert run_checks.main(["check", str(tmp_path / "a.txt")]) == 2
    assert "Traceback (most recent call last)" in capsys.readouterr().err
