"""Fuzzing the reading of inputs (issue 17): a few hundred generated bad or odd files, names and
kinds from fixed seeds (``benchmarks/fuzz_inputs.py`` runs 10,000). Each must become exactly one
document, nothing may raise or give an internal error, every claim must sit inside its document
with its original text, and the command line must exit 0, 1 or 2 without a traceback."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import run_checks
from benchmarks.fuzz_inputs import Tally, _input, fuzz, generate, materialize, summary

SEEDS = (1, 2, 3)
PER_SEED = 50


@pytest.mark.parametrize("seed", SEEDS)
def test_generated_inputs_each_become_one_document_without_crash(seed):
    tally: Tally = fuzz(seed, PER_SEED, render=("json", "table", "csv", "markdown", "sarif", "junit"))
    assert tally.tried == PER_SEED
    assert (tally.crashes, tally.missing, tally.offsets) == (0, 0, 0), tally.problems[:5]


def test_the_command_line_over_a_folder_of_them_exits_0_1_or_2(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(run_checks.DEBUG, raising=False)
    entries = generate(seed=4, count=60)
    for entry in entries:
        materialize(entry, tmp_path)
    out = tmp_path.parent / "out.json"
    status = run_checks.main(["check", str(tmp_path), "--format", "json", "--output", str(out)])
    err = capsys.readouterr().err
    assert status in (0, 1, 2) and "internal error" not in err and "Traceback" not in err, err
    shown = out.read_text(encoding="utf-8")
    assert shown.count('"path": ') >= len(os.listdir(tmp_path))  # every entry is a document
    assert Path(out).stat().st_size > 0


TIMING = ("slowest_seconds_per_100k_chars", "slowest_input", "above_target", "slowest_inputs", "cpu_seconds")


def test_workers_try_the_same_inputs_and_the_tally_is_the_same_for_any_number_of_them():
    entries = generate(seed=5, count=30)
    assert [_input(5, i) for i in (0, 1, 7, 29)] == [entries[i] for i in (0, 1, 7, 29)]
    assert _input(5, 3) == entries[3]  # asked out of order: the stream starts again
    one, two = (fuzz(5, 30, render=("json",), jobs=jobs) for jobs in (1, 2))
    assert one.tried == two.tried == 30 and one.problems == two.problems
    untimed = [{key: value for key, value in summary(tally).items() if key not in TIMING} for tally in (one, two)]
    assert untimed[0] == untimed[1]
    assert one.cpu > 0 and two.cpu > 0  # each input timed in the process that tried it
