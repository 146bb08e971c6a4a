"""Reading and extraction in a process pool (--jobs) and on Dask (--engine dask): the same bytes
out whatever runs the work, and progress for every long stage."""
from __future__ import annotations

from pathlib import Path

import pytest

import pipeline
import run_checks
from checks.config import Config
from parallel.executors import DaskCluster, InProcess, LocalPool, executor

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = Path("/work/shared/seeds")


def output(tmp_path: Path, *args: str) -> bytes:
    """What ``run-checks ARGS --format json`` writes, run in this process."""
    target = tmp_path / f"out{len(list(tmp_path.iterdir()))}.json"
    assert run_checks.main([*args, "--format", "json", "--isolated", "--quiet", "--output", str(target)]) in (0, 1)
    return target.read_bytes()


@pytest.mark.parametrize("command", ["check", "claims"])
def test_two_jobs_write_the_bytes_of_one(tmp_path, command):
    one = output(tmp_path, command, str(EXAMPLES), "--jobs", "1")
    assert b'"findings"' in one or command == "claims"
    assert output(tmp_path, command, str(EXAMPLES), "--jobs", "2") == one
    assert output(tmp_path, command, str(EXAMPLES)) == one  # the default: one process per core


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed reports are not on this machine (/work/shared/seeds)")
def test_two_jobs_on_the_seeds(tmp_path):
    assert output(tmp_path, "check", str(SEEDS), str(EXAMPLES), "--jobs", "2") == \
        output(tmp_path, "check", str(SEEDS), str(EXAMPLES), "--jobs", "1")


def test_dask_local_cluster_writes_the_bytes_of_the_local_engine(tmp_path):
    pytest.importorskip("distributed")
    local = output(tmp_path, "check", str(EXAMPLES), "--jobs", "1")
    assert output(tmp_path, "check", str(EXAMPLES), "--engine", "dask") == local


def test_an_unreachable_scheduler_is_a_usage_error(capsys):
    pytest.importorskip("distributed")
    assert run_checks.main(["claims", str(EXAMPLES / "briefing_gbk.txt"), "--engine", "dask",
                            "--scheduler", "tcp://127.0.0.1:1", "--isolated"]) == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in capsys.readouterr().err


def test_executors_keep_the_order_of_the_items():
    items = list(range(40, 0, -1))
    with LocalPool(2) as pool:
        assert list(pool.map(abs, [-i for i in items])) == items
    assert list(InProcess().map(str, [3, 1])) == ["3", "1"]


def test_the_pool_workers_leave_once_the_last_result_is_taken():
    with LocalPool(2) as pool:
        results = pool.map(abs, [-3, -1, -2])
        assert next(results) == 3 and pool._pool is not None
        workers = list(pool._pool._processes.values())
        assert list(results) == [1, 2] and pool._pool is None
        for worker in workers:
            worker.join(timeout=10)
        assert not any(worker.is_alive() for worker in workers)
        assert list(pool.map(abs, [-5])) == [5]  # a later map starts new workers


def test_executor_choice():
    assert isinstance(executor(1), InProcess)
    assert isinstance(executor(3), LocalPool) and executor(3).jobs == 3
    assert isinstance(executor(engine="dask", scheduler="tcp://10.0.0.5:8786"), DaskCluster)
    with pytest.raises(ValueError, match="unknown engine 'spark'"):
        executor(engine="spark")


@pytest.mark.parametrize("flags, message", [
    (["--jobs", "0"], "expected a whole number of processes"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    (["--engine", "dask", "--jobs", "2"], "--jobs is for the local engine"),
])
def test_bad_parallel_flags_are_usage_errors(capsys, flags, message):
    try:
        status = run_checks.main(["check", str(EXAMPLES), *flags])
    except SystemExit as leaving:  # argparse rejects a bad --jobs value itself
        status = leaving.code
    assert status == 2
    assert message in capsys.readouterr().err


def test_progress_sees_reading_aligning_and_checking():
    seen: list[tuple[str, int]] = []

    def progress(description, items, total):
        seen.append((description, total))
        return items

    files = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html"))
    claim_set = pipeline.load(files, InProcess(), progress)
    assert seen == [("reading", len(files))]
    assert [doc.path for doc in claim_set.documents] == [p.as_posix() for p in files]
    result = pipeline.check(claim_set, Config(select=("cross_source", "AR01")), progress)
    stages = dict(seen)
    assert stages["aligning"] >= 1 and stages["checking"] >= 2
    assert result.findings == pipeline.check(pipeline.extract(pipeline.read(files)),
                                             Config(select=("cross_source", "AR01"))).findings


class _CountingCluster(InProcess):
    """An executor that aligns, as a cluster does, here in this process: counts the calls it maps."""

    aligns = True

    def __init__(self) -> None:
        self.calls: list[str] = []

    def map(self, fn, items):
        self.calls.append(fn.__name__)
        return super().map(fn, items)


def test_a_cluster_matches_the_alignment_blocks_with_the_same_findings():
    claim_set = pipeline.extract(pipeline.read([EXAMPLES]))
    here = pipeline.check(claim_set, Config())
    cluster = _CountingCluster()
    there = pipeline.check(claim_set, Config(), run=cluster)
    assert "_align_task" in cluster.calls
    assert [(f.rule, f.doc, f.start, f.message) for f in there.findings] == \
        [(f.rule, f.doc, f.start, f.message) for f in here.findings]
    assert len(here.findings) >= 10
    pool = _CountingCluster()
    pool.aligns = False  # a local pool reads and extracts, and leaves the alignment here
    pipeline.check(claim_set, Config(), run=pool)
    assert pool.calls == []
