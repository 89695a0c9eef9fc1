"""Yearly reports: the checks and pages of what a partnership publishes each year.

Working Together 2023 expects a yearly report (1 April to 31 March) with
nine kinds of content; analyses of past reports found most gave no evidence
of impact. So here impact is a required list of outcomes with evidence, and
a report that leaves it blank is flagged by validation and by the checker.
Field names match the `covered_by` paths in
data/reference/yearly-report-checklist.yml.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

from arrangements.data import dataset as dataset_module
from arrangements.data.dataset import (  # Why: report paths read like every other problem's
    Dataset,
    Partnership,
    _display,
)
from arrangements.data.load import Document, read_document
from arrangements.data.problems import ProblemList, did_you_mean, join_hint
from arrangements.data.validate import dataset_check
from arrangements.features.changes import Change, diff
from arrangements.features.documents import report_stem
from arrangements.features.documents_build import download_section
from arrangements.features.report_records import (
    STATUS_WORDS,
    Review,
    YearlyReport,
)
from arrangements.rendering.dates import date_or_tbc
from arrangements.rendering.pages import Page, call, page_maker, renderer
from arrangements.rendering.text import TBC, block, cell, escape, facts, inline, or_tbc
from arrangements.rendering.wording import SECTOR_LABELS, SERVES_WORDS

# Why a hook: the dataset loads report files only once a feature provides the model.
dataset_module.REPORT_MODEL = YearlyReport


# --- Files and checks ----------------------------------------------------------

def report_path(dataset: Dataset, pid: str, year: str) -> str:
    """The report's file as problems and edit links name it, e.g. `data/partnerships/x/reports/2024-25.yml`."""
    return _display(dataset.root / "partnerships" / pid / "reports" / f"{year}.yml", dataset.root)


def report_document(dataset: Dataset, pid: str, year: str) -> Document:
    """The report file's positions, for problems and annotations on the exact line."""
    path = dataset.root / "partnerships" / pid / "reports" / f"{year}.yml"
    return read_document(path, report_path(dataset, pid, year), ProblemList())


def expected_year(report: YearlyReport) -> str:
    """`2024-25` for 1 April 2024 to 31 March 2025: the file name the report should have."""
    return f"{report.period.start[:4]}-{report.period.end[2:4]}"


@dataset_check
def _check_periods_ended(dataset: Dataset) -> None:
    """A yearly report for a year that has not ended yet."""
    today = date.today().isoformat()
    for partnership in dataset.partnerships.values():
        for year, report in partnership.reports.items():
            end = report.period.end
            if end >= today[: len(end)]:
                doc = report_document(dataset, partnership.id, year)
                line, column = doc.mark(("period", "end"))
                dataset.problems.add(
                    doc.path, line, column, f"the report's period has not ended yet (it ends {end})",
                    "publish a yearly report after its year ends; keep a draft outside data/ until then")


@dataset_check
def check_reports(dataset: Dataset) -> None:
    for partnership in dataset.partnerships.values():
        for year, report in partnership.reports.items():
            _check_report(dataset, partnership, year, report)


def _check_report(dataset: Dataset, partnership: Partnership, year: str, report: YearlyReport) -> None:
    doc = report_document(dataset, partnership.id, year)

    def add(loc: tuple[str | int, ...], message: str, hint: str, severity: str = "warning") -> None:
        line, column = doc.mark(loc)
        dataset.problems.add(doc.path, line, column, message, hint, severity=severity)

    # Why a warning, not an error: a report without evidence can still be published, but never unnoticed.
    if not report.impact:
        add(("impact",), "this report gives no evidence of impact on children and families",
            "add `impact:` with at least one outcome and the evidence for it")
    # Why no rule on 1 April: some reports cover 17 or 24 months; only a gap of years is suspicious.
    if int(report.period.end[:4]) - int(report.period.start[:4]) > 2:
        add(("period",), "the report covers more than two years", "a yearly report is published at least every "
            "12 months; check the dates")
    if not year.startswith(expected_year(report)):
        add(("period",), f"the file is called {year}.yml but the period is {expected_year(report)}",
            f"rename the file to {expected_year(report)}.yml (or {expected_year(report)}-adults.yml for the adults' "
            "report of a joint partnership) or correct the dates")
    partner_ids = [p.id for p in partnership.data.partners]
    for index, item in enumerate(report.funding.contributions if report.funding else []):
        if item.partner not in partner_ids:
            add(("funding", "contributions", index, "partner"), f"'{item.partner}' is not one of the partners",
                join_hint(did_you_mean(item.partner, partner_ids), "use a partner id: " + ", ".join(partner_ids)),
                severity="error")


# --- Pages -----------------------------------------------------------------------

@page_maker
def report_pages(dataset: Dataset) -> Iterator[Page]:
    for partnership in dataset.partnerships.values():
        if not partnership.reports:
            continue
        section = (partnership.data.name, "Yearly reports")
        yield Page(f"{partnership.id}/reports/index.md", "Yearly reports", call("report_index", partnership.id),
                   partnership=partnership.id, section=section, order=0)
        for year in sorted(partnership.reports, reverse=True):
            yield Page(f"{partnership.id}/reports/{year}.md", f"Yearly report {year}",
                       call("report", partnership.id, year), partnership=partnership.id, section=section,
                       data_file=report_path(dataset, partnership.id, year), order=10)


SAMPLE_WORDS = "Illustrative sample data — not real figures"
SAMPLE_BANNER = [
    f'!!! warning "{SAMPLE_WORDS}"',
    "    This report shows how a yearly report looks on this site. Every figure and sentence in it is made up "
    "for illustration: do not quote it.",
    "",
    # Why: shown only in print, where it repeats at the foot of every printed page.
    f'<p class="sample-print-note" aria-hidden="true">{SAMPLE_WORDS}</p>',
    "",
]


@renderer("report_index")
def report_index(dataset: Dataset, pid: str) -> str:
    partnership = dataset.partnerships[pid]
    reports = sorted(partnership.reports.items(), reverse=True)
    out = [f"# Yearly reports: {inline(partnership.data.short_name or partnership.data.name)}", ""]
    if any(report.sample for _, report in reports):
        out += SAMPLE_BANNER
    out += ["Each year the partners publish what they did, what difference it made for children and families, "
            "and what they will change. Most reports cover 1 April to 31 March.", ""]
    for year, report in reports:
        note = " (illustrative sample)" if report.sample else ""
        out += [f"- [Yearly report {year}]({year}.md){note}: {inline(report.summary)}"]
    out += ["", "[How each report meets Working Together 2023](../checklist.md#yearly-reports)", ""]
    return "\n".join(out)


def long_date(value: str | None) -> str:
    return date_or_tbc(value)


def _money(value: int) -> str:
    return f"£{value:,}"


def bar_chart(title: str, rows: list[tuple[str, float, str]], unit: str,
              equivalent: list[str] | None = None) -> list[str]:
    """A bar chart in plain HTML and CSS (no script, no requests), followed by the same figures in words.

    Why: a chart is never the only way to get the numbers (screen readers, print, copy and paste), so
    it is hidden from screen readers and followed by `equivalent`, by default a table of the figures.
    """
    top = max((value for _, value, _ in rows), default=0) or 1
    bars = "".join(
        f'<div class="bar"><span class="bar__label">{escape(label)}</span>'
        f'<span class="bar__track"><span class="bar__fill" style="width:{value / top * 100:.0f}%"></span></span>'
        f'<span class="bar__value">{escape(shown)}</span></div>'
        for label, value, shown in rows)
    if equivalent is None:
        # Why `cell`, not `escape`: a table is Markdown, where `[x](javascript:…)` would still make a link.
        equivalent = [f"| {cell(title)} | {cell(unit)} |", "| --- | ---: |",
                      *[f"| {cell(label)} | {cell(shown)} |" for label, _, shown in rows], ""]
    return [f'<figure class="bar-chart" aria-hidden="true"><figcaption>{escape(title)}</figcaption>{bars}</figure>',
            "", *equivalent]


def _figures(heading: str, pairs: list[tuple[str, str]]) -> list[str]:
    """A two-column table of labelled figures."""
    return [f"| {heading} | Number |", "| --- | ---: |", *[f"| {label} | {value} |" for label, value in pairs], ""]


def _labelled(label: str, value: object) -> list[str]:
    return [f"**{label}** {or_tbc(value)}", ""]


# --- Sections, in the order of the statutory checklist ---------------------------------
# Each section renders (partnership, report) -> Markdown lines. The explicit
# `{#id}` anchors are the checklist item ids, so the checker can link to them.

Section = Callable[[Partnership, YearlyReport], list[str]]


def _activity(partnership: Partnership, report: YearlyReport) -> list[str]:
    out = [block(report.activity), ""]
    out += ["### Practice reviews", ""]
    pr = report.practice_reviews
    if pr is None:
        return [*out, TBC, ""]
    out += _figures("In the year", [("Serious incidents notified to the national panel", str(pr.notifications)),
                     ("Rapid reviews", str(pr.rapid_reviews)),
                     ("Local child safeguarding practice reviews started", str(pr.lcsprs_commissioned)),
                     ("Local child safeguarding practice reviews published", str(pr.lcsprs_published))])
    for review in pr.reviews:
        out += [f"**{inline(review.title)}**: decided {long_date(review.decided)}, "
                f"published {long_date(review.published) if review.published else 'not yet'}"
                f"{_review_timing(review)}.", ""]
        if review.learning:
            out += [f"What we learned: {inline(review.learning)}", ""]
    out += ["### Audits", ""]
    if report.audits is None:
        return [*out, TBC, ""]
    out += _labelled("Section 11 audit:", report.audits.section11)
    return out + [f"- {inline(a)}" for a in report.audits.multi_agency] + [""]


def _review_timing(review: Review) -> str:
    """Local reviews are due within 6 months of the decision: say whether this one was."""
    if not (review.decided and review.published and len(review.decided) == len(review.published) == 10):
        return ""
    decided, published = date.fromisoformat(review.decided), date.fromisoformat(review.published)
    months = (published.year - decided.year) * 12 + published.month - decided.month - (published.day < decided.day)
    verdict = "within" if months < 6 else "later than"
    return f" ({verdict} the 6 months expected)"


def _impact(partnership: Partnership, report: YearlyReport) -> list[str]:
    out: list[str] = []
    if report.impact:
        for item in report.impact:
            out += [f"- **{inline(item.outcome)}** How we know: {inline(item.evidence)}"]
        out.append("")
    else:
        out += ['!!! danger "No evidence of impact given yet"',
                "    This report does not yet say what changed for children and families, or how we know.", ""]
    out += ["### Training and learning", ""]
    courses = report.training.courses if report.training else []
    if courses:
        table = ["| Course | Sessions | People | What they said |", "| --- | ---: | ---: | --- |",
                 *[f"| {inline(c.title)} | {c.sessions:,} | {c.attendees:,} | {or_tbc(c.evaluation)} |"
                   for c in courses], ""]
        out += bar_chart("People trained, by course", [(c.title, c.attendees, f"{c.attendees:,}") for c in courses],
                         "People", table)
        out += [f"In all, {sum(c.attendees for c in courses):,} people attended "
                f"{sum(c.sessions for c in courses):,} sessions.", ""]
    return out + _labelled("Impact of training:", report.training.impact if report.training else None)


def _priorities(partnership: Partnership, report: YearlyReport) -> list[str]:
    out: list[str] = []
    if report.priorities:
        counts = {word: sum(1 for p in report.priorities if p.status == status)
                  for status, word in STATUS_WORDS.items()}
        counted = [(word, n, str(n)) for word, n in counts.items() if n]
        in_words = ", ".join(f"{word.lower()}: {n}" for word, n, _ in counted)
        out += bar_chart("Priorities by progress", counted, "Priorities", [f"Priorities by progress: {in_words}.", ""])
        out += ["| Priority | Progress | Evidence | Difference for children and families |",
                "| --- | --- | --- | --- |",
                *[f"| {inline(p.title)} | {STATUS_WORDS[p.status]} | {or_tbc(p.evidence)} | {or_tbc(p.impact)} |"
                  for p in report.priorities], ""]
    else:
        out += [TBC, ""]
    return out + ["### Where we made little or no progress", "", block(report.little_progress), ""]


def _text(field: str) -> Section:
    return lambda partnership, report: [block(getattr(report, field)), ""]


def _voice(partnership: Partnership, report: YearlyReport) -> list[str]:
    voice = report.voice
    return (_labelled("How we asked:", voice.sought if voice else None)
            + _labelled("What changed as a result:", voice.changed if voice else None))


def _scrutiny(partnership: Partnership, report: YearlyReport) -> list[str]:
    scrutiny = report.scrutiny
    return (_labelled("What the scrutineer found:", scrutiny.findings if scrutiny else None)
            + _labelled("Our response:", scrutiny.response if scrutiny else None))


def _funding(partnership: Partnership, report: YearlyReport) -> list[str]:
    funding = report.funding
    if funding is None or not (funding.contributions or funding.spend):
        return [TBC, ""]
    # Why the sector: a partner the source does not name would otherwise show as "None".
    names = {p.id: p.organisation or SECTOR_LABELS[p.sector] for p in partnership.data.partners}
    out: list[str] = []
    income = sum(c.amount for c in funding.contributions)
    if funding.contributions:
        out += bar_chart("Contributions by partner", [
            (names.get(c.partner, c.partner), c.amount, f"{_money(c.amount)} ({c.amount / (income or 1):.0%})")
            for c in funding.contributions], "Amount (share)")
        out += [f"Total contributions: **{_money(income)}**.", ""]
    if funding.spend:
        spent = sum(s.amount for s in funding.spend)
        out += bar_chart("Spend", [(s.item, s.amount, _money(s.amount)) for s in funding.spend], "Amount")
        out += [f"Total spend: **{_money(spent)}**.", ""]
    return out


def _changes(partnership: Partnership, report: YearlyReport) -> list[str]:
    made = report.changes.made if report.changes else None
    planned = report.changes.planned if report.changes else None
    found = latest_changes(partnership)
    out: list[str] = []
    for label, text, status in (("Made", made, "in-force"), ("Planned", planned, "proposed")):
        if text:
            out += [f"**{label}:** {inline(text)}", ""]
        elif found and (found[0].arrangements.status == "in-force") == (status == "in-force"):
            # Why: the versions already say what changed; the report need not repeat it by hand.
            out += [f"**{label}** (from *{inline(found[0].label)}*, compared with the version before):", "",
                    *[f"- {c.text}" for c in found[1]], ""]
        else:
            out += [f"**{label}:** {TBC}", ""]
    if found:
        out += ["[What changed between versions](../changes.md)", ""]
    return out


def latest_changes(partnership: Partnership) -> tuple[dataset_module.Version, list[Change]] | None:
    """The newest version and what changed from the one before, when there are two or more."""
    if len(partnership.versions) < 2:
        return None
    old, new = partnership.versions[-2:]
    return new, diff(old.arrangements, new.arrangements)


# (anchor, heading, checklist item it answers, renderer)
SECTIONS: list[tuple[str, str, str, Section]] = [
    ("activity", "What the partners did", "activity", _activity),
    ("impact", "The difference it made", "impact", _impact),
    ("priorities", "Progress on our priorities", "little-progress", _priorities),
    ("review-actions", "Acting on practice reviews", "review-actions", _text("review_actions")),
    ("voice", "Listening to children and families", "voice", _voice),
    ("data", "Using data", "data-and-education", _text("data_use")),
    ("education", "Schools, colleges and early years", "data-and-education", _text("education")),
    ("scrutiny", "Independent scrutiny", "scrutiny", _scrutiny),
    ("funding", "Funding", "funding", _funding),
    ("changes", "Changes to the arrangements", "changes", _changes),
]


def section_anchor(item_id: str) -> str:
    """The anchor on a report page that answers a checklist item."""
    return next((anchor for anchor, _, item, _ in SECTIONS if item == item_id), "")


def _at_a_glance(report: YearlyReport) -> list[str]:
    out = ["## At a glance {#at-a-glance}", "", block(report.summary), ""]
    highlights = [(f"Evidence of impact: {inline(report.impact[0].outcome)}" if report.impact else None),
                  (f"{sum(c.attendees for c in report.training.courses):,} people trained"
                   if report.training and report.training.courses else None),
                  (f"{sum(1 for p in report.priorities if p.status in ('achieved', 'on-track'))} of "
                   f"{len(report.priorities)} priorities achieved or on track" if report.priorities else None)]
    out += [f"- {h}" for h in highlights if h] + [""]
    out += ["**About this report**", "", facts([
        ("Covers", f"{long_date(report.period.start)} to {long_date(report.period.end)}"),
        ("Published", long_date(report.published)),
        ("Sent to the Child Safeguarding Practice Review Panel", long_date(report.sent_to_panel)),
        ("Sent to Foundations", long_date(report.sent_to_foundations))])]
    return out


@renderer("report")
def render_report(dataset: Dataset, pid: str, year: str) -> str:
    partnership = dataset.partnerships[pid]
    report = partnership.reports[year]
    name = inline(partnership.data.short_name or partnership.data.name)
    # Why the class: the print stylesheet starts each section on a new page only on report pages.
    whose = f" for {SERVES_WORDS[report.covers]}" if report.covers else ""
    out = [f"# {name} yearly report{whose} {year} {{: .yearly-report }}", "",
           f"This report covers {long_date(report.period.start)} to {long_date(report.period.end)}.", ""]
    if report.sample:
        out += SAMPLE_BANNER
    out += download_section(dataset, pid, [(report_stem(year), f"the yearly report {year}")],
                            f"{pid}/reports/{year}.md", "The same report as a document, to print or to send on:",
                            heading=None)  # Why no heading: a printed report starts a page at every heading
    out += _at_a_glance(report)
    for anchor, heading, _, section in SECTIONS:
        out += [f"## {heading} {{#{anchor}}}", "", *section(partnership, report)]
    out += ["---", "", f"[How this report meets Working Together 2023](../checklist.md#report-{year}) · "
            f"[About the partnership](../index.md) · [How it is organised](../structure.md)", ""]
    return "\n".join(out)
