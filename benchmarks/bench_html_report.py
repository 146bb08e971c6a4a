"""The HTML report of a large run: seconds to render it, its size, and seconds to open it in Chromium.

    python benchmarks/bench_html_report.py [--documents 1000] [--no-browser] [--split]

Checks the bundled examples once, then copies that result until it holds ``--documents`` documents:
every document, claim and finding once per copy, and each related place of a finding once for every
copy of the document it points at (so a conflict lists every disagreeing copy, as a real run of many
copies does). Renders the report (CPU seconds by ``time.process_time``, best of ``--repeat``),
writes it to a temporary folder and, unless ``--no-browser``, opens it in headless Chromium through
Playwright (``/usr/bin/chromium``): seconds to the load event, measured by the page itself
(``performance`` navigation timing) and around ``page.goto``. ``--split`` renders the pages of
``html_report.render_parts`` and opens the first. Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from checks.config import Config  # noqa: E402
from checks.finding import Location  # noqa: E402
from claims.frame import ClaimSet  # noqa: E402
from pipeline import check, extract, read  # noqa: E402
from reports import html_report  # noqa: E402
from reports.result import CheckResult  # noqa: E402
from reports.view import View  # noqa: E402

BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def copied(result: CheckResult, documents: int) -> CheckResult:
    """``result`` copied until it has ``documents`` documents (the last copy cut short)."""
    base = result.claim_set.documents
    copies = -(-documents // len(base))
    ids = {doc.id: [f"{doc.id}~{c}" for c in range(copies)] for doc in base}
    docs = [replace(doc, id=ids[doc.id][c], path=f"copy{c}/{doc.path}") for c in range(copies) for doc in base]
    docs = docs[:documents]
    kept = {doc.id for doc in docs}
    claims = [replace(claim, doc=ids[claim.doc][c], id=f"{ids[claim.doc][c]}:{claim.id.rsplit(':', 1)[-1]}")
              for c in range(copies) for claim in result.claim_set.claims if ids[claim.doc][c] in kept]
    findings = []
    for c in range(copies):
        for finding in result.findings:
            if ids[finding.doc][c] not in kept:
                continue
            related = tuple(Location(other, place.start, place.end, place.label)
                            for place in finding.related for other in ids.get(place.doc, [place.doc]) if other in kept)
            findings.append(replace(finding, doc=ids[finding.doc][c], related=related, claims=()))
    return CheckResult(ClaimSet(docs, claims), findings, result.rules)


def load_seconds(path: Path) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=BROWSER_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        started = time.perf_counter()
        page.goto(path.as_uri(), wait_until="load", timeout=600_000)
        around = time.perf_counter() - started
        timing = page.evaluate("(() => { const n = performance.getEntriesByType('navigation')[0];"
                               " return [n.domContentLoadedEventEnd, n.loadEventEnd]; })()")
        ready = page.evaluate("document.documentElement.getAttribute('data-report-ready')")
        browser.close()
    return {"goto_seconds": round(around, 2), "dom_content_loaded_seconds": round(timing[0] / 1000, 2),
            "load_event_seconds": round(timing[1] / 1000, 2), "script_ran": ready == "1"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--split", action="store_true",
                        help="render_parts: pages of PAGE_DOCUMENTS texts and PAGE_FINDINGS rows")
    args = parser.parse_args()
    examples = check(extract(read([ROOT / "examples"])), Config(language="both"))
    result = copied(examples, args.documents)
    best = float("inf")
    for _ in range(args.repeat):
        started = time.process_time()
        pages = (list(html_report.render_parts(result, View(), "report.html")) if args.split else
                 [("report.html", html_report.render(result, View()))])
        best = min(best, time.process_time() - started)
    out = {"documents": len(result.claim_set.documents), "claims": len(result.claim_set.claims),
           "findings": len(result.findings), "related_places": sum(len(f.related) for f in result.findings),
           "render_cpu_seconds": round(best, 2), "pages": len(pages),
           "first_page_mb": round(len(pages[0][1].encode("utf-8")) / 1e6, 2),
           "total_mb": round(sum(len(page.encode("utf-8")) for _, page in pages) / 1e6, 2)}
    if not args.no_browser:
        with tempfile.TemporaryDirectory() as folder:
            for name, page in pages:
                (Path(folder) / name).write_text(page, encoding="utf-8")
            out.update(load_seconds(Path(folder) / pages[0][0]))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
