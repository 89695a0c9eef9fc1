"""The public pages of each partnership: overview, structure, groups,
scrutiny and funding, versions; plus the list of partnerships for the home page.

Every page leads with what its reader came for, in plain English, and
shows a field the source leaves blank as *To be confirmed*.
"""

from __future__ import annotations

from collections.abc import Iterator

from arrangements.data.dataset import Dataset, Partnership, Version
from arrangements.data.model import Arrangements
from arrangements.features.documents import arrangements_stem
from arrangements.features.documents_build import download_section
from arrangements.rendering.dates import date_or_tbc, long_date, today
from arrangements.rendering.pages import Body, Page, call, page_maker, renderer
from arrangements.rendering.text import TBC, block, bullet_list, escape, facts, inline, link
from arrangements.rendering.wording import (
    SECTOR_LABELS,
    body_name,
    dated,
    joined,
    partner_name,
    post_text,
    posts_history,
    posts_now,
)

STATUS_LABELS = {
    "in-force": "In force",
    "proposed": "Proposed",
    "draft": "Draft",
    "superseded": "Replaced by a later version",
}
# How the home page's list describes each kind, before its areas: "covers Southampton."
LIST_WORDS = {"children": "for children in", "adults": "for adults in", "combined": "for children and adults in",
              "multi-area": "joins up"}
KIND_OF_PARTNERSHIP = {
    "children": "Safeguarding children partnership",
    "adults": "Safeguarding adults partnership",
    "combined": "Children and adults safeguarding partnership",
    "multi-area": "Arrangement joining several areas",
}


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


def _footer(pid: str) -> Body:
    return ("\n\n", *call("page_history", pid))


# --- Shared wording --------------------------------------------------------

def history_block(title: str, lines: list[str]) -> list[str]:
    """Earlier holders of a post, one click away (a closed <details> block)."""
    if not lines:
        return []
    return [f'??? note "{escape(title)}"', *[f"    {line}" for line in lines], ""]


def _not_current_banner(partnership: Partnership, version: Version, root: str) -> str:
    if version is partnership.current:
        if version.arrangements.status != "in-force":
            return ('!!! note "Published as a proposal"\n    These arrangements were published as a '
                    f"{STATUS_LABELS[version.arrangements.status].lower()} version. They are the latest "
                    "the partnership has published.\n\n")
        return ""
    current = partnership.current
    link = f"[{inline(current.label)}]({root}{partnership.id}/index.md)"
    if partnership.versions.index(version) > partnership.versions.index(current):
        sentence = (f"This is a {STATUS_LABELS[version.arrangements.status].lower()} version of the arrangements. "
                    f"It is not in force: the arrangements in force are {link}.")
    else:
        later = partnership.versions[partnership.versions.index(version) + 1].arrangements.dates
        end = long_date(later.effective or later.agreed)
        until = f", in force until {end}" if end else ""
        sentence = f"This is an earlier version of the arrangements{until}. The current arrangements are {link}."
    return f'!!! warning "This is not the current version"\n    {sentence}\n\n'


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
        f"**{KIND_OF_PARTNERSHIP[data.kind]}** covering {inline(joined(data.areas))}. "
        f"Status: **{STATUS_LABELS[data.status]}**.", "",
    ]
    current = version is partnership.current
    out += download_section(dataset, pid, [(arrangements_stem(version.id),
                                           "the arrangements" if current else version.label)],
                            f"{base(partnership, version)}index.md",
                            "The same arrangements as a document, to print or to take through your own sign-off:")
    if data.also_acts_as:
        out += [f"The partnership also acts as {inline(joined(data.also_acts_as))}.", ""]
    if data.former_names:
        out += ["Earlier names: " + "; ".join(dated(inline(f.name), f.from_, f.until, f.note)
                                              for f in data.former_names) + ".", ""]
    out += accountable_section(data, root)
    out += leadership_section(data)
    out += _area_section(dataset, partnership, data, root)
    agreed = date_or_tbc(data.dates.agreed)
    if data.dates.agreed is None and data.dates.agreed_undated:
        agreed = "The partners agreed them; the date is not given"
    out += ["## Key dates", "", facts([("Date agreed", agreed),
                                      ("Takes effect", date_or_tbc(data.dates.effective)),
                                      ("Next review", date_or_tbc(data.dates.next_review))])]
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
            "- [Scrutiny, funding and case reviews](governance.md)",
            f"- [Words we use]({root}glossary.md): what the terms on this site mean"]
    if version is partnership.current:
        out += [f"- [For agencies]({root}{pid}/for-agencies.md): which groups must take part, and how",
                f"- [Versions and sources]({root}{pid}/versions.md)"]
        news = dataset_news(dataset, pid)
        if news:
            out += ["", "## Latest news", "", news]
    return "\n".join(out) + "\n"


def accountable_section(data: Arrangements, root: str) -> list[str]:
    """The partners, their lead and delegated partners today, notes, and who signed the arrangements off."""
    now = today()
    out = ["## Who is accountable", "",
           "The safeguarding partners share the duty to keep children safe here. The head of each one is its "
           f"[lead safeguarding partner]({root}glossary.md#lsp) (LSP). They answer for the work. Each may name a "
           f"[delegated safeguarding partner]({root}glossary.md#dsp) (DSP) to act for them.", "",
           "| Partner | Organisation | Lead safeguarding partner | Delegated safeguarding partner |",
           "| --- | --- | --- | --- |"]
    for partner in data.partners:
        out.append(f"| {SECTOR_LABELS[partner.sector]} | {inline(partner.organisation)} | "
                   f"{posts_now(partner.lead, data, now, 'lead')} | "
                   f"{posts_now(partner.delegate, data, now, 'delegate')} |")
    if not data.partners:
        out.append(f"| {TBC} | {TBC} | {TBC} | {TBC} |")
    out.append("")
    notes = [f"- {inline(partner_name(data, p.id))}: services delivered by {inline(p.delivered_by)}."
             for p in data.partners if p.delivered_by]
    notes += [f"- {inline(partner_name(data, p.id))}: covers {inline(joined(p.areas))}."
              for p in data.partners if p.areas and p.organisation]
    notes += [f"- {inline(partner_name(data, p.id))}: before, {dated(inline(f.name), f.from_, f.until, f.note)}."
              for p in data.partners for f in p.former_names]
    notes += [f"- {inline(partner_name(data, p.id))}: {inline(p.note)}" for p in data.partners if p.note]
    if notes:
        out += ["Notes on the partners:", "", *notes, ""]
    earlier = [line for p in data.partners for field in ("lead", "delegate")
               for line in posts_history(getattr(p, field), data, now)]
    out += history_block("Earlier and later lead and delegated partners", earlier)
    approvals = [(p, a) for p in data.partners for a in (p.approved_by or [])]
    if approvals:
        out += ["### Signed off by", "", "Each partner approved these arrangements:", "",
                *[f"- {inline(partner_name(data, p.id))}: {post_text(a, data)}" for p, a in approvals], ""]
    return out


def leadership_section(data: Arrangements) -> list[str]:
    """Who leads: a chair (or co-chairs), the independent scrutineer, or the partners together."""
    now = today()
    # Why one anchor for all three headings: the checklist links here whoever leads.
    if data.led_by == "scrutineer":
        by = data.scrutiny.by if data.scrutiny else None
        return ["## Who leads the partnership {#leadership}", "",
                "The arrangements name no chair. The independent scrutineer leads the partnership: "
                + posts_now(by, data, now, "scrutineer"), ""]
    if data.led_by == "partners":
        return ["## Who leads the partnership {#leadership}", "",
                "The arrangements name no chair. The safeguarding partners lead the partnership together.", ""]
    out = ["## Who chairs the partnership {#leadership}", "", posts_now(data.chair, data, now, listed=True), ""]
    return out + history_block("Earlier and later chairs", posts_history(data.chair, data, now))


def dataset_news(dataset: Dataset, pid: str) -> str:
    from arrangements.rendering.pages import render

    return render(dataset, "latest_news", pid, page_uri=f"{pid}/index.md").strip()


def _area_section(dataset: Dataset, partnership: Partnership, data: Arrangements, root: str) -> list[str]:
    out = ["## Area covered", "", bullet_list(data.areas), ""]
    if data.area_history:
        out += ["Earlier, the partnership covered:", ""]
        out += [f"- {dated(inline(joined(f.areas)), f.from_, f.until, f.note)}" for f in data.area_history]
        out.append("")
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
    if data.links_with:
        out += ["The partnership works with " + joined([inline(body_name(data, ref)) for ref in data.links_with])
                + ".", ""]
    for ref in data.multi_area:
        other = dataset.partnerships.get(ref)
        if other:
            out += [f"This partnership is part of [{inline(other.data.name)}]({root}{ref}/index.md) "
                    f"({inline(other.data.short_name or '')}). Several areas do some work together there.", ""]
    return out


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
        now = today()
        scrutiny = data.scrutiny
        rows = [("Who", posts_now(scrutiny.by, data, now, "scrutineer", listed=True)),
                ("How it works", block(scrutiny.arrangements))]
        if scrutiny.reports_to:
            rows.append(("Reports to", joined([inline(body_name(data, ref)) for ref in scrutiny.reports_to])))
        out += [facts(rows)]
        out += history_block("Earlier and later scrutineers", posts_history(scrutiny.by, data, now))
        if scrutiny.activities:
            out += ["What the scrutineer does:", "", bullet_list(scrutiny.activities), ""]
        if scrutiny.other:
            out += ["Other scrutiny:", "", bullet_list(scrutiny.other), ""]
    else:
        out += [TBC, ""]
    out += ["## Funding", ""]
    if data.funding:
        out += [block(data.funding.model), ""]
        if data.funding.contributors:
            out += ["Contributors: " + joined([inline(partner_name(data, c)) for c in data.funding.contributors]) + ".",
                    ""]
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
           "| Version | Status | Agreed | Takes effect | Name |", "| --- | --- | --- | --- | --- |"]
    for version in reversed(partnership.versions):
        data = version.arrangements
        folder = base(partnership, version).removeprefix(f"{pid}/")
        mark = " **(current)**" if version is partnership.current else ""
        out.append(f"| [{inline(version.label)}]({folder}index.md){mark} | {STATUS_LABELS[data.status]} | "
                   f"{date_or_tbc(data.dates.agreed)} | {date_or_tbc(data.dates.effective)} | "
                   f"{inline(data.name)} |")
    if len(partnership.versions) > 1:
        out += ["", "[What changed between versions](changes.md)"]
    out += ["", *download_section(dataset, pid, [(arrangements_stem(v.id), v.label)
                                                 for v in reversed(partnership.versions)], f"{pid}/versions.md",
                                  "Each version as a document, to print or to take through your own sign-off:",
                                  "## Download each version {#download}")]
    out += ["## Source documents", ""]
    for version in reversed(partnership.versions):
        for source in version.arrangements.sources:
            bits = [f"*{inline(source.title)}*"]
            bits += [f"version {inline(source.version)}"] if source.version else []
            bits += [f"by {inline(source.author)}"] if source.author else []
            bits += [f"published by {inline(source.publisher)}"] if source.publisher else []
            bits += [long_date(source.date)] if source.date else []
            if source.url and source.url.startswith("https://"):
                bits.append(link("online", source.url))
            elif source.url:  # Why text: data links are https only; an http address is shown, not followed
                bits.append(f"address: {inline(source.url)}")
            out.append(f"- {', '.join(bits)} (used for {inline(version.label)})")
    return "\n".join(out) + "\n"
