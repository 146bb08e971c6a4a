"""The memory a whole process tree holds: the peak of its summed PSS, sampled while it runs.

    with TreeMemory(child.pid) as memory:
        child.wait()
    memory.peak_mb

A run with ``--jobs 2`` is several processes: pool workers reading and extracting, then a forked
copy checking beside the main process (``parallel/beside.py``). The peak resident size of the
largest one (``wait4``'s ``ru_maxrss``) misses the others, and adding up their resident sizes
counts the pages they share (a fork shares all of them) once per process. PSS, the proportional
set size, counts a page shared by n processes as 1/n in each, so the sum over the tree is the
memory the run holds. Linux: read from ``/proc/PID/smaps_rollup`` every ``interval`` seconds, the
tree found through each process's parent in ``/proc/PID/stat``; a spike shorter than the
interval can be missed.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

INTERVAL = 0.2  # seconds between samples
PROC = Path("/proc")


class TreeMemory:
    """Samples the summed PSS of process ``pid`` and its descendants in a thread, keeping the peak
    (``peak_mb``) and how many processes it was spread over then (``processes``)."""

    def __init__(self, pid: int, interval: float = INTERVAL) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_kb = 0
        self.processes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    @property
    def peak_mb(self) -> int:
        return round(self.peak_kb / 1024)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> tuple[int, int]:
        """The summed PSS (kB) of the tree now, and how many processes it has."""
        tree = descendants(self.pid)
        return sum(pss_kb(pid) for pid in tree), len(tree)

    def _sample(self) -> None:
        while not self._stop.is_set():
            total, processes = self.sample()
            if total > self.peak_kb:
                self.peak_kb, self.processes = total, processes
            self._stop.wait(self.interval)


def descendants(root: int) -> list[int]:
    """``root`` and every live process below it."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir(PROC):
        if entry.name.isdigit():
            parent = _parent(int(entry.name))
            if parent is not None:
                children.setdefault(parent, []).append(int(entry.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += children.get(pid, [])
    return tree


def pss_kb(pid: int) -> int:
    """The proportional set size of process ``pid`` in kB (0 once it is gone)."""
    try:
        with open(PROC / str(pid) / "smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        return 0
    return 0


def _parent(pid: int) -> int | None:
    try:
        stat = (PROC / str(pid) / "stat").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])  # after the command name, which may hold spaces: state, ppid
