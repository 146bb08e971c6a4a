"""Run the selected rules over a corpus and return their findings in a stable order.

The engine does the walking: each claim for a ``ClaimRule``, each document for a
``DocumentRule``, each fact for a ``FactRule``, each restated figure for a ``RestatementRule``,
the corpus once for a ``CorpusRule``. Every call
is guarded: an exception in one rule becomes an ``internal-error`` finding that names the rule,
the exception and what it was looking at, and the run goes on with the other calls and rules.
"""
from __future__ import annotations

import traceback
from collections.abc import Callable, Collection, Container, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import MappingProxyType
from typing import Any

from checks.config import Config
from checks.corpus import Corpus
from checks.finding import Finding, Location, Severity
from checks.packed import packed, unpacked
from checks.registry import DAMAGED, INTERNAL_ERROR, UNREADABLE, all_rules
from checks.rule import ClaimRule, CorpusRule, DocumentRule, FactRule, RestatementRule, Rule
from claims.claim import Claim
from sources.document import Document

_ROOT = Path(__file__).parents[1]
Beside = Callable[..., tuple[Any, Any]]  # (here, there, pack, unpack): two calls at once, both results


@dataclass(frozen=True)
class Target:
    """What a rule call looks at: a place in a document, and how to name it."""

    doc: str
    start: int
    end: int
    what: str  # "claim c3", "document", "fact of 3 claims", "corpus"


def selected_rules(config: Config) -> list[Rule]:
    """The rules the configuration selects, instantiated with their severities and options."""
    chosen = []
    for code, rule in all_rules().items():
        names = {code, rule.family}
        if config.select and not names & set(config.select):
            continue
        if names & set(config.ignore):
            continue
        chosen.append(rule(config.severity.get(code), config.rule_options(code), config.language))
    return chosen


def run_rules(corpus: Corpus, config: Config, documents: list[Document] = (),
              progress: Callable[[list[Rule]], Iterable[Rule]] = iter, split: Beside | None = None,
              prepare: Callable[[list[Rule]], object] = lambda rules: None) -> list[Finding]:
    """The findings of the rules ``config`` selects, and an IO01 finding for each of ``documents``
    that could not be read and an IO02 finding for each read with damage (unless ``config``
    ignores them); ``progress`` may wrap the rules; ``prepare`` computes up front what the rules
    will ask the corpus for (the alignments). With ``split`` (``parallel.beside``), the rules that
    look at one document at a time run in a forked copy of this process while this one
    prepares and runs the others (the facts across documents, and the rules of one claim, which
    balance the two halves): the same findings, on two cores."""
    rules = selected_rules(config)
    if split:
        apart = [rule for rule in rules if isinstance(rule, DocumentRule)]
        here = [rule for rule in rules if not isinstance(rule, DocumentRule)]
        mine, (theirs, notes) = split(partial(_prepared, corpus, here, prepare, progress),
                                      partial(_with_notes, corpus, apart), packed, unpacked)
        for key, items in notes.items():
            corpus.note(key, *items)
        findings = mine + theirs
    else:
        findings = _prepared(corpus, rules, prepare, progress)
    if UNREADABLE[0] not in config.ignore:
        findings += [unreadable(doc, config.language) for doc in documents if doc.status == "error"]
    if DAMAGED[0] not in config.ignore:
        findings += [damaged(doc, config.language) for doc in documents if doc.ok and doc.damage]
    return sorted(findings, key=Finding.sort_key)


def _prepared(corpus: Corpus, rules: list[Rule], prepare: Callable[[list[Rule]], object],
              progress: Callable[[list[Rule]], Iterable[Rule]]) -> list[Finding]:
    """``check_corpus`` after ``prepare``."""
    prepare(rules)
    return check_corpus(corpus, progress(rules))


def _with_notes(corpus: Corpus, rules: list[Rule]) -> tuple[list[Finding], dict[str, set[str]]]:
    """``check_corpus`` and the notes its rules left in the corpus."""
    return check_corpus(corpus, rules), corpus.notes


def check_corpus(corpus: Corpus, rules: Iterable[Rule]) -> list[Finding]:
    """The findings of ``rules`` over ``corpus``, sorted; failing calls give internal errors."""
    findings: list[Finding] = []
    if not corpus.documents:
        return findings
    for rule in rules:
        walk = _claim_walk if isinstance(rule, ClaimRule) else _walk
        findings += _internal_errors(rule, walk(rule, corpus, findings))
    return sorted(findings, key=Finding.sort_key)


def _walk(rule: Rule, corpus: Corpus, findings: list[Finding]) -> list[tuple[Target, Exception]]:
    """Each call of ``rule`` (``_calls``), its findings added to ``findings``; the failures."""
    failures: list[tuple[Target, Exception]] = []
    calls = _calls(rule, corpus)
    while True:
        try:
            target, call = next(calls)
        except StopIteration:
            break
        except Exception as error:  # preparing the walk (alignment, a table) failed: the rule stops
            failures.append((Target(corpus.documents[0].id, 0, 0, "corpus"), error))
            break
        try:
            findings.extend(call())
        except Exception as error:
            failures.append((target(), error))
    return failures


def _claim_walk(rule: ClaimRule, corpus: Corpus, findings: list[Finding]) -> list[tuple[Target, Exception]]:
    """``_walk`` for a claim rule, calling it on each claim of its kinds directly: the engine's
    hottest loop (a document of 20,000 figures makes 180,000 calls), so no call objects are made,
    and a rule that names its ``candidates`` is called on those alone (when naming them fails, on
    every claim, whose calls then say how)."""
    failures: list[tuple[Target, Exception]] = []
    check = rule.check_claim
    try:
        only = rule.candidates(corpus)
    except Exception:  # noqa: BLE001 - each call below meets the failure and reports it
        only = None
    for doc, claim in _walked(corpus, rule.kinds, only):
        try:
            findings.extend(check(claim, doc, corpus))
        except Exception as error:
            failures.append((_claim_target(doc.id, claim), error))
    return failures


def _walked(corpus: Corpus, kinds: frozenset[str] | None, only: Container[str] | None) -> list[tuple[Document, Claim]]:
    """The claims of ``kinds`` (None: every kind) among the ids ``only`` (None: all), each with its
    document, in reading order: the claims of each kind are listed once per corpus, and
    candidates that can be listed are looked up by their place among them."""
    walk = _of_kinds(corpus, kinds)
    if only is None:
        return walk
    if isinstance(only, Collection):
        if not only:
            return []
        place = corpus.memo(("claim places", kinds), lambda: {claim.id: n for n, (_, claim) in enumerate(walk)})
        if len(place) == len(walk):  # one claim per id
            return [walk[n] for n in sorted(place[claim_id] for claim_id in only if claim_id in place)]
    return [(doc, claim) for doc, claim in walk if claim.id in only]


def _of_kinds(corpus: Corpus, kinds: frozenset[str] | None) -> list[tuple[Document, Claim]]:
    """The claims of ``kinds`` (None: every kind) with their documents, in reading order (kept per
    corpus: every kind's claims are listed in one pass)."""
    def by_kind() -> dict[str | None, list[tuple[Document, Claim]]]:
        found: dict[str | None, list[tuple[Document, Claim]]] = {None: []}
        for doc in corpus.documents:
            for claim in corpus.claims_of[doc.id]:
                found[None].append((doc, claim))
                found.setdefault(claim.kind, []).append((doc, claim))
        return found
    listed = corpus.memo("claims by kind", by_kind)
    if kinds is None:
        return listed[None]
    if len(kinds) == 1:
        return listed.get(next(iter(kinds)), [])
    return corpus.memo(("claims of kinds", kinds), lambda: [pair for pair in listed[None] if pair[1].kind in kinds])


def _internal_errors(rule: Rule, failures: list[tuple[Target, Exception]]) -> list[Finding]:
    """One internal error per distinct failure of a rule (same exception, message and place in
    the code), at the first call that raised it, with how many calls raised it."""
    grouped: dict[tuple[str, str, str], list[tuple[Target, Exception]]] = {}
    for target, error in failures:
        grouped.setdefault((type(error).__name__, str(error), _raised_at(error)), []).append((target, error))
    return [internal_error(rule, *same[0], occurrences=len(same)) for same in grouped.values()]


def _calls(rule: Rule, corpus: Corpus) -> Iterator[tuple[Callable[[], Target], Callable[[], Iterable[Finding]]]]:
    """Each call a document, fact, restatement or corpus rule asks for, with how to name what it
    looks at (only a failing call needs the name); claim rules are walked by ``_claim_walk``."""
    if isinstance(rule, DocumentRule):
        for doc in corpus.documents:
            yield (partial(Target, doc.id, 0, 0, "document"),
                   partial(rule.check_document, doc, corpus.claims_of[doc.id], corpus))
    elif isinstance(rule, FactRule):
        for fact in corpus.facts(rule.settings["min_score"], rule.across_levels, rule.ignores):
            claim = fact.claims[0]
            yield (partial(Target, claim.doc, claim.start, claim.end, f"fact of {len(fact.claims)} claims"),
                   partial(rule.check_fact, fact, corpus))
    elif isinstance(rule, RestatementRule):
        for restatement in corpus.restatements:
            claim = restatement.claims[0]
            yield (partial(Target, claim.doc, claim.start, claim.end,
                           f"restatement of {len(restatement.claims)} claims"),
                   partial(rule.check_restatement, restatement, corpus))
    elif isinstance(rule, CorpusRule):
        doc = corpus.documents[0]
        yield partial(Target, doc.id, 0, 0, "corpus"), partial(rule.check_corpus, corpus)
    else:
        raise TypeError(f"{type(rule).__name__} is not a ClaimRule, DocumentRule, FactRule, RestatementRule "
                        "or CorpusRule")


def _claim_target(doc: str, claim: Claim) -> Target:
    return Target(doc, claim.start, claim.end, f"claim {claim.id}")


def internal_error(rule: Rule, target: Target, error: Exception, occurrences: int = 1) -> Finding:
    """The finding that stands for ``occurrences`` rule calls that raised ``error``, the first on
    ``target``."""
    code, name = INTERNAL_ERROR
    where = _raised_at(error)
    more_zh = f",另有{occurrences - 1}次同样的错误" if occurrences > 1 else ""
    more_en = f", and {occurrences - 1} more calls the same way" if occurrences > 1 else ""
    zh = (f"规则{rule.code}在检查{target.what}时出错:{type(error).__name__}: {error}{more_zh}"
          "(其他规则的结果不受影响)")
    en = (f"rule {rule.code} failed on {target.what}: {type(error).__name__}: {error}{more_en} "
          "(other findings are unaffected)")
    message = {"zh": zh, "en": en}.get(rule.language, f"{zh} / {en}")
    return Finding(code, name, Severity.ERROR, message, target.doc, target.start, target.end,
                   evidence=MappingProxyType({"rule": rule.code, "target": target.what,
                                              "exception": type(error).__name__, "detail": str(error),
                                              "raised_at": where, "occurrences": occurrences}))


def unreadable(doc: Document, language: str = "both") -> Finding:
    """The error finding for a document that could not be read (not one skipped in a folder), so
    that ``--fail-on error`` fails a run that did not read what it was given."""
    code, name = UNREADABLE
    zh, en = f"无法读取此文件:{doc.error}", f"this file could not be read: {doc.error}"
    message = {"zh": zh, "en": en}.get(language, f"{zh} / {en}")
    return Finding(code, name, Severity.ERROR, message, doc.id, 0, 0,
                   evidence=MappingProxyType({"path": doc.path, "reason": doc.error}))


def damaged(doc: Document, language: str = "both") -> Finding:
    """The warning for a document read with damage (``sources.decode.Damage``): at its first
    damaged place, every other one a related place."""
    code, name = DAMAGED
    first, *others = doc.damage
    lost = sum(damage.end - damage.start for damage in doc.damage if damage.lost)
    zh = (f"文件有{len(doc.damage)}处损坏(其中{lost}个字符无法解码,显示为“\ufffd”),首处:{first.what}"
          if lost else f"文件有{len(doc.damage)}处使用了其他编码的片段(已读出),首处:{first.what}")
    en = f"the file is damaged in {len(doc.damage)} place(s) ({lost} character(s) lost), first: {first.what}"
    message = {"zh": zh, "en": en}.get(language, f"{zh} / {en}")
    related = tuple(Location(doc.id, damage.start, damage.end, damage.what) for damage in others)
    return Finding(code, name, Severity.WARNING, message, doc.id, first.start, first.end, related=related,
                   evidence=MappingProxyType({"path": doc.path, "places": len(doc.damage), "lost": lost,
                                              "first": first.what}))


def _raised_at(error: Exception) -> str:
    """``path:line`` of the innermost frame of the project that raised ``error``."""
    frames = traceback.extract_tb(error.__traceback__)
    for frame in reversed(frames):
        path = Path(frame.filename)
        if path.is_relative_to(_ROOT):
            return f"{path.relative_to(_ROOT).as_posix()}:{frame.lineno}"
    return f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"


def exit_status(findings: list[Finding], fail_on: str) -> int:
    """1 when a finding is at or above ``fail_on`` (error, warning, info), else 0; never: 0."""
    if fail_on == "never":
        return 0
    threshold = Severity.parse(fail_on)
    return int(any(finding.severity >= threshold for finding in findings))
