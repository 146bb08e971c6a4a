"""A baseline of accepted findings, so CI fails only on new discrepancies.

A finding is keyed by its rule, its document's path and a hash of the text it points at, never by
line numbers or by the other documents involved: editing elsewhere in a file, or adding a source
that states the same fact, keeps its accepted findings accepted. A key that occurs n times in the
baseline accepts n findings (the same text flagged twice in one file).
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from checks import schema
from checks.finding import Finding

VERSION = 1
Key = tuple[str, str, str]
KEY_FIELDS = ("rule", "path", "hash")


class BaselineError(ValueError):
    """A baseline file that cannot be read; the message names the file."""


def finding_key(finding: Finding, originals: dict[str, str], paths: dict[str, str]) -> Key:
    """(rule, document path, hash of the text the finding points at)."""
    text = originals[finding.doc][finding.start:finding.end]
    return finding.rule, paths[finding.doc], hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def baseline_text(findings: Iterable[Finding], originals: dict[str, str], paths: dict[str, str]) -> str:
    """The baseline file accepting ``findings``: their keys, sorted, as JSON."""
    keys = sorted(finding_key(f, originals, paths) for f in findings)
    entries = [{"rule": rule, "path": doc_path, "hash": digest} for rule, doc_path, digest in keys]
    return json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"


def load_baseline(path: Path) -> Counter[Key]:
    """The accepted keys of a baseline file, with how often each is accepted; checked whole (a
    regular UTF-8 JSON file of this shape), any fault a ``BaselineError`` naming the key."""
    try:
        data = schema.read_structured(path, schema.JSON, "baseline file", invalid="not a run-checks baseline: ")
    except schema.SchemaError as error:
        raise BaselineError(str(error)) from None
    try:
        return Counter(_keys(data))
    except schema.SchemaError as error:
        raise BaselineError(f"{path}: not a run-checks baseline: {error}") from None


def _keys(data: object) -> list[Key]:
    if not isinstance(data, dict):
        raise schema.fail("(top level)", 'an object {"version": 1, "findings": [...]}', data)
    if data.get("version", VERSION) != VERSION or isinstance(data.get("version"), bool):
        raise schema.fail("version", f"{VERSION}", data.get("version"))
    if "findings" not in data:
        raise schema.SchemaError("findings: missing; expected an array of {rule, path, hash} objects")
    if not isinstance(data["findings"], list):
        raise schema.fail("findings", "an array of {rule, path, hash} objects", data["findings"])
    keys = []
    for index, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict):
            raise schema.fail(f"findings[{index}]", "an object {rule, path, hash}", entry)
        keys.append(tuple(schema.string(entry.get(name), f"findings[{index}].{name}") for name in KEY_FIELDS))
    return keys


def new_findings(findings: list[Finding], accepted: Counter[Key], originals: dict[str, str],
                 paths: dict[str, str]) -> tuple[list[Finding], int]:
    """The findings the baseline does not accept, and how many it accepted."""
    remaining = Counter(accepted)
    kept, suppressed = [], 0
    for finding in findings:
        key = finding_key(finding, originals, paths)
        if remaining[key] > 0:
            remaining[key] -= 1
            suppressed += 1
        else:
            kept.append(finding)
    return kept, suppressed
