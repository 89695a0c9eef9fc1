"""For agencies: are we a relevant agency here, what must we do, who represents us?

A school, GP practice, sports club or housing provider comes to the site with
those questions. This module answers them from the data:

- `agencies/index.md`: the duties of a named relevant agency, with the law;
- `agencies/schedule.md`: every kind of body in the Schedule to SI 2018/789
  and which partnerships on this site name agencies under it;
- `agencies/lookup.md`: one table of every named agency, filtered as you type
  (the table is complete without JavaScript);
- `<id>/for-agencies.md`: one partnership's agencies, how each is represented,
  the groups it attends and where to take a disagreement.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from arrangements.data.dataset import Dataset, Partnership
from arrangements.data.model import Group, RelevantAgency
from arrangements.data.reference import ScheduleEntry, ScheduleHeading
from arrangements.rendering.pages import Page, call, page_maker, renderer
from arrangements.rendering.text import TBC, block, inline
from arrangements.rendering.text import link as data_link

SECTION = ("For agencies",)
DUTIES_URI = "agencies/index.md"
SCHEDULE_URI = "agencies/schedule.md"
LOOKUP_URI = "agencies/lookup.md"
# Why under assets/: files in overrides/ are copied to the site root as theme files.
LOOKUP_SCRIPT = "assets/javascripts/agency-lookup.js"
LOOKUP_STYLES = "assets/stylesheets/agencies.css"
ESCALATION_ANCHOR = "escalation"  # the slug of the `## Escalation` heading below

LEGISLATION = "https://www.legislation.gov.uk/ukpga/2004/31/section/"
WORKING_TOGETHER = "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2"


def for_agencies_uri(pid: str) -> str:
    return f"{pid}/for-agencies.md"


def group_uri(pid: str, gid: str) -> str:
    # Why fixed: the site feature writes one page per group at this address.
    return f"{pid}/groups/{gid}.md"


@lru_cache(maxsize=65536)
def rel(target: str, page_uri: str) -> str:
    """A link from one source page to another, which MkDocs then resolves and checks."""
    return posixpath.relpath(target, posixpath.dirname(page_uri) or ".")


def cell(text: str) -> str:
    """Safe Markdown (already through `inline`) made safe inside a pipe table cell."""
    return text.replace("|", "&#124;")


# --- the facts the pages share -------------------------------------------------------------------


@dataclass(frozen=True)
class GroupLink:
    owner: str             # the partnership whose group it is
    owner_name: str        # its short name, shown when it is not the agency's own partnership
    ref: str               # as written in the data, e.g. `executive` or `hips/executive`
    group: Group | None    # None only when the data is wrong (the checker reports it)


@dataclass(frozen=True)
class NamedAgency:
    """One agency named by one partnership, with its schedule entries and groups resolved."""

    partnership: Partnership
    agency: RelevantAgency
    entries: tuple[tuple[ScheduleHeading, ScheduleEntry], ...]
    groups: tuple[GroupLink, ...]

    @property
    def heading(self) -> ScheduleHeading | None:
        """The schedule heading it is listed under (its first entry's)."""
        return self.entries[0][0] if self.entries else None

    def search_text(self) -> str:
        """Every word a reader might type to find this row, lower case."""
        data = self.partnership.data
        words: list[str | None] = [data.name, data.short_name, self.partnership.id, *data.areas,
                                   self.agency.name, self.agency.id, self.agency.represented_by, self.agency.note]
        for heading, entry in self.entries:
            words += [heading.title, entry.title, entry.plain, *entry.keywords]
        words += [link.group.name if link.group else link.ref for link in self.groups]
        return " ".join(" ".join(w.split()) for w in words if w).lower()


def named_agencies(dataset: Dataset, partnerships: Iterable[Partnership] | None = None) -> list[NamedAgency]:
    """Every relevant agency named in the current arrangements, in data order."""
    entries = dataset.schedule.entries() if dataset.schedule else {}
    found: list[NamedAgency] = []
    for partnership in dataset.partnerships.values() if partnerships is None else partnerships:
        for agency in partnership.data.agencies:
            links = tuple(_group_link(dataset, partnership.id, ref) for ref in agency.groups)
            found.append(NamedAgency(partnership, agency,
                                     tuple(entries[e] for e in agency.schedule if e in entries), links))
    return found


def _group_link(dataset: Dataset, pid: str, ref: str) -> GroupLink:
    owner, group = dataset.resolve_group(pid, ref)
    other = dataset.partnerships.get(owner)
    return GroupLink(owner, _name(other) if other else owner, ref, group)


def _name(partnership: Partnership) -> str:
    return partnership.data.short_name or partnership.data.name


def _group_links(agency: NamedAgency, page_uri: str) -> str:
    if not agency.groups:
        return "None named"
    parts = []
    for link in agency.groups:
        if link.group is None:
            parts.append(inline(link.ref))
            continue
        label = inline(link.group.name)
        if link.owner != agency.partnership.id:
            # Why: a HIPS-wide group sits in another partnership; say whose it is.
            label += f" ({inline(link.owner_name)})"
        parts.append(f"[{label}]({rel(group_uri(link.owner, link.group.id), page_uri)})")
    return ", ".join(parts)


def _kinds(agency: NamedAgency, page_uri: str) -> str:
    if not agency.entries:
        return "Not yet matched to the schedule"
    # Why the heading's id, not a slug of its words: words from data made anchors that the
    # page's own headings did not have (hostile or unusual text broke the strict build).
    return "; ".join(f"[{inline(entry.title)}]({rel(SCHEDULE_URI, page_uri)}#{heading.id})"
                     for heading, entry in agency.entries)


def heading_slug(title: str) -> str:
    """The anchor Python-Markdown's `toc` gives a heading (its default slugify)."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", ascii_text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


# --- pages ---------------------------------------------------------------------------------------


@page_maker
def agency_pages(dataset: Dataset) -> Iterator[Page]:
    yield Page(DUTIES_URI, "For agencies: duties of relevant agencies", call("agency_duties"),
               section=SECTION, order=10)
    if dataset.schedule is not None:
        yield Page(SCHEDULE_URI, "The relevant-agency schedule", call("agency_schedule"), section=SECTION,
                   data_file="data/reference/relevant-agency-schedule.yml", order=30)
    # Why meta: overrides/main.html loads `scripts` on this page only, with the right relative path.
    # Why hide the toc: the table needs the width more than a one-heading contents list.
    yield Page(LOOKUP_URI, "Find your agency", call("agency_lookup"), section=SECTION,
               meta={"scripts": [LOOKUP_SCRIPT], "hide": ["toc"]}, order=20)
    for partnership in dataset.partnerships.values():
        yield Page(for_agencies_uri(partnership.id), "For agencies", call("for_agencies", partnership.id),
                   partnership=partnership.id, section=(partnership.data.name,),
                   data_file=partnership.current.source_path, order=40)


# --- the duties page -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Duty:
    title: str
    what: str
    law: str
    url: str


# Why here and not in data: these are the Act's words, the same for every partnership.
DUTIES = (
    Duty("Act in accordance with the arrangements",
         "Once the safeguarding partners name your organisation in their published arrangements, you must "
         "work the way the arrangements set out: take part through the representation they describe, follow "
         "the multi-agency procedures and put agreed learning into practice.",
         "Children Act 2004, section 16G", LEGISLATION + "16G"),
    Duty("Supply information the partners ask for",
         "The safeguarding partners may ask any person or body for information they need to run the "
         "arrangements or a practice review. You must provide it; the partners can go to court to enforce "
         "a request, and the information may be used only for that purpose.",
         "Children Act 2004, section 16H", LEGISLATION + "16H"),
    Duty("Take part in reviews and audits",
         "Contribute to rapid reviews and local child safeguarding practice reviews, multi-agency audits and "
         "the partnership's self-assessments of how well agencies keep children safe (often called "
         "section 11 audits, after the duty on many bodies to safeguard and promote children's welfare). "
         "Local practice reviews are made under section 16F.",
         "Children Act 2004, section 11", LEGISLATION + "11"),
    Duty("Follow the statutory guidance",
         "Working Together to Safeguard Children 2023 sets out what agencies are expected to do, including "
         "sharing information, multi-agency training and resolving professional disagreements.",
         "Working Together to Safeguard Children 2023, chapter 2", WORKING_TOGETHER),
)


@renderer("agency_duties")
def agency_duties(dataset: Dataset) -> str:
    page = DUTIES_URI
    schedule = dataset.schedule
    regulation = inline(schedule.reference) if schedule else "SI 2018/789"
    duties = "\n\n".join(f"### {d.title}\n\n{d.what}\n\n*Law:* [{d.law}]({d.url})" for d in DUTIES)
    rows = [
        f"| [{cell(inline(p.data.name))}]({rel(for_agencies_uri(p.id), page)}) "
        f"| {cell(inline(', '.join(p.data.areas)))} | {len(p.data.agencies)} "
        f"| [Escalation]({rel(for_agencies_uri(p.id), page)}#{ESCALATION_ANCHOR}) |"
        for p in dataset.partnerships.values()
    ]
    table = "\n".join(["| Partnership | Area | Named agencies | If you disagree |", "|---|---|---:|---|", *rows])
    return f"""A **relevant agency** is an organisation that the three safeguarding partners (the council, the
Integrated Care Board and the police) name in their published arrangements, because its work with
children matters to keeping them safe. Schools, colleges, nurseries, NHS trusts, GP practices,
probation, CAFCASS, housing providers, sports clubs and charities can all be named.

## Are you a relevant agency?

Only kinds of body listed in the Schedule to the regulations ({regulation}) can be named, and only where
they work with children in the partnership's area. Being on that list is not enough: you are a relevant
agency when a partnership names you (or the kind of body you are) in its arrangements.

- [Find your agency]({rel(LOOKUP_URI, page)}): search every named agency on this site by name or kind.
{_schedule_link(dataset, page)}

## What a named relevant agency must do

{duties}

## Who represents you

Most agencies are not at the partnership's meetings one by one. The arrangements say how each kind of
agency is represented (for example, schools through an education representative) and which groups it
attends. Each partnership's *For agencies* page sets this out.

## If you disagree

Raise a disagreement about a child or about how agencies work together early, with the people involved,
and follow the partnership's escalation route if it is not resolved. A disagreement must never delay action
to keep a child safe: if a child is in danger, act first.

{table if rows else "No partnerships are published on this site yet."}

## The law

- [Children Act 2004, section 16E]({LEGISLATION}16E): the partners' duty to make arrangements, and what a
  relevant agency is.
- [Section 16F]({LEGISLATION}16F): local child safeguarding practice reviews.
- [Section 16G]({LEGISLATION}16G): publishing the arrangements; relevant agencies must act in accordance with them.
- [Section 16H]({LEGISLATION}16H): the partners may require information.
- {_regulation_link(dataset)}
- [Working Together to Safeguard Children 2023]({WORKING_TOGETHER}), chapter 2.
"""


def _schedule_link(dataset: Dataset, page: str) -> str:
    if dataset.schedule is None:  # no schedule data, no schedule page to link to
        return ""
    return (f"- [The relevant-agency schedule]({rel(SCHEDULE_URI, page)}): every kind of body that can be named, "
            "and who names them.")


def _regulation_link(dataset: Dataset) -> str:
    schedule = dataset.schedule
    if schedule is None:
        return "The Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018 (SI 2018/789)."
    title = f"{inline(schedule.title)} ({inline(schedule.reference)})"
    if schedule.url and schedule.url.startswith("https://"):
        return f"{data_link(f'{schedule.title} ({schedule.reference})', schedule.url)}."
    return f"{title}."


@renderer("for_agencies")
def for_agencies(dataset: Dataset, pid: str) -> str:
    partnership = dataset.partnerships[pid]
    data = partnership.data
    page = for_agencies_uri(pid)
    named = named_agencies(dataset, [partnership])
    links = (f"[What relevant agencies must do]({rel(DUTIES_URI, page)}) · "
             f"[Find your agency on any partnership]({rel(LOOKUP_URI, page)})")
    intro = (f"If your organisation is named below, it is a **relevant agency** for {inline(data.name)}: it must "
             "act in accordance with these arrangements and supply information the safeguarding partners ask for. "
             if named else "")
    parts = [
        intro + links,
        _multi_area_note(dataset, partnership, page),
        "## Named relevant agencies",
        _agency_tables(named, page) if named else TBC if data.relevant_agencies is None else
        "These arrangements do not name relevant agencies of their own."
        + (" See the member partnerships above." if data.members else ""),
    ]
    if data.participants:
        parts += ["## Others who take part",
                  "\n".join(f"- **{inline(p.role)}**" + (f" ({p.count})" if p.count else "")
                            + (f": {inline(p.note)}" if p.note else "") for p in data.participants)]
    topics = data.topics
    parts += ["## Schools, colleges and early years", block(topics.education),
              "## Information sharing and levels of need", block(topics.thresholds_and_information_sharing),
              "## Escalation",
              "How to raise and escalate a disagreement between agencies, under these arrangements:",
              block(topics.dispute_resolution)]
    return "\n\n".join(p for p in parts if p) + "\n"


def _agency_tables(named: list[NamedAgency], page: str) -> str:
    """One table per schedule heading, so an agency finds its kind of body first."""
    sections: dict[str, list[NamedAgency]] = {}
    for item in named:
        sections.setdefault(item.heading.title if item.heading else "", []).append(item)
    out: list[str] = []
    for title, items in sections.items():
        if title or len(sections) > 1:  # Why: "Other named agencies" alone would be a heading for nothing.
            out.append(f"### {inline(title) if title else 'Other named agencies'}")
        rows = [f"| **{cell(inline(i.agency.name))}**{cell(_note(i))} | {cell(_kinds(i, page))} "
                f"| {cell(inline(i.agency.represented_by))} | {cell(_group_links(i, page))} |" for i in items]
        out.append("\n".join(["| Agency | Kind of body | How it is represented | Groups it attends |",
                               "|---|---|---|---|", *rows]))
    return "\n\n".join(out)


def _note(item: NamedAgency) -> str:
    return f"<br>{inline(item.agency.note)}" if item.agency.note else ""


def _multi_area_note(dataset: Dataset, partnership: Partnership, page: str) -> str:
    data = partnership.data
    lines = []
    for ref in data.multi_area:
        other = dataset.partnerships.get(ref)
        if other is not None:
            link = rel(for_agencies_uri(ref), page)
            lines.append(f"This partnership is part of [{inline(other.data.name)}]({link}), "
                         "whose groups some agencies also attend.")
    members = [m for m in data.members if m.partnership in dataset.partnerships]
    if members:
        lines.append("Its member partnerships name their own relevant agencies:\n\n" + "\n".join(
            f"- [{inline(m.name)}]({rel(for_agencies_uri(str(m.partnership)), page)})" for m in members))
    return "\n\n".join(lines)

