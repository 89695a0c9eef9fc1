"""Print what a first visit to each kind of page downloads, measured in a real browser.

Every request the page makes is counted, including what loads after the page
(Mermaid's chunks, lazy scripts), each body compressed with gzip as GitHub
Pages serves it, with an empty cache. Budgets for a reader on a phone with
little data: 300 KB for a page with a chart, 100 KB for any other page.
Also prints HTML bytes per page. The same figures are checked by
tests/test_accessibility.py.

Usage: python scripts/weight.py [SITE_DIR]   (default: builds into a temp dir)
"""

from __future__ import annotations

import functools
import gzip
import http.server
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHART_BUDGET = 300_000   # bytes, compressed: a page that draws a structure chart
PAGE_BUDGET = 100_000    # bytes, compressed: any other page
KINDS = {
    "home": "",
    "overview": "southampton/",
    "structure": "southampton/structure/",
    "structure (widest)": "north-somerset/structure/",
    "group": "southampton/groups/partnership/",
    "agency lookup": "agencies/lookup/",
    "yearly report": "north-somerset/reports/2024-25/",
    "news": "news/",
}


def budget(kind: str) -> int:
    return CHART_BUDGET if kind.startswith("structure") else PAGE_BUDGET


def first_visit(browser: object, url: str) -> dict[str, int]:
    """Compressed bytes of every response for a first visit to `url`, by address."""
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    page = context.new_page()
    sizes: dict[str, int] = {}

    def count(response: object) -> None:
        try:
            body = response.body()  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a redirect or aborted request has no body
            return
        sizes[response.url] = len(gzip.compress(body, compresslevel=6))  # type: ignore[attr-defined]

    page.on("response", count)
    page.goto(url, wait_until="networkidle")
    # Read to the end, as a reader would: anything loaded on the way counts.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    context.close()
    return sizes


def launch() -> tuple[object, object]:
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    browser = playwright.chromium.launch(
        executable_path=chromium, headless=True,
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run", "--disable-quic"])
    return playwright, browser


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> int:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        # Why the build script: the site is generated first (`make site`); MkDocs alone builds only
        # the hand-written pages. No documents: they are downloads, not part of a page's first visit.
        site = Path(tempfile.mkdtemp(prefix="weight-")) / "site"
        built = subprocess.run([sys.executable, "scripts/build_site.py", "--no-documents", "--out", str(site)],
                               cwd=REPO, capture_output=True, text=True)
        if built.returncode:
            raise SystemExit(f"the build failed:\n{built.stdout[-2000:]}{built.stderr[-3000:]}")
    sizes = sorted(p.stat().st_size for p in site.rglob("*.html"))
    print(f"pages: {len(sizes)}  HTML per page: median {statistics.median(sizes):,.0f}  max {sizes[-1]:,} bytes")
    server, base = serve(site)
    playwright, browser = launch()
    over = 0
    print(f"{'first visit, compressed':<24} {'bytes':>9} {'budget':>9}  requests")
    try:
        for kind, path in KINDS.items():
            if not (site / path / "index.html").exists():
                print(f"{kind:<24} {'missing':>9}   ({path}index.html is not in this site)")
                over += 1
                continue
            got = first_visit(browser, base + path)
            total = sum(got.values())
            over += total > budget(kind)
            flag = "" if total <= budget(kind) else "  OVER"
            print(f"{kind:<24} {total:>9,} {budget(kind):>9,}  {len(got)}{flag}")
    finally:
        browser.close()  # type: ignore[attr-defined]
        playwright.stop()  # type: ignore[attr-defined]
        server.shutdown()
    return 1 if over else 0


if __name__ == "__main__":
    raise SystemExit(main())
