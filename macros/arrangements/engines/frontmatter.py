"""What the MkDocs layer needs from the core, as plain data (no MkDocs imports)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from arrangements.data.dataset import Dataset
from arrangements.rendering.pages import Page, call, expand
from arrangements.rendering.text import abbreviations, expand_abbreviations, spelled_out


def page_source(page: Page, dataset: Dataset) -> str:
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
    body = page.body
    if page.partnership and "/versions/" not in page.uri:
        body = call("partnership_menu", page.partnership, page.uri) + "\n\n" + body
    # Why JSON values: JSON is valid YAML, and writing it is ten times faster than a YAML dump.
    header = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    return "---\n" + header + "---\n\n" + expand_abbreviations(expand(dataset, body), _terms(dataset)) + "\n"


def _terms(dataset: Dataset) -> dict[str, str]:
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
        # Why this order and filter: the most urgent number first, and never a blank where a number
        # goes; a contact with no phone shows its website, one with neither is left out.
        shown = sorted((c for c in data.contacts if c.phone or c.url), key=lambda c: URGENCY.index(c.kind))
        if shown:
            panels[pid] = {
                "name": data.short_name or data.name,
                # Why: the panel is the first place a page names the partnership, so its short name is spelled out.
                "area": spelled_out(data.short_name, data.name),
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
