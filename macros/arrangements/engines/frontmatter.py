"""What an engine needs from the core, as plain data: page files, help panels, hand-written pages."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from arrangements.data.dataset import Dataset
from arrangements.rendering.pages import Page, call, expand


def page_source(page: Page, dataset: Dataset, edit_base: str = "") -> str:
    """A generated page's Markdown: front matter, then its body, rendered.

    `render_macros: false` tells the macros plugin to leave the page alone:
    it is already plain Markdown. No title in the front matter: the
    navigation gives listed pages their title; others take their H1.
    """
    meta: dict[str, Any] = {"render_macros": False, **page.meta}
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
    return "---\n" + header + "---\n\n" + expand(dataset, body) + "\n"


def help_panels(dataset: Dataset) -> dict[str, dict[str, Any]]:
    """Each partnership's "Worried about a child?" contacts, for the theme."""
    panels = {}
    for pid, partnership in dataset.partnerships.items():
        data = partnership.data
        # Why this order and filter: the most urgent number first, and never a blank where a number
        # goes; a contact with no phone shows its website, one with neither is left out.
        shown = sorted((c for c in data.contacts if c.phone or c.url), key=lambda c: URGENCY.index(c.kind))
        if shown:
            panels[pid] = {
                "name": data.short_name or data.name,
                "contacts": [c.model_dump(exclude_none=False) for c in shown],
            }
    return panels


URGENCY = ["emergency", "front-door", "out-of-hours", "police-non-emergency", "helpline", "other"]


_TITLE = re.compile(r"^title:\s*(.+)$", re.MULTILINE)
_H1 = re.compile(r"^#\s+(.+)$", re.MULTILINE)


def handwritten_pages(docs: Path) -> list[tuple[str, str]]:
    """(title, uri) of the hand-written pages at the top of docs/, home first."""
    found: list[tuple[str, str]] = []
    for path in sorted(docs.glob("*.md")) + sorted(docs.glob("news/index.md")):
        text = path.read_text(encoding="utf-8")
        match = _TITLE.search(text.split("\n---", 1)[0]) if text.startswith("---") else None
        match = match or _H1.search(text)
        title = match.group(1).strip().strip("\"'") if match else path.stem.replace("-", " ").capitalize()
        found.append((title, path.relative_to(docs).as_posix()))
    order = {"index.md": 0, "news/index.md": 1}
    return sorted(found, key=lambda item: (order.get(item[1], 2), item[0]))
