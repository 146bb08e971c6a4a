"""Two pieces of work at once on one machine: one in a forked copy of this process, one here.

    here, there = beside(lambda: work_a(corpus), lambda: work_b(corpus))

The copy shares this process's memory until it writes to it, so nothing big is pickled on the way
in (a corpus of 10,000 documents costs nothing to hand over); only the copy's result comes back,
pickled into an unnamed temporary file as it is made, and the copy leaves. This process reads it
once its own piece is done and the copy is gone, so the two never hold the result at once (a pipe
would keep the copy, and all it holds, alive until this process had read it all); it reads
without the cyclic collector's passes (a result is plain records, and each pass would traverse
all those read so far). The fork, the spool and the copy's exit are ``vocab.forked``'s. Linux
only: elsewhere, or when the copy cannot start or fails, the second piece runs here after the
first, so the results never depend on where they were computed.
"""
from __future__ import annotations

import gc
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from typing import IO, TypeVar

from parallel.collector import paused
from vocab.forked import forked

A = TypeVar("A")
B = TypeVar("B")
BATCH = 2000  # items of a list in the copy's result pickled at a time
FULL_COLLECTIONS = 1000  # middle-generation collections between two of the whole heap in the copy (default 10)


def beside(here: Callable[[], A], there: Callable[[], B], pack: Callable[[list], object] | None = None,
           unpack: Callable[[object], list] | None = None,
           then: Callable[[bool], object] | None = None) -> tuple[A, B]:
    """``(here(), there())``, ``there`` run in a forked copy while ``here`` runs in this process;
    each batch of a list in the copy's result travels as ``pack(batch)`` (for example as columns,
    cheaper to pickle and load than record by record) and is read back with ``unpack``. ``then``
    is more work the two share, each once its own is done: ``then(False)`` here after ``here``,
    ``then(True)`` in the copy once its result is written (``reports.ahead``)."""
    with forked(lambda spool: _send(spool, there, pack, then)) as copy:
        mine = here()
        if then is not None:
            then(False)
        if not copy.wait():
            return mine, there()
        copy.spool.seek(0)
        return mine, _received(copy.spool, unpack)


def _send(spool: IO[bytes], work: Callable[[], object], pack: Callable[[list], object] | None,
          then: Callable[[bool], object] | None) -> None:
    """In the copy: run ``work`` and write its pickled result, then the copy's share of ``then``.
    Its own collections mostly leave alone the findings it keeps (the inherited heap is frozen by
    ``vocab.forked``)."""
    gc.set_threshold(*gc.get_threshold()[:2], FULL_COLLECTIONS)
    _dumped(work(), spool, pack)
    if then is not None:
        then(True)


def _received(spool: IO[bytes], unpack: Callable[[object], list] | None) -> object:
    """The result the copy wrote, read without the collector's passes (and kept out of later ones)."""
    with paused():
        shape = pickle.load(spool)
        parts = [pickle.load(spool) if length is None else _batches(spool, length, unpack) for length in shape.lengths]
        return tuple(parts) if shape.tuple else parts[0]


@dataclass(frozen=True)
class _Shape:
    """What the copy's result is: a tuple of parts or one, and each part's length when a list."""

    tuple: bool
    lengths: list[int | None]


def _dumped(result: object, spool: IO[bytes], pack: Callable[[list], object] | None) -> None:
    """``result`` pickled, each list in it (it, or a part of it when a tuple) ``BATCH`` items at a
    time, each batch a pickle of its own: a pickler's memo holds an entry for every object it
    wrote, which for the findings of 10,000 reports came to 300 MB at the end of the copy's life."""
    parts = result if type(result) is tuple else (result,)
    pickle.dump(_Shape(type(result) is tuple, [len(part) if type(part) is list else None for part in parts]), spool)
    for part in parts:
        if type(part) is not list:
            pickle.dump(part, spool, protocol=pickle.HIGHEST_PROTOCOL)
            continue
        for at in range(0, len(part), BATCH):
            batch = part[at:at + BATCH]
            pickle.dump(pack(batch) if pack else batch, spool, protocol=pickle.HIGHEST_PROTOCOL)


def _batches(spool: IO[bytes], length: int, unpack: Callable[[object], list] | None) -> list:
    """A list the copy wrote in batches."""
    items: list = []
    while len(items) < length:
        items += unpack(pickle.load(spool)) if unpack else pickle.load(spool)
    return items
