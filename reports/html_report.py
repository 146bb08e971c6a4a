"""One self-contained, offline HTML report of a check: documents, annotated texts, findings.

``render(result, view) -> str`` returns a complete page with inline CSS and JavaScript and no external
address; the same result always gives the same bytes. Every piece of document text, message,
label, evidence value and path goes through ``html.escape(..., quote=True)``; no document text is
ever put into a script. A Content-Security-Policy allows only the report's own script and style
(by hash) and no network access, as a second line of defence.

Anchors (stable for linking and tests), with ``n`` the 1-based position of a finding in
``result.findings`` and ``k`` the 1-based position of a related place in ``finding.related``:

* ``finding-n``: the finding's first mark in its document's text;
* ``finding-n-entry``: its entry in the document's findings list (the explanation);
* ``finding-n-related-k``: the related place's first mark in the other (or same) document;
* ``doc-i`` (1-based position in ``claim_set.documents``) and ``claim-i-j`` (j-th claim of it).
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

from checks.finding import Finding
from claims.claim import Claim
from claims.numbers import display
from reports.evidence import evidence
from reports.result import CheckResult
from reports.view import View
from sources.document import Document

SEVERITIES = ("error", "warning", "info")


def finding_anchor(n: int) -> str:
    return f"finding-{n}"


def entry_anchor(n: int) -> str:
    return f"finding-{n}-entry"


def related_anchor(n: int, k: int) -> str:
    return f"finding-{n}-related-{k}"


def render(result: CheckResult, view: View) -> str:
    documents = result.claim_set.documents
    doc_index = {doc.id: i for i, doc in enumerate(documents, 1)}
    claim_anchor: dict[str, str] = {}
    claims_of: dict[str, list[Claim]] = {doc.id: [] for doc in documents}
    for claim in result.claim_set.claims:
        if claim.doc in claims_of:
            claims_of[claim.doc].append(claim)
            claim_anchor[claim.id] = f"claim-{doc_index[claim.doc]}-{len(claims_of[claim.doc])}"
    numbered = list(enumerate(result.findings, 1))
    readable = {doc.id for doc in documents if doc.ok}

    parts = [_head(), '<body>\n<header>\n<h1>run-checks report</h1>\n', _totals_line(result), '</header>\n<main>\n',
             _summary_table(result, doc_index), _filters(result), _rules_legend(result)]
    for doc in documents:
        if doc.ok:
            parts.append(_document_section(result, doc, doc_index[doc.id], claims_of[doc.id], numbered,
                                           claim_anchor, doc_index, readable, view))
    stray = [(n, f) for n, f in numbered if f.doc not in readable]
    if stray:
        parts.append('<section class="doc" id="other-findings">\n<h2>Findings outside the readable documents</h2>\n')
        parts.append(_findings_list(result, stray, claim_anchor, doc_index, readable, view, linked=False))
        parts.append('</section>\n')
    parts.append('</main>\n<aside id="panel" hidden>\n<div class="panel-head"><strong>Explanation</strong> '
                 '<button type="button" id="panel-close">Close</button></div>\n<div id="panel-body"></div>\n'
                 '</aside>\n')
    parts.append(f'<script>{_asset("report.js")}</script>\n</body>\n</html>\n')
    return "".join(parts)


# --- escaping ------------------------------------------------------------------------------------

_CLEAN = {code: 0x2400 + code for code in range(32) if chr(code) not in "\t\n\r"}
_CLEAN[0x7F] = 0x2421


def esc(value: object) -> str:
    """Escaped for text and attribute values alike; control characters shown as symbols, one for one."""
    text = str(value).translate(_CLEAN)
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
        text = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    return html.escape(text, quote=True)


# --- page frame ----------------------------------------------------------------------------------

def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def _head() -> str:
    script, style = _csp_hash(_asset("report.js")), _csp_hash(_asset("report.css"))
    policy = (f"default-src 'none'; script-src {script}; style-src {style}; "
              "img-src 'none'; base-uri 'none'; form-action 'none'")
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            '<title>run-checks report</title>\n'
            f'<style>{_asset("report.css")}</style>\n</head>\n')


def _severity_counts(findings: list[Finding]) -> Counter[str]:
    return Counter(str(f.severity) for f in findings)


def _totals_line(result: CheckResult) -> str:
    docs = result.claim_set.documents
    ok = sum(doc.ok for doc in docs)
    counts = _severity_counts(result.findings)
    return (f'<p class="totals">{len(docs)} documents ({ok} readable), {len(result.claim_set.claims)} claims, '
            f'{len(result.findings)} findings: '
            + ", ".join(f'<span class="sev-{s}">{counts[s]} {s}</span>' for s in SEVERITIES) + '</p>\n')


def _summary_table(result: CheckResult, doc_index: dict[str, int]) -> str:
    claims = Counter(claim.doc for claim in result.claim_set.claims)
    rows = []
    totals = Counter()
    for doc in result.claim_set.documents:
        counts = _severity_counts([f for f in result.findings if f.doc == doc.id])
        if doc.ok:
            path = f'<a href="#doc-{doc_index[doc.id]}">{esc(doc.path)}</a>'
            status = '<span class="ok">ok</span>'
        else:
            path = esc(doc.path)
            css = "sev-error" if doc.status == "error" else "sev-warning"
            status = f'<span class="{css}">{esc(doc.status)}</span>: {esc(doc.error or "")}'
        cells = [path, status, esc(doc.encoding or ""), esc(doc.format or ""), str(claims[doc.id])]
        cells += [str(counts[s]) for s in SEVERITIES]
        totals.update({"claims": claims[doc.id], **{s: counts[s] for s in SEVERITIES}})
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>\n")
    head = "".join(f"<th>{name}</th>" for name in
                   ("document", "status", "encoding", "format", "claims", "errors", "warnings", "infos"))
    ok = sum(doc.ok for doc in result.claim_set.documents)
    foot = (f'<tr><th>total: {len(result.claim_set.documents)} documents</th><th>{ok} ok</th><th></th><th></th>'
            f'<th>{totals["claims"]}</th>' + "".join(f"<th>{totals[s]}</th>" for s in SEVERITIES) + "</tr>\n")
    return (f'<section id="summary">\n<h2>Documents</h2>\n<table class="summary">\n<thead><tr>{head}</tr></thead>\n'
            f'<tbody>\n{"".join(rows)}</tbody>\n<tfoot>\n{foot}</tfoot>\n</table>\n</section>\n')


def _filters(result: CheckResult) -> str:
    sev = _severity_counts(result.findings)
    rules = Counter(f.rule for f in result.findings)
    names = {f.rule: f.name for f in result.findings}
    boxes = ['<fieldset><legend>Severity</legend>']
    for s in SEVERITIES:
        boxes.append(f'<label class="sev-{s}"><input type="checkbox" data-filter="sev" value="{s}" checked> '
                     f'{s} ({sev[s]})</label>')
    boxes.append('</fieldset>\n<fieldset><legend>Rule</legend>')
    for rule in sorted(rules):
        boxes.append(f'<label><input type="checkbox" data-filter="rule" value="{esc(rule)}" checked> '
                     f'{esc(rule)} {esc(names[rule])} ({rules[rule]})</label>')
    if not rules:
        boxes.append('<span class="none">no findings</span>')
    boxes.append('</fieldset>\n<fieldset><legend>Claims</legend><label><input type="checkbox" data-filter="claims" '
                 'value="claims" checked> highlight claims</label></fieldset>')
    return ('<section id="filters">\n<h2>Filters</h2>\n<p class="hint">Unchecked severities and rules hide their '
            'findings and inline marks. Click a mark in the text to see its explanation.</p>\n'
            + "\n".join(boxes) + '\n</section>\n')


def _rules_legend(result: CheckResult) -> str:
    used = sorted({f.rule for f in result.findings})
    if not used:
        return ""
    items = []
    for code in used:
        rule = result.rules.get(code)
        if rule is None:
            name = next(f.name for f in result.findings if f.rule == code)
            items.append(f'<li><strong>{esc(code)}</strong> {esc(name)}</li>\n')
            continue
        sections = "".join(f'<h4>{esc(title)}</h4>\n<pre class="rule-doc">\n{esc(text)}</pre>\n'
                           for title, text in rule.doc_sections().items())
        items.append(f'<li><details><summary><strong>{esc(code)}</strong> {esc(rule.name)}: '
                     f'{esc(rule.summary())}</summary>\n{sections}</details></li>\n')
    return ('<section id="rules">\n<h2>Rules with findings</h2>\n'
            f'<ul class="rules">\n{"".join(items)}</ul>\n</section>\n')


# --- one document --------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    rank: int  # outer first for equal spans: 0 finding, 1 related, 2 claim
    order: int
    anchor: str
    classes: str
    attrs: str  # extra escaped attributes, with a leading space

    def open(self, first: bool) -> str:
        ident = f' id="{self.anchor}"' if first and self.anchor else ""
        cont = "" if first else " cont"
        return f'<span{ident} class="{self.classes}{cont}"{self.attrs}>'


def _document_section(result: CheckResult, doc: Document, i: int, claims: list[Claim],
                      numbered: list[tuple[int, Finding]], claim_anchor: dict[str, str],
                      doc_index: dict[str, int], readable: set[str], view: View) -> str:
    own = [(n, f) for n, f in numbered if f.doc == doc.id]
    marks: list[_Mark] = []
    for n, finding in own:
        sev = str(finding.severity)
        title = f"{sev} {finding.rule} {finding.name}: {finding.message}"
        marks.append(_Mark(finding.start, finding.end, 0, len(marks), finding_anchor(n),
                           f"mark finding sev-{sev}", _finding_attrs(n, finding) + f' title="{esc(title)}" '
                           'tabindex="0" role="button"'))
    for n, finding in numbered:
        for k, place in enumerate(finding.related, 1):
            if place.doc != doc.id:
                continue
            title = f"related to {finding.rule} in {finding.doc}: {place.label}"
            marks.append(_Mark(place.start, place.end, 1, len(marks), related_anchor(n, k), "mark related",
                               _finding_attrs(n, finding) + f' title="{esc(title)}" tabindex="0" role="button"'))
    for claim in claims:
        marks.append(_Mark(claim.start, claim.end, 2, len(marks), claim_anchor[claim.id], "claim",
                           f' data-claim="{esc(claim.id)}" title="{esc(_claim_title(claim))}"'))
    counts = _severity_counts([f for _, f in own])
    meta = (f'{esc(doc.format or "")}, {esc(doc.encoding or "unknown encoding")}, {len(claims)} claims, '
            + ", ".join(f'<span class="sev-{s}">{counts[s]} {s}</span>' for s in SEVERITIES))
    note = ('<p class="hint">HTML source: the original markup is shown as text; offsets refer to it.</p>\n'
            if doc.format == "html" else "")
    listing = _findings_list(result, own, claim_anchor, doc_index, readable, view, linked=True) if own else ""
    return (f'<section class="doc" id="doc-{i}">\n<h2>{esc(doc.path)}</h2>\n'
            f'<p class="meta">id <code>{esc(doc.id)}</code>; {meta}</p>\n{note}{listing}'
            f'<pre class="text">\n{_annotate(doc.original, marks)}</pre>\n</section>\n')


def _finding_attrs(n: int, finding: Finding) -> str:
    return f' data-finding="{n}" data-sev="{esc(finding.severity)}" data-rule="{esc(finding.rule)}"'


def _annotate(text: str, marks: list[_Mark]) -> str:
    """``text`` escaped, with every mark as a span; partly overlapping marks are split into nested pieces."""
    size = len(text)
    spans = []
    points = []
    for mark in marks:
        start, end = max(0, min(mark.start, size)), max(0, min(mark.end, size))
        if end > start:
            spans.append(_Mark(start, end, mark.rank, mark.order, mark.anchor, mark.classes, mark.attrs))
        else:
            points.append(_Mark(start, start, mark.rank, mark.order, mark.anchor, mark.classes + " point", mark.attrs))
    starts: dict[int, list[_Mark]] = {}
    for mark in spans:
        starts.setdefault(mark.start, []).append(mark)
    at: dict[int, list[_Mark]] = {}
    for mark in points:
        at.setdefault(mark.start, []).append(mark)
    boundaries = sorted({0, size} | {m.start for m in spans} | {m.end for m in spans} | set(at))
    out: list[str] = []
    stack: list[_Mark] = []
    previous = 0
    for position in boundaries:
        out.append(esc(text[previous:position]))
        previous = position
        reopen: list[_Mark] = []
        ending = [index for index, mark in enumerate(stack) if mark.end == position]
        if ending:
            popped = stack[ending[0]:]
            del stack[ending[0]:]
            out.append("</span>" * len(popped))
            reopen = [mark for mark in popped if mark.end != position]
        for mark in sorted(at.get(position, []), key=lambda m: (m.rank, m.order)):
            out.append(mark.open(True) + "</span>")
        opening = [(mark, False) for mark in reopen] + [(mark, True) for mark in starts.get(position, [])]
        for mark, first in sorted(opening, key=lambda pair: (-pair[0].end, pair[0].rank, pair[0].order)):
            out.append(mark.open(first))
            stack.append(mark)
    out.append("</span>" * len(stack))
    return "".join(out)


def _claim_title(claim: Claim) -> str:
    lines = [f"claim {claim.id}", f"kind: {claim.kind}", f"value: {display(claim.value)}"]
    if claim.kind != "date" and claim.low != claim.high:
        lines.append(f"interval: [{display(claim.low) or '-∞'}, {display(claim.high) or '∞'}]")
    unit = claim.unit or ""
    if claim.measure and claim.measure != unit:
        unit = f"{unit} ({claim.measure})" if unit else claim.measure
    for label, value in (("unit", unit), ("qualifier", claim.qualifier), ("subject", claim.subject),
                         ("place", claim.place), ("time", claim.time)):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


# --- findings and their explanations -------------------------------------------------------------

def _findings_list(result: CheckResult, numbered: list[tuple[int, Finding]], claim_anchor: dict[str, str],
                   doc_index: dict[str, int], readable: set[str], view: View, linked: bool) -> str:
    items = []
    for n, finding in numbered:
        sev = str(finding.severity)
        where = f' <a href="#{finding_anchor(n)}">show in text</a>' if linked else f" in {esc(finding.doc)}"
        items.append(f'<li class="entry" id="{entry_anchor(n)}"{_finding_attrs(n, finding)}>'
                     f'<details><summary><span class="badge sev-{sev}">{sev}</span> <code>{esc(finding.rule)}</code> '
                     f'{esc(finding.message)}</summary>\n<div class="explain">\n'
                     f'{_explanation(result, n, finding, claim_anchor, readable, view)}</div>\n'
                     f'</details>{where}</li>\n')
    return f'<h3>Findings</h3>\n<ol class="findings">\n{"".join(items)}</ol>\n'


def _explanation(result: CheckResult, n: int, finding: Finding, claim_anchor: dict[str, str],
                 readable: set[str], view: View) -> str:
    sev = str(finding.severity)
    rule = result.rules.get(finding.rule)
    summary = f": {esc(rule.summary())}" if rule is not None else ""
    original = result.original(finding.doc)
    quoted = original[max(0, finding.start):max(0, finding.end)] if original is not None else ""
    parts = [f'<p class="message"><span class="badge sev-{sev}">{sev}</span> {esc(finding.message)}</p>\n',
             f'<p class="rule"><code>{esc(finding.rule)}</code> {esc(finding.name)}{summary}</p>\n',
             f'<p class="where">at <a href="#{finding_anchor(n)}">{esc(finding.doc)} '
             f'{finding.start}–{finding.end}</a>: <q>{esc(quoted)}</q></p>\n'
             if finding.doc in readable else
             f'<p class="where">at {esc(finding.doc)} {finding.start}–{finding.end}</p>\n']
    if finding.evidence:
        rows = "".join(f'<tr><th>{esc(key)}</th><td>{esc(_evidence_text(value))}</td></tr>'
                       for key, value in evidence(finding).items())
        parts.append(f'<table class="evidence"><caption>evidence</caption>{rows}</table>\n')
    if finding.related:
        links = []
        for k, place in enumerate(finding.related, 1):
            text = result.original(place.doc)
            quoted = text[max(0, place.start):max(0, place.end)] if text is not None else ""
            target = (f'<a href="#{related_anchor(n, k)}">{esc(place.doc)} {place.start}–{place.end}</a>'
                      if place.doc in readable else f'{esc(place.doc)} {place.start}–{place.end}')
            links.append(f'<li>{target} <q>{esc(quoted)}</q> {esc(place.label)}</li>')
        listed = f'<ul class="related-list">{"".join(links)}</ul>'
        if len(links) > view.related:  # a long list stays folded
            listed = f'<details class="related-more"><summary>{len(links)} places</summary>{listed}</details>'
        parts.append(f'<p class="related-head">related places:</p>{listed}\n')
    if finding.claims:
        claims = ", ".join(f'<a href="#{claim_anchor[c]}">{esc(c)}</a>' if c in claim_anchor else esc(c)
                           for c in finding.claims)
        parts.append(f'<p class="claims">claims: {claims}</p>\n')
    return "".join(parts)


def _evidence_text(value: object) -> str:
    """A plain evidence value as shown in its table cell: a string as it is, anything else as JSON."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


@cache
def _asset(name: str) -> str:
    """The report's own style or script (data/report.css, data/report.js); their hashes go into the
    page's Content-Security-Policy, so nothing else can run."""
    return resources.files("reports").joinpath(f"data/{name}").read_text(encoding="utf-8")
