"""The three shapes of site, chosen by the data (settings.shape): single, multi-area, directory.

A single partnership's site: the home page *is* the partnership (who to call
is in the help panel above it, then who is accountable, the latest news and
yearly report); no list of one partnership, and the navigation lists the
partnership's pages at the top level. A multi-area site keeps the list of
partnerships on the home page (docs/index.md); a directory also keeps each
partnership's pages out of the site menu, whatever the number.
"""

from __future__ import annotations

from typing import Any

from arrangements.data.dataset import Dataset
from arrangements.features.settings import home_partnership, shape
from arrangements.features.site import accountable_section, leadership_section
from arrangements.rendering.pages import COMPACT_NAV_ABOVE, NavItem, Page, render
from arrangements.rendering.text import block, inline

ALL_PARTNERSHIPS = "partnerships.md"


def site_pages(dataset: Dataset, pages: list[Page]) -> list[Page]:
    """The pages this shape publishes: a single partnership's site has no list of partnerships."""
    if home_partnership(dataset) is None:
        return pages
    return [p for p in pages if p.uri != ALL_PARTNERSHIPS]


def nav_size(dataset: Dataset) -> int:
    """The number `pages.navigation` compacts on: a directory is compact at any size."""
    return max(len(dataset.partnerships), COMPACT_NAV_ABOVE + 1) if shape(dataset) == "directory" else len(
        dataset.partnerships)


def site_nav(dataset: Dataset, nav: list[NavItem]) -> list[NavItem]:
    """A single partnership's navigation: its pages at the top level, no "Partnerships" section.

    Its overview is "About the partnership" (the home page is the partnership already), and its
    agencies page joins the site's "For agencies" section, so the menu has one "For agencies".
    """
    pid = home_partnership(dataset)
    if pid is None:
        return nav
    name = next((key for item in nav for key, value in item.items()
                 if isinstance(value, list) and _first_uri(value).startswith(f"{pid}/")), None)
    renamed = {f"{pid}/index.md": "About the partnership", f"{pid}/for-agencies.md": "Agencies named here"}
    agencies: list[NavItem] = []
    out: list[NavItem] = []
    for item in nav:
        (key, value), = item.items()
        if key == "Partnerships":
            continue
        if key != name:
            out.append(item)
            continue
        for entry in value:
            uri = _first_uri([entry])
            entry = {renamed[uri]: uri} if uri in renamed else entry
            (agencies if uri == f"{pid}/for-agencies.md" else out).append(entry)
    section = next((item for item in out if isinstance(item.get("For agencies"), list)), None)
    if section is not None:
        section["For agencies"][:0] = agencies
    else:
        out += agencies
    return out


def _first_uri(items: list[Any]) -> str:
    for item in items:
        for value in item.values():
            return value if isinstance(value, str) else _first_uri(value)
    return ""


def home_page(dataset: Dataset) -> str | None:
    """The Markdown of a single partnership's home page (index.md), or None for the other shapes."""
    pid = home_partnership(dataset)
    if pid is None:
        return None
    partnership = dataset.partnerships[pid]
    data = partnership.data
    root = f"{pid}/"
    # Why no title: the home page's browser tab then shows the site's name alone.
    out = ["---", "render_macros: false", "---", "", f"# {inline(data.name)}", "",
           block(data.summary), "",
           "**If a child is in immediate danger, call 999.** If you are worried about a child, the contacts at "
           "the top of every page tell you who to call.", ""]
    out += accountable_section(data, "")
    out += leadership_section(data)
    out += ["## Latest news", "", render(dataset, "latest_news", pid, page_uri="index.md").strip(), ""]
    out += ["## Yearly report", ""]
    if partnership.reports:
        year = max(partnership.reports)
        out += [f"The latest is [the yearly report {inline(year)}]({root}reports/{year}.md). "
                f"[Every yearly report]({root}reports/index.md).", ""]
    else:
        out += ["No yearly report is published on this site yet.", ""]
    out += ["## Find out more", "",
            f"- [About the partnership]({root}index.md): the areas it covers, key dates and priorities",
            f"- [How the partnership is organised]({root}structure.md): a chart and the same in words",
            f"- [Scrutiny, funding and case reviews]({root}governance.md)",
            f"- [For agencies]({root}for-agencies.md): which groups must take part, and how",
            "- [Words we use](glossary.md): what the terms on this site mean", ""]
    return "\n".join(out)
