"""Valid HTML and no broken address, on every page of the real strict build.

html-validate (npm, pinned in package.json; GOV.UK Frontend checks its
markup with it) runs over every built page with `.htmlvalidaterc.json`: the
"recommended" preset, with only pure style rules turned off, each named with
its reason in docs/accessibility-audit.md. Then every address a page gives
(links, scripts, images, stylesheets and what they load, fragments included)
is followed to a file and, for a fragment, to an element with that id.
"""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from conftest import REPO

HTML_VALIDATE = REPO / "node_modules" / ".bin" / "html-validate"
CONFIG = REPO / ".htmlvalidaterc.json"
AUDIT = REPO / "docs" / "accessibility-audit.md"
# Style rules only: whitespace, spelling of the doctype, `<hr/>` against `<hr>`,
# title length, style attributes. Rules on ids, labels, nesting, attributes
# and accessibility stay on.
STYLE_RULES = {"no-trailing-whitespace", "doctype-style", "void-style", "long-title", "no-inline-style"}


def _site_url() -> str:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", text, re.MULTILINE)
    return match.group(1) if match else "/"


def test_config_turns_off_only_style_rules_and_says_why() -> None:
    config = json.loads(CONFIG.read_text(encoding="utf-8"))
    assert config["extends"] == ["html-validate:recommended"]
    off = {rule for rule, setting in config["rules"].items() if setting == "off"}
    assert off <= STYLE_RULES, f"only style rules may be off: {off - STYLE_RULES}"
    audit = AUDIT.read_text(encoding="utf-8")
    undocumented = [rule for rule in off if f"`{rule}`" not in audit]
    assert not undocumented, f"say in {AUDIT.name} why these are off: {undocumented}"
    # The only loosened rule still checks what HTML requires of an id.
    assert config["rules"]["valid-id"] == ["error", {"relaxed": True}]


def test_every_page_is_valid_html(built_site: Path) -> None:
    if not HTML_VALIDATE.exists():
        pytest.skip("html-validate is not installed (npm install)")
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html"))
    assert len(pages) > 100
    result = subprocess.run(
        [str(HTML_VALIDATE), "--config", str(CONFIG), "--formatter", "json", *pages],
        cwd=built_site, capture_output=True, text=True, timeout=600,
    )
    assert result.stdout.strip(), result.stderr
    reports = json.loads(result.stdout)
    problems = [f"{r['filePath']}:{m['line']} {m['ruleId']}: {m['message']}"
                for r in reports for m in r["messages"]]
    assert not problems, f"{len(problems)} html-validate errors:\n" + "\n".join(problems[:30])
    assert result.returncode == 0, result.stderr


class _Page(HTMLParser):
    """Every address a page gives and every id it has."""

    def __init__(self) -> None:
        super().__init__()
        self.addresses: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name in ("href", "src", "poster", "data"):
            if name in values and tag != "base":
                self.addresses.append(values[name])
        if "srcset" in values:
            self.addresses += [part.split()[0] for part in values["srcset"].split(",") if part.strip()]


_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


class _Crawl:
    """The built site read from disk, each page parsed once."""

    def __init__(self, site: Path) -> None:
        self.site = site
        site_url = urlparse(_site_url())
        self.origin = f"{site_url.scheme}://{site_url.netloc}"
        self.root = site_url.path if site_url.path.endswith("/") else site_url.path + "/"
        self.pages: dict[Path, _Page] = {}

    def page(self, file: Path) -> _Page:
        if file not in self.pages:
            parsed = _Page()
            parsed.feed(file.read_text(encoding="utf-8"))
            self.pages[file] = parsed
        return self.pages[file]

    def base_of(self, file: Path) -> str:
        """The address a file is served at; 404.html is served at any depth, so its links start at the root."""
        rel = file.relative_to(self.site).as_posix()
        return self.origin + self.root + rel

    def target(self, address: str, base: str) -> tuple[Path | None, str]:
        """The file an address on this site leads to (None when it leaves the site) and its fragment."""
        url = urlparse(urljoin(base, address))
        if f"{url.scheme}://{url.netloc}" != self.origin or not url.path.startswith(self.root):
            return None, ""
        path = self.site / unquote(url.path[len(self.root):])
        if url.path.endswith("/") or path.is_dir():
            path = path / "index.html"
        return path, unquote(url.fragment)


@pytest.fixture(scope="module")
def crawl(built_site: Path) -> _Crawl:
    return _Crawl(built_site)


def test_every_same_site_address_resolves(crawl: _Crawl) -> None:
    """Every href and src on every page (the 404 included), and every url() in our stylesheets, is a file."""
    broken: list[str] = []
    stylesheets: set[Path] = set()
    files = sorted(crawl.site.rglob("*.html"))
    assert len(files) > 100
    for file in files:
        base = crawl.base_of(file)
        for address in crawl.page(file).addresses:
            path, _ = crawl.target(address, base)
            if path is None:
                continue
            if not path.is_file():
                broken.append(f"{file.relative_to(crawl.site)} -> {address}")
            elif path.suffix == ".css":
                stylesheets.add(path)
    for sheet in sorted(stylesheets):
        base = crawl.origin + crawl.root + sheet.relative_to(crawl.site).as_posix()
        for address in _CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            if address.startswith(("data:", "#")):
                continue
            path, _ = crawl.target(address, base)
            if path is not None and not path.is_file():
                broken.append(f"{sheet.relative_to(crawl.site)} -> {address}")
    assert stylesheets, "no stylesheet was followed"
    assert not broken, f"{len(broken)} broken addresses:\n" + "\n".join(broken[:30])


def test_every_in_page_link_resolves(crawl: _Crawl) -> None:
    """Every `#fragment` (skip links and "Who to contact" included) names an element on its page."""
    broken: list[str] = []
    checked = 0
    for file in sorted(crawl.site.rglob("*.html")):
        base = crawl.base_of(file)
        for address in crawl.page(file).addresses:
            if "#" not in address or address.startswith(("javascript:", "mailto:", "tel:")):
                continue
            path, fragment = crawl.target(address, base)
            if path is None or not fragment or path.suffix != ".html" or not path.is_file():
                continue
            checked += 1
            if fragment not in crawl.page(path).ids:
                broken.append(f"{file.relative_to(crawl.site)} -> {address}")
    assert checked > 1000
    assert not broken, f"{len(broken)} links to a missing id:\n" + "\n".join(broken[:30])


def test_skip_link_and_help_link_resolve_on_news_and_404(crawl: _Crawl) -> None:
    """The pages that once lost them: the skip link and "Who to contact" lead somewhere."""
    for rel in ("404.html", "news/index.html", "news/archive/2026/index.html"):
        file = crawl.site / rel
        parsed = crawl.page(file)
        fragments = [a.split("#", 1)[1] for a in parsed.addresses if "#" in a]
        assert "main-content" in fragments and "main-content" in parsed.ids, rel
        assert "worried-about-a-child" in fragments and "worried-about-a-child" in parsed.ids, rel


def test_news_sitemap_is_a_sitemap_of_the_news(built_site: Path) -> None:
    """Material fetches sitemap.xml beside the feed link on every page: it is there, and lists the news."""
    sitemap = (built_site / "news" / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap)
    assert locs and all("/news/" in loc for loc in locs)
    assert _site_url().rstrip("/") + "/news/" in locs

