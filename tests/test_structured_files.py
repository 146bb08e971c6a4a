"""The configuration, expectation suites and baselines are read by one helper
(``checks.schema.read_structured``): the same fault gives the same one-line message in each,
with each reader's own words, and none reads from anything but a regular file."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from checks import config, schema, suite_file
from checks.baseline import BaselineError, load_baseline


def _readers(path: Path) -> list:
    return [lambda: config.load_config(path.parent, path), lambda: suite_file.checked_suite(str(path)),
            lambda: load_baseline(path)]


def _message(call) -> str:
    with pytest.raises((config.ConfigError, suite_file.SuiteError, BaselineError)) as caught:
        call()
    return str(caught.value)


def test_not_utf8_names_the_byte_in_every_reader_and_toml_says_what_it_must_be(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_bytes(b'select = ["\xff"]\n')
    suite_file.checked_suite.cache_clear()
    assert [_message(call) for call in _readers(path)] == [
        f"{path}: not UTF-8 (byte 0xff at offset 11); a TOML file is UTF-8 text",
        f"{path}: not UTF-8 (byte 0xff at offset 11)",
        f"{path}: not UTF-8 (byte 0xff at offset 11)"]


def test_syntax_errors_name_the_format_and_the_baseline_says_it_is_none(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    assert _message(lambda: suite_file.checked_suite(str(path))).startswith(f"{path}: not valid JSON: ")
    assert _message(lambda: load_baseline(path)).startswith(f"{path}: not a run-checks baseline: not valid JSON: ")
    path.write_text("select = [\n", encoding="utf-8")
    assert _message(lambda: config.load_config(tmp_path, path)).startswith(f"{path}: not valid TOML: ")


def test_a_fifo_is_never_read(tmp_path):
    fifo = tmp_path / "suite.json"
    os.mkfifo(fifo)

    def stuck(*_):
        raise TimeoutError("the reader waited on the FIFO")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(5)
    try:
        assert _message(lambda: suite_file.checked_suite(str(fifo))) == \
            f"{fifo}: no expectation suite file (not a regular file: a FIFO (named pipe))"
        with pytest.raises(schema.SchemaError, match=r"no configuration file \(not a regular file: a FIFO"):
            schema.read_structured(fifo, schema.TOML, "configuration file")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_deep_nesting_says_what_is_nested(tmp_path):
    path = tmp_path / "deep"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert _message(lambda: load_baseline(path)) == f"{path}: arrays or objects nested too deeply to read"
    path.write_text("a = " + "[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert _message(lambda: config.load_config(tmp_path, path)) == f"{path}: arrays or tables nested too deeply to read"
