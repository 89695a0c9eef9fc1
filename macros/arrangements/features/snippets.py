"""Pieces a hand-written page can show: a partnership's contacts and its latest yearly report.

Why: the comms team writes some pages by hand (a campaign, a news post, a
page about a local service) and wants the facts the data already holds,
kept up to date by the data, not copied. Each is a renderer, so a page calls
it as a macro: `{{ contacts('southampton') }}`, `{{ latest_report('southampton') }}`
(see docs/contributing.md); both engines run the macros.
"""

from __future__ import annotations

from arrangements.data.dataset import Dataset
from arrangements.features.agencies import rel
from arrangements.rendering.pages import renderer
from arrangements.rendering.text import inline, link
from arrangements.rendering.wording import contacts_shown


@renderer("contacts")
def contacts(dataset: Dataset, pid: str) -> str:
    """Who to call about a child in this area, most urgent first, as the help panel lists them."""
    data = dataset.partnerships[pid].data
    lines = []
    for contact in contacts_shown(data):
        how = link(contact.phone, f"tel:{contact.phone.replace(' ', '')}") if contact.phone else link(
            "website", contact.url)
        hours = f" ({inline(contact.hours)})" if contact.hours else ""
        lines.append(f"- **{inline(contact.name)}**: {how}{hours}")
    if not lines:
        return f"*The contacts of {inline(data.name)} are to be confirmed.*\n"
    return "\n".join(lines) + "\n"


@renderer("latest_report")
def latest_report(dataset: Dataset, pid: str, page_uri: str = "index.md") -> str:
    """A link to the partnership's newest yearly report, or a sentence saying there is none yet."""
    partnership = dataset.partnerships[pid]
    if not partnership.reports:
        return f"{inline(partnership.data.name)} has not published a yearly report on this site yet.\n"
    year = max(partnership.reports)
    address = rel(f"{pid}/reports/{year}.md", page_uri)
    return f"[Yearly report {inline(year)}]({address}): {inline(partnership.reports[year].summary)}\n"
