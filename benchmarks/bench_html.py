"""Reading one large HTML page: seconds to extract the article text of a page of ``--size-mb``.

    python benchmarks/bench_html.py [--size-mb 1] [--repeat 3]

Builds one page from the bundled news release's article repeated (so the cost of a single big
page shows, which a corpus of small pages hides) and times ``sources.html.extract_html`` on it,
best of ``--repeat``. Prints one JSON object.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sources.html import extract_html  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    page = (ROOT / "examples" / "region_news_release.html").read_text(encoding="utf-8")
    head, body = page.split("<body", 1)
    body = body.split(">", 1)[1].rsplit("</body>", 1)[0]
    copies = max(1, int(args.size_mb * 1_000_000 // len(body)))
    markup = f"{head}<body>{body * copies}</body></html>"
    best = float("inf")
    for _ in range(args.repeat):
        started = time.perf_counter()
        text = extract_html(markup).text
        best = min(best, time.perf_counter() - started)
    print(json.dumps({"characters": len(markup), "seconds": round(best, 3),
                      "million_chars_per_second": round(len(markup) / best / 1e6, 2), "text_characters": len(text)}))


if __name__ == "__main__":
    main()
