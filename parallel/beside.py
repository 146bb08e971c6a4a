"""Two pieces of work at once on one machine: one in a forked copy of this process, one here.

    here, there = beside(lambda: work_a(corpus), lambda: work_b(corpus))

The copy shares this process's memory until it writes to it, so nothing big is pickled on the way
in (a corpus of 10,000 documents costs nothing to hand over); only the copy's result comes back,
pickled through a pipe, written and read as a stream (neither side holds the whole pickle), and
read without the cyclic collector's passes (a result is plain records; each pass would traverse
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
from collections.abc import Callable
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")
FAILED = 1  # the copy's exit status when its work raised
PIECE = 1 << 20  # bytes of the pipe's stream buffered at a time


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
        _send(writing, there)
    os.close(writing)
    try:
        mine = here()
        received, error = _received(reading)
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        os.close(reading)
        _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return mine, there()
    if error is not None:
        raise error
    return mine, received


def _send(writing: int, work: Callable[[], object]) -> None:
    """Run ``work`` in the copy and write its pickled result; exit the copy either way."""
    status = FAILED
    gc.freeze()
    try:
        with os.fdopen(writing, "wb", buffering=PIECE) as pipe:
            pickle.dump(work(), pipe, protocol=pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        os._exit(status)


def _received(reading: int) -> tuple[object, Exception | None]:
    """The result the copy wrote, read until it closed its end, and what reading it raised (a
    copy that failed part-way leaves a pickle cut short; its exit status then says so)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        with os.fdopen(reading, "rb", buffering=PIECE, closefd=False) as pipe:
            return pickle.load(pipe), None
    except Exception as error:  # noqa: BLE001 - a torn pickle raises whatever its last opcode meets
        return None, error
    finally:
        if enabled:
            gc.enable()
