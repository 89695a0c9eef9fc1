"""The statutory compliance checker: arrangements and yearly reports against
the checklists in data/reference/ (Working Together 2023).

For each item: covered, to be confirmed (the key is there but blank, or only
partly filled) or missing (the key is absent or its list is empty), with a
link to the page that covers it. Yearly reports also get their deadlines.
Gaps are reported, never fatal: publishing honest gaps beats hiding them.
Outputs: `arrangements check` (text, JSON, GitHub annotations) and a public
page per partnership.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from markdown.extensions.toc import slugify

from arrangements.data.dataset import Dataset, Partnership, Version
from arrangements.data.load import Loc
from arrangements.data.reference import Checklist, ChecklistItem
from arrangements.data.structure import Record
from arrangements.features.agencies import for_agencies_uri
from arrangements.features.report import SAMPLE_BANNER, YearlyReport, report_document, section_anchor
from arrangements.features.site import STATUS_LABELS, TOPIC_HEADINGS, base
from arrangements.rendering.pages import Page, call, page_maker, renderer
from arrangements.rendering.text import inline
from arrangements.rendering.wording import SECTOR_LABELS

COVERED, TBC, MISSING = "covered", "to be confirmed", "missing"
# Why symbols and words: status must never be shown by colour alone.
STATUS_WORDS = {COVERED: "✓ Covered", TBC: "? To be confirmed", MISSING: "✗ Missing"}

# Where each top-level field of the arrangements is shown: (page in the version's folder, anchor, link words).
ARRANGEMENT_PAGES: dict[str, tuple[str, str, str]] = {
    "partners": ("index.md", "who-is-accountable", "Who is accountable"),
    "chair": ("index.md", "leadership", "Who leads the partnership"),
    "areas": ("index.md", "area-covered", "Area covered"),
    "dates": ("index.md", "key-dates", "Key dates"),
    "groups": ("structure.md", "", "Structure"),
    "scrutiny": ("governance.md", "independent-scrutiny", "Independent scrutiny"),
    "funding": ("governance.md", "funding", "Funding"),
    **{f"topics.{name}": ("governance.md", slugify(heading, "-"), heading) for name, heading in TOPIC_HEADINGS},
}
# Plain words for field names in the details; anything else is the name with spaces.
FIELD_WORDS = {
    "lead": "lead safeguarding partner", "delegate": "delegated safeguarding partner",
    "next_review": "next review date", "membership": "members", "arrangements": "how it works",
    "frequency": "meeting frequency", "represented_by": "how it is represented",
    "by": "who provides it", "reports_to": "reporting line", "model": "how it is funded",
    "section11": "section 11 audit",
    "thresholds_and_information_sharing": "threshold document and information sharing",
    "lcsprs_commissioned": "local reviews started", "lcsprs_published": "local reviews published",
}


@dataclass
class Result:
    item: str
    title: str
    status: str
    detail: str
    where: str           # page URI from the site root, with anchor
    where_label: str     # link words
    path: str            # the data file
    line: int = 1        # where to annotate in the data file


@dataclass
class Deadline:
    what: str
    due: date | None     # None: the clock has not started (nothing published yet)
    done: date | None
    status: str          # on time, late, overdue, not yet due
    key: str             # the report field that records it

    @property
    def due_words(self) -> str:
        return self.due.strftime("%-d %B %Y") if self.due else "7 days after publication"


@dataclass
class Gaps:
    """What one checklist item found, leaf by leaf."""

    missing: list[tuple[str, str, Loc]] = field(default_factory=list)   # (whose, which field, where)
    blank: list[tuple[str, str, Loc]] = field(default_factory=list)
    covered: int = 0


def _listing(found: list[tuple[str, str, Loc]]) -> str:
    """`youth custody; Partnership Review Group: chair, members`: fields grouped by whose they are."""
    owners: dict[str, list[str]] = {}
    for owner, name, _ in found:
        owners.setdefault(owner, []).append(name)
    return "; ".join(f"{owner}: {', '.join(names)}" if owner else ", ".join(names) for owner, names in owners.items())


def words(name: str) -> str:
    return FIELD_WORDS.get(name, name.replace("_", " "))


def _label(item: object, index: int) -> str:
    sector = getattr(item, "sector", None)
    if sector in SECTOR_LABELS and not getattr(item, "organisation", None):
        # Why: a partner the source does not name is said by what it is, never by its id.
        return f"{SECTOR_LABELS[sector]} (partner {index + 1})"
    for attribute in ("name", "organisation", "title", "outcome", "id"):
        value = getattr(item, attribute, None)
        if isinstance(value, str) and value:
            return value
    return f"item {index + 1}"


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, (str, list)) and not value)


def _walk(node: Record, steps: list[str], loc: Loc, owner: str, gaps: Gaps) -> None:
    """Follow a dotted path; a list on the way fans out (`partners.lead`: every partner's lead)."""
    step, rest = steps[0], steps[1:]
    value = getattr(node, step, None)
    here = (*loc, step)
    if step in getattr(node, "not_applicable", set()):
        gaps.covered += 1  # e.g. no chair in a partnership its scrutineer leads
        return
    if isinstance(value, list):
        # Why: Working Together is the children's checklist; adults-only groups answer to the Care Act 2014.
        value = [item for item in value if getattr(item, "serves", None) != "adults"]
    if step not in node.model_fields_set or (isinstance(value, list) and not value):
        gaps.missing.append((owner, words(step), here))
    elif _blank(value):
        gaps.blank.append((owner, words(step), here))
    elif rest:
        items = value if isinstance(value, list) else [value]
        for index, item in enumerate(items):
            child_loc = (*here, index) if isinstance(value, list) else here
            child_owner = _label(item, index) if isinstance(value, list) else owner
            _walk(item, rest, child_loc, child_owner, gaps)
    else:
        gaps.covered += 1
        for index, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, Record):
                _required_blanks(item, (*here, index) if isinstance(value, list) else here,
                                 _label(item, index) if isinstance(value, list) else words(step), gaps)


def _required_blanks(model: Record, loc: Loc, owner: str, gaps: Gaps) -> None:
    """A field the format requires but that was left blank: a group's chair, a scrutineer's name."""
    for name, info in type(model).model_fields.items():
        if info.is_required() and _blank(getattr(model, info.attr)):
            gaps.blank.append((owner, words(name), (*loc, name)))
    for name in getattr(model, "unstated", []):
        gaps.blank.append((owner, words(name), (*loc, name)))


def judge(root: Record, item: ChecklistItem) -> tuple[str, str, Loc]:
    """(status, plain-English detail, where in the file the first gap is)."""
    gaps = Gaps()
    for path in item.covered_by:
        _walk(root, path.split("."), (), "", gaps)
    first = (gaps.missing + gaps.blank + [("", "", ())])[0][2]
    if not gaps.missing and not gaps.blank:
        return COVERED, "", first
    if gaps.missing and not gaps.blank and not gaps.covered:
        return MISSING, f"Not given: {_listing(gaps.missing)}.", first
    parts = [("To be confirmed", gaps.blank), ("Not given", gaps.missing)]
    return TBC, " ".join(f"{head}: {_listing(found)}." for head, found in parts if found), first


def _arrangement_page(partnership: Partnership, version: Version, item: ChecklistItem) -> tuple[str, str]:
    path = item.covered_by[0]
    key = path if path in ARRANGEMENT_PAGES else path.split(".")[0]
    if key == "relevant_agencies":
        return for_agencies_uri(partnership.id), "For agencies"
    page, anchor, label = ARRANGEMENT_PAGES.get(key, ("index.md", "", "Overview"))
    return base(partnership, version) + page + (f"#{anchor}" if anchor else ""), label


def check_version(dataset: Dataset, partnership: Partnership, version: Version) -> list[Result]:
    checklist = dataset.checklists.get("arrangements")
    results = []
    for item in checklist.items if checklist else []:
        status, detail, loc = judge(version.arrangements, item)
        where, label = _arrangement_page(partnership, version, item)
        line = version.doc.mark(loc, key=True)[0]
        results.append(Result(item.id, item.title, status, detail, where, label, version.source_path, line))
    return results


def check_report(dataset: Dataset, partnership: Partnership, year: str) -> list[Result]:
    checklist = dataset.checklists.get("yearly-report")
    report = partnership.reports[year]
    doc = report_document(dataset, partnership.id, year)
    page = f"{partnership.id}/reports/{year}.md"
    results = []
    for item in checklist.items if checklist else []:
        status, detail, loc = judge(report, item)
        if item.id == "impact" and not report.impact:
            # Why say it plainly: most published reports fail here.
            detail = "No evidence of impact on children and families. " + detail
        anchor = section_anchor(item.id)
        results.append(Result(item.id, item.title, status, detail, f"{page}#{anchor}" if anchor else page,
                              f"Yearly report {year}", doc.path, doc.mark(loc, key=True)[0]))
    return results


# --- Deadlines -------------------------------------------------------------------------

SEND_WITHIN = timedelta(days=7)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value and len(value) == 10 else None


def due_date(report: YearlyReport) -> date:
    """Due by 30 September after the period ends (a period ending 31 March 2025: 30 September 2025)."""
    return date(int(report.period.end[:4]), 9, 30)


def _status(done: date | None, due: date | None, today: date) -> str:
    if due is None:
        return "not yet due"
    if done is not None:
        return "on time" if done <= due else "late"
    return "overdue" if today > due else "not yet due"


def deadlines(report: YearlyReport, today: date) -> list[Deadline]:
    """Publication by 30 September; sending to the Panel and to Foundations within 7 days of publication."""
    published = _day(report.published)
    out = [Deadline("Publish the report", due_date(report), published,
                    _status(published, due_date(report), today), "published")]
    send_by = published + SEND_WITHIN if published else None
    for what, key in (("Send to the Child Safeguarding Practice Review Panel", "sent_to_panel"),
                      ("Send to Foundations (the What Works centre)", "sent_to_foundations")):
        done = _day(getattr(report, key))
        out.append(Deadline(what, send_by, done, _status(done, send_by, today), key))
    return out


# --- Command line ----------------------------------------------------------------------

@page_maker
def checklist_pages(dataset: Dataset) -> Iterator[Page]:
    if "arrangements" not in dataset.checklists:
        return
    for partnership in dataset.partnerships.values():
        yield Page(f"{partnership.id}/checklist.md", "How these arrangements meet Working Together 2023",
                   call("checklist", partnership.id), partnership=partnership.id,
                   section=(partnership.data.name,), data_file=partnership.current.source_path, order=70)


def _relative(uri: str, pid: str) -> str:
    """A link from `<pid>/checklist.md` to a page of the same partnership."""
    return uri.removeprefix(f"{pid}/")


def _table(results: list[Result], pid: str) -> list[str]:
    rows = ["| What must be covered | Status | Where to find it |", "| --- | --- | --- |"]
    for r in results:
        detail = f"<br>{inline(r.detail)}" if r.detail else ""
        rows.append(f"| {inline(r.title)} | **{STATUS_WORDS[r.status]}**{detail} | "
                    f"[{inline(r.where_label)}]({_relative(r.where, pid)}) |")
    return [*rows, ""]


def _summary(results: list[Result]) -> str:
    counts = {s: sum(1 for r in results if r.status == s) for s in (COVERED, TBC, MISSING)}
    return (f"**{counts[COVERED]} of {len(results)}** items covered, {counts[TBC]} to be confirmed, "
            f"{counts[MISSING]} missing.")


def _report_section(dataset: Dataset, partnership: Partnership, year: str, today: date) -> list[str]:
    report = partnership.reports[year]
    out = [f"### Yearly report {year} {{#report-{year}}}", ""]
    if report.covers == "adults":
        return [*out, f"[Read the yearly report {year}](reports/{year}.md). This is the adults' report: the "
                "Care Act 2014 applies to it, not Working Together, so it is not checked here.", ""]
    results = check_report(dataset, partnership, year)
    if report.sample:
        out += SAMPLE_BANNER
    out += [f"[Read the yearly report {year}](reports/{year}.md). {_summary(results)}", "", *_table(
        results, partnership.id), "| Deadline | Due by | Done | Status |", "| --- | --- | --- | --- |"]
    for d in deadlines(report, today):
        done = d.done.strftime("%-d %B %Y") if d.done else "Not yet"
        out.append(f"| {d.what} | {d.due_words} | {done} | **{d.status.capitalize()}** |")
    return [*out, ""]


@renderer("checklist")
def render_checklist(dataset: Dataset, pid: str, today: str | None = None) -> str:
    partnership = dataset.partnerships[pid]
    checklist: Checklist = dataset.checklists["arrangements"]
    results = check_version(dataset, partnership, partnership.current)
    status = STATUS_LABELS[partnership.current.arrangements.status].lower()
    out = ["# How these arrangements meet Working Together 2023", "",
           f"*{inline(checklist.source)}* lists what published safeguarding arrangements must cover. This page "
           f"checks *{inline(partnership.current.label)}* against that list, item by item. "
           "*To be confirmed* means the arrangements mention the item but leave some details blank; "
           "*Missing* means they do not cover it yet.", "",
           f"## {inline(partnership.current.label)} ({status})", "",
           _summary(results), "", *_table(results, pid)]
    for version in partnership.versions:
        if version is not partnership.current:
            others = check_version(dataset, partnership, version)
            out += [f"## {inline(version.label)} ({STATUS_LABELS[version.arrangements.status].lower()})", "",
                    f"This version is not the one in force. {_summary(others)}", "", *_table(others, pid)]
    if partnership.reports:
        day = date.fromisoformat(today) if today else date.today()
        report_list: Checklist | None = dataset.checklists.get("yearly-report")
        out += ["## Yearly reports {#yearly-reports}", "",
                f"*{inline(report_list.source if report_list else 'Working Together 2023')}* lists what each "
                "yearly report must contain. It is due by 30 September after the year it covers "
                "(1 April to 31 March), then sent to the Child Safeguarding Practice Review Panel and to "
                "Foundations within 7 days of publication.", ""]
        for year in sorted(partnership.reports, reverse=True):
            out += _report_section(dataset, partnership, year, day)
    return "\n".join(out)
