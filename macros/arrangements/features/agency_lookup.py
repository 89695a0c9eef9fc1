"""For agencies: the schedule of kinds of body, and one lookup table of every named agency.

- `agencies/schedule.md`: every kind of body in the Schedule to SI 2018/789
  and which partnerships on this site name agencies under it;
- `agencies/lookup.md`: one table of every named agency, filtered as you type
  (the table is complete without JavaScript).

The pages themselves and the duties page are made in agencies.py.
"""

from __future__ import annotations

from arrangements.data.dataset import Dataset
from arrangements.data.reference import ScheduleEntry
from arrangements.features.agencies import (
    DUTIES_URI,
    LOOKUP_URI,
    SCHEDULE_URI,
    NamedAgency,
    _group_links,
    _kinds,
    _name,
    _regulation_link,
    cell,
    for_agencies_uri,
    named_agencies,
    rel,
)
from arrangements.rendering.pages import renderer
from arrangements.rendering.text import attr, block, inline

# --- the schedule page ---------------------------------------------------------------------------


@renderer("agency_schedule")
def agency_schedule(dataset: Dataset) -> str:
    schedule = dataset.schedule
    if schedule is None:
        return "The relevant-agency schedule has not been added to this site yet."
    page = SCHEDULE_URI
    named = named_agencies(dataset)
    by_entry: dict[str, list[NamedAgency]] = {}
    for item in named:
        for entry_id in item.agency.schedule:
            by_entry.setdefault(entry_id, []).append(item)
    parts = [(f"The kinds of body the safeguarding partners may name as relevant agencies, as listed in "
             f"{_regulation_link(dataset)[:-1]}. For each, the partnerships on this site that name agencies "
             f"under it."), block(schedule.note) if schedule.note else ""]
    for heading in schedule.headings:
        rows = [f"| {cell(_entry_text(entry))} | {cell(inline(entry.reference))} "
                f"| {cell(_named_by(by_entry.get(entry.id, []), page))} |" for entry in heading.entries]
        parts += [f"## {inline(heading.title)} {{ #{heading.id} }}",
                  "\n".join(["| Kind of body | Legal reference | Named on this site by |", "|---|---|---|", *rows])]
    unmapped = [item for item in named if not item.entries]
    if unmapped:
        parts += ["## Not yet matched to the schedule",
                  ("These named agencies do not yet say which kind of body they are. The partnership team can "
                  "add it in their data file."), _named_by(unmapped, page, bullets=True)]
    return "\n\n".join(p for p in parts if p) + "\n"


def _entry_text(entry: ScheduleEntry) -> str:
    return f"**{inline(entry.title)}**" + (f"<br>{inline(entry.plain)}" if entry.plain else "")


def _named_by(items: list[NamedAgency], page: str, *, bullets: bool = False) -> str:
    if not items:
        return "—" if not bullets else ""
    by_partnership: dict[str, list[NamedAgency]] = {}
    for item in items:
        by_partnership.setdefault(item.partnership.id, []).append(item)
    lines = [f"[{inline(_name(group[0].partnership))}]({rel(for_agencies_uri(pid), page)}): "
             + ", ".join(inline(i.agency.name) for i in group) for pid, group in by_partnership.items()]
    return "\n".join(f"- {line}" for line in lines) if bullets else "<br>".join(lines)


# --- the lookup page -----------------------------------------------------------------------------


LOOKUP_COLUMNS = ("Area", "Agency", "Kind of body", "How it is represented", "Groups it attends")


@renderer("agency_lookup")
def agency_lookup(dataset: Dataset) -> str:
    page = LOOKUP_URI
    named = named_agencies(dataset)
    rows = "\n".join(_lookup_row(item, page) for item in named)
    count = len(named)
    plural = "agency" if count == 1 else "agencies"
    # Why no class on the table: Material styles only `table:not([class])`. Why md_in_html
    # (`markdown=...`): cells hold links MkDocs must resolve and check, while the rows carry the
    # words the script matches on (keywords included) in an attribute. No <caption>: md_in_html
    # would wrap it in a paragraph, so a heading names the table instead.
    header = "".join(f'<th scope="col">{name}</th>' for name in LOOKUP_COLUMNS)
    schedule = "relevant-agency schedule"
    schedule = f"[{schedule}]({rel(SCHEDULE_URI, page)})" if dataset.schedule else schedule
    return f"""Find your organisation, or your kind of organisation, in the relevant agencies named by every
partnership on this site. The table shows the area (each links to its partnership's page for agencies),
the kind of body under the {schedule}, how the agency is represented and the groups it attends.
What a relevant agency must do is on the [duties page]({rel(DUTIES_URI, page)}).

## Named relevant agencies {{ #agency-table-title }}

<div class="agency-lookup" id="agency-lookup" markdown="1">
<form class="agency-lookup__form" role="search" hidden>
<label for="agency-filter">Search by agency name, kind of organisation or area</label>
<p class="agency-lookup__hint" id="agency-filter-hint">For example <em>school</em>, <em>GP</em>,
<em>CAFCASS</em> or <em>police</em>. The table changes as you type.</p>
<input type="search" id="agency-filter" name="agency" autocomplete="off" spellcheck="false"
aria-describedby="agency-filter-hint" aria-controls="agency-table">
<button type="submit" class="agency-lookup__button">Search</button>
</form>
<p class="agency-lookup__count" id="agency-count" role="status" aria-live="polite" aria-atomic="true">
{count} {plural} listed</p>
<section class="agency-lookup__scroll" aria-labelledby="agency-table-title" tabindex="0" markdown="1">
<table id="agency-table" aria-labelledby="agency-table-title" markdown="1">
<thead markdown="1">
<tr markdown="1">{header}</tr>
</thead>
<tbody markdown="1">
{rows}
</tbody>
</table>
</section>
<p class="agency-lookup__empty" id="agency-empty" hidden>No agency matches your search. Try a shorter or
more general word, such as <em>school</em> or <em>health</em>.</p>
</div>
"""


def _lookup_row(item: NamedAgency, page: str) -> str:
    partnership = item.partnership
    heading = item.heading
    kind = _kinds(item, page)
    if heading is not None:
        kind = f"{inline(heading.title)}: {kind}"
    cells = [
        # Why areas: "are we a relevant agency *here*" is asked by place; the name is in the search words.
        f'<td markdown="span">[{inline(", ".join(partnership.data.areas))}]'
        f'({rel(for_agencies_uri(partnership.id), page)})</td>',
        f'<th scope="row" markdown="span">{inline(item.agency.name)}</th>',
        f'<td markdown="span">{kind}</td>',
        f'<td markdown="span">{inline(item.agency.represented_by)}</td>',
        f'<td markdown="span">{_group_links(item, page)}</td>',
    ]
    return (f'<tr markdown="1" data-partnership="{attr(partnership.id)}" data-search="{attr(item.search_text())}">'
            + "".join(cells) + "</tr>")


# --- one partnership's page ----------------------------------------------------------------------
