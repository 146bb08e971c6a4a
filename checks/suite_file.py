"""A user's expectation suite file, read and checked whole before the run.

The file is JSON as Great Expectations writes it (``{"name": …, "expectations": [{"type": …,
"kwargs": …, "meta": …}]}``). Checked here: UTF-8 JSON, the shape of every key, the claims-table
columns each expectation names; then Great Expectations builds each expectation, which checks its
type and arguments. Any fault is a ``SuiteError`` of one line naming the file and the key
(``suite.json: expectations[2].kwargs.column: …``).
"""
from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from checks import schema

SUITE_KEYS = ("name", "expectations", "meta", "notes", "id", "suite_parameters")
EXPECTATION_KEYS = ("type", "kwargs", "meta", "notes", "id", "description", "rendered_content")
COLUMN_ARGUMENTS = ("column", "column_A", "column_B")


class SuiteError(ValueError):
    """An expectation suite file that cannot be used; the message names the file and the key."""


@functools.cache
def checked_suite(path: str) -> dict[str, Any]:
    """The suite in ``path``, checked; the same file is read and checked once per run."""
    try:
        suite = schema.read_structured(Path(path), schema.JSON, "expectation suite file")
    except schema.SchemaError as error:
        raise SuiteError(str(error)) from None
    try:
        _check_shape(suite)
        for index, expectation in enumerate(suite["expectations"]):
            _build(expectation, f"expectations[{index}]")
    except schema.SchemaError as error:
        raise SuiteError(f"{path}: {error}") from None
    return suite


def _check_shape(suite: object) -> None:
    if not isinstance(suite, dict):
        raise schema.fail("(top level)", "an object with name and expectations", suite)
    unknown = sorted(set(suite) - set(SUITE_KEYS))
    if unknown:
        raise schema.SchemaError(f"{unknown[0]}: unknown key; known keys: {', '.join(SUITE_KEYS)}")
    if not isinstance(suite.get("name"), str) or not suite["name"].strip():
        raise schema.fail("name", "a non-empty string", suite.get("name"))
    if "expectations" not in suite:
        raise schema.SchemaError("expectations: missing; expected an array of expectations")
    if not isinstance(suite["expectations"], list):
        raise schema.fail("expectations", "an array of expectations", suite["expectations"])
    for key in ("meta", "suite_parameters"):
        if key in suite:
            schema.table(suite[key], key)
    for index, expectation in enumerate(suite["expectations"]):
        _check_expectation(expectation, f"expectations[{index}]")


def _check_expectation(expectation: object, key: str) -> None:
    from checks.suites import COLUMNS

    if not isinstance(expectation, dict):
        raise schema.fail(key, "an object with type and kwargs", expectation)
    unknown = sorted(set(expectation) - set(EXPECTATION_KEYS))
    if unknown:
        raise schema.SchemaError(f"{key}.{unknown[0]}: unknown key; known keys: {', '.join(EXPECTATION_KEYS)}")
    schema.string(expectation.get("type"), f"{key}.type", "the name of an expectation (expect_…)")
    kwargs = schema.table(expectation.get("kwargs"), f"{key}.kwargs")
    if "meta" in expectation:
        schema.table(expectation["meta"], f"{key}.meta")
    columns = f"a column of the claims table ({', '.join(COLUMNS)})"
    for name in COLUMN_ARGUMENTS:
        if name in kwargs and kwargs[name] not in COLUMNS:
            raise schema.fail(f"{key}.kwargs.{name}", columns, kwargs[name])
    if "column_list" in kwargs:
        for index, column in enumerate(schema.strings(kwargs["column_list"], f"{key}.kwargs.column_list")):
            if column not in COLUMNS:
                raise schema.fail(f"{key}.kwargs.column_list[{index}]", columns, column)


def _build(expectation: dict[str, Any], key: str) -> None:
    """Great Expectations' own check of one expectation: its type exists, its arguments fit (its
    suite would drop an unknown type with a logged traceback, so each is built alone)."""
    from checks.suites import great_expectations

    great_expectations()
    from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

    try:
        ExpectationConfiguration(**expectation).to_domain_obj()
    except Exception as error:  # Great Expectations raises many kinds (pydantic, its own, ValueError)
        raise schema.SchemaError(f"{key}: {_first_problem(error)}") from None


def _first_problem(error: Exception) -> str:
    """The first problem Great Expectations names, on one line."""
    errors = getattr(error, "errors", None)
    if callable(errors):
        first = errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        return f"kwargs.{where}: {first.get('msg')}" if where else str(first.get("msg"))
    cause = error.__cause__ or error
    return " ".join(str(cause).split()) or type(cause).__name__
