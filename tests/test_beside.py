"""The check stage on two cores: work in a forked copy beside this process, the same results."""
from __future__ import annotations

import gc
import os
import pickle
import sys
import tempfile
import time
from types import MappingProxyType

import pytest

from checks.finding import Finding, Location, Severity
from parallel import beside as beside_module
from parallel.beside import FULL_COLLECTIONS, beside

LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the copy is forked on Linux only")


@LINUX
def test_the_second_piece_runs_in_another_process_at_the_same_time():
    here, there = beside(os.getpid, os.getpid)
    assert here == os.getpid() and there != here


def test_both_results_come_back_whatever_their_size():
    big = list(range(300_000))  # megabytes of pickle, written by the copy and read here after it left
    assert beside(lambda: "here", lambda: big) == ("here", big)


@LINUX
def test_the_copy_never_walks_the_heap_it_inherits():
    frozen, inherited = gc.get_freeze_count(), len(gc.get_objects())  # earlier tests may have frozen some
    here, there = beside(lambda: (gc.get_freeze_count(), gc.get_threshold()),
                         lambda: (gc.get_freeze_count(), gc.get_threshold()))
    assert here == (frozen, gc.get_threshold()) and there[0] > frozen + 0.9 * inherited
    assert there[1] == (*gc.get_threshold()[:2], FULL_COLLECTIONS)


@LINUX
def test_work_that_fails_in_the_copy_runs_here_instead():
    parent = os.getpid()

    def flaky() -> int:
        if os.getpid() != parent:
            raise MemoryError("the copy ran out")
        return 7

    assert beside(lambda: 1, flaky) == (1, 7)


def test_an_error_here_is_raised_and_the_copy_is_reaped(monkeypatch):
    def failing() -> None:
        raise ValueError("here")

    copies = []

    def fork() -> int:
        copies.append(real_fork())
        return copies[-1]

    real_fork = os.fork
    monkeypatch.setattr(os, "fork", fork)
    with pytest.raises(ValueError, match="here"):
        beside(failing, lambda: 1)
    assert len(copies) == (1 if sys.platform.startswith("linux") else 0)
    for pid in copies:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # the copy is not left behind (other tests' pools may be)


@LINUX
def test_a_result_of_long_lists_comes_back_whole_in_batches(monkeypatch):
    """The copy pickles each list of its result ``BATCH`` items at a time (the memo of one pickle
    of every finding held hundreds of MB); the lists, the tuple and what else it holds come back."""
    monkeypatch.setattr(beside_module, "BATCH", 7)
    shared = ("d1", 3)
    result = ([{"n": number, "shared": shared} for number in range(50)], {"note": {"a", "b"}}, [], "tail")
    here, there = beside(lambda: "here", lambda: result)
    assert here == "here" and there == result and type(there) is tuple
    assert there[0][0]["shared"] is there[0][6]["shared"]  # shared inside a batch stays shared
    assert beside(lambda: 0, lambda: list(range(20)))[1] == list(range(20))


def test_findings_cross_the_pipe_with_their_evidence():
    finding = Finding("CS01", "conflicting-figures", Severity.ERROR, "两处数字不同", "d1", 3, 9, ("c1", "c2"),
                      (Location("d2", 1, 4, "other source", label_zh="另一来源"),),
                      MappingProxyType({"values": ("24个", "14个"), "nested": MappingProxyType({"n": 2})}))
    again = pickle.loads(pickle.dumps(finding))
    assert again == finding and isinstance(again.evidence, MappingProxyType)
    assert again.evidence["nested"]["n"] == 2


def test_split_rules_give_the_findings_of_one_process():
    """Every rule's findings on the examples survive the pipe, and the split changes nothing."""
    import pipeline
    from checks import engine
    from checks.config import Config
    from checks.corpus import Corpus

    examples = pipeline.load([os.path.join(os.path.dirname(__file__), "..", "examples")])

    def piped(here, there, pack, unpack):  # what the forked copy's findings go through, here in one process
        found, notes = there()
        return here(), (unpack(pickle.loads(pickle.dumps(pack(found)))), pickle.loads(pickle.dumps(notes)))

    def findings(split) -> list[Finding]:
        corpus = Corpus(examples.documents, examples.claims)
        return engine.run_rules(corpus, Config(), examples.documents, split=split)

    one = findings(None)
    assert len(one) >= 14 and findings(piped) == one == findings(beside)


@LINUX
def test_a_result_the_copy_cannot_finish_writing_is_made_here():
    """The copy writes its result as it pickles it; one that fails part-way (a lambda cannot be
    pickled) leaves megabytes of a pickle cut short, which is not taken: the work is done again here."""
    big = list(range(300_000))
    here, (numbers, pid, function) = beside(lambda: 1, lambda: [big, os.getpid(), lambda: 2])
    assert here == 1 and numbers == big and pid == os.getpid() and function() == 2


@LINUX
def test_the_copy_leaves_before_its_result_is_read():
    """The copy does not wait for this process to read its result: it has left before ``here``
    ends, so the two never hold the result at once."""
    parent = os.getpid()
    copies: list[int] = []

    def here() -> bool:
        while not copies:  # the copy's pid, sent through a file it writes when its work is done
            if os.path.exists(marker) and os.path.getsize(marker):
                copies.append(int(open(marker).read()))
            time.sleep(0.01)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with open(f"/proc/{copies[0]}/stat") as stat:
                if stat.read().split(") ", 1)[1].startswith("Z"):  # left, waiting to be reaped
                    return True
            time.sleep(0.01)
        return False

    def there() -> list[int]:
        if os.getpid() != parent:
            with open(marker + ".tmp", "w") as out:
                out.write(str(os.getpid()))
            os.replace(marker + ".tmp", marker)
        return list(range(300_000))

    with tempfile.TemporaryDirectory() as folder:
        marker = os.path.join(folder, "copy.pid")
        left, numbers = beside(here, there)
    assert left and numbers == list(range(300_000))
