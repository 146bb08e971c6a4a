"""The run, between the command line and the layers: read documents, extract their claims, check
them, and the CI filters (``--only``, a baseline) as pure functions of a result.

    documents = read(["examples/"])
    claim_set = extract(documents)
    result = check(claim_set, Config())

or, reading and extracting each file in a pool of processes:

    with parallel.executors.executor(jobs=2) as run:
        claim_set = load(["examples/"], run)

The command line keeps argument parsing, messages and writing files; tests and benchmarks call
these functions.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from checks.baseline import Key, baseline_text, new_findings
from checks.config import Config
from checks.corpus import Corpus
from checks.engine import run_rules, selected_rules
from checks.fixes import Fixed, apply_fixes
from checks.publication import not_publications
from checks.registry import all_rules
from checks.rule import FactRule, RestatementRule, Rule
from checks.suppression import regions
from checks.unused_rows import unused_rows
from claims.claim import Claim
from claims.extract import extract_isolated
from claims.frame import ClaimSet
from claims.reference import FORMAT as REFERENCE
from parallel.beside import beside
from parallel.collector import lasting, paused
from parallel.executors import Executor, InProcess
from parallel.work import Task, read_and_extract
from reports.progress import unshown
from reports.result import CheckResult
from sources.document import Document
from sources.files import display
from sources.reader import Inputs, document_from_bytes, document_ids, failed, find_inputs, load_documents

Progress = Callable[[list], Iterable]
Stages = Callable[[str, Iterable, int], Iterable]  # (description, items, total) -> the items (reports.progress)


class OnlyError(ValueError):
    """``--only`` names no document that was read."""


def inputs(paths: Sequence[str | Path], config: Config | None = None) -> Inputs:
    """The files the configuration's ``sources`` and ``paths`` name, each once, without those its
    ``exclude`` globs leave out; and what was skipped, dropped as a repeat or excluded. A path
    that does not exist raises ``FileNotFoundError``."""
    config = config or Config()
    found = find_inputs([*config.sources, *paths])  # the sources first: they are the authority
    excluded = [path for path in found.files if config.excluded(path)]
    return Inputs([path for path in found.files if path not in excluded],
                  [path for path in found.skipped if path not in excluded], found.duplicates, excluded,
                  found.unreadable)


def read(paths: Sequence[str | Path] | Inputs, progress: Progress = iter) -> list[Document]:
    """Every document of ``paths`` (files and folders, or inputs already found), unreadable ones
    as error documents and unsupported files met in folders as skipped ones; ``progress`` may wrap
    the files to show progress. A path that does not exist raises ``FileNotFoundError``."""
    return load_documents(paths, progress=progress)


def read_stdin(data: bytes, name: str, documents: list[Document]) -> Document:
    """The document piped on standard input, named ``name`` (its extension gives the format), with
    an id no document of ``documents`` has; it comes after them."""
    taken = [Path(doc.path) for doc in documents]
    doc_id = document_ids([*taken, Path(name if name != "-" else "stdin")])[-1]
    try:
        return document_from_bytes(data, doc_id, display(name))
    except Exception as error:  # a defect on one input: that document's error
        return failed(Document(doc_id, display(name), "error"), "reading", error)


def extract(documents: list[Document]) -> ClaimSet:
    """The documents and every claim found in them, in reading order; a document whose
    extraction raises becomes an error document naming the exception, and the others go on."""
    pairs = [extract_isolated(doc) for doc in documents]
    return ClaimSet([doc for doc, _ in pairs], [claim for _, found in pairs for claim in found])


def with_sources(claim_set: ClaimSet, sources: Sequence[tuple[Document, list[Claim]]]) -> ClaimSet:
    """The claim set with documents read elsewhere (a ledger's, a reference table's) and their claims
    before its own, as the sources checked against; a source whose id a document already has is
    renamed (``-ledger``, ``-ledger2`` …)."""
    taken = {doc.id for doc in claim_set.documents}
    added = [_renamed(doc, claims, taken) for doc, claims in sources]
    return ClaimSet([doc for doc, _ in added] + claim_set.documents,
                    [claim for _, claims in added for claim in claims] + claim_set.claims)


def _renamed(doc: Document, claims: list[Claim], taken: set[str]) -> tuple[Document, list[Claim]]:
    """The document and its claims under an id not in ``taken`` (now taken)."""
    new, number = doc.id, 1
    while new in taken:
        new = f"{doc.id}-ledger" + (str(number) if number > 1 else "")
        number += 1
    taken.add(new)
    if new == doc.id:
        return doc, claims
    return replace(doc, id=new), [replace(claim, doc=new, id=f"{new}:{claim.id.rsplit(':', 1)[-1]}")
                                  for claim in claims]


def without_findings_in(result: CheckResult, doc_ids: Iterable[str]) -> CheckResult:
    """The result without the findings in the documents ``doc_ids`` (sources, not checked)."""
    ids = set(doc_ids)
    return replace(result, findings=[f for f in result.findings or [] if f.doc not in ids],
                   not_publications=tuple(doc_id for doc_id in result.not_publications if doc_id not in ids))


def load(paths: Sequence[str | Path] | Inputs, run: Executor | None = None, progress: Stages = unshown) -> ClaimSet:
    """``extract(read(paths))``, each file read and extracted in one call of ``run`` (default: in
    this process), so a worker sends back one document and its claims; the same claim set
    whatever runs the calls."""
    inputs = paths if isinstance(paths, Inputs) else find_inputs(paths)
    skipped = set(inputs.skipped)
    tasks = [Task(path, doc_id, path in skipped, inputs.unreadable.get(path))
             for path, doc_id in zip(inputs.files, document_ids(inputs.files), strict=True)]
    documents, claims = [], []
    for doc, found in progress("reading", lasting(_read_and_extract(tasks, run or InProcess())), len(tasks)):
        documents.append(doc)
        claims += found
    return ClaimSet(documents, claims)


def _read_and_extract(tasks: list[Task], run: Executor) -> Iterator[tuple[Document, list]]:
    """Each task's document and claims, in order. The first file is read here: it loads the
    vocabularies once, before a pool forks its workers (which then start with them loaded)."""
    if tasks:
        yield read_and_extract(tasks[0])
    yield from run.map(read_and_extract, tasks[1:])


def with_document(claim_set: ClaimSet, doc: Document) -> ClaimSet:
    """The claim set with one more document (standard input) and its claims, after the others."""
    doc, found = extract_isolated(doc)
    return ClaimSet([*claim_set.documents, doc], [*claim_set.claims, *found])


def check(claim_set: ClaimSet, config: Config, progress: Stages = unshown, run: Executor | None = None,
          then: Callable[[bool], object] | None = None) -> CheckResult:
    """The findings of the rules ``config`` selects over the readable documents' claims (none in
    a reference table: its rows are what the others are checked against); ``progress`` sees the
    alignments, then the rules. An executor that ``aligns`` (Dask) matches the alignment blocks
    on its workers; one that is ``parallel`` splits the rules over two cores (``run_rules``),
    and ``then`` is more work the two processes share once each is done (``parallel.beside``)."""
    corpus = Corpus(claim_set.documents, claim_set.claims, run=run.map if run is not None and run.aligns else map)
    rules = selected_rules(config)
    split = partial(beside, then=then) if run is not None and run.parallel else None
    with paused():
        findings = run_rules(corpus, config, claim_set.documents, lambda rules: progress("checking", rules, len(rules)),
                             split=split, prepare=partial(_align, corpus, progress=progress))
    references = {doc.id for doc in claim_set.documents if doc.format == REFERENCE}
    findings = [finding for finding in findings if finding.doc not in references]
    wanted = _per_file_ignores(findings, claim_set.documents, config)
    kept = _inline_suppressed(wanted, claim_set.documents)
    skipped = tuple(doc_id for doc_id in not_publications(corpus) if doc_id not in references)
    return CheckResult(claim_set, kept, all_rules(), suppressed=len(wanted) - len(kept), not_publications=skipped,
                       unused_rows=unused_rows(corpus, rules))


def _align(corpus: Corpus, rules: list[Rule], progress: Stages) -> None:
    """Compute up front the alignments the rules will ask the corpus for (it keeps them), so that
    the long step shows as its own stage. One that fails is left for the rule's own call, where
    the engine turns the failure into an internal-error finding."""
    settings = {(rule.settings["min_score"], rule.across_levels, rule.ignores) for rule in rules
                if isinstance(rule, FactRule)}
    steps = [partial(corpus.facts, *setting) for setting in sorted(settings, key=repr)]
    if any(isinstance(rule, RestatementRule) for rule in rules):
        steps.append(lambda: corpus.restatements)
    for step in progress("aligning", steps, len(steps)):
        try:
            step()
        except Exception:  # noqa: BLE001 - reported by the engine when the rule asks again
            continue


def _inline_suppressed(findings: list, documents: list[Document]) -> list:
    """The findings without those an inline comment switches off (``checks.suppression``)."""
    found = {doc.id: regions(doc) for doc in documents}
    rules = all_rules()
    kept = []
    for finding in findings:
        names = {finding.rule, getattr(rules.get(finding.rule), "family", finding.rule)}
        if not any(region.covers(finding.start, names) for region in found[finding.doc]):
            kept.append(finding)
    return kept


def _per_file_ignores(findings: list, documents: list[Document], config: Config) -> list:
    """The findings without those ``per-file-ignores`` switch off for their document."""
    if not config.per_file_ignores:
        return findings
    rules = all_rules()
    ignored = {doc.id: set(config.ignored_in(doc.path)) for doc in documents}
    return [f for f in findings
            if not ignored[f.doc] & {f.rule, getattr(rules.get(f.rule), "family", f.rule)}]


def fixes(result: CheckResult) -> list[Fixed]:
    """The documents the findings' unambiguous fixes change, with their fixed text
    (``checks.fixes``)."""
    return apply_fixes(result.claim_set.documents, result.claim_set.claims, list(result.findings or []))


def only(result: CheckResult, paths: Iterable[str | Path]) -> CheckResult:
    """The result with the findings of the documents at ``paths`` only (the others stay sources).
    Paths match by where they resolve (``./a.md``, ``a.md`` and its absolute path are one file),
    a folder matches the documents inside it, and a path that matches no document read raises
    ``OnlyError``."""
    resolved = {doc.id: Path(os.path.realpath(doc.location)) for doc in result.claim_set.documents}
    kept: set[str] = set()
    for given in paths:
        path = Path(given).resolve()
        matched = {doc for doc, where in resolved.items() if where == path or where.is_relative_to(path)}
        if not matched:
            raise OnlyError(f"--only {given}: no document was read from there (name a file or folder among the "
                            "paths checked)")
        kept |= matched
    return replace(result, findings=[f for f in result.findings or [] if f.doc in kept])


def accepted(result: CheckResult, baseline: Counter[Key]) -> tuple[CheckResult, int]:
    """The result without the findings ``baseline`` accepts, and how many it accepted."""
    kept, suppressed = new_findings(list(result.findings or []), baseline, *_texts(result))
    return replace(result, findings=kept), suppressed


def baseline(result: CheckResult) -> str:
    """The baseline file that accepts every finding of ``result``."""
    return baseline_text(result.findings or [], *_texts(result))


def _texts(result: CheckResult) -> tuple[dict[str, str], dict[str, str]]:
    """Each document's original text and path, by id (what baseline keys are made of)."""
    documents = result.claim_set.documents
    return {doc.id: doc.original for doc in documents}, {doc.id: doc.path for doc in documents}
