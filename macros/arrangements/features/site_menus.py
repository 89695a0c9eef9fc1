"""The ways round the site: the list of every partnership, and each partnership's own menu.

- `partnerships.md`: "All partnerships", the list a multi-area or national site starts from;
- the menu at the top of each partnership's pages (Overview, Structure, ...), only the pages it has.
"""

from __future__ import annotations

from collections.abc import Iterator

from arrangements.data.dataset import Dataset
from arrangements.features.site import LIST_WORDS
from arrangements.rendering.pages import Page, call, page_maker, renderer
from arrangements.rendering.text import escape, inline
from arrangements.rendering.wording import (
    joined,
)


@page_maker
def all_partnerships_page(dataset: Dataset) -> Iterator[Page]:
    yield Page("partnerships.md", "All partnerships", ("# All partnerships\n\n", *call("partnership_list")),
               section=("Partnerships",), order=0)


MENU = [("index.md", "Overview"), ("structure.md", "Structure"), ("governance.md", "Scrutiny and funding"),
        ("for-agencies.md", "For agencies"), ("checklist.md", "Checklist"), ("reports/index.md", "Yearly reports"),
        ("changes.md", "What changed"), ("versions.md", "Versions")]


@renderer("partnership_menu")
def partnership_menu(dataset: Dataset, pid: str, page_uri: str) -> str:
    """A small in-page menu of the partnership's own pages (the site menu may not list them)."""
    partnership = dataset.partnerships[pid]
    here = page_uri.count("/")
    up = "../" * (here - 1)
    wanted = {"reports/index.md": bool(partnership.reports), "changes.md": len(partnership.versions) > 1}
    items = []
    for target, label in MENU:
        if not wanted.get(target, True):
            continue
        current = page_uri == f"{pid}/{target}"
        items.append(f"**{label}**" if current else f"[{label}]({up}{target})")
    name = inline(partnership.data.short_name or partnership.data.name)
    return (f'<nav class="partnership-menu" aria-label="{escape(partnership.data.name)} pages" markdown>\n'
            f"**{name}:** " + " · ".join(items) + "\n</nav>\n")


@renderer("partnership_list")
def partnership_list(dataset: Dataset) -> str:
    """For the home page: multi-area arrangements with their members, then the rest."""
    out: list[str] = []
    listed: set[str] = set()

    def line(pid: str, depth: int = 0) -> str:
        data = dataset.partnerships[pid].data
        listed.add(pid)
        return ("    " * depth + f"- [{inline(data.name)}]({pid}/index.md): "
                f"{LIST_WORDS[data.kind]} {inline(joined(data.areas))}.")

    for pid, partnership in sorted(dataset.partnerships.items()):
        if partnership.data.kind == "multi-area":
            out.append(line(pid))
            for member in partnership.data.members:
                if member.partnership in dataset.partnerships:
                    out.append(line(member.partnership, 1))
                else:
                    out.append(f"    - {inline(member.name)}. It is not on this site.")
    for pid in sorted(dataset.partnerships):
        if pid not in listed:
            out.append(line(pid))
    return "\n".join(out) + "\n"
