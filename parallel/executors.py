"""One small interface for running a function over many items, in their order: ``map(fn, items)``.

    with executor(jobs=2) as run:                # a pool of 2 local processes
        results = list(run.map(work, items))

``InProcess`` runs the calls here, one after another; ``LocalPool`` in a process pool of this
machine (``concurrent.futures``); ``DaskCluster`` on dask.distributed, at a scheduler's address or
on a LocalCluster it starts. Every executor yields the results in the order of ``items``, so what
a run produces does not depend on where its calls ran.
"""
from __future__ import annotations

import logging
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import Any, ClassVar, TypeVar

T = TypeVar("T")
R = TypeVar("R")
ENGINES = ("local", "dask")
LOCAL_WORKERS = 2  # the LocalCluster a Dask run without a scheduler address starts
CONNECT_TIMEOUT = "10s"  # to reach a scheduler given by its address


class EngineError(RuntimeError):
    """The engine asked for cannot run: Dask is not installed, or its scheduler cannot be reached."""


class Executor(ABC):
    """Runs ``fn`` over ``items``, yielding the results in the order of the items; ``with``
    releases its workers on leaving. ``aligns``: the alignment blocks are worth sending to its
    workers too (a cluster's; on one machine's two cores, pickling the claims costs what it saves).
    ``parallel``: the run may use more than one core of this machine (the check stage forks)."""

    aligns: ClassVar[bool] = False
    parallel: ClassVar[bool] = True

    @abstractmethod
    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        """``fn`` of each item, in the order of ``items``."""

    def close(self) -> None:  # noqa: B027 - an in-process executor has nothing to release
        """Release the workers."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass
class InProcess(Executor):
    """Every call in this process, one after another (``--jobs 1``)."""

    parallel: ClassVar[bool] = False

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        return map(fn, items)


@dataclass
class LocalPool(Executor):
    """A pool of ``jobs`` processes of this machine; items are sent in chunks, so that a run of
    many small files does not pay one round trip per file. The workers leave once a map's last
    result is taken (a run maps once: idle, they would hold their memory through the check; a
    later map starts new ones)."""

    jobs: int
    _pool: ProcessPoolExecutor | None = field(default=None, init=False, repr=False)

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.jobs)
        yield from self._pool.map(fn, items, chunksize=_chunk_size(len(items), self.jobs))
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


@dataclass
class DaskCluster(Executor):
    """dask.distributed: the scheduler at ``address``, or a LocalCluster of two worker processes
    (no dashboard, warnings only) when there is none. Each task is a chunk of items; results come
    back in the order of the items and are released from the cluster as they are read."""

    aligns: ClassVar[bool] = True
    address: str | None = None
    _client: Any = field(default=None, init=False, repr=False)
    _cluster: Any = field(default=None, init=False, repr=False)

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
        client = self._connect()
        size = _chunk_size(len(items), sum(client.nthreads().values()) or 1)
        chunks = [items[at:at + size] for at in range(0, len(items), size)]
        futures = client.map(partial(_each, fn), chunks, pure=False)
        return (result for chunk in _released(futures) for result in chunk)

    def _connect(self) -> Any:
        if self._client is None:
            try:
                from distributed import Client, LocalCluster
            except ImportError as error:
                raise EngineError("--engine dask needs dask.distributed: pip install 'run-checks[dask]'") from error
            if self.address:
                try:
                    self._client = Client(self.address, timeout=CONNECT_TIMEOUT)
                except OSError as error:
                    raise EngineError(f"cannot reach the Dask scheduler at {self.address}: {error}") from error
            else:
                self._cluster = LocalCluster(n_workers=LOCAL_WORKERS, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=logging.WARNING)
                self._client = Client(self._cluster)
        return self._client

    def close(self) -> None:
        for part in (self._client, self._cluster):
            if part is not None:
                part.close()
        self._client = self._cluster = None


def _chunk_size(items: int, workers: int) -> int:
    """Items per task: a few tasks per worker, so that scheduling costs little against the work
    and the workers still share it evenly."""
    return max(1, min(64, items // (workers * 8)))


def _each(fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``fn`` of each item: one task's chunk."""
    return [fn(item) for item in items]


def _released(futures: list) -> Iterator:
    """Each future's result in order, releasing it on the cluster once read."""
    for index, future in enumerate(futures):
        yield future.result()
        future.release()
        futures[index] = None


def executor(jobs: int | None = None, engine: str = "local", scheduler: str | None = None) -> Executor:
    """The executor of a run: Dask when ``engine`` is "dask" (at ``scheduler``, or a LocalCluster),
    otherwise a pool of ``jobs`` local processes (None: one per core), in-process for one."""
    if engine == "dask":
        return DaskCluster(scheduler)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    jobs = jobs or os.cpu_count() or 1
    return InProcess() if jobs == 1 else LocalPool(jobs)
