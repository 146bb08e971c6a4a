"""The rows of the reference tables no document's figure was compared with, so that a run can
say which rows it did not use (a row for a fact no draft states, or worded so that nothing aligns
with it)."""
from __future__ import annotations

from collections.abc import Iterable

from checks.corpus import Corpus
from checks.rule import Rule
from claims.reference import FORMAT, row_of

RULE = "RF01"  # the rule comparing figures with reference rows (checks/reference/differs.py)


def unused_rows(corpus: Corpus, rules: Iterable[Rule]) -> tuple[str, ...]:
    """The labels (``figures.csv:9``) of the rows that RF01's facts compare with no claim of a
    document other than a table, in table and row order; none when RF01 does not run (or its
    alignment failed: the engine reports that as RF01's internal error)."""
    rule = next((rule for rule in rules if rule.code == RULE), None)
    tables = [doc for doc in corpus.documents if doc.format == FORMAT]
    if rule is None or not tables:
        return ()
    formats = {doc.id: doc.format for doc in corpus.documents}
    try:
        facts = corpus.facts(rule.settings["min_score"], rule.across_levels, rule.ignores)
    except Exception:  # noqa: BLE001 - reported by the engine as RF01's internal error
        return ()
    used = set()
    for fact in facts:
        for statement in fact.statements:
            if formats[statement.claim.doc] == FORMAT and any(
                    formats[other.doc] != FORMAT for other in (*statement.agree, *statement.disagree)):
                used.add(statement.claim.id)
    return tuple(row_of(doc, claim)[0] for doc in tables for claim in corpus.claims_of[doc.id]
                 if claim.id not in used)
