"""The site settings, turned into what the engines read: the generated config and a few files.

`arrangements generate` calls `site_files` on the files it is about to write
and `site_engine` on the engine config. Only the generated config changes,
never `mkdocs.yml`: it inherits `mkdocs.yml`, so every value here overrides
the neutral one there. Only single values and mappings are set, no lists:
MkDocs replaces an inherited list, Zensical appends to it, so a list would
differ between the engines.
"""

from __future__ import annotations

from typing import Any

from arrangements import REPO
from arrangements.data.dataset import Dataset
from arrangements.engines.frontmatter import handwritten_pages
from arrangements.engines.preview import preview
from arrangements.features.home import ALL_PARTNERSHIPS, home_page, nav_size, site_nav
from arrangements.features.redirects import page_html, redirects
from arrangements.features.settings import (
    ASSETS_DIR,
    MAINTAINER_GUIDES,
    Colours,
    custom_domain,
    home_partnership,
    settings_of,
)
from arrangements.rendering import pages as registry
from arrangements.rendering.pages import Page
from arrangements.rendering.text import escape

__all__ = ["site_dataset", "site_engine", "site_files", "source_settings"]

ASSETS_OUT = "assets/site"   # where the logo, favicon and colours go in the built site


def colours_css(colours: Colours) -> str:
    """CSS custom properties for the theme. Every value is a checked `#rrggbb` (settings.Colour)."""
    light: list[str] = []
    dark: list[str] = []
    if colours.header:
        for name in ("--md-primary-fg-color", "--md-primary-fg-color--light", "--md-primary-fg-color--dark"):
            light.append(f"{name}: {colours.header};")
    if colours.header_text:
        light += [f"--md-primary-bg-color: {colours.header_text};",
                  f"--md-primary-bg-color--light: {colours.header_text};"]
    if colours.link:
        light += [f"--md-typeset-a-color: {colours.link};", f"--md-accent-fg-color: {colours.link};"]
    if colours.link_dark:
        dark += [f"--md-typeset-a-color: {colours.link_dark};", f"--md-accent-fg-color: {colours.link_dark};"]
    # Why `body[...]` and three attributes for dark: Material sets these per palette with two attributes.
    out = ["/* Written by `arrangements generate` from data/site/settings.yml; do not edit. */"]
    if light:
        out.append("body[data-md-color-primary], body[data-md-color-scheme][data-md-color-primary] {\n  "
                   + "\n  ".join(light) + "\n}")
    header_dark = [line for line in light if not line.startswith(("--md-typeset-a-color", "--md-accent-fg-color"))]
    if dark or header_dark:
        out.append('body[data-md-color-scheme="slate"][data-md-color-primary] {\n  '
                   + "\n  ".join(header_dark + dark) + "\n}")
    return "\n".join(out) + "\n"


def site_dataset(dataset: Dataset) -> Dataset:
    """The partnerships the settings name (`partnerships:`), with those they link to so every link works."""
    wanted = [pid for pid in settings_of(dataset).partnerships if pid in dataset.partnerships]
    if not wanted or set(wanted) == set(dataset.partnerships):
        return dataset
    return preview(dataset, wanted)


def source_settings(dataset: Dataset) -> dict[str, Any]:
    """What the page files take from the settings: the address, the repository (edit links), the feed's title."""
    settings = settings_of(dataset)
    out: dict[str, Any] = {"repo_url": _repository(settings.repository)}
    if settings.address:
        out["site_url"] = settings.address.rstrip("/") + "/"
    name = settings.short_name or site_name(dataset)
    if name:
        out["site_name"] = name
    return out


def _repository(url: str | None) -> str | None:
    return url.rstrip("/") + "/" if url else None


def site_name(dataset: Dataset) -> str | None:
    pid = home_partnership(dataset)
    return settings_of(dataset).name or (dataset.partnerships[pid].data.name if pid else None)


def site_files(dataset: Dataset, files: dict[str, bytes], pages: list[Page]) -> list[str]:
    """Put the settings into the files the engine builds from; returns what to tell the person building."""
    settings = settings_of(dataset)
    notes: list[str] = []
    for guide in MAINTAINER_GUIDES:
        files.pop(guide, None)
    if home_partnership(dataset):
        files.pop(ALL_PARTNERSHIPS, None)
        files["index.md"] = (home_page(dataset) or "").encode("utf-8")
    for field in ("logo", "favicon"):
        filename = getattr(settings, field)
        if filename:
            files[f"{ASSETS_OUT}/{filename}"] = (dataset.root / ASSETS_DIR / filename).read_bytes()
    if settings.colours:
        files[f"{ASSETS_OUT}/colours.css"] = colours_css(settings.colours).encode("utf-8")
    domain = custom_domain(settings.address)
    if domain:
        files["CNAME"] = f"{domain}\n".encode()
        notes.append(f"Custom domain {domain}: wrote CNAME")
    site_url = source_settings(dataset).get("site_url")
    for old, new in redirects(dataset, pages).items():
        # Why only where nothing else is: a hand-written file at that address wins.
        files.setdefault(f"{old}index.html", page_html(old, new, site_url).encode("utf-8"))
        notes.append(f"Redirect /{old} → /{new}")
    return notes


def site_engine(engine: dict[str, Any], dataset: Dataset, pages: list[Page]) -> None:
    """Put the settings and the navigation of `pages` (those the site publishes) into the engine config:
    only single values and mappings (see the module's note)."""
    settings = settings_of(dataset)
    engine["nav"] = site_nav(dataset, registry.navigation(pages, handwritten_pages(REPO / "docs"),
                                                          nav_size(dataset)))
    name = site_name(dataset)
    if name:
        engine["site_name"] = name
    if settings.address:
        engine["site_url"] = settings.address.rstrip("/") + "/"
    # Why always: mkdocs.yml's repository is the project's example; a site links only to its own.
    engine["repo_url"] = _repository(settings.repository)
    if not settings.repository:
        engine["edit_uri"] = None  # no repository, no Edit button
    # Why escaped: the theme prints the footer line as HTML. No publisher: no line, rather than a guess.
    engine["copyright"] = f"Published by {escape(settings.publisher)}." if settings.publisher else ""
    theme: dict[str, Any] = engine.setdefault("theme", {})
    extra: dict[str, Any] = engine.setdefault("extra", {})
    for field in ("logo", "favicon"):
        if getattr(settings, field):
            theme[field] = f"{ASSETS_OUT}/{getattr(settings, field)}"
    if settings.colours:
        extra["site_colours"] = f"{ASSETS_OUT}/colours.css"
    if settings.quick_exit:
        extra["quick_exit_url"] = settings.quick_exit
