"""The first pieces of a report made ahead of time, while this process would wait for the check
stage's forked copy, and given back first when the report is written.

    ahead = Ahead(json_report.head(claim_set), claim_set)
    result = pipeline.check(claim_set, config, run=run, meanwhile=ahead.make)
    writing.write(path, ahead.pieces(json_report.tail(result)))

The documents and claims of a JSON report do not depend on the findings: this process encodes
them once its half of the check is done, for as long as the copy still works on the other half
(``parallel.beside``), into an unnamed temporary file (never held in memory: at 10,000 reports
they are a quarter of a gigabyte). ``pieces`` gives back that file's bytes, then makes the pieces
not made yet and the rest (on two cores when many: ``reports.both_ends``), so the text is the
one all the pieces make in order, however many were made ahead. A file that cannot be opened,
written or read back whole leaves its pieces to be made again: never a shorter text.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import IO

from reports.both_ends import Part, pieces

BLOCK = 16 * 1024 * 1024  # bytes read back from the temporary file at a time


class Ahead:
    """The pieces ``parts`` (the start of a report about ``source``), those made ahead kept in a
    temporary file."""

    def __init__(self, parts: Sequence[Part], source: object) -> None:
        self.parts, self.source = list(parts), source
        self.made = 0  # the pieces in the file, from the first
        self._spool: IO[bytes] | None = None
        self._length = 0

    def make(self, running: Callable[[], bool] = lambda: True) -> None:
        """Make the pieces in order, each into the temporary file, while ``running()`` says to
        (the forked copy is at work)."""
        try:
            while self.made < len(self.parts) and running():
                data = self.parts[self.made]()
                if self._spool is None:
                    self._spool = tempfile.TemporaryFile()
                self._spool.write(data)
                self._length += len(data)
                self.made += 1
            if self._spool is not None:
                self._spool.flush()
        except OSError:  # no room, no file: they are made again when written
            self._dropped()

    def pieces(self, rest: Sequence[Part]) -> Iterator[bytes]:
        """The bytes of every piece, then of ``rest``: those made ahead read back (when the file
        holds them all), the others made now."""
        spool, length, made = self._spool, self._length, self.made
        self._spool, self._length, self.made = None, 0, 0
        if spool is not None:
            with spool:
                if os.fstat(spool.fileno()).st_size != length:  # cut short: every piece made again
                    made = 0
                for at in range(0, length if made else 0, BLOCK):
                    data = os.pread(spool.fileno(), min(BLOCK, length - at), at)
                    if len(data) != min(BLOCK, length - at):
                        raise OSError(f"the report's temporary file holds {at + len(data)} of {length} bytes")
                    yield data
        yield from pieces([*self.parts[made:], *rest])

    def _dropped(self) -> None:
        """Forget the pieces made ahead (their file closed: it has no name to remove)."""
        if self._spool is not None:
            self._spool.close()
        self._spool, self._length, self.made = None, 0, 0
