"""Two pieces of work at once on one machine: one in a forked copy of this process, one here.

    here, there = beside(lambda: work_a(corpus), lambda: work_b(corpus))

The copy shares this process's memory until it writes to it, so nothing big is pickled on the way
in (a corpus of 10,000 documents costs nothing to hand over); only the copy's result comes back,
pickled through a pipe. Linux only: elsewhere, or when the copy cannot start or fails, the second
piece runs here after the first, so the results never depend on where they were computed.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")
FAILED = 1  # the copy's exit status when its work raised
FULL_COLLECTIONS = 1000  # middle-generation collections between two of the whole heap in the copy (default 10)


def beside(here: Callable[[], A], there: Callable[[], B]) -> tuple[A, B]:
    """``(here(), there())``, ``there`` run in a forked copy while ``here`` runs in this process."""
    if not sys.platform.startswith("linux"):
        return here(), there()
    try:
        reading, writing = os.pipe()
    except OSError:
        return here(), there()
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return here(), there()
    if pid == 0:  # the copy: work, send the result, and leave without running this process's exit handlers
        os.close(reading)
        gc.freeze()  # the inherited heap stays out of the collector's walks (they cost ~O(heap) each) ...
        gc.set_threshold(*gc.get_threshold()[:2], FULL_COLLECTIONS)  # ... and so, mostly, do the findings it keeps
        _send(writing, there)
    os.close(writing)
    try:
        mine = here()
        data = _received(reading)
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(reading)
        _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not data:
        return mine, there()
    return mine, pickle.loads(data)


def _send(writing: int, work: Callable[[], object]) -> None:
    """Run ``work`` in the copy and write its pickled result; exit the copy either way."""
    status = FAILED
    try:
        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writing, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)


def _received(reading: int) -> bytes:
    """Everything the copy wrote, until it closed its end."""
    chunks = []
    while chunk := os.read(reading, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)
