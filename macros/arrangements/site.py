"""The public pages of each partnership: overview, structure, groups,
scrutiny and funding, versions; plus the list of partnerships for the home page.

Every page leads with what its reader came for, in plain English, and
shows a field the source leaves blank as *To be confirmed*.
"""

from __future__ import annotations

from collections.abc import Iterator

from .dataset import Dataset, Partnership, Version
from .diagrams import KIND_LABELS, structure_mermaid, structure_outline
from .model import Arrangements, Chair, Group, Person
from .pages import Page, call, page_maker, renderer
from .text import TBC, block, bullet_list, escape, inline, link, or_tbc

STATUS_LABELS = {
    "in-force": "In force",
    "proposed": "Proposed",
    "draft": "Draft",
    "superseded": "Replaced by a later version",
}
KIND_OF_PARTNERSHIP = {
    "children": "Safeguarding children partnership",
    "adults": "Safeguarding adults partnership",
    "combined": "Children and adults safeguarding partnership",
    "multi-area": "Arrangement joining several areas",
}
SECTOR_LABELS = {"local-authority": "Local authority", "health": "Integrated Care Board (NHS)", "police": "Police"}


# --- Where things live -------------------------------------------------------

def base(partnership: Partnership, version: Version) -> str:
    """Folder of a version's pages: `southampton/` or `southampton/versions/2024/`."""
    if version is partnership.current:
        return f"{partnership.id}/"
    return f"{partnership.id}/versions/{version.id}/"


def to_root(uri: str) -> str:
    """Relative path from a page to the site root."""
    return "../" * uri.count("/")


def _version(dataset: Dataset, pid: str, version_id: str | None) -> tuple[Partnership, Version]:
    partnership = dataset.partnerships[pid]
    if version_id is None:
        return partnership, partnership.current
    return partnership, next(v for v in partnership.versions if v.id == version_id)


# --- Page makers ------------------------------------------------------------

@page_maker
def partnership_pages(dataset: Dataset) -> Iterator[Page]:
    for partnership in dataset.partnerships.values():
        for version in partnership.versions:
            yield from _version_pages(partnership, version)
        yield Page(f"{partnership.id}/versions.md", "Versions and sources",
                   call("versions", partnership.id) + _footer(partnership.id), partnership=partnership.id,
                   section=(partnership.data.name,), data_file=partnership.current.source_path, order=80)


def _version_pages(partnership: Partnership, version: Version) -> Iterator[Page]:
    folder = base(partnership, version)
    current = version is partnership.current
    # Why: only the current version is in the navigation; other versions are
    # reached from "Versions and sources", so readers never confuse them.
    section = (partnership.data.name,) if current else ()
    args = (partnership.id,) if current else (partnership.id, version.id)
    common = {"partnership": partnership.id, "data_file": version.source_path}
    data = version.arrangements
    overview_title = "Overview" if current else f"{data.short_name or data.name}: {version.label}"
    yield Page(f"{folder}index.md", overview_title, call("overview", *args) + _footer(partnership.id),
               section=section, order=0, **common)
    yield Page(f"{folder}structure.md", "Structure", call("structure", *args) + _footer(partnership.id),
               section=section, mermaid=True, order=10, **common)
    yield Page(f"{folder}governance.md", "Scrutiny, funding and reviews",
               call("governance", *args) + _footer(partnership.id), section=section, order=30, **common)
    for group in data.groups:
        yield Page(f"{folder}groups/{group.id}.md", group.name,
                   call("group", *args[:1], group.id, *args[1:]) + _footer(partnership.id),
                   section=(*section, "Groups") if section else (), order=20, **common)


def _footer(pid: str) -> str:
    return "\n\n" + call("page_history", pid)


# --- Shared wording --------------------------------------------------------

def person(value: Person | None) -> str:
    if value is None or not (value.name or value.role or value.organisation):
        return TBC
    parts = [f"**{inline(value.name)}**" if value.name else None, inline(value.role) if value.role else None,
             inline(value.organisation) if value.organisation else None]
    return ", ".join(p for p in parts if p)


def chair_text(chair: Chair | None, data: Arrangements) -> str:
    if chair is None:
        return TBC
    names = {p.id: p.organisation for p in data.partners}
    parts: list[str] = []
    who = [inline(x) for x in (chair.name, chair.role, chair.organisation) if x]
    if chair.name:
        who[0] = f"**{who[0]}**"
    if who:
        parts.append(", ".join(who))
    if chair.independent:
        parts.append("independent of the safeguarding partners")
    if chair.partner:
        parts.append(f"from {inline(names.get(chair.partner, chair.partner))}")
    if chair.rotates_between:
        between = " and ".join(inline(names.get(p, p)) for p in chair.rotates_between)
        parts.append(f"rotates between {between}")
    if chair.rotation:
        parts.append(inline(chair.rotation))
    text = "; ".join(parts) if parts else TBC
    if chair.note:
        text += f". {inline(chair.note)}"
    return text[0].upper() + text[1:] if text else text


def _not_current_banner(partnership: Partnership, version: Version, root: str) -> str:
    if version is partnership.current:
        if version.arrangements.status != "in-force":
            return ('!!! note "Published as a proposal"\n    These arrangements were published as a '
                    f"{STATUS_LABELS[version.arrangements.status].lower()} version. They are the latest "
                    "the partnership has published.\n\n")
        return ""
    current = partnership.current
    return (f'!!! warning "This is not the current version"\n    This is the '
            f"{STATUS_LABELS[version.arrangements.status].lower()} version *{inline(version.label)}*. "
            f"The current arrangements are [{inline(current.label)}]({root}{partnership.id}/index.md).\n\n")


def _root_for(partnership: Partnership, version: Version, depth: int = 0) -> str:
    return to_root(base(partnership, version)) + "../" * depth


# --- Renderers ---------------------------------------------------------------

@renderer("overview")
def overview(dataset: Dataset, pid: str, version_id: str | None = None) -> str:
    partnership, version = _version(dataset, pid, version_id)
    data = version.arrangements
    root = _root_for(partnership, version)
    out = [f"# {inline(data.name)}", "", _not_current_banner(partnership, version, root), block(data.summary), ""]
    out += [
        f"**{KIND_OF_PARTNERSHIP[data.kind]}** covering {inline(', '.join(data.areas))}. "
        f"Status: **{STATUS_LABELS[data.status]}**.", "",
        "## Who is accountable", "",
        "Each statutory safeguarding partner has a **lead safeguarding partner** (LSP), who is accountable, "
        "and may name a **delegated safeguarding partner** (DSP) to act for them.", "",
        "| Partner | Organisation | Lead safeguarding partner | Delegated safeguarding partner |",
        "| --- | --- | --- | --- |",
    ]
    for partner in data.partners:
        out.append(f"| {SECTOR_LABELS[partner.sector]} | {inline(partner.organisation)} | "
                   f"{person(partner.lead)} | {person(partner.delegate)} |")
    if not data.partners:
        out.append(f"| {TBC} | | | |")
    out += ["", "## Who chairs the partnership", "", chair_text(data.chair, data), ""]
    out += _area_section(dataset, partnership, data, root)
    out += ["## Key dates", "", "| | |", "| --- | --- |",
            f"| Agreed | {or_tbc(data.dates.agreed)} |",
            f"| Takes effect | {or_tbc(data.dates.effective)} |",
            f"| Next review | {or_tbc(data.dates.next_review)} |", ""]
    if data.principles:
        out += ["## How the partners work together", "", bullet_list(data.principles), ""]
    if data.objectives:
        out += ["## What the arrangements aim to achieve", "", bullet_list(data.objectives), ""]
    if data.priorities:
        out += ["## Priorities", ""]
        out += [f"- **{inline(p.title)}**" + (f" ({inline(p.years)})" if p.years else "")
                + (f": {inline(p.description)}" if p.description else "") for p in data.priorities]
        out.append("")
    out += ["## Find out more", "",
            "- [How the partnership is organised](structure.md): a chart and the same in words",
            "- [Scrutiny, funding and reviews of serious incidents](governance.md)"]
    if version is partnership.current:
        out += [f"- [For agencies]({root}{pid}/for-agencies.md): which organisations must take part, "
                "and how they are represented",
                f"- [Versions and sources]({root}{pid}/versions.md)"]
        news = dataset_news(dataset, pid)
        if news:
            out += ["", "## Latest news", "", news]
    return "\n".join(out) + "\n"


def dataset_news(dataset: Dataset, pid: str) -> str:
    from .pages import render

    return render(dataset, "latest_news", pid, page_uri=f"{pid}/index.md").strip()


def _area_section(dataset: Dataset, partnership: Partnership, data: Arrangements, root: str) -> list[str]:
    out = ["## Area covered", "", bullet_list(data.areas), ""]
    if data.members:
        out += ["### Member partnerships", ""]
        for member in data.members:
            name = inline(member.name)
            if member.partnership and member.partnership in dataset.partnerships:
                name = f"[{name}]({root}{member.partnership}/index.md)"
            out.append(f"- {name}" + (f" ({inline(member.area)})" if member.area else ""))
        shared = [g for g in data.groups]
        out += ["", "### Shared groups", "", "These groups work across all the member areas:", ""]
        out += [f"- [{inline(g.name)}](groups/{g.id}.md)" for g in shared]
        out.append("")
    for ref in data.multi_area:
        other = dataset.partnerships.get(ref)
        if other:
            out += [f"This partnership is part of [{inline(other.data.name)}]({root}{ref}/index.md) "
                    f"({inline(other.data.short_name or '')}), which joins several areas for shared work.", ""]
    return out


@renderer("structure")
def structure(dataset: Dataset, pid: str, version_id: str | None = None) -> str:
    partnership, version = _version(dataset, pid, version_id)
    data = version.arrangements
    root = _root_for(partnership, version)
    return "\n".join([
        f"# How {inline(data.short_name or data.name)} is organised", "",
        _not_current_banner(partnership, version, root),
        "The chart shows each group and who it reports to. Arrows point upwards, from a group to the group "
        "it reports to. The same information is written out in words below the chart.", "",
        chart_with_words(dataset, partnership, version, root, "groups"),
    ])


@renderer("structure_chart")
def structure_chart(dataset: Dataset, pid: str, page_uri: str) -> str:
    """The chart and its words for any page, e.g. a news post (`{{ structure_chart('pid') }}`)."""
    partnership = dataset.partnerships[pid]
    root = to_root(page_uri)
    return chart_with_words(dataset, partnership, partnership.current, root, f"{root}{pid}/groups")


def chart_with_words(dataset: Dataset, partnership: Partnership, version: Version, root: str, local: str) -> str:
    """One graph drawn twice: the Mermaid chart and, right after it, the same in words."""
    data = version.arrangements
    chart = structure_mermaid(dataset, partnership, version)
    outline = structure_outline(dataset, partnership, version, root=root, local=local)
    caption = f"structure-chart-{partnership.id}"
    return "\n".join([
        f'<figure class="structure-chart" aria-labelledby="{caption}" markdown>',
        "", "``` mermaid", chart, "```", "",
        f'<figcaption id="{caption}">Structure chart of {escape(data.name)}. '
        'A text version follows under "Structure in words".</figcaption>',
        "</figure>", "",
        "## Structure in words", "",
        outline, "",
        "Groups with a rounded outline belong to another partnership. A dashed outline means the group is "
        "planned or proposed.", "",
    ]) + "\n"


@renderer("group")
def group_page(dataset: Dataset, pid: str, group_id: str, version_id: str | None = None) -> str:
    partnership, version = _version(dataset, pid, version_id)
    data = version.arrangements
    group = next(g for g in data.groups if g.id == group_id)
    root = _root_for(partnership, version, depth=1)
    out = [f"# {inline(group.name)}", "", _not_current_banner(partnership, version, root)]
    out += [f"*{KIND_LABELS[group.kind]} of [{inline(data.short_name or data.name)}](../index.md)*", ""]
    if group.status != "active":
        when = f" from {inline(group.live_from)}" if group.live_from else ""
        out += [f'!!! info "{escape(group.status.capitalize())}"',
                f"    This group is {escape(group.status)}{when}.", ""]
    out += ["## Purpose", "", block(group.purpose), ""]
    if group.responsibilities:
        out += ["## What the group does", "", bullet_list(group.responsibilities), ""]
    out += ["## Terms of reference", "", "| | |", "| --- | --- |",
            f"| Chair | {chair_text(group.chair, data)} |",
            f"| Vice chair | {chair_text(group.vice_chair, data) if group.vice_chair else 'None named'} |",
            f"| Members | {'; '.join(inline(m) for m in group.membership) if group.membership else TBC} |",
            f"| How often it meets | {inline(group.frequency.label) if group.frequency else TBC} |",
            f"| Quorum (when it can make decisions) | {or_tbc(group.quorum)} |",
            f"| Reports to | {_reports_to(dataset, partnership, group, root)} |"]
    if group.joint_with:
        out.append(f"| Shared with | {', '.join(inline(j) for j in group.joint_with)} |")
    out.append("")
    reporting = [g for g in data.groups if group.id in g.reports_to]
    if reporting:
        out += ["## Groups that report to it", "", *[f"- [{inline(g.name)}]({g.id}.md)" for g in reporting], ""]
    agencies = [a for a in data.relevant_agencies if group.id in a.groups]
    if agencies:
        out += ["## Relevant agencies that attend", "",
                *[f"- {inline(a.name)}: {or_tbc(a.represented_by)}" for a in agencies], ""]
    if group.note:
        out += ["## Note", "", block(group.note), ""]
    return "\n".join(out) + "\n"


def _reports_to(dataset: Dataset, partnership: Partnership, group: Group, root: str) -> str:
    if not group.reports_to:
        return "No other group: this is the top of the structure"
    links = []
    for ref in group.reports_to:
        owner, target = dataset.resolve_group(partnership.id, ref)
        name = inline(target.name if target else ref)
        if owner == partnership.id:
            links.append(f"[{name}]({ref}.md)")
        else:
            other = dataset.partnerships[owner].data
            links.append(f"[{name}]({root}{owner}/groups/{ref.rpartition('/')[2]}.md) "
                         f"({inline(other.short_name or other.name)})")
    return " and ".join(links)


TIMELINES = [
    ("Tell the national Child Safeguarding Practice Review Panel about a serious incident", "within 5 working days"),
    ("Finish a rapid review", "within 15 working days of the notification"),
    ("Publish a local child safeguarding practice review", "within 6 months of deciding to hold one"),
]
TOPIC_HEADINGS = [
    ("case_reviews", "Serious incidents and case reviews"),
    ("data_and_assurance", "Data, audits and quality assurance"),
    ("training", "Training and learning"),
    ("voice_of_children", "Listening to children and families"),
    ("education", "Schools, colleges and early years"),
    ("youth_custody", "Youth custody and residential settings"),
    ("thresholds_and_information_sharing", "Levels of need and information sharing"),
    ("dispute_resolution", "When agencies disagree"),
    ("review_and_reporting", "Reviewing the arrangements and the yearly report"),
]


@renderer("governance")
def governance(dataset: Dataset, pid: str, version_id: str | None = None) -> str:
    partnership, version = _version(dataset, pid, version_id)
    data = version.arrangements
    out = ["# Scrutiny, funding and reviews", "", _not_current_banner(partnership, version, _root_for(
        partnership, version)), "## Independent scrutiny", ""]
    if data.scrutiny:
        out += [f"**Who:** {person(data.scrutiny.by)}", "", block(data.scrutiny.arrangements), ""]
        if data.scrutiny.activities:
            out += ["What the scrutineer does:", "", bullet_list(data.scrutiny.activities), ""]
    else:
        out += [TBC, ""]
    out += ["## Funding", ""]
    if data.funding:
        names = {p.id: p.organisation for p in data.partners}
        out += [block(data.funding.model), ""]
        if data.funding.contributors:
            out += ["Contributors: " + ", ".join(inline(names.get(c, c)) for c in data.funding.contributors) + ".", ""]
        if data.funding.other_support:
            out += ["Other support:", "", bullet_list(data.funding.other_support), ""]
        if data.funding.budget_published_in:
            out += [f"The figures are published in {inline(data.funding.budget_published_in)}.", ""]
    else:
        out += [TBC, ""]
    for field, heading in TOPIC_HEADINGS:
        out += [f"## {heading}", "", block(getattr(data.topics, field)), ""]
        if field == "case_reviews":
            out += ["The national timescales are:", "", "| Step | Timescale |", "| --- | --- |",
                    *[f"| {step} | {when} |" for step, when in TIMELINES], ""]
    return "\n".join(out) + "\n"


@renderer("versions")
def versions(dataset: Dataset, pid: str) -> str:
    partnership = dataset.partnerships[pid]
    out = [f"# Versions and sources: {inline(partnership.data.short_name or partnership.data.name)}", "",
           "Arrangements change over time. The current version is the one the site shows by default.", "",
           "| Version | Status | Agreed | Takes effect | |", "| --- | --- | --- | --- | --- |"]
    for version in reversed(partnership.versions):
        data = version.arrangements
        folder = base(partnership, version).removeprefix(f"{pid}/")
        mark = " **(current)**" if version is partnership.current else ""
        out.append(f"| [{inline(version.label)}]({folder}index.md){mark} | {STATUS_LABELS[data.status]} | "
                   f"{or_tbc(data.dates.agreed)} | {or_tbc(data.dates.effective)} | "
                   f"{inline(data.name)} |")
    if len(partnership.versions) > 1:
        out += ["", "[What changed between versions](changes.md)"]
    out += ["", "## Source documents", ""]
    for version in reversed(partnership.versions):
        for source in version.arrangements.sources:
            bits = [f"*{inline(source.title)}*"]
            bits += [inline(x) for x in (source.publisher, source.date) if x]
            if source.url:
                bits.append(link("online", source.url))
            out.append(f"- {', '.join(bits)} (used for {inline(version.label)})")
    return "\n".join(out) + "\n"


@page_maker
def all_partnerships_page(dataset: Dataset) -> Iterator[Page]:
    yield Page("partnerships.md", "All partnerships", "# All partnerships\n\n" + call("partnership_list"),
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
                f"{KIND_OF_PARTNERSHIP[data.kind].lower()}, {inline(', '.join(data.areas))}")

    for pid, partnership in sorted(dataset.partnerships.items()):
        if partnership.data.kind == "multi-area":
            out.append(line(pid))
            for member in partnership.data.members:
                if member.partnership in dataset.partnerships:
                    out.append(line(member.partnership, 1))
                else:
                    out.append(f"    - {inline(member.name)} (not on this site)")
    for pid in sorted(dataset.partnerships):
        if pid not in listed:
            out.append(line(pid))
    return "\n".join(out) + "\n"
