"""What an engine needs from the core, as plain data: page files, help panels, hand-written pages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from arrangements.data.dataset import Dataset
from arrangements.data.news_check import CHART_CALL
from arrangements.rendering.pages import Page, call, expand, render
from arrangements.rendering.text import abbr_html, abbreviations, expand_abbreviations, spelled_out
from arrangements.rendering.wording import contacts_shown


def page_source(page: Page, dataset: Dataset, edit_base: str = "", words: dict[str, str] | None = None) -> str:
    """A generated page's Markdown: front matter, then its body, rendered.

    It is plain Markdown, never a template. No title in the front matter:
    the navigation gives listed pages their title; others take their H1.
    """
    meta: dict[str, Any] = dict(page.meta)
    if page.partnership:
        meta["partnership"] = page.partnership
    if page.mermaid:
        meta["mermaid"] = True
    if page.data_file:
        meta["data_file"] = page.data_file
    # Why always set: "Edit this page" opens the data file behind the page (overrides/partials/actions.html);
    # a page with no one file behind it has no edit button, never one opening generated Markdown.
    meta["edit_url"] = f"{edit_base}{page.data_file}" if edit_base and page.data_file else ""
    body = page.body
    if page.partnership and "/versions/" not in page.uri:
        body = (*call("partnership_menu", page.partnership, page.uri), "\n\n", *body)
    # Why JSON values: JSON is valid YAML, and writing it is ten times faster than a YAML dump.
    header = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    words = terms(dataset) if words is None else words  # Why a parameter: generate works them out once
    return "---\n" + header + "---\n\n" + expand_abbreviations(expand(dataset, body), words) + "\n"


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter with its `---` lines, the rest); no front matter gives ("", text)."""
    if text.startswith("---\n") and "\n---\n" in text[3:]:
        end = text.index("\n---\n", 3) + len("\n---\n")
        return text[:end], text[end:]
    return "", text


def handwritten_source(text: str, terms: dict[str, str]) -> str:
    """A hand-written page with each abbreviation spelled out at its first use, as on generated pages.

    The front matter is left as written; macro calls (`{{ ... }}`) are not running text, so they stay
    whole, and what they render is spelled out by the macro itself (engines/handwritten.py).
    """
    head, body = split_front_matter(text)
    return head + expand_abbreviations(body, terms)


def terms(dataset: Dataset) -> dict[str, str]:
    """The abbreviations spelled out at first use on each page: ours, and each partnership's short name."""
    names: dict[str, str] = {}
    for partnership in dataset.partnerships.values():
        for version in [partnership.current, *reversed(partnership.versions)]:
            data = version.arrangements
            if data.short_name and data.name:
                names.setdefault(data.short_name, data.name)
    return abbreviations(names)


def help_panels(dataset: Dataset) -> dict[str, dict[str, Any]]:
    """Each partnership's "Worried about a child?" contacts, for the theme."""
    panels = {}
    for pid, partnership in dataset.partnerships.items():
        data = partnership.data
        shown = contacts_shown(data)
        if shown:
            panels[pid] = {
                "name": data.short_name or data.name,
                # Why: the panel is the first place a page names the partnership, so its short name is spelled out.
                "area": spelled_out(data.short_name, data.name),
                "contacts": [c.model_dump(exclude_none=False) for c in shown],
            }
    from arrangements.features.settings import default_panel  # the site-wide panel comes from data/site/settings.yml

    panels = {**panels, **default_panel(dataset, panels)}
    # Why marked here: the panel is short on purpose, so an abbreviation in a contact's name ("NSPCC
    # helpline") gains its words as an <abbr>, and the theme shows this HTML instead of the plain name.
    words = terms(dataset)
    for panel in panels.values():
        panel["contacts"] = [{**contact, "name_html": abbr_html(contact["name"], words)}
                             for contact in panel["contacts"]]
    return panels


_TITLE = re.compile(r"^title:\s*(.+)$", re.MULTILINE)
_H1 = re.compile(r"^#\s+(.+)$", re.MULTILINE)


def handwritten_pages(docs: Path) -> list[tuple[str, str]]:
    """(title, uri) of the hand-written pages at the top of docs/, home first."""
    found: list[tuple[str, str]] = []
    from arrangements.features.settings import MAINTAINER_GUIDES  # kept in the repository, out of the public site

    for path in sorted(docs.glob("*.md")) + sorted(docs.glob("news/index.md")):
        if path.name in MAINTAINER_GUIDES:
            continue
        text = path.read_text(encoding="utf-8")
        match = _TITLE.search(text.split("\n---", 1)[0]) if text.startswith("---") else None
        match = match or _H1.search(text)
        title = match.group(1).strip().strip("\"'") if match else path.stem.replace("-", " ").capitalize()
        found.append((title, path.relative_to(docs).as_posix()))
    order = {"index.md": 0, "news/index.md": 1}
    return sorted(found, key=lambda item: (order.get(item[1], 2), item[0]))


def news_post_source(text: str, uri: str, dataset: Dataset) -> str:
    """A news post as an engine should build it: never a template, its one allowed chart drawn.

    Why here, for every engine: posts are text from the comms team, so `{{ config }}` in a post stays
    as written (`render_macros: false`); the one call a post may make, a structure chart on a line of
    its own (news_check.CHART_CALL), is recognised exactly and rendered now.
    """
    if not text.startswith("---\n"):
        return text
    def chart(match: re.Match[str]) -> str:
        if match.group(1) not in dataset.partnerships:  # a preview (ONLY=...) without that partnership
            return f"*The structure chart of {match.group(1)} is not part of this preview.*"
        return render(dataset, "structure_chart", match.group(1), uri)

    return "---\nrender_macros: false\n" + CHART_CALL.sub(chart, text[4:])
