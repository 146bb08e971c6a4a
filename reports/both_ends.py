"""A long list of pieces of text made on two cores, from both ends at once, and given back in order.

    for data in pieces(parts):  # parts: calls, each making the bytes of one piece
        stream.write(data)

This process makes the pieces from the first on, a forked copy of it from the last back, each
taking the next one under a lock until they meet, so that they share the work evenly however busy
each core is. The copy shares this process's memory until it writes to it (nothing is pickled on
the way in); it writes its pieces into an unnamed temporary file as it makes them, and their
lengths into memory the two share, and leaves. This process, once the copy is gone, reads them
back in order. When the copy cannot start or fails (its work raised, or it was killed), this
process makes the pieces the copy took itself: a failure raises here as it would have in one
process, and a text is never given back short.

Pieces are made here one after another when they are fewer than ``FORK_FROM`` (a fork would cost
more than it saves), off Linux, and when this process holds more than ``FORK_BELOW`` bytes: every
page either process touches while both run is copied (a read moves reference counts), which
added 0.8 GB to the 1.5 GB of a 10,000-report check (2.35 GB in all, against 2.1 GB at the end of
its check stage); under it, a run's write stays near the memory its check stage needed.
"""
from __future__ import annotations

import fcntl
import mmap
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO

from vocab.forked import forked

Part = Callable[[], bytes]
FORK_FROM = 24  # pieces; fewer are made here (a fork and the copy's exit cost ~12 ms of a 200 MB process, a
# JSON piece of 256 records 1 to 3 ms)
FORK_BELOW = 2**30  # bytes resident in this process; above, the pieces are made here
FRONT, BACK = 0, 1  # in the shared counters: the next piece from the front, and one past the next from the back


def pieces(parts: Sequence[Part]) -> Iterator[bytes]:
    """Each part's bytes, in the order of ``parts``; the later ones made in a forked copy while
    this process makes the earlier ones (``FORK_FROM`` of them or more, on Linux, in a process
    under ``FORK_BELOW``)."""
    if len(parts) < FORK_FROM or not sys.platform.startswith("linux") or _resident() > FORK_BELOW:
        yield from (part() for part in parts)
        return
    with mmap.mmap(-1, 8 * (len(parts) + 2)) as memory:
        shared = memoryview(memory).cast("q")  # the two counters, then each piece's length
        shared[FRONT], shared[BACK] = 0, len(parts)
        try:
            yield from _both_ends(parts, shared)
        finally:
            shared.release()


def _both_ends(parts: Sequence[Part], shared: memoryview) -> Iterator[bytes]:
    """``pieces`` once the shared counters are set: fork, make, read back."""
    with forked(lambda spool: make_from(BACK, parts, shared, spool, spool)) as copy:
        if copy.spool is None:  # no spool to lock and read: every piece is made here
            yield from (part() for part in parts)
            return
        while (index := taken(shared, copy.spool, FRONT)) is not None:
            yield parts[index]()
        made = copy.wait()
        met = shared[BACK]
        if not made:  # the copy failed, or there was none: the pieces it took are made here
            yield from (part() for part in parts[met:])
            return
        yield from spooled(copy.spool, list(shared[2 + met:2 + len(parts)]), last_first=True)


def _resident() -> int:
    """The bytes of memory this process holds now (``/proc/self/statm``; 0 where it cannot tell)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def taken(shared: memoryview, spool: IO[bytes], end: int) -> int | None:
    """The index of the next piece from ``end`` (``FRONT`` or ``BACK``), now taken; None when
    the two ends have met. ``shared`` holds the two counters first; ``spool`` is a file both
    processes opened before the fork (its first byte is their lock)."""
    with _locked(spool):
        front, back = shared[FRONT], shared[BACK]
        if front >= back:
            return None
        if end == FRONT:
            shared[FRONT] = front + 1
            return front
        shared[BACK] = back - 1
        return back - 1


@contextmanager
def _locked(spool: IO[bytes]) -> Iterator[None]:
    """The two processes' lock: a record lock on the spool's first byte (a process's own, so the
    two exclude each other, and released by the kernel if the holder dies)."""
    fcntl.lockf(spool.fileno(), fcntl.LOCK_EX, 1, 0)
    try:
        yield
    finally:
        fcntl.lockf(spool.fileno(), fcntl.LOCK_UN, 1, 0)


def make_from(end: int, parts: Sequence[Part], shared: memoryview, lock: IO[bytes], spool: IO[bytes]) -> None:
    """Make pieces from ``end`` (``FRONT`` or ``BACK``) until the two ends meet, each written to
    ``spool`` and its length shared (``lock``: the file whose first byte is the two's lock)."""
    while (index := taken(shared, lock, end)) is not None:
        data = parts[index]()
        spool.write(data)
        shared[2 + index] = len(data)


def spooled(spool: IO[bytes], lengths: Sequence[int], last_first: bool = False) -> Iterator[bytes]:
    """The pieces of ``lengths`` that ``spool`` holds, in order (``last_first``: written from
    the last back, as the copy makes them); never a shorter one (``OSError``)."""
    at = sum(lengths) if last_first else 0
    for length in lengths:
        if last_first:
            at -= length
        data = os.pread(spool.fileno(), length, at)
        if len(data) != length:
            raise OSError(f"a temporary file of a report holds {len(data)} bytes of a piece of {length}")
        yield data
        if not last_first:
            at += length
