"""Applying the fixes findings offer: each document's original text with its findings' edits made.

A fix is applied only when it is unambiguous: its edits do not overlap one another's or those of
another finding applied before it, and never change a figure (a fix removes a gloss or a spam
run; inside a claim it may drop a gloss, never a numeral). The findings whose fixes were
applied are returned with the fixed texts. A document read with damaged bytes (IO02) or not read
at all is never rewritten: its text holds replacement characters where the file holds bytes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from checks.finding import Edit, Finding
from claims.claim import Claim
from sources.document import Document

_NUMERAL = re.compile(r"[\d０-９〇零一二两三四五六七八九十百千万萬亿億.%]")


@dataclass(frozen=True)
class Fixed:
    """A document's fixed text and the findings fixed in it, or why its file must not be rewritten
    (``refused``: "damaged" or "unread"; then ``text`` is the original and no finding is fixed)."""

    doc: Document
    text: str
    findings: tuple[Finding, ...]
    refused: str = ""


def apply_fixes(documents: list[Document], claims: list[Claim], findings: list[Finding]) -> list[Fixed]:
    """The documents that fixes change, with their new original text."""
    figures: dict[str, list[tuple[int, int]]] = {}
    for claim in claims:
        figures.setdefault(claim.doc, []).append((claim.start, claim.end))
    fixed = []
    for doc in documents:
        why = refusal(doc)
        if why:
            if any(f.doc == doc.id and f.fix for f in findings):
                fixed.append(Fixed(doc, doc.original, (), why))
            continue
        taken: list[Edit] = []
        applied = []
        for finding in (f for f in findings if f.doc == doc.id and f.fix):
            edits = sorted(finding.fix, key=lambda e: e.start)
            if any(_overlap(a, b) for a, b in zip(edits, edits[1:], strict=False)):
                continue
            if any(_overlap(edit, other) for edit in edits for other in taken):
                continue
            if any(_touches_figure(doc.original, edit, figures.get(doc.id, ())) for edit in edits):
                continue
            taken += edits
            applied.append(finding)
        if applied:
            text = doc.original
            for edit in sorted(taken, key=lambda e: e.start, reverse=True):
                text = text[:edit.start] + edit.replacement + text[edit.end:]
            fixed.append(Fixed(doc, text, tuple(applied)))
    return fixed


def refusal(doc: Document) -> str:
    """Why the file of ``doc`` must not be rewritten: "unread" (an error document), "damaged"
    (read with damaged bytes, IO02), or ``""``."""
    if not doc.ok:
        return "unread"
    return "damaged" if doc.damage else ""


def _touches_figure(original: str, edit: Edit, figures: list[tuple[int, int]]) -> bool:
    """Whether ``edit`` would change a figure: it overlaps a claim and removes a numeral (a gloss
    inside 4萬(wàn)人 may go, a digit may not)."""
    overlaps = any(start < edit.end and edit.start < end for start, end in figures)
    return overlaps and bool(_NUMERAL.search(original[edit.start:edit.end]))


def _overlap(a: Edit, b: Edit) -> bool:
    return a.start < b.end and b.start < a.end
