"""The run, between the command line and the layers: read documents, extract their claims, check
them, and the CI filters (``--only``, a baseline) as pure functions of a result.

    documents = read(["examples/"])
    claim_set = extract(documents)
    result = check(claim_set, Config())

The command line keeps argument parsing, messages and writing files; tests and benchmarks call
these functions.
"""
from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from checks.baseline import Key, baseline_text, new_findings
from checks.config import Config
from checks.corpus import Corpus
from checks.engine import run_rules
from checks.fixes import Fixed, apply_fixes
from checks.registry import all_rules
from checks.suppression import regions
from claims.extract import extract_claims
from claims.frame import ClaimSet
from reports.result import CheckResult
from sources.document import Document
from sources.files import display
from sources.reader import Inputs, document_from_bytes, document_ids, failed, find_inputs, load_documents

Progress = Callable[[list], Iterable]


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
    kept, claims = [], []
    for doc in documents:
        try:
            found = extract_claims(doc)
        except Exception as error:  # a defect on one input: that document's error
            doc, found = failed(doc, "extracting claims", error), []
        kept.append(doc)
        claims += found
    return ClaimSet(kept, claims)


def check(claim_set: ClaimSet, config: Config) -> CheckResult:
    """The findings of the rules ``config`` selects over the readable documents' claims."""
    findings = run_rules(Corpus(claim_set.documents, claim_set.claims), config, claim_set.documents)
    wanted = _per_file_ignores(findings, claim_set.documents, config)
    kept = _inline_suppressed(wanted, claim_set.documents)
    return CheckResult(claim_set, kept, all_rules(), suppressed=len(wanted) - len(kept))


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
