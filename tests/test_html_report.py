"""The self-contained HTML report: anchors, links, determinism, escaping, and a real browser when present."""
from __future__ import annotations

import re
import shutil
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
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("chromium is not installed (apt-get install chromium); the browser test needs it")
    return browser


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
