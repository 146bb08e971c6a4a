"""Great Expectations over the claims table: the built-in suite of column checks and users' suites.

The table has one row per claim with its figures as floats and derived columns that say which
check applies to a row (``capped_rate``: a rate or share that cannot pass 100 %,
``non_negative``: a quantity that cannot be negative, ``ranked``: a rank with its total,
``dated``: a reported date of a document with a publication date), so the comparisons are plain
column expectations. The built-in suite is data (``bounds/data/claims_suite.json``); a user's
suite, in the same JSON form, may use every column. Great Expectations is imported on first use
(about 3 s of CPU), only when a row may fail the built-in suite or a user's suite is given; it runs
with an ephemeral context and writes nothing to disk.
"""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checks import vocab
from checks.corpus import Corpus
from checks.suite_file import checked_suite
from claims.claim import Claim
from claims.iso_dates import iso_day
from claims.kinds import NON_NEGATIVE
from claims.sentences import clause_before

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = ("id", "doc", "kind", "unit", "measure", "subject", "place", "time", "period_kind", "period_start",
           "period_end", "aggregate", "scope", "status", "value", "low", "high", "total",
           "lowest_percent", "highest", "days_after_publication", "capped_rate", "non_negative", "ranked", "dated")
_TENTHS = {"percent": 1, "cheng": 10}


@dataclass(frozen=True)
class Failure:
    """An expectation that failed, and the claims (rows) that failed it."""

    expectation: str
    kwargs: dict[str, Any]
    meta: dict[str, Any]
    claim_ids: tuple[str, ...]


def claims_table(corpus: Corpus) -> pd.DataFrame:
    """One row per claim (memoized per corpus)."""
    return corpus.memo("claims_table", lambda: _table(corpus))


def _table(corpus: Corpus) -> pd.DataFrame:
    import pandas as pd

    rows = [_row(claim, corpus) for claim in corpus.claims]
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _row(claim: Claim, corpus: Corpus) -> dict[str, Any]:
    doc = corpus.document[claim.doc]
    number = {name: _float(getattr(claim, name)) for name in ("value", "low", "high", "total")}
    lowest = number["low"] if number["low"] is not None else number["value"]
    highest = number["value"] if number["value"] is not None else number["high"]
    first_day, published = iso_day(claim.low), iso_day(doc.meta.published)
    dated = (claim.kind == "date" and claim.precision in ("day", "month") and first_day is not None
             and published is not None and not vocab.planned(doc.text, claim))
    return {
        "id": claim.id, "doc": claim.doc, "kind": claim.kind, "unit": claim.unit, "measure": claim.measure,
        "subject": claim.subject, "place": claim.place, "time": claim.time,
        "period_kind": claim.period.kind if claim.period else None,
        "period_start": claim.period.start if claim.period else None,
        "period_end": claim.period.end if claim.period else None,
        "aggregate": claim.aggregate, "scope": ",".join(claim.scope), "status": claim.status, **number,
        "lowest_percent": lowest * _TENTHS[claim.unit] if claim.unit in _TENTHS and lowest is not None else None,
        "highest": highest,
        "days_after_publication": (first_day - published).days if dated else None,
        "capped_rate": _capped_rate(claim, doc.text),
        "non_negative": claim.kind in NON_NEGATIVE and not vocab.has_any(claim.subject, vocab.signed_words()),
        "ranked": claim.kind == "rank" and claim.total is not None,
        "dated": dated,
    }


def _capped_rate(claim: Claim, text: str) -> bool:
    """A percentage of a rate or share that cannot pass 100 % (not growth, not over-fulfilment)."""
    if claim.kind != "percent" or claim.unit not in _TENTHS:
        return False
    word = vocab.rate_word(claim.subject)
    growth = vocab.growth_words()
    return bool(word and not word.exceedable and not vocab.has_any(claim.subject, growth)
                and not vocab.has_any(clause_before(text, claim.span[0]), growth))


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, Decimal) else None


def builtin_failures(corpus: Corpus) -> dict[str, set[str]]:
    """Claim ids failing each expectation of the built-in suite, by the rule in its meta. When no
    row can fail any of them (``may_fail``) there are none, and Great Expectations is not loaded."""
    def compute() -> dict[str, set[str]]:
        suite = json.loads(resources.files("checks.bounds").joinpath("data/claims_suite.json").read_text("utf-8"))
        table = claims_table(corpus)
        failures: dict[str, set[str]] = {}
        if not any(may_fail(table, expectation) for expectation in suite["expectations"]):
            return failures
        for failure in validate(table, suite):
            failures.setdefault(failure.meta["rule"], set()).update(failure.claim_ids)
        return failures
    return corpus.memo("builtin_failures", compute)


def may_fail(table: pd.DataFrame, expectation: dict[str, Any]) -> bool:
    """Whether some row of ``table`` may fail ``expectation`` (a suite's JSON entry). False only for
    the forms the built-in suite uses when no row can fail: a column's values between bounds (its
    nulls are left out, as Great Expectations leaves them out) or a pair of columns a ≥ b (a null on
    either side fails), each on the rows where one column equals a value. Any other form may fail:
    Great Expectations decides which rows do."""
    kind, kwargs = expectation.get("type"), expectation.get("kwargs", {})
    rows = _rows(table, kwargs.get("row_condition"))
    if rows is None:
        return True
    try:
        if kind == "expect_column_values_to_be_between" and set(kwargs) <= _BETWEEN:
            values = table.loc[rows, kwargs["column"]].astype("float64").dropna()
            low, high = kwargs.get("min_value"), kwargs.get("max_value")
            return bool((low is not None and (values < low).any()) or (high is not None and (values > high).any()))
        if kind == "expect_column_pair_values_a_to_be_greater_than_b" and set(kwargs) <= _PAIR:
            a, b = (table.loc[rows, kwargs[side]].astype("float64") for side in ("column_A", "column_B"))
            return bool((~(a >= b) if kwargs.get("or_equal") else ~(a > b)).any())
    except (KeyError, TypeError, ValueError):  # a column missing or not numbers: Great Expectations says
        return True
    return True


_BETWEEN = frozenset({"column", "min_value", "max_value", "row_condition"})
_PAIR = frozenset({"column_A", "column_B", "or_equal", "row_condition"})


def _rows(table: pd.DataFrame, condition: Any) -> pd.Series | slice | None:
    """The rows a row condition selects: all without one, those where a column equals a value for
    ``{"type": "comparison", "operator": "==", "column": {"name": …}, "parameter": …}``; None for
    any other condition."""
    if condition is None:
        return slice(None)
    if (isinstance(condition, dict) and set(condition) == {"type", "operator", "column", "parameter"}
            and condition["type"] == "comparison" and condition["operator"] == "=="
            and isinstance(condition["column"], dict) and set(condition["column"]) == {"name"}):
        return table[condition["column"]["name"]] == condition["parameter"]
    return None


def load_suite(path: str | Path) -> dict[str, Any]:
    """A suite file as written by Great Expectations (``suite.to_json_dict()``), checked whole
    (``checks.suite_file``)."""
    return checked_suite(str(path))


def validate(table: pd.DataFrame, suite: dict[str, Any]) -> list[Failure]:
    """The failed expectations of ``suite`` (a JSON-like dict) over ``table``."""
    gx = great_expectations()
    context = gx.get_context(mode="ephemeral")
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    asset = context.data_sources.add_pandas("claims").add_dataframe_asset(name="claims")
    batch = asset.add_batch_definition_whole_dataframe("all").get_batch(batch_parameters={"dataframe": table})
    results = batch.validate(gx.ExpectationSuite(**suite),
                             result_format={"result_format": "COMPLETE", "unexpected_index_column_names": ["id"]})
    failures = []
    for result in results.results:
        if result.success:
            continue
        config = result.expectation_config
        ids = tuple(sorted({row["id"] for row in result.result.get("unexpected_index_list") or []}))
        kwargs = {k: v for k, v in config.kwargs.items() if k != "batch_id"}
        failures.append(Failure(config.type, json.loads(json.dumps(kwargs, default=str)), dict(config.meta or {}), ids))
    return failures


def great_expectations():
    """Great Expectations, imported quietly: no analytics, no progress bars, warnings only."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    return gx
