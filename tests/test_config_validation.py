"""Configuration, expectation suites, baselines and output paths, checked whole before any work.

Each malformed case must end the run with exit status 2 and one line on standard error that
names the file (or flag) and the key, with no traceback, and must create no file.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

import run_checks
from tests.test_cli import ROOT

DRAFT = "乌海市2024年人口10万人。\n"
GOOD_SUITE = json.dumps({"name": "desk", "expectations": [
    {"type": "expect_column_values_to_be_between", "kwargs": {"column": "value", "max_value": 20}}]})


def _suite(expectation: object = None, **top: object) -> str:
    suite: dict[str, object] = {"name": "desk", "expectations": [expectation]} if expectation is not None else {}
    suite.update(top)
    return json.dumps(suite)


def _between(**kwargs: object) -> dict[str, object]:
    return {"type": "expect_column_values_to_be_between", "kwargs": {"column": "value", "max_value": 20, **kwargs}}


# (id, files to write, arguments after `check d.txt`, fragments the one-line message must hold)
CONFIGS = [
    ("toml-not-utf8", {"run-checks.toml": b'select = ["CS01"]\n# \xff\xfe\n'}, [],
     ["run-checks.toml", "not UTF-8"]),
    ("pyproject-not-utf8", {"pyproject.toml": b'[tool.run-checks]\nselect = ["\xc4\xe3"]\n'}, [],
     ["pyproject.toml", "not UTF-8"]),
    ("select-nested", {"run-checks.toml": "select = [[1]]\n"}, [],
     ["run-checks.toml", "select[0]", "expected a string"]),
    ("select-integer", {"run-checks.toml": "select = 5\n"}, [], ["select", "expected an array of strings"]),
    ("select-table", {"run-checks.toml": "select = {a = 1}\n"}, [], ["select", "expected an array", "a table"]),
    ("select-unknown", {"run-checks.toml": 'select = ["XX99"]\n'}, [],
     ["run-checks.toml", "unknown rule or family 'XX99'"]),
    ("select-unknown-in-string", {"run-checks.toml": 'select = "CS01,XX98"\n'}, [], ["unknown rule or family 'XX98'"]),
    ("ignore-boolean", {"run-checks.toml": "ignore = [true]\n"}, [], ["ignore[0]", "expected a string", "boolean"]),
    ("ignore-float", {"run-checks.toml": "ignore = 1.5\n"}, [], ["ignore", "expected an array"]),
    ("expectations-integer", {"run-checks.toml": "expectations = 5\n"}, [], ["expectations", "expected a file name"]),
    ("expectations-array", {"run-checks.toml": 'expectations = ["s.json"]\n'}, [], ["expectations", "expected a file"]),
    ("deep-array", {"run-checks.toml": "select = " + "[" * 5000 + "]" * 5000 + "\n"}, [],
     ["run-checks.toml", "nested too deeply"]),
    ("deep-inline-table", {"run-checks.toml": "options = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n"}, [],
     ["run-checks.toml", "nested too deeply"]),
    ("min-score-string", {"run-checks.toml": 'options = {CS01 = {min_score = "abc"}}\n'}, [],
     ["options.CS01.min_score", "expected a number"]),
    ("min-score-boolean", {"run-checks.toml": "options = {CS01 = {min_score = true}}\n"}, [],
     ["options.CS01.min_score", "expected a number"]),
    ("min-score-negative", {"run-checks.toml": "options = {CS02 = {min_score = -1}}\n"}, [],
     ["options.CS02.min_score", "≥ 0"]),
    ("min-score-nan", {"run-checks.toml": "options = {CS01 = {min_score = nan}}\n"}, [], ["options.CS01.min_score"]),
    ("min-score-inf", {"run-checks.toml": "options = {CS01 = {min_score = inf}}\n"}, [], ["options.CS01.min_score"]),
    ("integer-option-float", {"run-checks.toml": "options = {DT01 = {max_years_back = 1.5}}\n"}, [],
     ["options.DT01.max_years_back", "expected an integer"]),
    ("integer-option-string", {"run-checks.toml": 'options = {ST02 = {min_digits = "3"}}\n'}, [],
     ["options.ST02.min_digits", "expected an integer"]),
    ("kinds-option-string", {"run-checks.toml": 'options = {BD03 = {kinds = "count"}}\n'}, [],
     ["options.BD03.kinds", "expected an array of strings"]),
    ("kinds-option-nested", {"run-checks.toml": "options = {BD03 = {kinds = [1]}}\n"}, [], ["options.BD03.kinds[0]"]),
    ("suite-option-integer", {"run-checks.toml": "options = {GE01 = {suite = 5}}\n"}, [], ["options.GE01.suite"]),
    ("options-rule-integer", {"run-checks.toml": "options = {CS01 = 5}\n"}, [], ["options.CS01", "expected a table"]),
    ("options-integer", {"run-checks.toml": "options = 5\n"}, [], ["options", "expected a table"]),
    ("options-unknown-rule", {"run-checks.toml": "options = {XX99 = {}}\n"}, [], ["unknown rule or family 'XX99'"]),
    ("options-unknown-option", {"run-checks.toml": "options = {CS01 = {min_scor = 9}}\n"}, [],
     ["rule CS01 has no option 'min_scor'"]),
    ("severity-integer", {"run-checks.toml": "severity = 5\n"}, [], ["severity", "expected a table"]),
    ("severity-value-integer", {"run-checks.toml": "severity = {CS01 = 1}\n"}, [],
     ["severity.CS01", "expected one of error, warning, info"]),
    ("severity-unknown", {"run-checks.toml": 'severity = {CS01 = "fatal"}\n'}, [],
     ["severity.CS01", "unknown severity 'fatal'"]),
    ("severity-unknown-rule", {"run-checks.toml": 'severity = {XX99 = "error"}\n'}, [], ["unknown rule 'XX99'"]),
    ("language-integer", {"run-checks.toml": "language = 5\n"}, [], ["language", "expected one of both, zh, en"]),
    ("language-unknown", {"run-checks.toml": 'language = "fr"\n'}, [], ["language must be one of"]),
    ("language-date", {"run-checks.toml": "language = 1979-05-27\n"}, [], ["language", "a date"]),
    ("fail-on-integer", {"run-checks.toml": "fail-on = 1\n"}, [], ["fail-on", "expected one of error"]),
    ("fail-on-unknown", {"run-checks.toml": 'fail-on = "critical"\n'}, [], ["fail-on must be one of"]),
    ("exclude-string", {"run-checks.toml": 'exclude = "*.md"\n'}, [], ["exclude", "expected an array of strings"]),
    ("exclude-integer-item", {"run-checks.toml": "exclude = [1]\n"}, [], ["exclude[0]", "expected a string"]),
    ("per-file-ignores-array", {"run-checks.toml": "per-file-ignores = []\n"}, [],
     ["per-file-ignores", "expected a table"]),
    ("per-file-ignores-integer", {"run-checks.toml": 'per-file-ignores = {"*.md" = 5}\n'}, [],
     ["per-file-ignores.'*.md'", "expected an array of strings"]),
    ("per-file-ignores-nested", {"run-checks.toml": 'per-file-ignores = {"*.md" = [[1]]}\n'}, [],
     ["per-file-ignores.'*.md'[0]"]),
    ("per-file-ignores-unknown", {"run-checks.toml": 'per-file-ignores = {"*.md" = ["XX99"]}\n'}, [],
     ["unknown rule or family 'XX99'"]),
    ("sources-string", {"run-checks.toml": 'sources = "a.txt"\n'}, [], ["sources", "expected an array of strings"]),
    ("sources-integer-item", {"run-checks.toml": "sources = [5]\n"}, [], ["sources[0]", "expected a string"]),
    ("sources-missing", {"run-checks.toml": 'sources = ["missing.txt"]\n'}, [], ["sources: no such file or folder"]),
    ("unknown-key", {"run-checks.toml": 'colour = "red"\n'}, [], ["run-checks.toml", "unknown key 'colour'"]),
    ("toml-syntax", {"run-checks.toml": "select = [\n"}, [], ["run-checks.toml", "not valid TOML"]),
    ("toml-duplicate-key", {"run-checks.toml": "select = []\nselect = []\n"}, [],
     ["run-checks.toml", "not valid TOML"]),
    ("pyproject-tool-integer", {"pyproject.toml": "tool = 5\n"}, ["--config", "pyproject.toml"],
     ["pyproject.toml", "tool", "expected a table"]),
    ("pyproject-section-integer", {"pyproject.toml": "[tool]\nrun-checks = 5\n"}, [],
     ["pyproject.toml", "tool.run-checks", "expected a table"]),
    ("pyproject-deep", {"pyproject.toml": "[tool.run-checks]\nselect = " + "[" * 5000 + "]" * 5000 + "\n"}, [],
     ["pyproject.toml", "nested too deeply"]),
    ("config-missing", {}, ["--config", "none.toml"], ["no configuration file none.toml"]),
    ("config-folder", {"conf/x.txt": "x"}, ["--config", "conf"], ["no configuration file conf"]),
]

SUITES = [
    ("suite-bad-json", "{", ["s.json", "not valid JSON"]),
    ("suite-not-utf8", b'{"name": "\xff"}', ["s.json", "not UTF-8"]),
    ("suite-deep", "[" * 100_000 + "]" * 100_000, ["s.json", "nested too deeply"]),
    ("suite-array", "[]", ["s.json", "(top level)", "expected an object"]),
    ("suite-string", '"suite"', ["s.json", "(top level)"]),
    ("suite-no-name", json.dumps({"expectations": []}), ["s.json", "name", "expected a non-empty string"]),
    ("suite-name-integer", json.dumps({"name": 5, "expectations": []}), ["s.json", "name", "the integer 5"]),
    ("suite-no-expectations", json.dumps({"name": "x"}), ["s.json", "expectations: missing"]),
    ("suite-expectations-integer", json.dumps({"name": "x", "expectations": 5}),
     ["s.json", "expectations", "expected an array"]),
    ("suite-unknown-key", json.dumps({"name": "x", "expectations": [], "colour": 1}),
     ["s.json", "colour: unknown key"]),
    ("suite-meta-array", json.dumps({"name": "x", "expectations": [], "meta": []}),
     ["s.json", "meta", "expected a table"]),
    ("expectation-integer", _suite(5), ["s.json", "expectations[0]", "expected an object"]),
    ("expectation-no-type", _suite({"kwargs": {}}), ["s.json", "expectations[0].type", "expected the name"]),
    ("expectation-type-integer", _suite({"type": 5, "kwargs": {}}), ["expectations[0].type"]),
    ("expectation-kwargs-array", _suite({"type": "expect_column_to_exist", "kwargs": []}),
     ["expectations[0].kwargs", "expected a table"]),
    ("expectation-unknown-key", _suite({"type": "expect_column_to_exist", "kwargs": {}, "when": 1}),
     ["expectations[0].when: unknown key"]),
    ("expectation-meta-string", _suite({**_between(), "meta": "x"}), ["expectations[0].meta", "expected a table"]),
    ("expectation-unknown-column", _suite(_between(column="valu")),
     ["expectations[0].kwargs.column", "a column of the claims table"]),
    ("expectation-column-integer", _suite(_between(column=3)), ["expectations[0].kwargs.column", "the integer 3"]),
    ("expectation-column-list-string", _suite({"type": "expect_compound_columns_to_be_unique",
                                               "kwargs": {"column_list": "value"}}),
     ["expectations[0].kwargs.column_list", "expected an array"]),
    ("expectation-column-list-unknown", _suite({"type": "expect_compound_columns_to_be_unique",
                                                "kwargs": {"column_list": ["value", "nope"]}}),
     ["expectations[0].kwargs.column_list[1]"]),
    ("expectation-unknown-type", _suite({"type": "expect_miracles", "kwargs": {}}),
     ["s.json", "expectations[0]", "expect_miracles not found"]),
    ("expectation-bad-argument", _suite(_between(max_value="abc")),
     ["s.json", "expectations[0]", "kwargs.max_value", "float"]),
    ("expectation-mostly-above-one", _suite(_between(mostly=7)), ["expectations[0]", "kwargs.mostly"]),
    ("expectation-unknown-argument", _suite(_between(colour="red")), ["expectations[0]", "colour"]),
]

BASELINES = [
    ("baseline-bad-json", "{not json", ["b.json", "not valid JSON"]),
    ("baseline-not-utf8", b'{"findings": ["\xff"]}', ["b.json", "not UTF-8"]),
    ("baseline-deep", "[" * 100_000 + "]" * 100_000, ["b.json", "nested too deeply"]),
    ("baseline-array", "[]", ["b.json", "(top level)", "expected an object"]),
    ("baseline-no-findings", json.dumps({"version": 1}), ["b.json", "findings: missing"]),
    ("baseline-findings-integer", json.dumps({"version": 1, "findings": 5}),
     ["b.json", "findings", "expected an array"]),
    ("baseline-entry-string", json.dumps({"version": 1, "findings": ["x"]}),
     ["b.json", "findings[0]", "expected an object"]),
    ("baseline-entry-no-rule", json.dumps({"version": 1, "findings": [{"path": "d.txt", "hash": "ab"}]}),
     ["b.json", "findings[0].rule", "expected a string"]),
    ("baseline-hash-integer", json.dumps({"version": 1, "findings": [{"rule": "CS01", "path": "d.txt", "hash": 5}]}),
     ["b.json", "findings[0].hash", "the integer 5"]),
    ("baseline-version-2", json.dumps({"version": 2, "findings": []}), ["b.json", "version", "expected 1"]),
    ("baseline-version-true", json.dumps({"version": True, "findings": []}), ["b.json", "version"]),
]

OUTPUTS = [
    ("output-missing-folder", ["--output", "missing/report.json", "--format", "json"], ["--output", "no folder"]),
    ("output-is-folder", ["--output", "out", "--format", "json"], ["--output", "is a folder"]),
    ("output-under-a-file", ["--output", "d.txt/report.json"], ["--output", "no folder"]),
    ("write-baseline-missing-folder", ["--write-baseline", "missing/base.json"], ["--write-baseline", "no folder"]),
    ("docx-missing-folder", ["--format", "docx", "--output", "missing/copy.docx"], ["--output", "no folder"]),
    ("baseline-missing", ["--baseline", "none.json"], ["none.json", "no such baseline file"]),
    ("baseline-folder", ["--baseline", "out"], ["out", "not a regular file"]),
    ("expectations-missing", ["--expectations", "none.json"], ["command line", "no expectation suite file"]),
]

CASES = (
    [pytest.param(files, args, needles, id=name) for name, files, args, needles in CONFIGS]
    + [pytest.param({"s.json": text}, ["--expectations", "s.json"], needles, id=name) for name, text, needles in SUITES]
    + [pytest.param({"run-checks.toml": 'expectations = "s.json"\n', "s.json": _suite(_between(column="valu"))}, [],
                    ["run-checks.toml", "expectations: s.json", "kwargs.column"], id="suite-from-config")]
    + [pytest.param({"b.json": text}, ["--baseline", "b.json"], needles, id=name) for name, text, needles in BASELINES]
    + [pytest.param({"out/keep.txt": "x"}, args, needles, id=name) for name, args, needles in OUTPUTS]
)


def _write(folder, files: dict[str, str | bytes]) -> None:
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _no_work(*args: object) -> None:
    raise AssertionError("the run started before the configuration was checked")


def _tree(folder) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def test_there_are_at_least_sixty_malformed_cases():
    assert len(CASES) >= 60


@pytest.mark.parametrize("files, args, needles", CASES)
def test_malformed_input_is_one_line_and_exit_two(tmp_path, monkeypatch, capsys, files, args, needles):
    _write(tmp_path, {"d.txt": DRAFT, **files})
    before = _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(run_checks.pipeline, "inputs", _no_work)  # every check comes before any reading
    status = run_checks.main(["check", "d.txt", "--select", "CS01", *args])
    captured = capsys.readouterr()
    assert status == 2 and captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("run-checks: error: "), captured.err
    assert "Traceback" not in captured.err
    for needle in needles:
        assert needle in lines[0]
    assert _tree(tmp_path) == before  # nothing created, not even a folder or a temporary file


def test_a_single_string_selects_like_the_flag(tmp_path, monkeypatch):
    (tmp_path / "run-checks.toml").write_text('select = "CS01"\nignore = "CS02, AR01"\n', encoding="utf-8")
    from checks.config import load_config

    config = load_config(tmp_path)
    assert (config.select, config.ignore) == (("CS01",), ("CS02", "AR01"))


def test_option_values_of_the_right_type_are_kept(tmp_path):
    (tmp_path / "run-checks.toml").write_text(
        'options = {CS01 = {min_score = 90}, BD03 = {kinds = ["count"]}, TI05 = {min_share = 0.5}}\n',
        encoding="utf-8")
    from checks.config import load_config

    options = load_config(tmp_path).options
    assert (options["CS01"]["min_score"], options["BD03"]["kinds"], options["TI05"]["min_share"]) == (
        90, ["count"], 0.5)


def test_a_good_suite_passes_the_check(tmp_path):
    (tmp_path / "s.json").write_text(GOOD_SUITE, encoding="utf-8")
    from checks.suite_file import checked_suite

    assert checked_suite(str(tmp_path / "s.json"))["expectations"][0]["kwargs"]["max_value"] == 20


def test_a_bad_option_exits_two_from_the_command_line(tmp_path):
    """End to end: exit status 2, one line, no traceback (a bad option used to fail after 8 s of work)."""
    _write(tmp_path, {"run-checks.toml": 'options = {CS01 = {min_score = "abc"}}\n'})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, str(ROOT / "run_checks.py"), "check", str(ROOT / "examples")],
                            cwd=tmp_path, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and "options.CS01.min_score: expected a number" in result.stderr
