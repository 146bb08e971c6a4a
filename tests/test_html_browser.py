"""The HTML report in a real headless Chromium (Playwright), at 1280 px and 390 px.

Renders the report of the bundled examples, opens it, and asserts what a reader sees: the findings
table first, the two sources' texts side by side with their figures highlighted, a finding's number
jumping to its mark in the text, no horizontal overflow on a phone, no Content-Security-Policy
violation, and a readable page with scripts off. Screenshots go to ``$SCREENSHOT_DIR`` (else a
temporary folder); their paths are printed and recorded as test properties.

Without Chromium (``apt-get install chromium``) or the ``playwright`` package the tests skip, except
under CI (the ``CI`` environment variable set), where they fail: CI installs both.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import pipeline
from checks.config import Config
from reports import html_report
from reports.view import View
from tests.test_cli import ROOT

WIDTHS = (1280, 390)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FRAME = "new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
VIOLATIONS = """window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI); });"""


def missing(reason: str) -> None:
    """Skip for ``reason``; under CI fail instead, for CI is meant to run these tests."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so the browser tests must run)")
    pytest.skip(reason)


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        missing("chromium is not installed (apt-get install chromium)")
    return found


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing("the playwright package is not installed (pip install playwright; no browser download needed)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def examples():
    config = Config(language="both", select=("cross_source", "arithmetic", "integrity", "dates"))
    return pipeline.check(pipeline.extract(pipeline.read([ROOT / "examples"])), config)


@pytest.fixture(scope="module")
def report(examples, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(html_report.render(examples, View()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ["SCREENSHOT_DIR"]) if os.environ.get("SCREENSHOT_DIR") else \
        tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def open_page(browser, path: Path, width: int, scripts: bool = True):
    context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=scripts)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    if scripts:
        page.add_init_script(VIOLATIONS)
    page.goto(path.as_uri(), wait_until="load")
    return context, page, console


def screenshot(page, shots: Path, name: str, record_property) -> Path:
    path = shots / name
    page.screenshot(path=str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
    record_property(name, str(path))
    print(f"screenshot: {path}")
    return path


def conflict_number(examples) -> int:
    return next(n for n, f in enumerate(examples.findings, 1) if f.rule == "CS01" and f.doc == "wuhai_magazine_reprint")


@pytest.mark.parametrize("width", WIDTHS)
def test_findings_first_side_by_side_and_highlighted(browser, report, examples, shots, width, record_property):
    context, page, console = open_page(browser, report, width)
    try:
        assert page.evaluate("document.documentElement.getAttribute('data-report-ready')") == "1"
        first = page.evaluate("document.querySelector('main').firstElementChild.id")
        assert first == "findings"
        table = page.locator("#findings-table").bounding_box()
        assert table["y"] < 900  # within the first screen
        docs = page.locator("section.doc").first.bounding_box()
        assert table["y"] < docs["y"]
        n = conflict_number(examples)
        row = page.locator(f"#{html_report.entry_anchor(n)}")
        row.scroll_into_view_if_needed()  # rows off screen skip their layout (content-visibility) …
        page.evaluate(FRAME)  # … until the next frames
        this, other = row.locator("td.quote").nth(0), row.locator("td.quote").nth(1)
        assert this.locator("mark").inner_text() == "14個"
        assert other.locator("mark").all_inner_texts() == ["17个", "17個", "17个"]
        for mark in (this.locator("mark"), other.locator("mark").first):
            assert mark.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 213, 79)"
        a, b = this.bounding_box(), other.bounding_box()
        if width >= 1000:  # columns side by side
            assert abs(a["y"] - b["y"]) < 2 and b["x"] >= a["x"] + a["width"] - 2
        else:  # cards: one under the other, inside the screen
            assert b["y"] >= a["y"] + a["height"] - 2 and a["x"] + a["width"] <= width
        screenshot(page, shots, f"findings-{width}.png", record_property)
        assert page.evaluate("window.__violations") == []
        assert not [line for line in console if "Content Security Policy" in line or line.startswith("pageerror")]
    finally:
        context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_clicking_a_finding_jumps_to_its_mark(browser, report, examples, shots, width, record_property):
    context, page, _ = open_page(browser, report, width)
    try:
        n = conflict_number(examples)
        page.locator(f"#{html_report.entry_anchor(n)} a.jump").click()
        anchor = html_report.finding_anchor(n)
        page.wait_for_function(f"location.hash === '#{anchor}'")
        page.evaluate(FRAME)  # the text it jumped into has been laid out
        assert page.evaluate(f"document.getElementById('{anchor}').matches(':target')")
        box = page.locator(f"#{anchor}").bounding_box()
        assert 0 <= box["y"] < 900  # scrolled into view
        section = page.evaluate(f"document.getElementById('{anchor}').closest('section.doc').id")
        index = next(i for i, doc in enumerate(examples.claim_set.documents, 1) if doc.id == "wuhai_magazine_reprint")
        assert section == f"doc-{index}"
        screenshot(page, shots, f"jump-{width}.png", record_property)
        other = next(m for m, f in enumerate(examples.findings, 1) if f.rule == "AR01")
        page.locator(f"#{html_report.entry_anchor(other)} td.explain").click()  # a row, not its link
        page.wait_for_function(f"location.hash === '#{html_report.finding_anchor(other)}'")
    finally:
        context.close()


def test_no_horizontal_overflow_on_a_phone(browser, examples, tmp_path, shots, record_property):
    for language in ("zh", "both", "en"):
        path = tmp_path / f"report-{language}.html"
        path.write_text(html_report.render(examples, View(language=language)), encoding="utf-8")
        context, page, _ = open_page(browser, path, 390)
        try:
            assert page.evaluate("document.documentElement.scrollWidth") <= 390, language
            wide = page.evaluate("""Array.from(document.querySelectorAll('main *')).filter(el => {
                const box = el.getBoundingClientRect(); return box.width > 0 && box.right > 391
                && !el.closest('.table-box'); }).map(el => el.tagName + '.' + el.className).slice(0, 5)""")
            assert wide == [], (language, wide)
            if language == "zh":
                assert page.evaluate("document.documentElement.lang") == "zh-CN"
                assert page.locator("h1").inner_text() == "核查报告"
                screenshot(page, shots, "phone-zh-390.png", record_property)
        finally:
            context.close()


def test_sorting_and_filters(browser, report, examples):
    context, page, _ = open_page(browser, report, 1280)
    try:
        assert page.locator("#filters").is_visible()  # shown by the script
        page.locator('th[data-sort="rule"] button').click()
        rules = page.evaluate("Array.from(document.querySelectorAll('#findings-table tbody tr'))"
                              ".map(tr => tr.getAttribute('data-rule'))")
        assert rules == sorted(f.rule for f in examples.findings)
        page.locator("#filters summary").click()
        page.locator('input[data-filter="rule"][value="CS01"]').uncheck()
        visible = page.evaluate("Array.from(document.querySelectorAll('#findings-table tbody tr'))"
                                ".filter(tr => tr.offsetParent !== null).map(tr => tr.getAttribute('data-rule'))")
        assert "CS01" not in visible and len(visible) == sum(f.rule != "CS01" for f in examples.findings)
    finally:
        context.close()


def test_scripts_off(browser, report, examples, shots, record_property):
    context, page, _ = open_page(browser, report, 1280, scripts=False)
    try:
        assert page.locator("p.noscript").is_visible()
        assert not page.locator("#filters").is_visible()  # no controls that would do nothing
        rows = page.locator("#findings-table tbody tr")
        assert rows.count() == len(examples.findings)
        screenshot(page, shots, "noscript-1280.png", record_property)  # the note above the table
        n = conflict_number(examples)
        page.locator(f"#{html_report.entry_anchor(n)} a.jump").click()  # plain links still jump
        page.wait_for_url(f"**#{html_report.finding_anchor(n)}")
    finally:
        context.close()
