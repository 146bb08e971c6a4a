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

from checks.finding import Finding
from sources.files import read_regular

VERSION = 1
Key = tuple[str, str, str]


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
    """The accepted keys of a baseline file, with how often each is accepted."""
    try:
        data = json.loads(read_regular(path).decode("utf-8"))  # never a FIFO or a device: they may not end
        return Counter((e["rule"], e["path"], e["hash"]) for e in data["findings"])
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BaselineError(f"{path}: not a run-checks baseline ({error})") from error


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
