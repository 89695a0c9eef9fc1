"""What changed between versions of a partnership's arrangements."""

from __future__ import annotations

from pathlib import Path

import pytest
from arrangements.core import Dataset, load_dataset
from arrangements.features.changes import diff, match_groups
from arrangements.rendering.pages import all_pages, render
from report_data import REPO
from test_site_pages import article, text_of


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(REPO / "data")


@pytest.fixture(scope="module")
def southampton_changes(dataset: Dataset) -> list[str]:
    old, new = (v.arrangements for v in dataset.partnerships["southampton"].versions)
    return [c.text for c in diff(old, new)]


def test_kind_and_name(southampton_changes: list[str]) -> None:
    assert "Now covers children and adults (before: children)." in southampton_changes
    renamed = "Renamed from *Southampton Safeguarding Children Partnership*"
    assert any(c.startswith(renamed) for c in southampton_changes)


def test_groups_added_removed_renamed(southampton_changes: list[str]) -> None:
    assert ("Not listed in the later version: Business Group (the later version does not describe it)."
            in southampton_changes)
    # Why not "New group": the 2022 document does not say the board did not exist, only the 2024 one lists it.
    assert ("Listed for the first time: Adult and Children Systems Board (the earlier version does not mention it)."
            in southampton_changes)
    assert not any(c.startswith("New group:") for c in southampton_changes)
    # Neither source says the 2022 improvement group was renamed: the 2024 one is listed, not a rename.
    assert not any(" renamed " in c for c in southampton_changes)
    assert ("Listed for the first time: Practice and Performance Improvement Group (QA) "
            "(the earlier version does not mention it).") in southampton_changes
    assert ("Not listed in the later version: Safeguarding Practice Improvement Group "
            "(the later version does not describe it).") in southampton_changes


def test_group_details_partners_and_agencies(southampton_changes: list[str]) -> None:
    joined = "\n".join(southampton_changes)
    # The 2024 proposal names no lead partners: "not recorded", never a change of person.
    assert "Southampton City Council: the lead safeguarding partner was Chief Executive; now not recorded." in joined
    # It names the ICB only as "Integrated Care Board": not a change of organisation.
    assert "Integrated Care Board is now" not in joined
    assert "Hampshire Constabulary is now Hampshire and Isle of Wight Constabulary." in joined
    assert ("the delegated safeguarding partner was Phil Lamb, District Commander, Hampshire Constabulary; "
            "also Southampton's representative at the HIPS Executive Group; now not recorded.") in joined
    assert "Not named in the later version: CAFCASS." in southampton_changes


def test_same_version_has_no_changes(dataset: Dataset) -> None:
    data = dataset.partnerships["southampton"].versions[0].arrangements
    assert diff(data, data) == []


def test_groups_match_by_id_first(dataset: Dataset) -> None:
    old, new = (v.arrangements for v in dataset.partnerships["southampton"].versions)
    pairs, removed, added = match_groups(old.groups, new.groups)
    assert all(a.id == b.id or a.name != b.name for a, b in pairs)
    assert {g.id for g in removed}.isdisjoint({g.id for g in added})


def test_changes_page_only_where_there_are_versions(dataset: Dataset) -> None:
    uris = {p.uri for p in all_pages(dataset)}
    assert "southampton/changes.md" in uris and "north-somerset/changes.md" not in uris
    markdown = render(dataset, "changes", "southampton")
    assert "## From Arrangements 2022 to Proposed terms of reference 2024" in markdown
    assert "### Groups" in markdown


def test_built_changes_page(built_site: Path) -> None:
    words = text_of(article(built_site, "southampton/changes"))
    assert "From Arrangements 2022 to Proposed terms of reference 2024" in words
    assert "Not listed in the later version: Business Group (the later version does not describe it)." in words
