"""The statutory checker: real gaps in the seed data, deadlines, the command and the public page."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from arrangements.core import Dataset, load_dataset
from arrangements.features.checklist import COVERED, MISSING, TBC, check_report, check_version, deadlines
from arrangements.rendering.pages import render
from report_data import REPO, SAMPLE, TODAY, copy_data, line_of
from test_site_pages import article, text_of

SOUTHAMPTON_2024 = Path("partnerships/southampton/arrangements/2024.yml")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(REPO / "data")


def _result(results: list, item: str):  # noqa: ANN202 - a Result
    return next(r for r in results if r.item == item)


def test_southampton_2024_groups_without_chair_or_quorum_are_to_be_confirmed(dataset: Dataset) -> None:
    southampton = dataset.partnerships["southampton"]
    results = check_version(dataset, southampton, southampton.versions[1])
    structure = _result(results, "structure")
    assert structure.status == TBC
    assert "Safeguarding Partnership Executive Group: quorum" in structure.detail
    assert "Partnership Review Group: chair, members" in structure.detail
    assert "Task and finish groups: chair, members, quorum" in structure.detail
    assert "Adult and Children Systems Board: meeting frequency" in structure.detail
    # the annotation points at the first blank (the executive's `quorum:`), on the version's own page
    assert structure.line == line_of(dataset, SOUTHAMPTON_2024, "    quorum:")
    assert structure.where == "southampton/versions/2024/structure.md"
    assert _result(results, "relevant-agencies").status == MISSING
    thresholds = _result(results, "thresholds")
    assert thresholds.status == TBC and "threshold document" in thresholds.detail
    assert thresholds.line == line_of(dataset, SOUTHAMPTON_2024, "thresholds_and_information_sharing: tbc")
    assert _result(results, "area").status == COVERED


def test_the_2022_arrangements_cover_most_items(dataset: Dataset) -> None:
    southampton = dataset.partnerships["southampton"]
    results = check_version(dataset, southampton, southampton.current)
    for item in ("partners-named", "chair", "area", "youth-custody", "scrutiny", "funding", "education"):
        assert _result(results, item).status == COVERED, item
    assert _result(results, "thresholds").status == TBC
    assert _result(results, "review").detail == "To be confirmed: next review date."
    assert _result(results, "education").where == "southampton/governance.md#schools-colleges-and-early-years"


def test_partners_named_lists_whose_lead_is_blank(dataset: Dataset) -> None:
    southampton = dataset.partnerships["southampton"]
    named = _result(check_version(dataset, southampton, southampton.versions[1]), "partners-named")
    assert named.status == TBC
    assert "Hampshire and Isle of Wight Constabulary: lead safeguarding partner" in named.detail


def test_complete_sample_report_is_covered(dataset: Dataset) -> None:
    results = check_report(dataset, dataset.partnerships["north-somerset"], "2024-25")
    assert [r.status for r in results] == [COVERED] * len(dataset.checklists["yearly-report"].items)
    assert _result(results, "impact").where == "north-somerset/reports/2024-25.md#impact"


# --- Deadlines -------------------------------------------------------------------------

@pytest.mark.parametrize(("published", "today", "status"), [
    ("2025-09-30", TODAY, "on time"),           # the last day counts
    ("2025-10-01", TODAY, "late"),
    (None, date(2025, 9, 30), "not yet due"),
    (None, date(2025, 10, 1), "overdue"),
])
def test_publication_deadline(dataset: Dataset, published: str | None, today: date, status: str) -> None:
    report = dataset.partnerships["north-somerset"].reports["2024-25"].model_copy(update={"published": published})
    first = deadlines(report, today)[0]
    assert (first.due, first.status) == (date(2025, 9, 30), status)


@pytest.mark.parametrize(("sent", "today", "status"), [
    ("2025-10-03", TODAY, "on time"),            # published 26 September: 7 days is 3 October
    ("2025-10-04", TODAY, "late"),
    (None, date(2025, 10, 3), "not yet due"),
    (None, date(2025, 10, 4), "overdue"),
])
def test_sending_deadlines(dataset: Dataset, sent: str | None, today: date, status: str) -> None:
    report = dataset.partnerships["north-somerset"].reports["2024-25"]
    report = report.model_copy(update={"sent_to_panel": sent, "sent_to_foundations": sent})
    for deadline in deadlines(report, today)[1:]:
        assert (deadline.due, deadline.status) == (date(2025, 10, 3), status)


def test_sending_waits_for_publication(dataset: Dataset) -> None:
    report = dataset.partnerships["north-somerset"].reports["2024-25"].model_copy(
        update={"published": None, "sent_to_panel": None, "sent_to_foundations": None})
    rows = deadlines(report, date(2026, 1, 1))
    assert rows[0].status == "overdue"
    assert [(d.due, d.due_words, d.status) for d in rows[1:]] == [(None, "7 days after publication", "not yet due")] * 2


# --- The command ---------------------------------------------------------------------------

def _check(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "macros")}
    extra = ["--data", str(data)] if data else []
    return subprocess.run([sys.executable, "-m", "arrangements", "check", "--today", "2026-11-22", *extra, *args],
                          capture_output=True, text=True, env=env, cwd=REPO)


def test_check_command_json_and_text() -> None:
    result = _check("--format", "json")
    assert result.returncode == 0, result.stderr
    blocks = json.loads(result.stdout)
    proposal = next(b for b in blocks if b["partnership"] == "southampton" and b.get("version") == "2024")
    assert not proposal["current"] and proposal["path"] == "data/partnerships/southampton/arrangements/2024.yml"
    report = next(b for b in blocks if b["kind"] == "report")
    assert [d["status"] for d in report["deadlines"]] == ["on time"] * 3
    text = _check()
    assert text.returncode == 0
    assert "[to be confirmed] The structure" in text.stdout and "[missing] The relevant agencies" in text.stdout


def test_check_command_github_annotations_point_at_lines(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    sample = data / SAMPLE
    sample.write_text(sample.read_text(encoding="utf-8").replace("sent_to_foundations: 2025-10-01",
                                                                 "sent_to_foundations:"), encoding="utf-8")
    result = _check("--format", "github", data=data)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    first_blank = line_of(load_dataset(data), SOUTHAMPTON_2024, "    quorum:")
    assert f"::warning file=data/partnerships/southampton/arrangements/2024.yml,line={first_blank},col=1::" in out
    line = line_of(load_dataset(data), SAMPLE, "sent_to_foundations:")
    assert re.search(rf"::warning file=data/partnerships/north-somerset/reports/2024-25.yml,line={line},col=1::"
                     r"(warning: )?Send to Foundations \(the What Works centre\): overdue", out)


def test_check_command_fails_only_on_invalid_data(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    sample = data / SAMPLE
    sample.write_text(sample.read_text(encoding="utf-8").replace("sample: true", "sample: maybe"), encoding="utf-8")
    result = _check(data=data)
    assert result.returncode == 1 and "2024-25.yml" in result.stdout


# --- The public page ------------------------------------------------------------------------

def test_checklist_page_states_status_in_words(dataset: Dataset) -> None:
    markdown = render(dataset, "checklist", "southampton", "2026-11-22")
    assert markdown.startswith("# How these arrangements meet Working Together 2023")
    assert "**✓ Covered**" in markdown and "**? To be confirmed**" in markdown and "**✗ Missing**" in markdown
    assert "[Schools, colleges and early years](governance.md#schools-colleges-and-early-years)" in markdown
    assert "## Proposed terms of reference 2024 (proposed)" in markdown
    report = render(dataset, "checklist", "north-somerset", "2026-11-22")
    assert "### Yearly report 2024-25 {#report-2024-25}" in report
    assert "Illustrative sample data — not real figures" in report
    assert "| Publish the report | 30 September 2025 | 26 September 2025 | **On time** |" in report


def test_built_checklist_pages(built_site: Path) -> None:
    words = text_of(article(built_site, "southampton/checklist"))
    assert "How these arrangements meet Working Together 2023" in words
    assert "Partnership Review Group: chair, members" in words
    words = text_of(article(built_site, "north-somerset/checklist"))
    assert "Yearly report 2024-25" in words and "Send to Foundations" in words
