"""The collector paused for the check stage: no automatic pass inside, cycles collected after."""
from __future__ import annotations

import gc
import weakref

from parallel.beside import beside
from parallel.collector import paused


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_a_cycle_dropped_inside_is_freed_on_leaving_and_not_before():
    with paused():
        assert not gc.isenabled()
        node = _Node()
        alive = weakref.ref(node)
        del node
        kept = [[] for _ in range(50_000)]  # enough allocations to trigger a pass of the youngest generation
        assert alive() is not None and len(kept) == 50_000
    assert gc.isenabled()
    assert alive() is None


def test_a_collector_the_caller_paused_stays_paused():
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_runs_again_after_an_error_inside():
    try:
        with paused():
            raise ValueError("stage failed")
    except ValueError:
        pass
    assert gc.isenabled()


def test_the_forked_copy_inherits_the_pause():
    with paused():
        here, there = beside(gc.isenabled, gc.isenabled)
    assert (here, there) == (False, False)
