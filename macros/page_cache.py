"""Generated pages kept between `mkdocs serve` rebuilds, reused when nothing they show changed.

Why: saving one data file makes MkDocs rebuild the whole site, but a
one-line change alters only a few pages. Turning each page's Markdown into
HTML and filling the theme template were two thirds of a rebuild. For a
generated page whose Markdown, menu, links and site settings are all as
they were, both steps give the same result as last time, so that result is
used again. A test checks that a rebuild from the cache is byte for byte
the same as a fresh build.

Only `mkdocs serve` uses it; `mkdocs build` (CI, publishing) renders every
page. A build that logged any warning stores nothing, so a preview never
hides a problem the last build reported. Like template_cache, this module
is imported once per process and outlives the hooks module, which MkDocs
loads again on each rebuild.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from types import MethodType
from typing import Any

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

# The stand-in template for a reused page prints this context variable, the stored HTML.
STORED = "arrangements_stored_page"
STAND_IN = "{{ arrangements_stored_page }}"


@dataclass(frozen=True)
class _Rendered:
    """What `Page.render` leaves on a page, with linked files named by path."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str] | None
    links: dict[str, dict[str, str]] | None


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class _Build:
    """One build's view: what the keys share, and what it would store."""

    site: str
    files: str = ""
    nav: str = ""
    rendered: dict[tuple, _Rendered] = field(default_factory=dict)
    html: dict[tuple, str] = field(default_factory=dict)
    entries: dict[tuple, list[dict]] = field(default_factory=dict)
    hits: dict[str, str] = field(default_factory=dict)  # src_uri -> stored HTML
    keys: dict[str, tuple] = field(default_factory=dict)  # src_uri -> HTML key
    warnings: _Warnings = field(default_factory=_Warnings)


class PageCache:
    def __init__(self) -> None:
        self.enabled = False
        self._rendered: dict[tuple, _Rendered] = {}
        self._html: dict[tuple, str] = {}
        self._entries: dict[tuple, list[dict]] = {}
        self._build: _Build | None = None
        self.last_reused = 0  # pages the last finished build took from the cache

    def start(self, command: str) -> None:
        """Called once per process: only `mkdocs serve` keeps pages, unless ARRANGEMENTS_PAGE_CACHE=off."""
        self.enabled = command == "serve" and os.environ.get("ARRANGEMENTS_PAGE_CACHE", "on") != "off"

    # -- one build ------------------------------------------------------

    def begin(self, config: MkDocsConfig) -> None:
        """Start a build: note the site settings every page's HTML depends on."""
        if not self.enabled:
            return
        self._build = _Build(site=_digest(Path(config.config_file_path).read_bytes(), repr(config.extra),
                                          repr(config.nav), _theme_stamp(config)))
        logging.getLogger("mkdocs").addHandler(self._build.warnings)
        for plugin in config.plugins.values():
            index = getattr(plugin, "search_index", None)
            if index is not None and hasattr(index, "add_entry_from_context"):
                index.add_entry_from_context = _cached_index(self, self._build, index)

    def files(self, files: Files) -> None:
        """Links are resolved against the site's files: a new or gone file re-renders every page."""
        if self._build:
            self._build.files = _digest(*sorted(f"{f.src_uri}>{f.dest_uri}" for f in files))

    def render_from_cache(self, page: Page) -> None:
        """Have `page.render` reuse the last HTML for the same Markdown and files."""
        if self._build:
            page.render = MethodType(_cached_render(self, self._build), page)  # type: ignore[method-assign]

    def pick_stored(self, pages: list[Page], candidates: list[Page], env: jinja2.Environment) -> None:
        """Before pages are written: candidates whose whole HTML is unchanged use a stand-in template.

        Every page's menu shows every page's title, so any title or front matter
        change anywhere renders every page afresh.
        """
        build = self._build
        if not build:
            return
        build.nav = _digest(*(f"{p.url}|{p.title}|{sorted(p.meta.items())!r}" for p in pages))
        stand_in = env.from_string(STAND_IN)
        for page in candidates:
            key = _html_key(page, build)
            build.keys[page.file.src_uri] = key
            html = self._html.get(key)
            if html is not None:
                build.hits[page.file.src_uri] = html
                build.html[key] = html
                page.meta["template"] = stand_in

    def context(self, context: dict[str, Any], page: Page) -> None:
        if self._build and page.file.src_uri in self._build.hits:
            context[STORED] = Markup(self._build.hits[page.file.src_uri])

    def written(self, page: Page, output: str) -> None:
        build = self._build
        if build and page.file.src_uri in build.keys and page.file.src_uri not in build.hits:
            build.html[build.keys[page.file.src_uri]] = output

    def end(self) -> int:
        """Keep this build's pages, unless it warned; how many were reused.

        Pages of older builds are dropped, so memory stays one site's worth.
        """
        build, self._build = self._build, None
        if not build:
            return 0
        logging.getLogger("mkdocs").removeHandler(build.warnings)
        self.last_reused = len(build.hits)
        if build.warnings.count == 0:
            self._rendered, self._html, self._entries = build.rendered, build.html, build.entries
        return self.last_reused

    def abandon(self) -> None:
        """A build that failed stores nothing."""
        if self._build:
            logging.getLogger("mkdocs").removeHandler(self._build.warnings)
        self._build = None


def _cached_render(cache: PageCache, build: _Build):
    def render(page: Page, config: MkDocsConfig, files: Files) -> None:
        key = (page.file.src_uri, _digest(page.markdown or ""), build.files, build.site)
        stored = cache._rendered.get(key)
        if stored is None:
            Page.render(page, config, files)
            stored = _Rendered(page.content or "", page.toc, page._title_from_render,
                               frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
                               _links_by_path(page.links_to_anchors))
        else:
            page.content, page.toc, page._title_from_render = stored.content, stored.toc, stored.title
            page.present_anchor_ids = set(stored.anchors) if stored.anchors is not None else None
            page.links_to_anchors = _links_by_file(stored.links, files)
        build.rendered[key] = stored

    return render


def _cached_index(cache: PageCache, build: _Build, index: Any):
    """Search entries: a reused page's are the ones stored with its HTML (a third of a rebuild)."""
    original = index.add_entry_from_context

    def add_entry_from_context(page: Page) -> None:
        uri = page.file.src_uri
        key = build.keys.get(uri)
        stored = cache._entries.get(key) if uri in build.hits else None
        if stored is None:
            start = len(index.entries)
            original(page)
            stored = [dict(entry) for entry in index.entries[start:]]
        else:
            index.entries.extend(dict(entry) for entry in stored)
        if key is not None:
            build.entries[key] = stored

    return add_entry_from_context


def _links_by_path(links: dict | None) -> dict[str, dict[str, str]] | None:
    return None if links is None else {file.src_uri: dict(anchors) for file, anchors in links.items()}


def _links_by_file(links: dict[str, dict[str, str]] | None, files: Files) -> dict | None:
    # Why: anchor checks look up the linked page through this build's File objects.
    if links is None:
        return None
    return {files.get_file_from_path(uri): dict(anchors) for uri, anchors in links.items()}


def _html_key(page: Page, build: _Build) -> tuple:
    return (page.file.src_uri, page.url, page.title, repr(sorted(page.meta.items())), page.edit_url,
            page.canonical_url, _digest(page.content or ""), build.nav, build.files, build.site)


def _theme_stamp(config: MkDocsConfig) -> str:
    """The theme overrides' file names, sizes and times: an edited template re-renders every page."""
    folder = config.theme.custom_dir
    if not folder:
        return ""
    stamps = []
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            info = path.stat()
            stamps.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(stamps)


def _digest(*parts: str | bytes) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.hexdigest()


PAGES = PageCache()
