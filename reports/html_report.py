"""One self-contained, offline HTML report of a check, for reading: the findings first, then the texts.

``render(result, view) -> str`` returns a complete page with inline CSS and JavaScript and no external
address; the same result always gives the same bytes. The page opens on a sortable table of every
finding, most severe first, each row with the quoted text and the other sources' text side by side
(the figures highlighted in both), the place as line:column (paragraph or page for Word and PDF)
and the evidence as sentences. A row's number jumps to the finding's mark in the annotated texts
below. Every piece of document text, message, label, evidence value and path goes through
``html.escape`` whole; no document text is ever put into a script. A Content-Security-Policy allows
only the report's own script and style (by their sha256 hashes) and no network access.

The interface speaks ``view.language``: Chinese with ``lang="zh-CN"`` under "zh", English under
"en", both (the English parts marked ``lang="en"``) under the default. At most ``view.related``
related places of a finding are quoted and marked in the texts; the rest are counted, so the
page grows with the documents and findings, not with their product. ``render_parts`` splits a large
run into pages of at most ``PAGE_DOCUMENTS`` texts and ``PAGE_FINDINGS`` rows of the findings table
each, the documents and rules on the first.

Anchors (stable for linking and tests), with ``n`` the 1-based position of a finding in
``result.findings`` and ``k`` the 1-based position of a related place in ``finding.related``:

* ``finding-n``: the finding's first mark in its document's text;
* ``finding-n-entry``: its row in the findings table;
* ``finding-n-related-k``: the related place's first mark (for ``k <= view.related``);
* ``doc-i`` (1-based position in ``claim_set.documents``) and ``claim-i-j`` (j-th claim of it).
"""
from __future__ import annotations

import base64
import hashlib
import html
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources

from checks.finding import Finding
from claims.claim import Claim
from claims.numbers import display
from reports.evidence_text import sentences
from reports.labels import Labels, pairs
from reports.positions import LineIndex
from reports.result import CheckResult
from reports.review import quote_parts
from reports.view import View
from sources.document import Document
from sources.naming import names
from sources.office import place

SEVERITIES = ("error", "warning", "info")
_LANG = {"zh": "zh-CN", "en": "en"}
PAGE_DOCUMENTS = 500  # texts per page when ``render_parts`` splits a large run
PAGE_FINDINGS = 1000  # rows of the findings table per page, likewise


def finding_anchor(n: int) -> str:
    return f"finding-{n}"


def entry_anchor(n: int) -> str:
    return f"finding-{n}-entry"


def related_anchor(n: int, k: int) -> str:
    return f"finding-{n}-related-{k}"


def render(result: CheckResult, view: View) -> str:
    """The whole report as one page."""
    return _Report(result, view).whole()


def render_parts(result: CheckResult, view: View, name: str) -> Iterator[tuple[str, str]]:
    """The report as ``(file name, page)`` pairs, one page at a time: the one page ``name`` for a run
    of at most ``PAGE_DOCUMENTS`` documents and ``PAGE_FINDINGS`` findings; else page k holds the
    k-th ``PAGE_DOCUMENTS`` texts and the k-th ``PAGE_FINDINGS`` rows of the findings table (most
    severe first), ``name`` first and the next pages ``<stem>-2<suffix>``, ``<stem>-3<suffix>`` …
    beside it, linked by relative addresses."""
    report = _Report(result, view)
    texts = _chunks(len(report.documents), PAGE_DOCUMENTS)
    rows = _chunks(len(report.ordered), PAGE_FINDINGS)
    if len(texts) <= 1 and len(rows) <= 1:
        yield name, report.whole()
        return
    count = max(len(texts), len(rows))
    texts += [range(0)] * (count - len(texts))
    rows += [range(0)] * (count - len(rows))
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, f".{suffix}") if dot and stem else (name, ".html")
    files = [name] + [f"{stem}-{i}{suffix}" for i in range(2, count + 1)]
    pages = _Pages(files, [chunk.start for chunk in texts if chunk], len(report.ordered))
    for i in range(count):
        yield files[i], report.page(texts[i], rows[i], pages, i)


def _chunks(count: int, size: int) -> list[range]:
    return [range(start, min(count, start + size)) for start in range(0, count, size)]


@dataclass(frozen=True)
class _Pages:
    """How a split report finds a document's text and a finding's row: the file names, each page's
    first document, and how many findings there are."""

    files: list[str]
    firsts: list[int]
    findings: int

    def file_of(self, index: int) -> str:
        """The file holding document ``index`` (0-based)."""
        return self.files[bisect_right(self.firsts, index) - 1]

    def file_of_row(self, rank: int) -> str:
        """The file holding row ``rank`` (0-based, most severe first) of the findings table."""
        return self.files[rank // PAGE_FINDINGS]


# --- escaping ------------------------------------------------------------------------------------

_CLEAN = {code: 0x2400 + code for code in range(32) if chr(code) not in "\t\n\r"}
_CLEAN[0x7F] = 0x2421
for _code in range(0xD800, 0xE000):  # lone surrogates cannot be encoded: shown as U+FFFD
    _CLEAN[_code] = 0xFFFD


def esc(value: object) -> str:
    """Escaped for text and attribute values alike; control characters shown as symbols, one for one."""
    return html.escape(str(value).translate(_CLEAN), quote=True)


# --- the interface's own words -------------------------------------------------------------------

@dataclass(frozen=True)
class _Words:
    """The labels of ``language`` (``data/html_labels.json``, read by ``reports.labels``):
    ``markup`` for the page (both languages, the English marked ``lang="en"``), ``plain`` for
    attributes."""

    language: str

    @property
    def lang(self) -> str:
        return "en" if self.language == "en" else "zh-CN"

    def plain(self, key: str, **fields: object) -> str:
        return Labels(self.language)(key, **fields)

    def markup(self, key: str, **fields: object) -> str:
        zh, en = (esc(text.format(**fields)) for text in pairs()[key])
        return {"zh": zh, "en": en}.get(self.language, f'{zh} <span lang="en">{en}</span>')


# --- the report ----------------------------------------------------------------------------------

@dataclass
class _Report:
    result: CheckResult
    view: View
    words: _Words = field(init=False)
    pages: _Pages | None = field(init=False, default=None)
    here: str = field(init=False, default="")
    _lines: dict[str, LineIndex] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.words = _Words(self.view.language)

    @cached_property
    def documents(self) -> list[Document]:
        return self.result.claim_set.documents

    @cached_property
    def by_id(self) -> dict[str, Document]:
        return {doc.id: doc for doc in self.documents}

    @cached_property
    def index(self) -> dict[str, int]:
        return {doc.id: i for i, doc in enumerate(self.documents)}

    @cached_property
    def names(self) -> dict[str, str]:
        return names(self.documents)

    @cached_property
    def numbered(self) -> list[tuple[int, Finding]]:
        return list(enumerate(self.result.findings or (), 1))

    @cached_property
    def ordered(self) -> list[tuple[int, Finding]]:
        """The findings in table order: most severe first, then in the order found."""
        return sorted(self.numbered, key=lambda item: (-item[1].severity, item[0]))

    @cached_property
    def rank_of(self) -> dict[int, int]:
        return {n: rank for rank, (n, _) in enumerate(self.ordered)}

    @cached_property
    def claims_of(self) -> dict[str, list[Claim]]:
        grouped: dict[str, list[Claim]] = {doc.id: [] for doc in self.documents}
        for claim in self.result.claim_set.claims:
            if claim.doc in grouped:
                grouped[claim.doc].append(claim)
        return grouped

    @cached_property
    def marks_of(self) -> dict[str, list[_Mark]]:
        """Each readable document's marks, built in one pass over the findings."""
        marks: dict[str, list[_Mark]] = {doc.id: [] for doc in self.documents if doc.ok}
        for n, finding in self.numbered:
            own = marks.get(finding.doc)
            if own is not None:
                sev = str(finding.severity)
                title = f"{self.words.plain(sev)} {finding.rule} {finding.name}: {finding.message}"
                own.append(_Mark(finding.start, finding.end, 0, len(own), finding_anchor(n),
                                 f"mark finding sev-{sev}", _finding_attrs(n, finding)
                                 + f' title="{esc(title)}" tabindex="0" role="button"'))
            for k, spot in enumerate(finding.related[:self.view.related], 1):
                other = marks.get(spot.doc)
                if other is None:
                    continue
                title = self.words.plain("related_to", rule=finding.rule, doc=self.names.get(finding.doc, finding.doc))
                title += f": {spot.label}" if spot.label else ""
                other.append(_Mark(spot.start, spot.end, 1, len(other), related_anchor(n, k), "mark related",
                                   _finding_attrs(n, finding) + f' title="{esc(title)}" tabindex="0" role="button"'))
        for doc_id, own in marks.items():
            i = self.index[doc_id] + 1
            for j, claim in enumerate(self.claims_of[doc_id], 1):
                own.append(_Mark(claim.start, claim.end, 2, len(own), f"claim-{i}-{j}", "claim",
                                 f' data-claim="{esc(claim.id)}" title="{esc(_claim_title(claim))}"'))
        return marks

    def lines(self, doc_id: str) -> LineIndex:
        """Where the lines of document ``doc_id`` start, computed once per document."""
        if doc_id not in self._lines:
            self._lines[doc_id] = LineIndex(self.by_id[doc_id].original)
        return self._lines[doc_id]

    # --- the page ----------------------------------------------------------------------------

    def whole(self) -> str:
        """The one page of every finding and text."""
        return self.page(range(len(self.documents)), range(len(self.ordered)), None)

    def page(self, chunk: range, rows: range, pages: _Pages | None, number: int = 0) -> str:
        """Page ``number`` of ``pages`` (None: the only page): the header, the rows ``rows`` of the
        findings table, on the first page the documents and rules, then the texts of the documents in
        ``chunk``."""
        self.pages = pages
        self.here = pages.files[number] if pages else ""
        w = self.words
        parts = [_head(w), '<body>\n<header>\n<h1>', w.markup("title"), '</h1>\n', self._totals(),
                 f'<noscript><p class="noscript">{w.markup("noscript")}</p></noscript>\n']
        if pages:
            parts.append(self._page_links(number))
        parts.append('</header>\n<main>\n')
        if rows or number == 0:
            parts.append(self._findings(rows))
        if number == 0:
            parts += [self._summary(), self._rules()]
        parts.append(f'<h2 id="texts">{w.markup("texts")}</h2>\n')
        parts += [self._document(self.documents[i], i) for i in chunk if self.documents[i].ok]
        parts.append('</main>\n<aside id="panel" hidden>\n<div class="panel-head"><strong>'
                     f'{w.markup("explanation")}</strong> <button type="button" id="panel-close">'
                     f'{w.markup("close")}</button></div>\n<div id="panel-body"></div>\n</aside>\n'
                     f'<script>{_asset("report.js")}</script>\n</body>\n</html>\n')
        return "".join(parts)

    def _page_links(self, number: int) -> str:
        current = ' aria-current="page"'
        links = [f'<a href="{esc(name)}"{current if i == number else ""}>'
                 f'{self.words.markup("part", page=i + 1, pages=len(self.pages.files))}</a>'
                 for i, name in enumerate(self.pages.files)]
        return f'<nav class="pages">{" ".join(links)}</nav>\n'

    def href(self, doc_id: str, anchor: str) -> str:
        """A link to ``anchor`` in document ``doc_id``'s text, on whichever page holds it."""
        if self.pages is None:
            return f"#{anchor}"
        target = self.pages.file_of(self.index[doc_id])
        return f"#{anchor}" if target == self.here else f"{esc(target)}#{anchor}"

    def entry_href(self, n: int) -> str:
        """A link to finding ``n``'s row in the findings table, on whichever page holds it."""
        target = self.pages.file_of_row(self.rank_of[n]) if self.pages else self.here
        return f"#{entry_anchor(n)}" if target == self.here else f"{esc(target)}#{entry_anchor(n)}"

    def _totals(self) -> str:
        docs = self.documents
        counts = Counter(str(f.severity) for f in self.result.findings or ())
        line = self.words.markup("totals", documents=len(docs), readable=sum(doc.ok for doc in docs),
                                 claims=len(self.result.claim_set.claims), findings=len(self.result.findings or ()))
        return (f'<p class="totals">{line}: '
                + ", ".join(f'<span class="sev-{s}">{counts[s]} {self.words.markup(s)}</span>' for s in SEVERITIES)
                + '</p>\n')

    # --- the findings table ------------------------------------------------------------------

    def _findings(self, shown: range) -> str:
        """The rows ``shown`` of the findings table (all of them on a page of its own)."""
        w = self.words
        if not self.numbered:
            return f'<section id="findings">\n<h2>{w.markup("findings")}</h2>\n<p>{w.markup("no_findings")}</p>\n' \
                   '</section>\n'
        listed = [self.ordered[rank] for rank in shown]
        rows = [self._row(rank, n, finding) for rank, (n, finding) in zip(shown, listed, strict=True)]
        count = str(len(rows)) if len(rows) == len(self.ordered) else w.markup(
            "rows", first=shown.start + 1, last=shown.stop, total=len(self.ordered))
        heads = "".join(f'<th scope="col" data-sort="{key}">{w.markup(label)}</th>' for key, label in
                        (("rank", "severity"), ("rule", "rule"), ("where", "where"), ("", "this_text"),
                         ("", "other_text"), ("", "problem")))
        return (f'<section id="findings">\n<h2>{w.markup("findings")} ({count})</h2>\n{self._filters(listed)}'
                f'<p class="hint">{w.markup("sort_hint")}</p>\n<div class="table-box">\n'
                f'<table class="findings" id="findings-table">\n<thead><tr><th scope="col" data-sort="n">#</th>'
                f'{heads}</tr></thead>\n<tbody>\n{"".join(rows)}</tbody>\n</table>\n</div>\n</section>\n')

    def _row(self, rank: int, n: int, finding: Finding) -> str:
        w = self.words
        sev = str(finding.severity)
        doc = self.by_id.get(finding.doc)
        readable = doc is not None and doc.ok
        name = esc(self.names.get(finding.doc, finding.doc))
        where = f'{name} <span class="pos">{esc(self.where(finding.doc, finding.start))}</span>'
        if readable:
            target = self.href(finding.doc, finding_anchor(n))
            number = f'<a href="{target}" class="jump">{n}</a>'
            where = f'<a href="{target}">{where}</a>'
            this = self._quote(doc, finding.start, finding.end)
        else:
            number, this = str(n), ""
        position = self.index.get(finding.doc, len(self.documents))
        keys = (f' data-rank="{rank}" data-n="{n}" data-where="{position:07d}:{max(0, finding.start):010d}"'
                f' data-key-rule="{esc(finding.rule)}"')
        message = f'<p class="message">{esc(finding.message)}</p>'
        return (f'<tr id="{entry_anchor(n)}" class="entry"{_finding_attrs(n, finding)}{keys}>'
                f'<td class="n" data-label="#">{number}</td>'
                f'<td data-label="{esc(w.plain("severity"))}"><span class="badge sev-{sev}">{w.markup(sev)}</span></td>'
                f'<td data-label="{esc(w.plain("rule"))}"><code>{esc(finding.rule)}</code> '
                f'<span class="rule-name">{esc(finding.name)}</span></td>'
                f'<td data-label="{esc(w.plain("where"))}">{where}</td>'
                f'<td class="quote" data-label="{esc(w.plain("this_text"))}">{this}</td>'
                f'<td class="quote" data-label="{esc(w.plain("other_text"))}">{self._others(n, finding)}</td>'
                f'<td class="explain" data-label="{esc(w.plain("problem"))}">{message}{self._evidence(finding)}</td>'
                '</tr>\n')

    def _evidence(self, finding: Finding) -> str:
        """The evidence as sentences; the remaining fields folded away when a comparison leads."""
        said = sentences(finding, self.names, self.view.language)
        main = [s for s in said if not s.detail]
        items = "".join(f'<li lang="{_LANG[s.lang]}">{esc(s.text)}</li>' for s in (main or said))
        out = f'<ul class="evidence">{items}</ul>' if items else ""
        details = [s for s in said if s.detail] if main else []
        if details:
            rest = "".join(f'<li lang="{_LANG[s.lang]}">{esc(s.text)}</li>' for s in details)
            out += (f'<details class="evidence-more"><summary>{self.words.markup("details")}</summary>'
                    f'<ul class="evidence">{rest}</ul></details>')
        return out

    def _others(self, n: int, finding: Finding) -> str:
        items = []
        for k, spot in enumerate(finding.related[:self.view.related], 1):
            other = self.by_id.get(spot.doc)
            name = esc(self.names.get(spot.doc, spot.doc))
            where = f'{name} <span class="pos">{esc(self.where(spot.doc, spot.start))}</span>'
            if other is not None and other.ok:
                where = f'<a href="{self.href(spot.doc, related_anchor(n, k))}">{where}</a>'
                text = self._quote(other, spot.start, spot.end)
            else:
                text = ""
            shown = spot.label and self.view.language != "zh"  # the labels are English
            label = f' <span class="label">{esc(spot.label)}</span>' if shown else ""
            items.append(f'<li>{where}{label}<br>{text}</li>')
        hidden = finding.related_count - self.view.related
        if hidden > 0:
            items.append(f'<li class="more">{self.words.markup("more_places", count=hidden)}</li>')
        return f'<ul class="others">{"".join(items)}</ul>' if items else ""

    def _quote(self, doc: Document, start: int, end: int) -> str:
        before, words, after = quote_parts(doc, max(0, start), max(0, end))
        return f'<q>{esc(before)}<mark>{esc(words)}</mark>{esc(after)}</q>'

    def where(self, doc_id: str, offset: int) -> str:
        """line:column, or paragraph/page for Word and PDF."""
        doc = self.by_id.get(doc_id)
        if doc is None or not doc.ok:
            return ""
        if doc.layout:
            found = place(doc.layout, offset, self.view.language)
            if found:
                return found
        line, column = self.lines(doc_id).position(offset)
        zh, en = pairs()["line_column"]  # one form under "both": it sits beside Chinese names
        return (en if self.view.language == "en" else zh).format(line=line, column=column)

    def _filters(self, listed: list[tuple[int, Finding]]) -> str:
        """Check boxes filtering the ``listed`` rows, each counting its rows."""
        w = self.words
        sev = Counter(str(f.severity) for _, f in listed)
        rules = Counter(f.rule for _, f in listed)
        names = {f.rule: f.name for _, f in listed}
        boxes = [f'<fieldset><legend>{w.markup("severity")}</legend>']
        boxes += [f'<label class="sev-{s}"><input type="checkbox" data-filter="sev" value="{s}" checked> '
                  f'{w.markup(s)} ({sev[s]})</label>' for s in SEVERITIES]
        boxes.append(f'</fieldset>\n<fieldset><legend>{w.markup("rule")}</legend>')
        boxes += [f'<label><input type="checkbox" data-filter="rule" value="{esc(rule)}" checked> '
                  f'{esc(rule)} {esc(names[rule])} ({rules[rule]})</label>' for rule in sorted(rules)]
        boxes.append(f'</fieldset>\n<fieldset><legend>{w.markup("claims")}</legend><label><input type="checkbox" '
                     f'data-filter="claims" value="claims" checked> {w.markup("highlight_claims")}</label></fieldset>')
        return (f'<details class="filters" id="filters" hidden><summary>{w.markup("filters")}</summary>\n'
                + "\n".join(boxes) + '\n</details>\n')

    # --- documents and rules -----------------------------------------------------------------

    def _summary(self) -> str:
        w = self.words
        claims = Counter(claim.doc for claim in self.result.claim_set.claims)
        per_doc: dict[str, Counter[str]] = {}
        for _, finding in self.numbered:
            per_doc.setdefault(finding.doc, Counter())[str(finding.severity)] += 1
        rows = []
        totals: Counter[str] = Counter()
        for i, doc in enumerate(self.documents):
            counts = per_doc.get(doc.id, Counter())
            if doc.ok:
                path = f'<a href="{self.href(doc.id, f"doc-{i + 1}")}">{esc(doc.path)}</a>'
                status = '<span class="ok">ok</span>'
            else:
                path = esc(doc.path)
                css = "sev-error" if doc.status == "error" else "sev-warning"
                status = f'<span class="{css}">{esc(doc.status)}</span>: {esc(doc.error or "")}'
            cells = [path, status, esc(doc.encoding or ""), esc(doc.format or ""), str(claims[doc.id])]
            cells += [str(counts[s]) for s in SEVERITIES]
            totals.update({"claims": claims[doc.id], **{s: counts[s] for s in SEVERITIES}})
            rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>\n")
        head = "".join(f"<th>{w.markup(name)}</th>" for name in
                       ("document", "status", "encoding", "format", "claims", "errors", "warnings", "infos"))
        ok = sum(doc.ok for doc in self.documents)
        foot = (f'<tr><th>{w.markup("total", count=len(self.documents))}</th><th>{w.markup("ok_count", count=ok)}</th>'
                f'<th></th><th></th><th>{totals["claims"]}</th>'
                + "".join(f"<th>{totals[s]}</th>" for s in SEVERITIES) + "</tr>\n")
        return (f'<section id="summary">\n<h2>{w.markup("documents")}</h2>\n<div class="table-box">\n'
                f'<table class="summary">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{"".join(rows)}</tbody>\n'
                f'<tfoot>\n{foot}</tfoot>\n</table>\n</div>\n</section>\n')

    def _rules(self) -> str:
        used = sorted({f.rule for _, f in self.numbered})
        if not used:
            return ""
        items = []
        for code in used:
            rule = self.result.rules.get(code)
            if rule is None:
                name = next(f.name for _, f in self.numbered if f.rule == code)
                items.append(f'<li><strong>{esc(code)}</strong> {esc(name)}</li>\n')
                continue
            sections = "".join(f'<h4>{esc(title)}</h4>\n<pre class="rule-doc">\n{esc(text)}</pre>\n'
                               for title, text in rule.doc_sections().items())
            items.append(f'<li><details><summary><strong>{esc(code)}</strong> {esc(rule.name)}: '
                         f'{esc(rule.summary())}</summary>\n{sections}</details></li>\n')
        return (f'<section id="rules">\n<h2>{self.words.markup("rules_used")}</h2>\n'
                f'<ul class="rules">\n{"".join(items)}</ul>\n</section>\n')

    def _document(self, doc: Document, i: int) -> str:
        w = self.words
        own = self._own_findings[doc.id]
        counts = Counter(str(f.severity) for _, f in own)
        meta = (f'{esc(doc.format or "")}, {esc(doc.encoding or "")}, {len(self.claims_of[doc.id])} '
                f'{w.markup("claims")}, '
                + ", ".join(f'<span class="sev-{s}">{counts[s]} {w.markup(s)}</span>' for s in SEVERITIES))
        note = f'<p class="hint">{w.markup("html_note")}</p>\n' if doc.format == "html" else ""
        links = ""
        if own:
            listed = " ".join(f'<a href="{self.entry_href(n)}" class="sev-{f.severity}">#{n} {esc(f.rule)} '
                              f'{esc(self.where(doc.id, f.start))}</a>' for n, f in own)
            links = f'<p class="own">{w.markup("in_this_document")}: {listed}</p>\n'
        return (f'<section class="doc" id="doc-{i + 1}">\n<h3>{esc(self.names.get(doc.id, doc.id))} '
                f'<span class="path">{esc(doc.path)}</span></h3>\n'
                f'<p class="meta">id <code>{esc(doc.id)}</code>; {meta}</p>\n{note}{links}'
                f'<pre class="text">\n{_annotate(doc.original, self.marks_of[doc.id])}</pre>\n</section>\n')

    @cached_property
    def _own_findings(self) -> dict[str, list[tuple[int, Finding]]]:
        grouped: dict[str, list[tuple[int, Finding]]] = {doc.id: [] for doc in self.documents}
        for n, finding in self.numbered:
            grouped.setdefault(finding.doc, []).append((n, finding))
        return grouped


def _finding_attrs(n: int, finding: Finding) -> str:
    return f' data-finding="{n}" data-sev="{esc(finding.severity)}" data-rule="{esc(finding.rule)}"'


# --- page frame ----------------------------------------------------------------------------------

def _csp_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def _head(words: _Words) -> str:
    script, style = _csp_hash(_asset("report.js")), _csp_hash(_asset("report.css"))
    policy = (f"default-src 'none'; script-src {script}; style-src {style}; "
              "img-src 'none'; base-uri 'none'; form-action 'none'")
    return (f'<!DOCTYPE html>\n<html lang="{words.lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            f'<title>{esc(words.plain("title"))}</title>\n'
            f'<style>{_asset("report.css")}</style>\n</head>\n')


# --- one document's text, annotated --------------------------------------------------------------

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


@cache
def _asset(name: str) -> str:
    """The report's own style and script (data/report.css, data/report.js); their hashes go into
    the page's Content-Security-Policy."""
    return resources.files("reports").joinpath(f"data/{name}").read_text(encoding="utf-8")
