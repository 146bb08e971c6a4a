"""Great Expectations over the claims table: the built-in suite of column checks and users' suites.

The table has one row per claim with its figures as floats and derived columns that say which
check applies to a row (``capped_rate``: a rate or share that cannot pass 100 %,
``non_negative``: a quantity that cannot be negative, ``ranked``: a rank with its total,
``dated``: a reported date of a document with a publication date), so the comparisons are plain
column expectations. The built-in suite is data (``bounds/data/claims_suite.json``); a user's
suite, in the same JSON form, may use every column. The built-in suite's forms are checked row by row
in plain Python with Great Expectations' semantics (``row_test``), so its table is built and Great
Expectations imported (about 3 s of CPU) only for a user's suite or another form; it runs with an
ephemeral context and writes nothing to disk.
"""
from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checks import vocab
from checks.corpus import Corpus
from checks.suite_file import checked_suite
from claims.claim import Claim
from claims.iso_dates import iso_day
from claims.kinds import NON_NEGATIVE
from claims.sentences import clause_before
from sources.document import Document

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
    """The table's row of ``claim``, every column."""
    row = _Row(claim, corpus.document[claim.doc])
    return {name: row[name] for name in COLUMNS}


class _Row(dict):
    """A claim's row, each column computed when first asked (``_COLUMN``): the built-in suite's
    tests ask for the few they compare, most rows none of the costly flags."""

    def __init__(self, claim: Claim, doc: Document, known: dict[str, Any] | None = None) -> None:
        super().__init__(known or ())
        self.claim, self.doc = claim, doc
        self.placed = False  # whether a column read the claim's place in its text (``_READING``)

    def __missing__(self, name: str) -> Any:
        value = self[name] = _COLUMN[name](self.claim, self.doc, self)
        return value


def _lowest_percent(claim: Claim, row: _Row) -> float | None:
    lowest = row["low"] if row["low"] is not None else row["value"]
    return lowest * _TENTHS[claim.unit] if claim.unit in _TENTHS and lowest is not None else None


_FIGURES = ("value", "low", "high", "total", "lowest_percent", "highest")  # columns of a claim's figure and unit alone


def _figure_columns(claim: Claim, doc: Document, known: dict[tuple, dict[str, Any]]) -> dict[str, Any]:
    """The columns of ``claim``'s figure and unit, computed once per figure among ``known``
    (a table or list repeats its figures)."""
    key = (claim.unit, claim.value, claim.low, claim.high, claim.total)
    columns = known.get(key)
    if columns is None:
        row = _Row(claim, doc)
        columns = known[key] = {name: row[name] for name in _FIGURES}
    return columns


_COLUMN: dict[str, Callable[[Claim, Document, _Row], Any]] = {
    "id": lambda claim, doc, row: claim.id, "doc": lambda claim, doc, row: claim.doc,
    "kind": lambda claim, doc, row: claim.kind, "unit": lambda claim, doc, row: claim.unit,
    "measure": lambda claim, doc, row: claim.measure, "subject": lambda claim, doc, row: claim.subject,
    "place": lambda claim, doc, row: claim.place, "time": lambda claim, doc, row: claim.time,
    "period_kind": lambda claim, doc, row: claim.period.kind if claim.period else None,
    "period_start": lambda claim, doc, row: claim.period.start if claim.period else None,
    "period_end": lambda claim, doc, row: claim.period.end if claim.period else None,
    "aggregate": lambda claim, doc, row: claim.aggregate, "scope": lambda claim, doc, row: ",".join(claim.scope),
    "status": lambda claim, doc, row: claim.status,
    "value": lambda claim, doc, row: _float(claim.value), "low": lambda claim, doc, row: _float(claim.low),
    "high": lambda claim, doc, row: _float(claim.high), "total": lambda claim, doc, row: _float(claim.total),
    "lowest_percent": lambda claim, doc, row: _lowest_percent(claim, row),
    "highest": lambda claim, doc, row: row["value"] if row["value"] is not None else row["high"],
    "days_after_publication": lambda claim, doc, row: _days_after_publication(claim, doc, row),
    "capped_rate": lambda claim, doc, row: _capped_rate(claim, doc.text, row),
    "non_negative": lambda claim, doc, row: (claim.kind in NON_NEGATIVE
                                             and not vocab.has_any(claim.subject, vocab.signed_words())),
    "ranked": lambda claim, doc, row: claim.kind == "rank" and claim.total is not None,
    "dated": lambda claim, doc, row: row["days_after_publication"] is not None,
}


# The claim fields the columns of the built-in suite's tests read (``doc``: its publication date)
# besides the claim's place in the text, which ``_days_after_publication`` and ``_capped_rate``
# mark the row ``placed`` for reading.
READ = ("doc", "kind", "unit", "value", "low", "high", "total", "subject", "precision")
_READING = attrgetter(*READ)


def _days_after_publication(claim: Claim, doc: Document, row: _Row) -> int | None:
    """Days from ``doc``'s publication to the first day of a reported date (of a day or a month, not
    a plan); None for any other claim or a document without a publication date."""
    if claim.kind != "date" or claim.precision not in ("day", "month"):
        return None
    first_day, published = iso_day(claim.low), iso_day(doc.meta.published)
    if first_day is None or published is None:
        return None
    row.placed = True  # its sentence says whether it is a plan
    if vocab.planned(doc.text, claim):
        return None
    return (first_day - published).days


def _capped_rate(claim: Claim, text: str, row: _Row) -> bool:
    """A percentage of a rate or share that cannot pass 100 % (not growth, not over-fulfilment)."""
    if claim.kind != "percent" or claim.unit not in _TENTHS:
        return False
    word = vocab.rate_word(claim.subject)
    growth = vocab.growth_words()
    if not word or word.exceedable or vocab.has_any(claim.subject, growth):
        return False
    row.placed = True  # the clause before it may speak of growth
    return not vocab.has_any(clause_before(text, claim.span[0]), growth)


def _float(value: object) -> float | None:
    return float(value) if isinstance(value, Decimal) else None


def builtin_failures(corpus: Corpus) -> dict[str, set[str]]:
    """Claim ids failing each expectation of the built-in suite, by the rule in its meta. Each
    expectation of a form ``row_test`` knows is checked row by row in plain Python (the same rows
    Great Expectations reports, without building the table), and among claims sharing the very
    subject of the claim before them (a dense run's), once per reading (``_READING``) unless its
    verdict read the claim's place; any other expectation goes to Great Expectations."""
    def compute() -> dict[str, set[str]]:
        suite = json.loads(resources.files("checks.bounds").joinpath("data/claims_suite.json").read_text("utf-8"))
        failures: dict[str, set[str]] = {}
        tests = [(expectation, row_test(expectation)) for expectation in suite["expectations"]]
        plain = [(expectation["meta"]["rule"], test) for expectation, test in tests if test is not None]
        figures: dict[tuple, dict[str, Any]] = {}
        failed: dict[tuple, tuple[str, ...]] = {}  # a reading → the rules its claims fail, wherever they stand
        subject: object = failed  # the claim before's (none yet)
        for claim in corpus.claims:
            alike, subject = claim.subject is subject, claim.subject  # a dense run's claims share their subject
            reading = _READING(claim) if alike else None
            rules = failed.get(reading)
            if rules is None:
                doc = corpus.document[claim.doc]
                row = _Row(claim, doc, _figure_columns(claim, doc, figures))
                rules = ()
                for rule, test in plain:
                    if test(row):
                        rules += (rule,)
                if alike and not row.placed:
                    failed[reading] = rules
            for rule in rules:
                failures.setdefault(rule, set()).add(claim.id)
        rest = [expectation for expectation, test in tests if test is None]
        if rest:
            for failure in validate(claims_table(corpus), {**suite, "expectations": rest}):
                failures.setdefault(failure.meta["rule"], set()).update(failure.claim_ids)
        return failures
    return corpus.memo("builtin_failures", compute)


def row_test(expectation: dict[str, Any]) -> Callable[[dict[str, Any]], bool] | None:
    """Whether one row (``_row``) fails ``expectation`` (a suite's JSON entry), exactly as Great
    Expectations decides, for the forms the built-in suite uses: a number column between bounds (a
    null passes: Great Expectations leaves nulls out) or a pair of number columns a ≥ b or a > b (a
    null on one side fails, on both sides passes: its ``ignore_row_if`` default), each on every row
    or on the rows where a yes/no column equals True or False. None for any other form."""
    kind, kwargs = expectation.get("type"), expectation.get("kwargs", {})
    chosen = _chosen(kwargs.get("row_condition"))
    if chosen is None:
        return None
    if kind == "expect_column_values_to_be_between" and set(kwargs) <= _BETWEEN and kwargs.get("column") in _NUMBERS:
        column, low, high = kwargs["column"], kwargs.get("min_value"), kwargs.get("max_value")
        if not all(bound is None or _is_number(bound) for bound in (low, high)) or low is high is None:
            return None

        def outside(row: dict[str, Any]) -> bool:  # the value first: a row's flags may cost more
            value = row[column]
            return (value is not None and value == value
                    and ((low is not None and value < low) or (high is not None and value > high)) and chosen(row))
        return outside
    if (kind == "expect_column_pair_values_a_to_be_greater_than_b" and set(kwargs) <= _PAIR
            and {kwargs.get("column_A"), kwargs.get("column_B")} <= _NUMBERS
            and isinstance(kwargs.get("or_equal", False), bool | None)):
        a_name, b_name, or_equal = kwargs["column_A"], kwargs["column_B"], bool(kwargs.get("or_equal"))

        def not_greater(row: dict[str, Any]) -> bool:
            a, b = row[a_name], row[b_name]
            a, b = (None if a != a else a), (None if b != b else b)  # NaN as null
            if a is b is None:
                return False
            return (a is None or b is None or not (a >= b if or_equal else a > b)) and chosen(row)
        return not_greater
    return None


_BETWEEN = frozenset({"column", "min_value", "max_value", "row_condition"})
_PAIR = frozenset({"column_A", "column_B", "or_equal", "row_condition"})
_NUMBERS = frozenset({"value", "low", "high", "total", "lowest_percent", "highest", "days_after_publication"})
_FLAGS = frozenset({"capped_rate", "non_negative", "ranked", "dated"})


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _chosen(condition: Any) -> Callable[[dict[str, Any]], bool] | None:
    """Whether a row meets a row condition: every row without one; for ``{"type": "comparison",
    "operator": "==", "column": {"name": …}, "parameter": …}`` on a yes/no column with True or
    False, the rows where it holds; None for any other condition."""
    if condition is None:
        return lambda row: True
    if (isinstance(condition, dict) and set(condition) == {"type", "operator", "column", "parameter"}
            and condition["type"] == "comparison" and condition["operator"] == "=="
            and isinstance(condition["column"], dict) and set(condition["column"]) == {"name"}
            and condition["column"]["name"] in _FLAGS and isinstance(condition["parameter"], bool)):
        name, wanted = condition["column"]["name"], condition["parameter"]
        return lambda row: row[name] == wanted
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
