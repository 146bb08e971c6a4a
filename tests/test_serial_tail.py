"""The serial tail of a large check (issue 18): each fast path gives exactly what its plain
definition gives. Claim records made with a cache of numbers are ``claim_record``'s records,
odd figures included; the inputs found with one resolution per folder are those found by
resolving every path."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

import pipeline
from claims.frame import claim_record, claim_records
from claims.numbers import plain
from sources.files import not_regular
from sources.reader import find_inputs

EXAMPLES = Path(__file__).parents[1] / "examples"


@pytest.fixture(scope="module")
def claims() -> list:
    return pipeline.extract(pipeline.read([EXAMPLES])).claims


def test_claim_records_with_cached_numbers_are_claim_record(claims):
    odd = [replace(claims[0], value=value, low=value, high=Decimal("1.50"))
           for value in (Decimal("NaN"), Decimal("sNaN"), Decimal("-0"), Decimal("1E+30"), Decimal("1.5"))]
    made, calls = claim_records(lambda value: ("n", plain(value))), []
    counted = claim_records(lambda value: calls.append(value) or plain(value))
    for claim in [*claims, *odd, *claims]:
        assert made(claim) == claim_record(claim, lambda value: ("n", plain(value)))
    for claim in [*claims, *claims]:
        assert counted(claim) == claim_record(claim)
    assert any(claim.period is not None for claim in claims) and any(claim.period is None for claim in claims)
    distinct = {value for claim in claims for value in (claim.value, claim.low, claim.high, claim.precision,
                                                       claim.total) if isinstance(value, Decimal)}
    assert len(calls) == len(distinct) < len(claims)  # each figure's number made once


def _resolving_every_path(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """The plain definition of ``find_inputs``'s files and repeats: each path's key resolved."""
    files, repeats, seen = [], [], set()
    for given in paths:
        found = (sorted((p for p in given.rglob("*") if not p.is_dir() and not any(
            part.startswith(".") for part in p.relative_to(given).parts)), key=Path.as_posix)
            if given.is_dir() else [given])
        for path in found:
            key = path.absolute() if not_regular(path) else path.resolve()
            (repeats if key in seen else files).append(path)
            seen.add(key)
    return files, repeats


def test_inputs_found_with_one_resolution_per_folder_are_those_of_resolving_each_path(tmp_path, monkeypatch):
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for name in ("a/x.txt", "a/deep/y.md", "a/.hidden.txt", "z.txt"):
        (tmp_path / name).write_text("2024年增长5%。", encoding="utf-8")
    (tmp_path / "a" / "same.txt").symlink_to("x.txt")  # a link to a file of the folder: a repeat
    (tmp_path / "a" / "broken.txt").symlink_to("nowhere.txt")  # unreadable, keyed by its own path
    (tmp_path / "b").symlink_to(tmp_path / "a")  # another way to the same folder
    (tmp_path / "b2").symlink_to("b")
    monkeypatch.chdir(tmp_path)
    given = [Path("a"), Path("b"), tmp_path / "a" / "x.txt", Path("./b2/deep/y.md"), Path("z.txt"), tmp_path / "z.txt"]
    inputs = find_inputs(given)
    assert (inputs.files, inputs.duplicates) == _resolving_every_path(given)
    assert Path("a/same.txt") in inputs.files and {Path("a/x.txt"), Path("b/x.txt")} <= set(inputs.duplicates)
    assert inputs.files.count(Path("a/broken.txt")) == 1 and "broken" in inputs.unreadable[Path("a/broken.txt")]


def test_a_parallel_json_check_makes_its_documents_and_claims_ahead(tmp_path, monkeypatch, capsys):
    """On two cores the command line makes the start of its JSON report in the check's two
    processes, and writes the bytes of a run on one core, to a file or to standard output."""
    import run_checks
    from reports.ahead import Ahead

    made: list[int] = []
    real = Ahead.make
    monkeypatch.setattr(Ahead, "make", lambda self, copy=False: real(self, copy) or made.append(copy))

    def written(jobs: str) -> bytes:
        target = tmp_path / f"out{jobs}.json"
        assert run_checks.main(["check", str(EXAMPLES), "--jobs", jobs, "--format", "json", "--isolated",
                                "--quiet", "--output", str(target)]) == 1
        return target.read_bytes()

    one = written("1")
    assert made == [] and written("2") == one and made == [False]  # the copy's share is in the copy
    capsys.readouterr()
    assert run_checks.main(["check", str(EXAMPLES), "--jobs", "2", "--format", "json", "--isolated", "--quiet"]) == 1
    assert capsys.readouterr().out == one.decode("utf-8") and made == [False, False]
