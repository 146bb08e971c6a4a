"""Outputs are written atomically: a failure or a kill part-way leaves the previous report whole."""
from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

import pytest

import run_checks
from reports import formats, writing
from tests.office_files import word_file
from tests.test_cli import ROOT

DRAFT = "乌海市2024年报告\n全市常住人口为10万人，比上年增长3%。\n"
PREVIOUS = '{"previous": "good report"}\n'


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_write_replaces_the_file_and_keeps_its_permissions(tmp_path):
    target = tmp_path / "report.json"
    target.write_text(PREVIOUS, encoding="utf-8")
    target.chmod(0o640)
    writing.write(target, "新的报告\n")
    assert target.read_text(encoding="utf-8") == "新的报告\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and _leftovers(tmp_path) == []
    writing.write(tmp_path / "new.xlsx", b"PK\x03\x04")
    assert (tmp_path / "new.xlsx").read_bytes() == b"PK\x03\x04"


def test_a_failure_part_way_leaves_the_previous_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text(PREVIOUS, encoding="utf-8")

    def fail(fd: int) -> None:  # the new content is half on its way to the disk
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, "fsync", fail)
    with pytest.raises(OSError, match="No space left"):
        writing.write(target, "x" * 100_000)
    assert target.read_text(encoding="utf-8") == PREVIOUS and _leftovers(tmp_path) == []


def test_a_report_written_in_pieces_goes_to_the_file_as_they_come(tmp_path):
    target = tmp_path / "report.json"
    target.write_text(PREVIOUS, encoding="utf-8")
    seen = []

    def pieces():
        for number in range(3):
            if number:  # the pieces before are in the temporary file already, not in the target
                seen.append((target.read_text(encoding="utf-8"), _leftovers(tmp_path)))
            yield f"第{number}段\n".encode()
        raise RuntimeError("the renderer failed")

    with pytest.raises(RuntimeError, match="renderer failed"):
        writing.write(target, pieces())
    assert [text for text, _ in seen] == [PREVIOUS, PREVIOUS] and all(len(tmp) == 1 for _, tmp in seen)
    assert target.read_text(encoding="utf-8") == PREVIOUS and _leftovers(tmp_path) == []
    writing.write(target, iter([b"{", "中".encode(), b"}\n"]))
    assert target.read_text(encoding="utf-8") == "{中}\n"


def test_a_link_is_followed_and_stays_a_link(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    writing.write(link, "new\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new\n"


def test_a_pipe_is_written_in_place(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    writing.write(fifo, "through the pipe\n")
    reader.join(timeout=10)
    assert received == [b"through the pipe\n"] and stat.S_ISFIFO(fifo.stat().st_mode)


def _draft(tmp_path: Path) -> Path:
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    return draft


@pytest.mark.parametrize("command, fmt", [("claims", "json"), ("claims", "csv"), ("check", "markdown"),
                                          ("check", "xlsx")])
def test_a_renderer_failing_leaves_the_previous_output(tmp_path, monkeypatch, capsys, command, fmt):
    draft, target = _draft(tmp_path), tmp_path / f"report.{fmt}"
    target.write_text(PREVIOUS, encoding="utf-8")
    real = formats.format_of(command, fmt)

    def half_then_fail(result, view):
        real.render(result, view)  # the whole report rendered, then a failure before it is written
        raise RuntimeError("renderer broke")

    def pieces_then_fail(result, view):  # a streamed format: some pieces written, then a failure
        pieces = real.stream(result, view)
        yield next(pieces)
        yield next(pieces)
        raise RuntimeError("renderer broke")

    failing = replace(real, render=half_then_fail, stream=pieces_then_fail if real.stream else None)
    monkeypatch.setattr(run_checks.formats, "format_of", lambda *args: failing)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(run_checks.DEBUG, raising=False)
    status = run_checks.main([command, str(draft), "--format", fmt, "--output", str(target), "--quiet",
                              *(["--select", "CS01"] if command == "check" else [])])
    assert status == 2  # an internal error: one line, never the exit status of findings
    assert "internal error: RuntimeError: renderer broke" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == PREVIOUS and _leftovers(tmp_path) == []


def test_every_text_and_binary_output_goes_through_the_atomic_writer(tmp_path, monkeypatch):
    draft = _draft(tmp_path)
    written: list[str] = []
    real = writing.write
    monkeypatch.setattr(run_checks.writing, "write", lambda path, data: written.append(Path(path).name)
                        or real(path, data))
    monkeypatch.chdir(tmp_path)
    for fmt in ("json", "xlsx", "sarif"):
        assert run_checks.main(["check", str(draft), "--format", fmt, "-o", f"out.{fmt}", "-q", "--select", "CS01",
                                "--write-baseline", f"base.{fmt}.json"]) == 0
    assert written == ["base.json.json", "out.json", "base.xlsx.json", "out.xlsx", "base.sarif.json", "out.sarif"]


def test_reviewed_word_copies_into_a_folder_are_atomic(tmp_path, monkeypatch, capsys):
    for name, people in (("a", "10"), ("b", "12")):
        (tmp_path / f"{name}.docx").write_bytes(word_file(["乌海市2024年报告", f"全市常住人口为{people}万人。"]))
    out = tmp_path / "reviewed"
    out.mkdir()
    (out / "a.docx").write_bytes(b"previous copy")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(writing.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(5, "I/O error")))
    monkeypatch.delenv(run_checks.DEBUG, raising=False)
    assert run_checks.main(["check", "a.docx", "b.docx", "--format", "docx", "-o", "reviewed", "-q"]) == 2
    assert "I/O error" in capsys.readouterr().err
    assert (out / "a.docx").read_bytes() == b"previous copy" and _leftovers(out) == []


KILLED = """
import os, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from reports import writing
def stall(fd):
    print("half written", flush=True)
    time.sleep(120)
writing.os.fsync = stall
writing.write(Path(sys.argv[2]), "new report " * 200_000)
"""


def test_a_kill_while_writing_leaves_the_previous_file(tmp_path):
    target = tmp_path / "report.json"
    target.write_text(PREVIOUS, encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-c", KILLED, str(ROOT), str(target)], stdout=subprocess.PIPE,
                               text=True)
    try:
        assert process.stdout.readline() == "half written\n"
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        process.kill()
    assert process.returncode == -signal.SIGKILL
    assert target.read_text(encoding="utf-8") == PREVIOUS
    # a kill leaves the hidden temporary file behind, never a truncated report; its name carries the pid
    [stale] = _leftovers(tmp_path)
    assert re.fullmatch(rf"\.report\.json\.{process.pid}\.[0-9a-f]{{8}}\.tmp", stale)
    # the next write of that target removes it, and leaves the temporary files of live writers and
    # of other targets alone
    live = f".report.json.{os.getpid()}.0123abcd.tmp"
    other = f".other.json.{process.pid}.0123abcd.tmp"
    for name in (live, other):
        (tmp_path / name).write_text("partial", encoding="utf-8")
    writing.write(target, "the next report\n")
    assert target.read_text(encoding="utf-8") == "the next report\n"
    assert _leftovers(tmp_path) == sorted([live, other])


def test_output_to_dev_stdout_through_a_pipe(tmp_path):
    """``-o /dev/stdout`` leads to a pipe (``/proc/self/fd/1`` → ``pipe:[…]``): written in place."""
    draft = _draft(tmp_path)
    result = subprocess.run([sys.executable, str(ROOT / "run_checks.py"), "claims", str(draft), "--format", "json",
                             "-o", "/dev/stdout"], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert [claim["text"] for claim in json.loads(result.stdout)["claims"]] == ["2024年", "10万人", "3%"]
