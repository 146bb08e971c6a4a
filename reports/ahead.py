"""The first pieces of a report made ahead of time by the check stage's two processes, each once
its own half of the check is done, and given back first when the report is written.

    ahead = Ahead(json_report.head(claim_set), claim_set)   # before the check's fork
    result = pipeline.check(claim_set, config, run=run, then=ahead.make)
    writing.write(path, ahead.pieces(json_report.tail(result)))

The documents and claims of a JSON report do not depend on the findings. Whichever of the two
processes of ``parallel.beside`` is done first starts making their pieces, this one from the
first on, the forked copy from the last back, until the two meet (``reports.both_ends``'s
counters and lock, in memory the two share). Each writes its pieces into an unnamed temporary
file (never held in memory: at 10,000 reports they are a quarter of a gigabyte), their lengths
into the shared memory. ``pieces`` reads them back in order and makes now those that are not
there: a piece the copy took is used only when the copy said it had written them all, and a
file that cannot be opened, written or read back whole has its pieces made again. The text is
the one all the pieces make in order, wherever each was made: never a shorter one.
"""
from __future__ import annotations

import mmap
import os
import tempfile
from collections.abc import Iterator, Sequence
from typing import IO

from reports.both_ends import BACK, FRONT, Part, make_from, pieces, spooled


class Ahead:
    """The pieces ``parts`` (the start of a report about ``source``), made by this process and
    a forked copy of it from either end (``make``). Made before the fork: the copy's file and
    the shared memory are opened here."""

    def __init__(self, parts: Sequence[Part], source: object) -> None:
        self.parts, self.source = list(parts), source
        self._done = 2 + len(self.parts)  # in the shared memory, after each piece's length: the copy wrote its share
        try:
            self._back: IO[bytes] | None = tempfile.TemporaryFile()  # the copy's pieces, and the two's lock
            self._shared: memoryview | None = memoryview(mmap.mmap(-1, 8 * (self._done + 1))).cast("q")
        except OSError:  # nothing is made ahead
            self._back = self._shared = None
        else:
            self._shared[FRONT], self._shared[BACK] = 0, len(self.parts)
        self._front: IO[bytes] | None = None  # this process's pieces, opened on the first
        self._front_whole = True  # every piece this process took is in its file

    def make(self, copy: bool = False) -> None:
        """Make pieces until the two processes meet: from the first on in this process, from
        the last back in the copy (``copy``), each written to the process's own file."""
        if self._shared is None:
            return
        end = BACK if copy else FRONT
        try:
            if not copy and self._front is None:
                self._front = tempfile.TemporaryFile()
            spool = self._back if copy else self._front
            make_from(end, self.parts, self._shared, self._back, spool)
            spool.flush()
        except OSError:  # no room, no file: the pieces taken are made again when written
            if not copy:
                self._front_whole = False
            return
        if copy:
            self._shared[self._done] = 1

    def pieces(self, rest: Sequence[Part]) -> Iterator[bytes]:
        """The bytes of every piece in order, then of ``rest``: those made ahead read back one by
        one (each a whole piece, as ``reports.both_ends`` gives them), the others made now (on two
        cores when many). Called once the copy has left."""
        if self._shared is None:
            yield from pieces([*self.parts, *rest])
            return
        shared, count = self._shared, len(self.parts)
        front, met = shared[FRONT], shared[BACK]
        lengths = list(shared[2:2 + count])
        todo: list[Part] = []
        if self._front_whole and _holds(self._front, sum(lengths[:front])):
            yield from spooled(self._front, lengths[:front])
        else:
            todo += self.parts[:front]
        todo += self.parts[front:met]
        if shared[self._done] and _holds(self._back, sum(lengths[met:])):
            yield from pieces(todo)
            todo = []
            yield from spooled(self._back, lengths[met:], last_first=True)
        else:
            todo += self.parts[met:]
        self._closed()
        yield from pieces([*todo, *rest])

    def _closed(self) -> None:
        """Close the files (they have no name: nothing is left behind) and the shared memory."""
        for spool in (self._front, self._back):
            if spool is not None:
                spool.close()
        self._front = self._back = None
        if self._shared is not None:
            self._shared.release()
            self._shared = None


def _holds(spool: IO[bytes] | None, length: int) -> bool:
    """Whether ``spool`` holds exactly ``length`` bytes (no file: when none are wanted)."""
    return os.fstat(spool.fileno()).st_size == length if spool is not None else length == 0

