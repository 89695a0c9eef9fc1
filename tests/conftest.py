"""Shared fixtures: a real strict build of the site, a local server, a real browser.

Nothing is mocked: the site is built by `scripts/build_site.py` (generate,
then a strict engine build) exactly as CI and Pages build it, served over HTTP on 127.0.0.1, and opened in
Debian's Chromium through Playwright.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

# Why: every feature registers its records, checks, pages and renderers on import.
import arrangements.features  # noqa: F401
import pytest

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def build_site(out: Path, data: Path | None = None, only: str = "", engine: str = "mkdocs"
               ) -> subprocess.CompletedProcess[str]:
    """Run a real strict build (`make site`, without documents): `data` another data folder, `only` a preview."""
    env = dict(os.environ)
    if data is not None:
        env["ARRANGEMENTS_DATA"] = str(data)
    env["ARRANGEMENTS_ONLY"] = only
    env["PYTHONPATH"] = str(REPO / "macros") + os.pathsep + env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "scripts/build_site.py", "--no-documents", "--out", str(out), "--engine", engine],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=600,
    )


def data_with(factory: pytest.TempPathFactory, partnerships: Path, name: str) -> Path:
    """A data folder holding the bundled reference lists and site files, and only these partnerships."""
    folder = factory.mktemp(name) / "data"
    shutil.copytree(REPO / "data" / "reference", folder / "reference")
    shutil.copytree(REPO / "data" / "site", folder / "site")
    shutil.copytree(partnerships, folder / "partnerships")
    return folder


NORTH_SOMERSET = Path("partnerships") / "north-somerset" / "arrangements" / "2022.yml"


def build_with_edit(factory: pytest.TempPathFactory, edit: Callable[[str], str],
                    file: Path = NORTH_SOMERSET) -> Path:
    """A real build of the bundled data with one file changed by `edit`; fails the test if it does not build."""
    data = factory.mktemp("data") / "data"
    shutil.copytree(REPO / "data", data)
    path = data / file
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    out = factory.mktemp("edited-site")
    result = build_site(out, data)
    if result.returncode != 0:
        pytest.fail(result.stdout[-2000:] + result.stderr[-3000:])
    return out


def copy_repo(into: Path) -> Path:
    """The parts of the repository a build reads, copied: news posts and pages can be planted there."""
    root = into / "repo"
    root.mkdir(parents=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("docs", "overrides", "macros", "data", "scripts"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def build_copy(root: Path, out: Path, engine: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """A strict build of a copied repository (its own macros, docs and data)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARRANGEMENTS_")}
    env["PYTHONPATH"] = str(root / "macros")
    return subprocess.run([sys.executable, "scripts/build_site.py", "--no-documents", "--out", str(out),
                           "--engine", engine], cwd=root, env=env, capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    if result.returncode != 0:
        pytest.fail(f"the strict build failed:\n{result.stdout}\n{result.stderr}")
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    server, url = serve(built_site)
    yield url
    server.shutdown()


def _need_chromium() -> None:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("Chromium is not installed; .ci/run must install it")
        pytest.skip("Chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="session")
def chromium_browser() -> Iterator[object]:
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            # Why: without these Chromium phones home at start, which this
            # closed network refuses, and tests would see foreign requests.
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium_browser: object) -> Iterator[object]:
    """A fresh page that records every request it makes in `page.requests_seen`."""
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.requests_seen = []  # type: ignore[attr-defined]
    page.on("request", lambda request: page.requests_seen.append(request.url))  # type: ignore[attr-defined]
    yield page
    context.close()


def foreign_requests(urls: list[str]) -> list[str]:
    """Requests that left the site's own origin (anything but 127.0.0.1)."""
    return [u for u in urls if not (u.startswith("http://127.0.0.1:") or u.startswith(("data:", "blob:", "about:")))]
