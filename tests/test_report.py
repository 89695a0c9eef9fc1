"""Yearly reports: the model, its validation, and the pages (through pages.render and the real build)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from arrangements.core import Dataset, load_dataset
from arrangements.features.checklist import COVERED, check_report
from arrangements.features.report import SECTIONS
from arrangements.rendering.pages import all_pages, render
from report_data import REPO, SAMPLE, edited, line_of
from test_site_pages import article, page, text_of


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(REPO / "data")


def _without_impact(text: str) -> str:
    return re.sub(r"^impact:\n(?:  .*\n)+", "impact: tbc\n", text, flags=re.M)


def test_sample_report_loads_cleanly(dataset: Dataset) -> None:
    report = dataset.partnerships["north-somerset"].reports["2024-25"]
    assert report.sample and report.impact and report.funding
    assert not [p for p in dataset.problems if "reports/" in p.path], dataset.problems


def test_report_page_has_every_checklist_section_in_order(dataset: Dataset) -> None:
    markdown = render(dataset, "report", "north-somerset", "2024-25")
    headings = re.findall(r"^## (.+?) \{#", markdown, flags=re.M)
    assert headings[0] == "At a glance"
    assert headings[1:] == [heading for _, heading, _, _ in SECTIONS]
    checklist = dataset.checklists["yearly-report"]
    answered = [item for _, _, item, _ in SECTIONS]
    # Every checklist item has a section, and sections follow the checklist's order.
    assert [i.id for i in checklist.items] == list(dict.fromkeys(answered))
    assert "Illustrative sample data — not real figures" in markdown


def test_report_pages_exist_for_reports_only(dataset: Dataset) -> None:
    uris = {p.uri for p in all_pages(dataset)}
    assert {"north-somerset/reports/index.md", "north-somerset/reports/2024-25.md"} <= uris
    assert not any(u.startswith("southampton/reports/") for u in uris)
    index = render(dataset, "report_index", "north-somerset")
    assert "Illustrative sample data" in index and "[Yearly report 2024-25](2024-25.md)" in index


def test_charts_come_with_their_figures_in_words(dataset: Dataset) -> None:
    markdown = render(dataset, "report", "north-somerset", "2024-25")
    assert markdown.count('<figure class="bar-chart"') == 4  # training, priorities, contributions, spend
    assert "<script" not in markdown and "http" not in markdown.split("<figure", 1)[1].split("</figure>")[0]
    # The source does not name North Somerset's partner organisations: the table says which partner it is.
    assert "| Local authority | £142,000 (57%) |" in markdown and "| None |" not in markdown
    assert "| Recognising neglect | 14 | 410 |" in markdown
    assert "Priorities by progress: on track: 1, some progress: 1, little or no progress: 1." in markdown


def test_report_missing_impact_is_a_warning_and_shows_on_the_page(tmp_path: Path) -> None:
    dataset = edited(tmp_path, SAMPLE, _without_impact)
    assert dataset.ok  # a warning, not an error: the report still builds
    warning = next(p for p in dataset.problems if "no evidence of impact" in p.message)
    assert warning.severity == "warning" and warning.line == line_of(dataset, SAMPLE, "impact: tbc")
    results = check_report(dataset, dataset.partnerships["north-somerset"], "2024-25")
    impact = next(r for r in results if r.item == "impact")
    assert impact.status != COVERED and impact.detail.startswith("No evidence of impact")
    assert "No evidence of impact given yet" in render(dataset, "report", "north-somerset", "2024-25")


def test_impact_key_cannot_simply_be_left_out(tmp_path: Path) -> None:
    dataset = edited(tmp_path, SAMPLE, lambda t: re.sub(r"^impact:\n(?:  .*\n)+", "", t, flags=re.M))
    assert any(p.severity == "error" and "impact" in str(p) for p in dataset.problems)


def test_contribution_from_unknown_partner_is_an_error(tmp_path: Path) -> None:
    dataset = edited(tmp_path, SAMPLE, lambda t: t.replace("partner: icb", "partner: icbb"))
    error = next(p for p in dataset.problems.errors if "icbb" in p.message)
    assert "did you mean 'icb'?" in error.hint
    assert error.line == line_of(dataset, SAMPLE, "partner: icbb")


def test_period_and_file_name_are_checked(tmp_path: Path) -> None:
    dataset = edited(tmp_path, SAMPLE, lambda t: t.replace("end: 2025-03-31", "end: 2026-03-31"))
    messages = [p.message for p in dataset.problems]
    assert any("called 2024-25.yml but the period is 2024-26" in m for m in messages)
    backwards = edited(tmp_path / "b", SAMPLE, lambda t: t.replace("end: 2025-03-31", "end: 2024-03-31"))
    assert any("must end after it starts" in str(p) for p in backwards.problems.errors)


def test_report_text_is_escaped(tmp_path: Path) -> None:
    hostile = "summary: >-\n  <script>x</script> {{ 7*7 }}"
    dataset = edited(tmp_path, SAMPLE, lambda t: t.replace("summary: >-", hostile, 1))
    markdown = render(dataset, "report", "north-somerset", "2024-25")
    assert "<script>x" not in markdown and "&lt;script&gt;" in markdown and "{{ 7*7 }}" not in markdown


def test_blank_changes_are_filled_from_the_versions(tmp_path: Path) -> None:
    sample = (REPO / "data" / SAMPLE).read_text(encoding="utf-8")
    report = re.sub(r"^changes:\n(?:  .*\n)+", "changes:\n  made:\n  planned:\n", sample, flags=re.M)
    report = re.sub(r"^  contributions:\n(?:    .*\n)+", "  contributions: []\n", report, flags=re.M)
    dataset = edited(tmp_path, Path("partnerships/southampton/reports/2024-25.yml"), lambda _: report)
    assert dataset.ok, dataset.problems.errors
    markdown = render(dataset, "report", "southampton", "2024-25")
    changes = markdown.split("{#changes}", 1)[1]
    assert "**Planned** (from *Proposed terms of reference 2024*" in changes
    assert "Now covers children and adults (before: children)." in changes
    assert "**Made:** *To be confirmed*" in changes


def test_built_report_page(built_site: Path) -> None:
    words = text_of(article(built_site, "north-somerset/reports/2024-25"))
    assert "Illustrative sample data — not real figures" in words
    for _, heading, _, _ in SECTIONS:
        assert heading in words, heading
    assert "Local authority" in words and "£142,000" in words  # partners shown by what they are, never ids
    assert "In all, 954 people attended 32 sessions." in words
    markup = page(built_site, "north-somerset/reports/2024-25")
    assert "assets/stylesheets/report-print.css" in markup
    assert 'class="yearly-report"' in markup  # the print stylesheet's hook for page breaks
    assert "Illustrative sample data" in text_of(article(built_site, "north-somerset/reports"))
