"""Two pieces of work at once on one machine: one in a forked copy of this process, one here.

    here, there = beside(lambda: work_a(corpus), lambda: work_b(corpus))

The copy shares this process's memory until it writes to it, so nothing big is pickled on the way
in (a corpus of 10,000 documents costs nothing to hand over); only the copy's result comes back,
pickled into an unnamed temporary file as it is made, and the copy leaves. This process reads it
once its own piece is done and the copy is gone, so the two never hold the result at once (a pipe
would keep the copy, and all it holds, alive until this process had read it all); it reads
without the cyclic collector's passes (a result is plain records, and each pass would traverse
all those read so far). The copy moves what it inherits out of its own collector's passes
(``gc.freeze``), so that they do not copy the pages they would write. Linux only: elsewhere, or
when the copy cannot start or fails, the second piece runs here after the first, so the results
never depend on where they were computed.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import tempfile
from collections.abc import Callable
from typing import IO, TypeVar

from parallel.collector import paused

A = TypeVar("A")
B = TypeVar("B")
FAILED = 1  # the copy's exit status when its work raised
FULL_COLLECTIONS = 1000  # middle-generation collections between two of the whole heap in the copy (default 10)


def beside(here: Callable[[], A], there: Callable[[], B]) -> tuple[A, B]:
    """``(here(), there())``, ``there`` run in a forked copy while ``here`` runs in this process."""
    if not sys.platform.startswith("linux"):
        return here(), there()
    try:
        spool = tempfile.TemporaryFile()  # opened before the fork: the copy writes it, this process reads it
    except OSError:
        return here(), there()
    with spool:
        try:
            pid = os.fork()
        except OSError:
            return here(), there()
        if pid == 0:  # the copy: work, write the result, and leave without running this process's exit handlers
            _send(spool, there)
        try:
            mine = here()
        except BaseException:
            os.kill(pid, signal.SIGKILL)
            raise
        finally:
            _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return mine, there()
        spool.seek(0)
        return mine, _received(spool)


def _send(spool: IO[bytes], work: Callable[[], object]) -> None:
    """Run ``work`` in the copy and write its pickled result; exit the copy either way."""
    status = FAILED
    gc.freeze()  # the inherited heap stays out of the collector's walks (they cost ~O(heap) each) ...
    gc.set_threshold(*gc.get_threshold()[:2], FULL_COLLECTIONS)  # ... and so, mostly, do the findings it keeps
    try:
        pickle.dump(work(), spool, protocol=pickle.HIGHEST_PROTOCOL)
        spool.flush()
        status = 0
    finally:
        os._exit(status)


def _received(spool: IO[bytes]) -> object:
    """The result the copy wrote, read without the collector's passes (and kept out of later ones)."""
    with paused():
        return pickle.load(spool)
