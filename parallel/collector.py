"""The cyclic garbage collector kept off what a run builds to keep: paused while the check stage
builds many long-lived objects (``paused``), and each loaded document and its claims frozen out of
its passes as it arrives (``lasting``).

A check of 10,000 reports builds millions of objects that live to the end of the run (links,
facts, statements, findings) and next to no reference cycles; CPython's collector would still
scan the whole heap each time the objects that survived grow by a quarter: a third of the check
stage's CPU time at 3,000 reports, and a full pass at its end would cost 3 s more at 10,000.
Paused, the stage frees what it drops by reference counting as ever; what is alive when it ends
is moved to the collector's permanent generation (``gc.freeze``), so later stages never scan it
again. A reference cycle the stage dropped stays with it until ``gc.unfreeze``: the check stage
leaves none (none found at 1,000 and 3,000 reports). The cycles dropped before the stage (an
HTML page's element tree, a renderer's closures) are collected as it starts, so that they are not
frozen with the survivors: a process that checks again and again (a fuzz worker, 10,000 inputs)
would otherwise keep every earlier input's garbage cycles to its end.
"""
from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside the block (a forked copy inherits the pause); on leaving
    it, what is alive is frozen and collection resumes. The garbage cycles left before the block
    are collected on entering it (one pass over what is not frozen yet: what ``lasting`` keeps is
    not scanned). A collector already paused by the caller stays paused."""
    if not gc.isenabled():
        yield
        return
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def lasting(results: Iterable[T]) -> Iterator[T]:
    """Each result, which the caller keeps to the end of the run (a document and its claims): once
    taken, it is moved out of the cyclic collector's passes (``gc.freeze``; records hold no
    cycles, so nothing is lost). Otherwise every pass while results keep arriving traverses all
    those before (at 10,000 reports, 7 of the 9.6 s of unpickling them), and a forked copy
    (``parallel.beside``) would copy the pages such a pass writes."""
    for result in results:
        yield result
        gc.freeze()
