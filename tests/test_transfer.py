"""What a pool worker sends back: a document's claims pickled as columns (``vocab.records.Packed``),
each sentence, clause and period once, arrive as a plain list of claims equal to those read in
the main process."""
from __future__ import annotations

import pickle
from decimal import Decimal
from pathlib import Path

from claims.claim import Claim, Segment
from claims.periods import Period
from parallel.executors import InProcess, LocalPool
from parallel.work import Task, read_and_extract
from pipeline import load
from sources.reader import expand_paths
from vocab.records import Packed

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEEDS = Path("/work/shared/seeds")


def _results() -> list:
    paths = expand_paths([EXAMPLES])
    return [read_and_extract(Task(path, f"d{number}")) for number, path in enumerate(paths)]


def test_a_pool_run_loads_the_claims_and_documents_of_an_in_process_run():
    paths = [EXAMPLES, SEEDS] if SEEDS.exists() else [EXAMPLES]
    here = load(paths, InProcess())
    with LocalPool(2) as run:
        pooled = load(paths, run)
    assert len(here.documents) > 5 and len(here.claims) > 100
    assert pooled.documents == here.documents
    assert pooled.claims == here.claims
    assert type(pooled.claims) is list and {type(claim) for claim in pooled.claims} == {Claim}
    assert [claim.id for claim in pooled.claims] == [claim.id for claim in here.claims]


def test_packed_claims_come_back_as_a_plain_list_of_equal_claims_sharing_their_sentences():
    for _, claims in _results():
        again = pickle.loads(pickle.dumps(claims, protocol=pickle.HIGHEST_PROTOCOL))
        assert type(claims) is Packed and type(again) is list
        assert again == list(claims)
        assert [hash(claim) for claim in again] == [hash(claim) for claim in claims]
        sentences = {}
        for claim in again:
            assert sentences.setdefault(claim.sentence.index, claim.sentence) is claim.sentence
        assert all(type(claim.period) in (Period, type(None)) for claim in again)


def test_packed_claims_pickle_smaller_than_one_by_one():
    for _, claims in _results():
        if claims:
            assert len(pickle.dumps(claims)) < len(pickle.dumps(list(claims)))


def _claim(number: int, sentence: Segment, period: Period | None) -> Claim:
    value = Decimal(number) / 10
    return Claim("quantity", value, value, value, "tonne", "吨", None, Decimal("0.1"), id=f"g:{number}", doc="g",
                 start=number, end=number + 3, text=f"{number}吨", span=(number, number + 3), sentence=sentence,
                 clause=Segment(number, number, number + 3), period=period, scope=("其中",) * (number % 2))


def test_equal_records_not_shared_stay_apart_and_none_stays_none():
    one, two = Segment(0, 0, 9), Segment(0, 0, 9)  # equal, not the same record
    period = Period("year", "2024", "2024", "2024年")
    claims = [_claim(1, one, None), _claim(2, two, period), _claim(3, one, period), _claim(4, two, None)]
    again = pickle.loads(pickle.dumps(Packed(Claim, claims)))
    assert again == claims
    assert again[0].sentence is again[2].sentence and again[1].sentence is again[3].sentence
    assert again[0].sentence is not again[1].sentence
    assert again[0].period is None and again[3].period is None and again[1].period is again[2].period
    assert pickle.loads(pickle.dumps(Packed(Claim))) == []
