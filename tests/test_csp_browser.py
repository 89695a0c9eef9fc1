"""The Content-Security-Policy: the second wall behind the escaping.

A script planted in a built page (as if an escaping mistake let it through)
is refused by Chromium, while the site's own scripts, the theme's inline
scripts, Mermaid charts and search still work under the same policy.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from arrangements.engines import csp
from conftest import serve

pytestmark = pytest.mark.browser

POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
RECORD = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
          "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


def test_every_page_carries_the_policy_first(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html[html.index("<head>"): html.index("</head>")]
        found = POLICY.search(head)
        assert found, page
        policy = found.group(1)
        assert csp.MARKER not in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        assert "http" not in policy and "*" not in policy, policy  # no third-party origin
        assert head.index("Content-Security-Policy") < head.index("<title>") < head.find("<script") or \
            "<script" not in head, page
        # Every inline script the page runs has its hash in the policy.
        for match in re.finditer(r"<script>(.*?)</script>", html, re.S):
            assert csp.digest(match.group(1)) in policy, (page, match.group(1)[:60])


def test_a_planted_script_gets_no_hash() -> None:
    page = ('<html><head><meta http-equiv="Content-Security-Policy" content="script-src \'self\' '
            f'{csp.MARKER}"></head><body><script>alert(1)</script></body></html>')
    assert "sha256" not in csp.apply(page)


@pytest.fixture(scope="module")
def planted_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A copy of the built site with hostile markup pasted into a page, as if escaping had failed."""
    site = tmp_path_factory.mktemp("planted") / "site"
    shutil.copytree(built_site, site)
    page = site / "southampton" / "index.html"
    hostile = ('<script>window.__planted = 1</script><img src="x" onerror="window.__planted = 2">'
               '<a id="planted-link" href="javascript:window.__planted = 3">click</a>'
               '<svg><script>window.__planted = 4</script></svg>')
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace('<span id="main-content"', hostile + '<span id="main-content"', 1),
                    encoding="utf-8")
    assert hostile in page.read_text(encoding="utf-8")
    server, url = serve(site)
    yield url
    server.shutdown()


def test_a_planted_inline_script_is_blocked(browser_page: object, planted_site: str) -> None:
    page = browser_page
    page.add_init_script(RECORD)  # type: ignore[attr-defined]
    page.goto(planted_site + "southampton/", wait_until="networkidle")  # type: ignore[attr-defined]
    page.click("#planted-link")  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    assert page.evaluate("typeof window.__planted") == "undefined"  # type: ignore[attr-defined]
    violations = page.evaluate("window.__csp")  # type: ignore[attr-defined]
    assert any(v.startswith("script-src-elem inline") for v in violations), violations
    assert any(v.startswith("script-src-attr inline") for v in violations), violations
    # The theme's own inline scripts and bundle still ran under the same policy.
    assert page.evaluate("typeof __md_scope") == "object"  # type: ignore[attr-defined]
    assert page.evaluate("!document.documentElement.classList.contains('no-js')")  # type: ignore[attr-defined]


def test_site_scripts_mermaid_and_search_work_under_the_policy(browser_page: object, site_server: str) -> None:
    page = browser_page
    page.add_init_script(RECORD)  # type: ignore[attr-defined]
    page.goto(site_server + "southampton/structure/", wait_until="networkidle")  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => !document.querySelector('pre.mermaid') && document.querySelector('div.mermaid')")
    box = page.locator("div.mermaid").bounding_box()  # type: ignore[attr-defined]
    assert box and box["width"] > 200 and box["height"] > 100
    assert page.evaluate("window.__csp") == []  # type: ignore[attr-defined]
    page.goto(site_server, wait_until="networkidle")  # type: ignore[attr-defined]
    page.keyboard.press("s")  # type: ignore[attr-defined]
    page.locator("input.md-search__input").type("Matthew Richardson")  # type: ignore[attr-defined]
    page.wait_for_selector(".md-search-result__item", timeout=10_000)  # type: ignore[attr-defined]
    assert "Southampton" in page.locator(".md-search-result").inner_text()  # type: ignore[attr-defined]
    assert page.evaluate("window.__csp") == []  # type: ignore[attr-defined]


def test_the_local_preview_reloads_and_the_built_pages_keep_their_policy(browser_page: object,
                                                                         built_site: Path) -> None:
    """`make serve` adds a live-reload script to each page as it sends it, different every time: the
    preview has no policy (nothing blocks the reload), and every built page has one."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    from conftest import REPO

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "arrangements", "serve", "--port", str(port)], cwd=REPO,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/southampton/"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url, timeout=5).read()
                break
            except OSError:
                time.sleep(0.5)
        page = browser_page
        page.add_init_script(RECORD)  # type: ignore[attr-defined]
        page.goto(url, wait_until="load")  # type: ignore[attr-defined]
        assert page.evaluate("typeof livereload") == "function"  # type: ignore[attr-defined]
        assert page.evaluate("window.__csp") == []  # type: ignore[attr-defined]
        assert "Content-Security-Policy" not in page.content()  # type: ignore[attr-defined]
        built = [p for p in built_site.rglob("*.html") if "Content-Security-Policy" not in p.read_text("utf-8")]
        assert built == [] and "theme-script-hashes" not in (built_site / "index.html").read_text("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
