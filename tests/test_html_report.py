"""The self-contained HTML report: anchors, links, determinism, escaping, and a real browser when present."""
from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from types import MappingProxyType

import pytest

import pipeline
from checks.config import Config
from checks.finding import Finding, Location, Severity
from reports import html_report
from reports.result import CheckResult
from reports.view import View
from tests.test_cli import ROOT

SELECT = ("cross_source", "arithmetic", "integrity", "dates")
HOSTILE = ('海勃湾区社区简报\n<script>alert(1)</script>\n<img src=x onerror=alert(1)>\n'
           '"><svg onload=alert(1)>\n</textarea></pre></span>\n<a href="javascript:alert(1)">点此</a>\n'
           "' onmouseover='alert(1)\n2024年乌海市建成17个生活圈。\n")
HOSTILE_HTML = ('<html><head><title>x</title><script>alert(1)</script></head><body>'
                '<p>2024年乌海市建成17个生活圈。<img src=x onerror=alert(1)>'
                '<a href="javascript:alert(1)">link</a></p></body></html>\n')
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "h4", "p", "span",
                "main", "section", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "fieldset",
                "legend", "label", "input", "ul", "ol", "li", "details", "summary", "div", "pre", "code", "q",
                "strong", "aside", "button", "script", "mark", "br", "noscript", "nav"}


def check(paths: list[str | Path]) -> CheckResult:
    return pipeline.check(pipeline.extract(pipeline.read(paths)), Config(language="en", select=SELECT))


class Page(HTMLParser):
    """Tags, attributes, ids, text and script bodies of a page; fails on mismatched nesting."""

    VOID = {"meta", "input", "br", "link", "img"}

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self.scripts.append("")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.errors.append(f"</{tag}> while open: {self.stack[-3:]}")

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "script":
            self.scripts[-1] += data
        self.text.append(data)

    @property
    def ids(self) -> set[str]:
        return {attrs["id"] for _, attrs in self.tags if attrs.get("id")}

    def by_id(self, ident: str) -> tuple[str, dict[str, str | None]]:
        return next((tag, attrs) for tag, attrs in self.tags if attrs.get("id") == ident)


@pytest.fixture(scope="module")
def examples() -> CheckResult:
    return check([ROOT / "examples"])


@pytest.fixture(scope="module")
def examples_html(examples) -> str:
    return html_report.render(examples, View())


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[CheckResult, str]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / 'quote"<b>name.txt').write_text(HOSTILE, encoding="utf-8")
    (folder / "evil.html").write_text(HOSTILE_HTML, encoding="utf-8")
    result = check([ROOT / "examples", folder])
    docs = {doc.path.rsplit("/", 1)[-1]: doc for doc in result.claim_set.documents}
    evil = docs["evil.txt"]
    start = evil.original.index("<script>")
    end = evil.original.index("javascript:") + len("javascript:alert(1)")
    planted = Finding("CS01", "cross-source-conflict", Severity.ERROR,
                      '<script>alert(1)</script> "><img src=x onerror=alert(1)> javascript:alert(1)', evil.id,
                      start, end, claims=("<b>claim</b>",),
                      related=(Location(docs["evil.html"].id, 0, 30, '<svg onload=alert(1)>'),
                               Location("editor_draft", 446, 449, "</textarea><script>alert(1)</script>")),
                      evidence=MappingProxyType({"<script>alert(1)</script>": ["</textarea>",
                                                                                {"x": "onerror=alert(1)"}],
                                                 "href": "javascript:alert(1)"}))
    point = Finding("TI02", "replacement-character", Severity.INFO, "empty span <i>", evil.id, 3, 3)
    result = CheckResult(result.claim_set, [*result.findings, planted, point], result.rules)
    return result, html_report.render(result, View())


def test_every_finding_has_its_anchor_entry_and_message(examples, examples_html):
    page = Page(examples_html)
    assert not page.errors and not page.stack
    text = "".join(page.text)
    assert examples.findings
    for n, finding in enumerate(examples.findings, 1):
        tag, attrs = page.by_id(html_report.finding_anchor(n))
        assert tag == "span" and attrs["data-sev"] == str(finding.severity) and attrs["data-rule"] == finding.rule
        assert page.by_id(html_report.entry_anchor(n))[0] == "tr"  # its row in the findings table
        assert finding.message in text
        assert f'href="#{html_report.finding_anchor(n)}"' in examples_html
        shown = View().related
        for k, _ in enumerate(finding.related, 1):  # the first places marked and quoted, the rest counted
            assert (html_report.related_anchor(n, k) in page.ids) == (k <= shown)
        if len(finding.related) > shown:
            row = examples_html[examples_html.index(f'id="{html_report.entry_anchor(n)}"'):]
            hidden = len(finding.related) - shown
            assert f'另有{hidden}处 <span lang="en">and {hidden} more</span>' in row[:row.index("</tr>")]


def test_summary_table_counts(examples, examples_html):
    assert '<th>合计：6篇文档 <span lang="en">total: 6 documents</span></th>' in examples_html
    errors = sum(f.severity == Severity.ERROR for f in examples.findings)
    assert f"<th>{len(examples.claim_set.claims)}</th><th>{errors}</th>" in examples_html
    for doc in examples.claim_set.documents:
        assert doc.path in examples_html and doc.encoding in examples_html


def test_conflict_links_to_related_anchors_in_other_documents(examples, examples_html):
    n, conflict = next((n, f) for n, f in enumerate(examples.findings, 1)
                       if f.rule == "CS01" and f.doc == "wuhai_magazine_reprint")
    assert "14個" in conflict.message
    page = Page(examples_html)
    sections = {}
    current = None
    for tag, attrs in page.tags:  # which document section each id is in
        if tag == "section" and (attrs.get("id") or "").startswith("doc-"):
            current = attrs["id"]
        if attrs.get("id"):
            sections[attrs["id"]] = current
    doc_section = {doc.id: f"doc-{i}" for i, doc in enumerate(examples.claim_set.documents, 1)}
    entry = examples_html[examples_html.index(f'id="{html_report.entry_anchor(n)}"'):]
    entry = entry[:entry.index("</tr>")]
    linked = {place.doc for place in conflict.related}
    assert {"editor_draft", "wuhai_work_report"} <= linked
    for k, place in enumerate(conflict.related, 1):
        anchor = html_report.related_anchor(n, k)
        assert f'href="#{anchor}"' in entry
        assert sections[anchor] == doc_section[place.doc]
        original = examples.original(place.doc)
        assert original[place.start:place.end] in ("17个", "17個")
        mark = examples_html[examples_html.index(f'id="{anchor}"'):]
        assert re.sub(r"<[^>]*>", "", mark[mark.index(">") + 1:]).startswith(original[place.start:place.end])
    assert f'id="{html_report.finding_anchor(n)}"' in examples_html
    assert sections[html_report.finding_anchor(n)] == doc_section["wuhai_magazine_reprint"]


def test_claims_highlighted_with_titles(examples, examples_html):
    page = Page(examples_html)
    claims = [attrs for tag, attrs in page.tags if "claim" in (attrs.get("class") or "").split()
              and "cont" not in (attrs.get("class") or "")]
    assert len(claims) == len(examples.claim_set.claims)
    first = next(c for c in claims if c["data-claim"] == "briefing_gbk:2")
    assert "kind: count" in first["title"] and "value: 96" in first["title"]
    assert "subject: 老旧小区改造" in first["title"]


def pre_texts(output: str) -> list[str]:
    """The text of every document's <pre>, as a browser reads it (the newline after <pre> dropped)."""
    parts = re.findall(r'<pre class="text">\n(.*?)</pre>', output, flags=re.DOTALL)
    return ["".join(Page(part).text) for part in parts]


def test_annotated_text_is_the_original(examples, examples_html):
    assert pre_texts(examples_html) == [doc.original for doc in examples.claim_set.documents if doc.ok]


def test_partial_overlaps_nest():
    text = "abcdefghij"
    marks = [html_report._Mark(1, 6, 0, 0, "f", "mark finding", ""), html_report._Mark(4, 9, 2, 1, "c", "claim", ""),
             html_report._Mark(4, 4, 1, 2, "p", "mark related", ""), html_report._Mark(0, 10, 1, 3, "r", "x", "")]
    out = html_report._annotate(text, marks)
    page = Page(out)
    assert not page.errors and not page.stack
    assert "".join(page.text) == text
    assert [attrs.get("id") for _, attrs in page.tags].count("c") == 1
    assert 'class="claim cont"' in out or 'class="mark finding cont"' in out
    assert html_report._annotate("a<b>", []) == "a&lt;b&gt;"
    outside = html_report._Mark(5, 9, 0, 0, "z", "x", "")  # clamped to the end: an empty point mark
    assert html_report._annotate("ab", [outside]) == 'ab<span id="z" class="x point"></span>'


def test_byte_identical(examples, examples_html):
    again = check([ROOT / "examples"])
    assert html_report.render(again, View()) == examples_html
    assert html_report.render(examples, View()) == examples_html


def test_self_contained(examples_html):
    page = Page(examples_html)
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS
        assert "src" not in attrs
        if "href" in attrs:
            assert attrs["href"].startswith("#")
    markup = re.sub(r">[^<]*<", "><", examples_html)  # text removed
    markup = re.sub(r'\s(title|data-[a-z]+)="[^"]*"', "", markup)
    assert "http://" not in markup and "https://" not in markup and "url(" not in markup
    assert "http://www.wuhai.gov.cn" in "".join(page.text)  # the documents' own URLs, as text
    assert "@import" not in examples_html


def test_hostile_documents_are_inert(hostile):
    result, output = hostile
    page = Page(output)
    assert not page.errors and not page.stack
    assert len(page.scripts) == 1 and "alert" not in page.scripts[0]
    assert "<script>alert" not in output and "<img" not in output and "<svg" not in output
    assert "</textarea>" not in output and "javascript:alert" in "".join(page.text)
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, tag
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert "src" not in attrs
        assert attrs.get("href") is None or attrs["href"].startswith("#")
    assert pre_texts(output) == [doc.original for doc in result.claim_set.documents if doc.ok]  # markup as text
    assert html_report.esc('quote"<b>name.txt') in output and 'quote"<b>' not in output
    n = len(result.findings) - 1
    assert f'id="finding-{n}"' in output and "&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img" in output
    assert html_report.related_anchor(n, 1) in page.ids and html_report.related_anchor(n, 2) in page.ids
    assert f'id="{html_report.finding_anchor(n + 1)}"' in output  # the empty span is a point mark
    evil = next(d for d in result.claim_set.documents if d.path.endswith("evil.txt"))
    assert any(c.doc == evil.id and c.text == "17个" for c in result.claim_set.claims)


def _chromium() -> str:
    from tests.test_html_browser import chromium_path

    return chromium_path()  # skips without Chromium, fails instead under CI


def _browser(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}"]
    return subprocess.run([browser, *flags, *args], capture_output=True, text=True, timeout=120, check=False)


def test_in_chromium(hostile, tmp_path):
    browser = _chromium()
    result, output = hostile
    report = tmp_path / "report.html"
    report.write_text(output, encoding="utf-8")
    shot = tmp_path / "shot.png"
    _browser(browser, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,2000", report.as_uri())
    assert shot.is_file() and shot.stat().st_size > 20_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    dom = _browser(browser, tmp_path / "profile2", "--dump-dom", report.as_uri()).stdout
    page = Page(dom)
    assert 'data-report-ready="1"' in dom  # the report's own script ran under its Content-Security-Policy
    text = "".join(page.text)
    for finding in result.findings:
        assert finding.message in text
    assert len(page.scripts) == 1 and "alert" not in page.scripts[0]
    for tag, attrs in page.tags:
        assert tag in ALLOWED_TAGS, tag  # no <img>, <svg> or <script> from a document was created
        assert not any(name.startswith("on") for name in attrs)


# --- the reading view: findings first, side by side, positions, sentences, languages ----------------

def _row(output: str, n: int) -> str:
    row = output[output.index(f'<tr id="{html_report.entry_anchor(n)}"'):]
    return row[:row.index("</tr>")]


def test_findings_table_comes_first_most_severe_first(examples, examples_html):
    main = examples_html[examples_html.index("<main>"):]
    assert main.index('<section id="findings">') < main.index('<section id="summary">') < main.index('class="doc"')
    order = [int(n) for n in re.findall(r'<tr id="finding-(\d+)-entry"', examples_html)]
    assert sorted(order) == list(range(1, len(examples.findings) + 1))
    ranks = [examples.findings[n - 1].severity for n in order]
    assert ranks == sorted(ranks, reverse=True)  # most severe first, then in the findings' order
    errors = [n for n in order if examples.findings[n - 1].severity == Severity.ERROR]
    assert errors == sorted(errors)


def test_row_quotes_both_sources_with_the_figures_marked_and_line_columns(examples, examples_html):
    n, conflict = next((n, f) for n, f in enumerate(examples.findings, 1)
                       if f.rule == "CS01" and f.doc == "wuhai_magazine_reprint")
    row = _row(examples_html, n)
    this, other = re.findall(r'<td class="quote"[^>]*>(.*?)</td>', row)
    assert "<mark>14個</mark>" in this
    assert re.findall(r"<mark>([^<]*)</mark>", other) == ["17个", "17個", "17个"][:len(conflict.related)]
    text = examples.original("wuhai_magazine_reprint")
    line = text.count("\n", 0, conflict.start) + 1
    column = conflict.start - (text.rfind("\n", 0, conflict.start) + 1) + 1
    assert f'<span class="pos">第{line}行第{column}列</span>' in row
    assert f'href="#{html_report.finding_anchor(n)}" class="jump"' in row
    assert str(conflict.start) not in re.sub(r'data-[a-z-]+="[^"]*"', "", row)  # no raw offsets shown


def test_evidence_reads_as_sentences_not_json(examples, examples_html):
    n = next(n for n, f in enumerate(examples.findings, 1) if f.rule == "CS01" and f.doc == "wuhai_magazine_reprint")
    row = _row(examples_html, n)
    assert ('<li lang="en">14個 here, 17个 in 《乌海市民生数据核对稿》 2024-12-18, '
            '17個 in 《北疆民族》杂志2025年第2期 and 17个 in 乌海市人民政府办公室 2024-12-16; '
            'intervals [13.5, 14.5] and [16.5, 17.5] cannot overlap</li>') in row
    assert ('<li lang="zh-CN">此处为14個，《乌海市民生数据核对稿》 2024-12-18为17个、'
            '《北疆民族》杂志2025年第2期为17個、乌海市人民政府办公室 2024-12-16为17个；'
            '区间[13.5, 14.5]与[16.5, 17.5]互不重叠</li>') in row
    assert '<li lang="en">agrees with 15个 in 自治区民委 2024-12-20</li>' in row
    assert "{&quot;" not in examples_html and "[{" not in examples_html  # no JSON left in any cell


def test_chinese_interface_under_lang_zh(examples):
    output = html_report.render(examples, View(language="zh"))
    assert output.startswith('<!DOCTYPE html>\n<html lang="zh-CN">') and "<title>核查报告</title>" in output
    assert '<h2>问题 (14)</h2>' in output and 'lang="en"' not in output and "Findings" not in output
    english = html_report.render(examples, View(language="en"))
    assert '<html lang="en">' in english and '<h2>Findings (14)</h2>' in english and "问题与依据" not in english
    both = html_report.render(examples, View())
    assert '<html lang="zh-CN">' in both and '<h2>问题 <span lang="en">Findings</span> (14)</h2>' in both


def test_scripts_off_note_and_filters_hidden_until_the_script_shows_them(examples_html):
    assert "<noscript><p class=\"noscript\">脚本已关闭" in examples_html
    assert '<details class="filters" id="filters" hidden>' in examples_html  # no dead controls without scripts


def test_word_documents_show_paragraphs(tmp_path):
    from tests.office_files import word_file

    lines = (ROOT / "examples" / "wuhai_magazine_reprint.txt").read_text(encoding="utf-8").splitlines()
    (tmp_path / "reprint.docx").write_bytes(word_file([line for line in lines if line.strip()]))
    result = check([tmp_path / "reprint.docx", ROOT / "examples" / "wuhai_work_report.txt"])
    output = html_report.render(result, View(language="zh"))
    n = next(n for n, f in enumerate(result.findings, 1) if f.rule == "CS01")
    row = _row(output, n)
    this, other = re.findall(r'<td class="quote"[^>]*>(.*?)</td>', row)
    assert re.search(r'<span class="pos">第\d+行第\d+列</span>', row.split(this)[0])  # the text file: line:column
    assert re.search(r"》杂志2025年第1期 <span class=\"pos\">第\d+段</span>", other)  # the Word file: its paragraph
    assert "<mark>17个</mark>" in this and "<mark>14個</mark>" in other


def test_related_places_are_capped_and_counted_so_pages_grow_linearly(examples):
    from benchmarks.bench_html_report import copied

    small, large = copied(examples, 12), copied(examples, 48)
    assert sum(len(f.related) for f in large.findings) > 10 * sum(len(f.related) for f in small.findings)
    sizes = [len(html_report.render(result, View())) for result in (small, large)]
    assert sizes[1] < 4.2 * sizes[0]  # 4× the documents, about 4× the page: not their product
    output = html_report.render(large, View())
    assert not re.search(r"related-4\"", output)
    assert re.search(r"另有\d+处", output)


def test_large_runs_split_into_linked_pages(examples, monkeypatch, tmp_path):
    from benchmarks.bench_html_report import copied

    monkeypatch.setattr(html_report, "PAGE_DOCUMENTS", 5)
    result = copied(examples, 12)
    parts = list(html_report.render_parts(result, View(), "out.html"))
    assert [name for name, _ in parts] == ["out.html", "out-2.html", "out-3.html"]
    first, second, _ = (Page(page) for _, page in parts)
    assert "findings-table" in first.ids and "findings-table" not in second.ids
    assert {f"doc-{i}" for i in range(1, 6)} <= first.ids and "doc-6" not in first.ids and "doc-6" in second.ids
    page_of = {doc.id: i // 5 for i, doc in enumerate(result.claim_set.documents)}
    n = next(n for n, f in enumerate(result.findings, 1) if page_of[f.doc] == 1)
    assert f'href="out-2.html#{html_report.finding_anchor(n)}"' in parts[0][1]
    assert f'href="out.html#{html_report.entry_anchor(n)}"' in parts[1][1]
    assert html_report.finding_anchor(n) in second.ids
    assert list(html_report.render_parts(result, View(), "out.html")) == parts  # byte-identical
    monkeypatch.undo()
    assert list(html_report.render_parts(examples, View(), "one.htm")) == [
        ("one.htm", html_report.render(examples, View()))]


def test_many_findings_split_the_findings_table_across_pages(examples, monkeypatch):
    monkeypatch.setattr(html_report, "PAGE_FINDINGS", 5)
    total = len(examples.findings)
    assert 10 < total <= 15 and len(examples.claim_set.documents) < html_report.PAGE_DOCUMENTS
    parts = list(html_report.render_parts(examples, View(), "out.html"))
    assert [name for name, _ in parts] == ["out.html", "out-2.html", "out-3.html"]
    pages = [Page(page) for _, page in parts]
    ordered = sorted(enumerate(examples.findings, 1), key=lambda item: (-item[1].severity, item[0]))
    for i, (_, page) in enumerate(parts):  # rows 5i+1 … 5i+5, most severe first, each once
        assert [n for n, _ in ordered[5 * i:5 * i + 5]] == [
            int(n) for n in re.findall(r'<tr id="finding-(\d+)-entry"', page)]
    assert "summary" in pages[0].ids and "summary" not in pages[1].ids  # the documents table on the first only
    assert all(f"doc-{i}" in pages[0].ids for i in range(1, len(examples.claim_set.documents) + 1))
    last = ordered[-1][0]  # its text is on the first page, its row on the third
    assert f'href="out-3.html#{html_report.entry_anchor(last)}"' in parts[0][1]
    assert f'href="out.html#{html_report.finding_anchor(last)}"' in parts[2][1]
    assert f"第11—{total}条，共{total}条" in parts[2][1] and f"11–{total} of {total}" in parts[2][1]


def test_command_line_writes_the_pages_of_a_large_run(monkeypatch, tmp_path, capsys):
    import run_checks

    monkeypatch.setattr(html_report, "PAGE_DOCUMENTS", 4)  # the six examples: two pages
    status = run_checks.main(["check", str(ROOT / "examples"), "--format", "html", "--select", "cross_source",
                              "--output", str(tmp_path / "review.html")])
    assert status == 1 and capsys.readouterr().out == ""
    assert sorted(path.name for path in tmp_path.iterdir()) == ["review-2.html", "review.html"]
    first, second = (tmp_path / "review.html").read_text(encoding="utf-8"), (tmp_path / "review-2.html").read_text(
        encoding="utf-8")
    assert 'id="findings-table"' in first and 'id="doc-4"' in first and 'id="doc-5"' in second
    assert 'href="review-2.html#finding-' in first and 'href="review.html#finding-' in second
