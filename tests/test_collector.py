"""The collector paused for the check stage: no automatic pass inside, cycles collected after."""
from __future__ import annotations

import gc
import weakref

from parallel.beside import beside
from parallel.collector import paused


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the collector frees it


def test_nothing_is_collected_inside_and_what_survives_is_frozen():
    gc.collect()
    frozen = gc.get_freeze_count()
    try:
        with paused():
            assert not gc.isenabled()
            node = _Node()
            alive = weakref.ref(node)
            del node
            kept = [[] for _ in range(50_000)]  # enough allocations to trigger a pass of the youngest generation
            assert alive() is not None and len(kept) == 50_000
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen + 50_000  # the survivors are never scanned again
        gc.collect()
        assert alive() is not None  # a dropped cycle stays with them…
    finally:
        gc.unfreeze()
    gc.collect()
    assert alive() is None  # … until they are unfrozen


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


def test_cycles_dropped_before_the_block_are_not_frozen_with_the_survivors():
    gc.collect()
    node = _Node()  # garbage of an earlier stage (an HTML element tree, a renderer's closures)
    before = weakref.ref(node)
    del node
    try:
        with paused():
            pass
        assert before() is None  # collected as the block started, not kept frozen to the end
    finally:
        gc.unfreeze()


def test_checking_again_and_again_freezes_no_more_each_time():
    import pipeline
    from checks.config import Config
    from sources.reader import document_from_bytes

    def check_once() -> None:  # a document, a cycle left behind by its reading, and a check
        for _ in range(200):
            _Node()
        doc = document_from_bytes("全市建成社区食堂24个，今年计划建成30个。".encode(), "d", "d.txt")
        pipeline.check(pipeline.extract([doc]), Config())

    check_once()
    try:
        counts = []
        for _ in range(3):
            check_once()
            counts.append(gc.get_freeze_count())
        assert counts[2] - counts[1] < 50  # 200 dropped cycles per check would be 200 more each time
    finally:
        gc.unfreeze()
