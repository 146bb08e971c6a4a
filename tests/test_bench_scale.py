"""benchmarks/tree_memory: the memory a process tree holds, shared pages counted once."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from tree_memory import TreeMemory, descendants  # noqa: E402

LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
# A parent holding 60 MB forks two copies; each copy shares those pages and fills 60 MB of its
# own, then they all wait: 180 MB held, though the resident sizes add up to 300 (60 + 2 × 120).
TREE = """
import os, sys, time
held = b"p" * (60 << 20)
for _ in range(2):
    if os.fork() == 0:
        own = b"c" * (60 << 20)
        time.sleep(2)
        os._exit(0)
sys.stdout.write("forked\\n")
sys.stdout.flush()
time.sleep(2)
os.wait()
os.wait()
"""


@LINUX
def test_the_tree_peak_counts_every_process_and_shared_pages_once():
    child = subprocess.Popen([sys.executable, "-c", TREE], stdout=subprocess.PIPE, text=True)
    with TreeMemory(child.pid, interval=0.05) as memory:
        assert child.stdout.readline() == "forked\n"
        processes = len(descendants(child.pid))
        child.wait()
    child.stdout.close()
    assert processes == 3 and memory.processes == 3
    assert 175 <= memory.peak_mb < 240


@LINUX
def test_a_process_gone_holds_nothing():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert TreeMemory(child.pid).sample() == (0, 1)
