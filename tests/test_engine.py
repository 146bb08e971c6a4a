"""The engine walks claims, documents, facts and the corpus for the rules, and a rule that raises
becomes an internal-error finding while every other finding is still reported."""
from __future__ import annotations

from collections.abc import Iterable

from checks.config import Config
from checks.corpus import Corpus
from checks.engine import check_corpus, selected_rules
from checks.finding import Finding, Severity
from checks.rule import ClaimRule, CorpusRule, DocumentRule, FactRule, RestatementRule
from claims.extract import extract_claims
from sources.reader import document_from_text

TEXTS = ["2023年2月30日,全市建成17个生活圈。", "2024年4月31日,全市建成14个生活圈。"]


def _corpus(texts: list[str] = TEXTS) -> Corpus:
    documents = [document_from_text(text, doc_id=f"d{i}", path=f"d{i}.txt") for i, text in enumerate(texts)]
    return Corpus(documents, [claim for doc in documents for claim in extract_claims(doc)])


class _Test:
    code, name, default_severity, messages = "ZZ99", "test-rule", Severity.WARNING, {"zh": "{x}", "en": "{x}"}


class FailsOnFourteen(_Test, ClaimRule):
    """Raises on the claim 14个, flags every other count."""

    kinds = frozenset({"count"})

    def check_claim(self, claim, doc, corpus) -> Iterable[Finding]:
        if claim.text == "14个":
            raise ZeroDivisionError("division by zero")
        yield self.finding(claim.doc, claim.start, claim.end, claims=[claim.id], x=claim.text)


class FailsOnSecondDocument(_Test, DocumentRule):
    def check_document(self, doc, claims, corpus) -> Iterable[Finding]:
        yield self.finding(doc.id, 0, 1, x=doc.id)
        if doc.id == "d1":
            raise KeyError("missing")


class CountsFacts(_Test, FactRule):
    def check_fact(self, fact, corpus) -> Iterable[Finding]:
        first = fact.claims[0]
        yield self.finding(first.doc, first.start, first.end, x=len(fact.claims))


class CountsRestatements(_Test, RestatementRule):
    def check_restatement(self, restatement, corpus) -> Iterable[Finding]:
        last = restatement.claims[-1]
        yield self.finding(last.doc, last.start, last.end, x=len(restatement.claims))


class FailsOnCorpus(_Test, CorpusRule):
    def check_corpus(self, corpus) -> Iterable[Finding]:
        raise RuntimeError("suite unreadable")


def _builtin(code: str):
    return selected_rules(Config(select=(code,), language="en"))


def test_a_claim_rule_failing_on_one_claim_leaves_the_others_and_other_rules():
    corpus = _corpus()
    findings = check_corpus(corpus, [FailsOnFourteen(language="en"), *_builtin("DT02")])
    by_rule = sorted((f.rule, f.doc, corpus.document[f.doc].original[f.start:f.end]) for f in findings)
    assert by_rule == [("DT02", "d0", "2023年2月30日"), ("DT02", "d1", "2024年4月31日"),
                       ("IE01", "d1", "14个"), ("ZZ99", "d0", "17个")]
    error = next(f for f in findings if f.rule == "IE01")
    assert error.severity is Severity.ERROR and error.name == "internal-error"
    assert error.message.startswith("rule ZZ99 failed on claim d1:")
    assert "ZeroDivisionError: division by zero" in error.message
    assert error.evidence["rule"] == "ZZ99" and error.evidence["exception"] == "ZeroDivisionError"
    assert error.evidence["raised_at"].startswith("tests/test_engine.py:")


def test_a_document_rule_keeps_what_it_found_before_failing():
    findings = check_corpus(_corpus(), [FailsOnSecondDocument(language="zh")])
    assert [(f.rule, f.doc) for f in findings] == [("ZZ99", "d0"), ("IE01", "d1"), ("ZZ99", "d1")]
    error = next(f for f in findings if f.rule == "IE01")
    assert error.message.startswith("规则ZZ99在检查document时出错:KeyError")


def test_a_fact_rule_sees_each_fact_once():
    corpus = _corpus(["全市建成17个生活圈,培训志愿者1200人次。", "我市已建成生活圈14个;全年培训志愿者1200人次。"])
    findings = check_corpus(corpus, [CountsFacts(language="en")])
    assert [(f.doc, corpus.document[f.doc].original[f.start:f.end], f.message) for f in findings] == [
        ("d0", "17个", "2"), ("d0", "1200人次", "2")]


def test_a_restatement_rule_sees_each_copied_figure_once():
    corpus = _corpus(["全市建成17个生活圈,培训志愿者1200人次。", "全市建成14個生活圈,培訓志願者1200人次。",
                      "全市建成17个生活圈,培训志愿者1200人次。"])
    findings = check_corpus(corpus, [CountsRestatements(language="en")])
    assert [(f.doc, corpus.document[f.doc].original[f.start:f.end], f.message) for f in findings] == [
        ("d2", "17个", "3"), ("d2", "1200人次", "3")]


def test_a_corpus_rule_failure_points_at_the_first_document():
    findings = check_corpus(_corpus(), [FailsOnCorpus(language="en")])
    assert [(f.rule, f.doc, f.start, f.evidence["target"]) for f in findings] == [("IE01", "d0", 0, "corpus")]


def test_a_failure_preparing_the_walk_stops_only_that_rule(monkeypatch):
    corpus = _corpus()

    def broken(*args, **kwargs):
        raise ValueError("alignment failed")
    monkeypatch.setattr(corpus, "facts", broken)
    findings = check_corpus(corpus, [CountsFacts(language="en"), *_builtin("DT02")])
    assert sorted(f.rule for f in findings) == ["DT02", "DT02", "IE01"]
    assert "ValueError: alignment failed" in next(f.message for f in findings if f.rule == "IE01")


def test_no_documents_no_calls():
    assert check_corpus(_corpus([]), [FailsOnCorpus(language="en")]) == []


class FailsOnEveryClaim(_Test, ClaimRule):
    """Raises the same error on every claim, as a rule whose shared table cannot be built would."""

    def check_claim(self, claim, doc, corpus) -> Iterable[Finding]:
        raise RuntimeError("table unavailable")


def test_the_same_failure_on_every_call_is_one_finding_with_its_count():
    corpus = _corpus()
    findings = check_corpus(corpus, [FailsOnEveryClaim(language="en")])
    assert len(corpus.claims) == 4 and len(findings) == 1
    [error] = findings
    assert error.evidence["occurrences"] == 4 and error.doc == "d0"
    assert "RuntimeError: table unavailable, and 3 more calls the same way" in error.message


class OnlyItsCandidates(FailsOnFourteen):
    """Names the claims it can flag: the one of 17个 (or fails to name them)."""

    def candidates(self, corpus):
        if self.settings.get("broken"):
            raise RuntimeError("table unavailable")
        return {claim.id for claim in corpus.claims if claim.text == "17个"}


def test_a_claim_rule_is_called_on_its_candidates_alone():
    corpus = _corpus()
    findings = check_corpus(corpus, [OnlyItsCandidates(language="en")])
    assert [(f.rule, f.doc, f.message) for f in findings] == [("ZZ99", "d0", "17个")]  # 14个 never called


def test_candidates_that_cannot_be_named_leave_every_claim_called(monkeypatch):
    rule = OnlyItsCandidates(language="en")
    monkeypatch.setitem(rule.settings, "broken", True)
    findings = check_corpus(_corpus(), [rule])
    assert sorted((f.rule, f.doc) for f in findings) == [("IE01", "d1"), ("ZZ99", "d0")]


class _Records(_Test, ClaimRule):
    """Records the claims it is called on, in order."""

    def __init__(self, kinds, only, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kinds, self.only, self.called = kinds, only, []

    def candidates(self, corpus):
        return self.only

    def check_claim(self, claim, doc, corpus) -> Iterable[Finding]:
        self.called.append((doc.id, claim.id))
        return ()


class _Unlisted:
    """Candidates that can be asked about but not listed."""

    def __init__(self, ids) -> None:
        self.ids = ids

    def __contains__(self, claim_id) -> bool:
        return claim_id in self.ids


def test_a_claim_rule_is_called_on_the_claims_of_its_kinds_among_its_candidates_in_reading_order():
    texts = ["2023年2月30日,全市建成17个生活圈,完成投资3亿元,增长5%。", "2024年,全市新建14所学校,投资2亿元。",
             "全市建成9个生活圈,占比40%。"]
    corpus = _corpus(texts)
    corpus.claims.reverse()  # the walk follows the documents, then each one's claims
    corpus = Corpus(corpus.documents, corpus.claims)
    twin = Corpus(corpus.documents, corpus.claims + [corpus.claims[0]])  # one id twice
    ids = [claim.id for claim in corpus.claims]
    kinds_of = {claim.kind for claim in corpus.claims}
    assert {"count", "money", "percent", "date"} <= kinds_of
    for kinds in (None, frozenset({"count"}), frozenset({"money", "percent"}), frozenset({"area"})):
        for only in (None, set(), set(ids[::2]), {*ids[1::3], "d9:1"}, _Unlisted(set(ids[::2])), frozenset(ids)):
            for walked in (corpus, twin):
                plain = [(doc.id, claim.id) for doc in walked.documents for claim in walked.claims_of[doc.id]
                         if (kinds is None or claim.kind in kinds) and (only is None or claim.id in only)]
                rule = _Records(kinds, only, language="en")
                check_corpus(walked, [rule])
                assert rule.called == plain
