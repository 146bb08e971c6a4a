"""Word comments out: each .docx input copied with a comment (批注) on each finding's exact words.

The copy's text is the input's: runs are split where a finding starts or ends (a split run keeps
its formatting), so that the comment covers the finding's words and nothing more, and a comment is
added with the rule, the message in the chosen language and the other sources' wording. Word
keeps comments in the main story only, so a finding in a header, footer or footnote is noted on
the document's first paragraph instead. The comments carry no date, so the same inputs give the
same bytes.
"""
from __future__ import annotations

import copy
import io

from checks.finding import Finding
from reports.archive import stable_zip
from reports.result import CheckResult
from reports.review import _SEVERITY, basis, location
from reports.safe import xml_text
from reports.view import View
from sources.document import Document
from sources.office import W, docx_layout, open_docx

AUTHOR, INITIALS = "run-checks", "RC"
_SPLITTABLE = {f"{W}rPr", f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"}  # a run made only of these can be split
_MAIN_STORY = {"body", "table"}


class NoWordInput(ValueError):
    """``--format docx`` needs at least one readable .docx input."""


def word_documents(result: CheckResult) -> list[Document]:
    """The readable Word documents of a run, in input order."""
    return [doc for doc in result.claim_set.documents if doc.ok and doc.format == "docx"]


def reviewed(result: CheckResult, view: View) -> dict[str, bytes]:
    """The reviewed copy of every readable .docx input, by document id."""
    by_doc: dict[str, list[Finding]] = {}
    for finding in result.findings or ():
        by_doc.setdefault(finding.doc, []).append(finding)
    documents = {doc.id: doc for doc in result.claim_set.documents}
    copies = {}
    for doc in word_documents(result):
        try:
            data = doc.location.read_bytes()
        except OSError:  # read from standard input: there is no file to copy
            continue
        copies[doc.id] = review_copy(data, doc, by_doc.get(doc.id, []), documents, view)
    return copies


def render(result: CheckResult, view: View) -> bytes:
    """The reviewed copy of the one .docx input (several inputs: ``reviewed``, one file each)."""
    copies = reviewed(result, view)
    if len(copies) != 1:
        raise NoWordInput("--format docx needs a .docx input" if not copies else
                          "--format docx with several .docx inputs writes one copy each: --output names a folder")
    return next(iter(copies.values()))


def review_copy(data: bytes, doc: Document, findings: list[Finding], documents: dict[str, Document],
                view: View) -> bytes:
    """``data`` (the .docx ``doc`` was read from) with a comment on each of ``findings``."""
    word = open_docx(data)
    text, blocks, runs = docx_layout(word)
    if text != doc.original:
        raise ValueError(f"{doc.path} changed since it was read")
    main = [(start, end) for block in blocks if block.part in _MAIN_STORY for start, end in [(block.start, block.end)]]
    cuts = {offset for finding in findings if _in(main, finding.start)
            for offset in (finding.start, finding.end)}
    for start, end, run in runs:
        inner = sorted(offset - start for offset in cuts if start < offset < end)
        if inner and all(child.tag in _SPLITTABLE for child in run._r):
            _split(run, inner)
    text, blocks, runs = docx_layout(word)
    first = next((run for _, _, run in runs), None)
    for finding in sorted(findings, key=Finding.sort_key):
        covered = [run for start, end, run in runs if start < finding.end and end > finding.start]
        if not _in(main, finding.start) or not covered:
            if first is None:
                continue
            covered = [first]
            where = location(doc, finding.start, view.language)
            note = f"{where}：{doc.original[finding.start:finding.end]}"
        else:
            note = None
        comment = word.add_comment(covered, text=_title(finding, view), author=AUTHOR, initials=INITIALS)
        comment._comment_elm.attrib.pop(f"{W}date", None)  # no date: the same inputs, the same bytes
        for line in filter(None, [note, finding.message, basis(finding, documents, view.language)]):
            comment.add_paragraph(xml_text(line))  # a control character of the text shown as an escape
    buffer = io.BytesIO()
    word.save(buffer)
    return stable_zip(buffer.getvalue())


def _in(spans: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in spans)


def _title(finding: Finding, view: View) -> str:
    zh, en = _SEVERITY[finding.severity]
    level = en if view.language == "en" else zh
    return f"{finding.rule} {finding.name}（{level}）"


def _split(run, cuts: list[int]) -> None:
    """Split ``run`` at the local offsets ``cuts`` into runs of the same formatting."""
    from docx.text.run import Run

    text, element, last = run.text, run._r, 0
    pieces = []
    for cut in [*cuts, len(text)]:
        pieces.append(text[last:cut])
        last = cut
    Run(element, run._parent).text = pieces[0]
    for piece in pieces[1:]:
        clone = copy.deepcopy(element)
        element.addnext(clone)
        Run(clone, run._parent).text = piece
        element = clone
