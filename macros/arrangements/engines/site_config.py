"""The site settings, turned into what the engines read: the generated config and a few files.

`arrangements generate` calls `apply` once it has written the pages. Only
the generated config changes, never `mkdocs.yml`: it inherits `mkdocs.yml`,
so every value here overrides the neutral one there. Only single values and
mappings are set, no lists: MkDocs replaces an inherited list, Zensical
appends to it, so a list would differ between the engines.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from arrangements.data.dataset import Dataset
from arrangements.engines.preview import preview
from arrangements.features.home import home_page, nav_size, site_nav, site_pages
from arrangements.features.redirects import write_redirects
from arrangements.features.settings import (
    ASSETS_DIR,
    MAINTAINER_GUIDES,
    Colours,
    custom_domain,
    home_partnership,
    settings_of,
)
from arrangements.rendering.pages import Page
from arrangements.rendering.text import escape

__all__ = ["apply", "nav_size", "site_dataset", "site_pages"]

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


def apply(engine: dict[str, Any], dataset: Dataset, docs: Path, pages: list[Page]) -> list[str]:
    """Put the settings into the engine config and `docs`; returns what to tell the person building."""
    settings = settings_of(dataset)
    notes: list[str] = []
    for guide in MAINTAINER_GUIDES:
        (docs / guide).unlink(missing_ok=True)
    engine["nav"] = site_nav(dataset, engine.get("nav", []))
    home = home_page(dataset)
    if home is not None:
        (docs / "index.md").write_text(home, encoding="utf-8")
    pid = home_partnership(dataset)
    name = settings.name or (dataset.partnerships[pid].data.name if pid else None)
    if name:
        engine["site_name"] = name
    if settings.address:
        engine["site_url"] = settings.address.rstrip("/") + "/"
    # Why always: mkdocs.yml's repository is the project's example; a site links only to its own.
    engine["repo_url"] = settings.repository.rstrip("/") + "/" if settings.repository else None
    if not settings.repository:
        engine["edit_uri"] = None  # no repository, no Edit button
    # Why escaped: the theme prints the footer line as HTML. No publisher: no line, rather than a guess.
    engine["copyright"] = f"Published by {escape(settings.publisher)}." if settings.publisher else ""
    theme: dict[str, Any] = engine.setdefault("theme", {})
    extra: dict[str, Any] = engine.setdefault("extra", {})
    assets = docs / ASSETS_OUT
    for field in ("logo", "favicon"):
        filename = getattr(settings, field)
        if filename:
            assets.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(dataset.root / ASSETS_DIR / filename, assets / filename)
            theme[field] = f"{ASSETS_OUT}/{filename}"
    if settings.colours:
        assets.mkdir(parents=True, exist_ok=True)
        (assets / "colours.css").write_text(colours_css(settings.colours), encoding="utf-8")
        extra["site_colours"] = f"{ASSETS_OUT}/colours.css"
    if settings.quick_exit:
        extra["quick_exit_url"] = settings.quick_exit
    if settings.short_name:
        extra["short_name"] = settings.short_name
    domain = custom_domain(settings.address)
    if domain:
        (docs / "CNAME").write_text(domain + "\n", encoding="utf-8")
        notes.append(f"Custom domain {domain}: wrote CNAME")
    for old, new in write_redirects(dataset, pages, docs, engine.get("site_url")).items():
        notes.append(f"Redirect /{old} → /{new}")
    return notes
