"""A long text made on two cores from both ends (``reports.both_ends``), or its start made ahead
while the check's copy works (``reports.ahead``): the same bytes as one process makes at once,
and a failure of a copy, of a fork or of a temporary file never a shorter text."""
from __future__ import annotations

import json
import os
import signal
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import pytest

import pipeline
from checks.config import Config
from parallel.beside import beside
from reports import both_ends, json_report, json_text, sarif_report, writing
from reports.both_ends import FORK_FROM, pieces
from reports.view import View

LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the copy is forked on Linux only")
ROOT = Path(__file__).resolve().parent.parent
PARENT = os.getpid()


def _where(index: int) -> bytes:
    """A piece naming its index and the process that made it (in a few milliseconds, so that the
    copy has started before this process has made them all)."""
    time.sleep(0.003)
    return f"{index} {os.getpid()}\n".encode()


@LINUX
def test_the_pieces_come_back_in_order_made_by_two_processes():
    lines = b"".join(pieces([partial(_where, index) for index in range(300)])).decode().splitlines()
    assert [int(line.split()[0]) for line in lines] == list(range(300))
    makers = [int(line.split()[1]) for line in lines]
    assert makers[0] == os.getpid() and makers[-1] != os.getpid()  # this process from the front, the copy from the back
    assert len(set(makers)) == 2 and makers == sorted(makers, key=lambda pid: pid != os.getpid())


def test_a_few_pieces_are_made_here():
    lines = b"".join(pieces([partial(_where, index) for index in range(FORK_FROM - 1)])).decode().splitlines()
    assert lines == [f"{index} {os.getpid()}" for index in range(FORK_FROM - 1)]


def test_a_process_holding_much_memory_makes_its_pieces_itself(monkeypatch):
    """A copy would duplicate every page the two touch: past ``FORK_BELOW``, no copy."""
    monkeypatch.setattr(both_ends, "FORK_BELOW", 1)
    lines = b"".join(pieces([partial(_where, index) for index in range(100)])).decode().splitlines()
    assert lines == [f"{index} {os.getpid()}" for index in range(100)]


def _broken(index: int) -> bytes:
    if index == 250:
        raise ValueError("piece 250 cannot be made")
    return _where(index)


def test_a_piece_that_fails_raises_and_the_target_keeps_its_previous_text(tmp_path):
    """Piece 250 is the copy's to make: its failure is raised here, where the piece is made again,
    and the atomic writer leaves the previous file whole, with no temporary file behind."""
    target = tmp_path / "report.json"
    target.write_text("previous", encoding="utf-8")
    with pytest.raises(ValueError, match="piece 250 cannot be made"):
        writing.write(target, pieces([partial(_broken, index) for index in range(300)]))
    assert target.read_text(encoding="utf-8") == "previous" and os.listdir(tmp_path) == ["report.json"]


def _killed_in_the_copy(index: int) -> bytes:
    if os.getpid() != PARENT and index == 280:
        os.kill(os.getpid(), signal.SIGKILL)
    return _where(index)


@LINUX
def test_a_copy_killed_part_way_leaves_a_whole_text(tmp_path):
    target = tmp_path / "report.txt"
    writing.write(target, pieces([partial(_killed_in_the_copy, index) for index in range(300)]))
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [int(line.split()[0]) for line in lines] == list(range(300))
    assert {int(line.split()[1]) for line in lines[280:]} == {os.getpid()}  # made here again after the kill


@pytest.fixture(scope="module")
def seeds_result():
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        documents = pipeline.read(sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
                                  or sorted((ROOT / "examples").glob("*.txt")))
    finally:
        os.chdir(cwd)
    return pipeline.check(pipeline.extract(documents), Config(language="en"))


@LINUX
@pytest.mark.parametrize("render", [json_report.stream, sarif_report.stream])
def test_a_report_on_two_cores_is_the_text_of_one_process(seeds_result, monkeypatch, render):
    """A real run of several documents, in chunks of 2 records, made from both ends from 4 pieces."""
    monkeypatch.setattr(json_text, "CHUNK", 2)
    monkeypatch.setattr(both_ends, "FORK_FROM", 4)
    monkeypatch.setattr(sarif_report, "tool_version", lambda: "0.1.0")
    assert len(seeds_result.claim_set.documents) > 1 and len(seeds_result.findings) > 2
    made = []
    real = both_ends._both_ends
    monkeypatch.setattr(both_ends, "_both_ends", lambda *args: made.append(len(args[0])) or real(*args))
    parallel = b"".join(render(seeds_result, View()))
    monkeypatch.setattr(both_ends, "FORK_FROM", 10**9)
    single = b"".join(render(seeds_result, View()))
    assert made and made[0] >= 4 and parallel == single
    json.loads(parallel)


def test_without_a_fork_or_a_spool_every_piece_is_made_here(monkeypatch):
    """The fork (``vocab.forked``) fails, or its unnamed file cannot be opened: a whole text, made here."""
    parts = [partial(_where, index) for index in range(FORK_FROM + 6)]
    expected = [f"{index} {os.getpid()}" for index in range(FORK_FROM + 6)]

    def refused(*args):
        raise OSError("refused")

    monkeypatch.setattr(os, "fork", refused)
    assert b"".join(pieces(parts)).decode().splitlines() == expected
    monkeypatch.undo()
    monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    assert b"".join(pieces(parts)).decode().splitlines() == expected


# --- the documents and claims made ahead by the check's two processes (reports.ahead) ---------

def _plain(result) -> bytes:
    return b"".join(json_report.stream(result, View()))


def _marking(part, log: str, kill_at: int | None = None, index: int = 0):
    """``part``, slowed down, noting who made it in ``log``; the copy dies at piece ``kill_at``."""
    def made() -> bytes:
        if os.getpid() != PARENT and index == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        time.sleep(0.002)
        with open(log, "a", encoding="ascii") as out:
            out.write(f"{index} {os.getpid()}\n")
        return part()
    return made


def _makers(log: str) -> dict[int, int]:
    with open(log, encoding="ascii") as lines:
        return {int(index): int(pid) for index, pid in (line.split() for line in lines)}


@pytest.mark.parametrize("who", [(), (False,), (True,), (True, False), (False, True)])
def test_a_report_made_ahead_from_either_end_is_the_report_made_at_once(seeds_result, monkeypatch, who):
    """Made here from the front, as the copy would from the back, both, or neither: the same bytes."""
    monkeypatch.setattr(json_text, "CHUNK", 2)
    ahead = json_report.ahead(seeds_result.claim_set)
    assert len(ahead.parts) > 3
    for copy in who:
        ahead.make(copy)
    assert b"".join(json_report.stream(seeds_result, View(), ahead)) == _plain(seeds_result)


def test_the_pieces_made_ahead_come_back_one_by_one(seeds_result, monkeypatch):
    """Read back as the pieces they were, so that each decodes on its own (standard output
    writes them as text) and they are the pieces made at once."""
    monkeypatch.setattr(json_text, "CHUNK", 3)
    ahead = json_report.ahead(seeds_result.claim_set)
    ahead.make()
    ahead.make(True)
    assert list(json_report.stream(seeds_result, View(), ahead)) == list(json_report.stream(seeds_result, View()))


@LINUX
def test_the_two_processes_of_the_check_share_the_pieces_made_ahead(seeds_result, monkeypatch, tmp_path):
    """This process from the first piece, the copy from the last, once each is done: both made some,
    and the report is the same."""
    monkeypatch.setattr(json_text, "CHUNK", 1)
    ahead = json_report.ahead(seeds_result.claim_set)
    log = str(tmp_path / "makers")
    ahead.parts = [_marking(part, log, index=index) for index, part in enumerate(ahead.parts)]
    assert beside(lambda: 1, os.getpid, then=ahead.make)[0] == 1
    makers = _makers(log)
    assert sorted(makers) == list(range(len(ahead.parts)))
    assert makers[0] == PARENT and makers[len(ahead.parts) - 1] != PARENT
    assert b"".join(json_report.stream(seeds_result, View(), ahead)) == _plain(seeds_result)


def test_pieces_made_ahead_for_another_claim_set_are_not_used(seeds_result):
    ahead = json_report.ahead(pipeline.extract([]))
    ahead.make()
    assert b"".join(json_report.stream(seeds_result, View(), ahead)) == _plain(seeds_result)


def test_no_file_for_the_pieces_made_ahead_leaves_them_to_be_made_when_written(seeds_result, monkeypatch):
    def refused(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    ahead = json_report.ahead(seeds_result.claim_set)
    ahead.make()
    ahead.make(True)
    assert b"".join(json_report.stream(seeds_result, View(), ahead)) == _plain(seeds_result)


@pytest.mark.parametrize("copy", [False, True])
def test_a_file_of_pieces_made_ahead_cut_short_has_its_pieces_made_again(seeds_result, copy):
    ahead = json_report.ahead(seeds_result.claim_set)
    ahead.make(copy)
    os.ftruncate((ahead._back if copy else ahead._front).fileno(), 100)  # lost after it was written
    assert b"".join(json_report.stream(seeds_result, View(), ahead)) == _plain(seeds_result)


@LINUX
def test_a_check_copy_killed_while_it_makes_pieces_ahead_leaves_a_whole_report(seeds_result, monkeypatch, tmp_path):
    """The copy dies part-way through its share: its result and the pieces it took are made here,
    and the report is whole and the same."""
    monkeypatch.setattr(json_text, "CHUNK", 1)
    ahead = json_report.ahead(seeds_result.claim_set)
    log, last = str(tmp_path / "makers"), len(ahead.parts) - 1
    ahead.parts = [_marking(part, log, last - 3, index) for index, part in enumerate(ahead.parts)]
    assert beside(lambda: time.sleep(0.2), os.getpid, then=ahead.make) == (None, PARENT)  # made here again
    assert {index for index, pid in _makers(log).items() if pid != PARENT} == {last, last - 1, last - 2}
    assert b"".join(json_report.stream(seeds_result, View(), ahead)) == _plain(seeds_result)


@LINUX
def test_an_interrupt_while_making_ahead_stops_the_copy_and_is_raised():
    """Ctrl-C in this process's share: the copy is killed and reaped, the interrupt raised."""
    def interrupted(copy: bool) -> None:
        if not copy:
            raise KeyboardInterrupt
        time.sleep(30)

    before = _children()
    with pytest.raises(KeyboardInterrupt):
        beside(lambda: 1, lambda: 2, then=interrupted)
    assert _children() == before  # no copy is left behind, not even a zombie


def _children() -> set[int]:
    """This process's child processes (Linux: ``/proc``; none elsewhere)."""
    found: set[int] = set()
    for task in Path("/proc/self/task").glob("*/children"):
        found |= {int(pid) for pid in task.read_text(encoding="ascii").split()}
    return found
