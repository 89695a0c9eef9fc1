"""For agencies: the duties, schedule, lookup and per-partnership pages."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from agency_data import small_dataset
from arrangements.core import Dataset, load_dataset
from arrangements.features.agencies import (
    DUTIES_URI,
    LOOKUP_SCRIPT,
    LOOKUP_URI,
    SCHEDULE_URI,
    for_agencies,
    heading_slug,
    named_agencies,
)
from arrangements.features.agency_lookup import agency_lookup
from arrangements.features.news import plain
from arrangements.rendering.pages import all_pages, render
from markdown.extensions.toc import slugify

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return small_dataset(tmp_path_factory.mktemp("agencies"))


@pytest.fixture(scope="module")
def bundled() -> Dataset:
    return load_dataset(REPO / "data")


def test_pages_site_wide_and_per_partnership(dataset: Dataset) -> None:
    uris = {page.uri for page in all_pages(dataset)}
    assert {DUTIES_URI, SCHEDULE_URI, LOOKUP_URI, "northtown/for-agencies.md", "southvale/for-agencies.md"} <= uris


def test_duties_cite_the_act_and_link_each_escalation_route(dataset: Dataset) -> None:
    text = render(dataset, "agency_duties")
    for section in ("16E", "16G", "16H"):
        assert f"legislation.gov.uk/ukpga/2004/31/section/{section}" in text
    assert "section 11" in text
    assert "(../northtown/for-agencies.md#escalation)" in text
    assert "SI 2018/789" in text


def test_partnership_page_groups_agencies_by_schedule_heading(dataset: Dataset) -> None:
    text = for_agencies(dataset, "northtown")
    assert text.index("### Educational and childcare") < text.index("### Miscellaneous") < text.index(
        "### Other named agencies")
    # Groups link to the group pages the site writes; how each agency is represented is shown.
    assert "[Safeguarding Partnership Executive](groups/executive.md)" in text
    assert "The council's *education* lead" in text
    assert "## Escalation" in text and "[manager](https://example.org/esc)" in text


def test_partnership_page_is_safe_with_hostile_text(dataset: Dataset) -> None:
    text = for_agencies(dataset, "northtown")
    assert "<script>" not in text
    assert "All academies &#124; free schools" in text  # a pipe must not split the table cell
    assert "Education &lt;Safeguarding&gt; Forum" in text


def test_group_of_another_partnership_says_whose(dataset: Dataset) -> None:
    text = for_agencies(dataset, "southvale")
    assert "[Safeguarding Partnership Executive (NSCP)](../northtown/groups/executive.md)" in text


def test_blank_fields_show_to_be_confirmed(dataset: Dataset) -> None:
    text = for_agencies(dataset, "northtown")
    assert "## Schools, colleges and early years\n\n*To be confirmed*" in text
    assert "| *To be confirmed* | None named |" in text


class _Rows(HTMLParser):
    """The lookup table's rows: their attributes and the text of each cell."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, object]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr" and self._in_body:
            self.rows.append({"attrs": dict(attrs), "cells": []})
        elif tag in {"td", "th"} and self.rows and self._in_body:
            self._cell = []
        elif tag == "tbody":
            self._in_body = True

    _in_body = False

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._cell is not None:
            self.rows[-1]["cells"].append(" ".join("".join(self._cell).split()))  # type: ignore[union-attr]
            self._cell = None
        elif tag == "tbody":
            self._in_body = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def lookup_rows(html: str) -> list[dict[str, object]]:
    parser = _Rows()
    parser.feed(html)
    return parser.rows


def test_lookup_lists_every_agency_with_search_words(dataset: Dataset) -> None:
    text = agency_lookup(dataset)
    rows = lookup_rows(text)
    assert len(rows) == len(named_agencies(dataset)) == 4
    academies = next(r for r in rows if r["attrs"]["data-partnership"] == "northtown" and "academies" in
                     str(r["attrs"]["data-search"]))
    # Why: "school" must find an Academy row through the schedule entry's keywords.
    assert "school" in str(academies["attrs"]["data-search"])
    assert '<label for="agency-filter">' in text and 'role="status"' in text and 'aria-live="polite"' in text
    assert "<script>alert" not in text


def test_only_the_lookup_page_asks_for_the_script(dataset: Dataset) -> None:
    wanting = [page.uri for page in all_pages(dataset) if LOOKUP_SCRIPT in page.meta.get("scripts", [])]
    assert wanting == [LOOKUP_URI]
    assert (REPO / "overrides" / LOOKUP_SCRIPT).is_file()


def test_schedule_page_names_who_uses_each_entry(dataset: Dataset) -> None:
    text = render(dataset, "agency_schedule")
    assert ("[NSCP](../northtown/for-agencies.md): CAFCASS<br>"
            "[Southvale Partnership](../southvale/for-agencies.md): Cafcass") in text
    assert "## Not yet matched to the schedule" in text


def test_anchor_matches_markdown_toc(bundled: Dataset, dataset: Dataset) -> None:
    titles = [h.title for d in (bundled, dataset) if d.schedule for h in d.schedule.headings]
    titles += ["Health & social care", "Police, and immigration", "Éducation"]
    for title in titles:
        assert heading_slug(title) == slugify(title, "-")


# --- the built site -------------------------------------------------------------------------------


def test_lookup_finds_cafcass_in_every_partnership_that_names_it(built_site: Path, bundled: Dataset) -> None:
    html = (built_site / "agencies" / "lookup" / "index.html").read_text(encoding="utf-8")
    rows = lookup_rows(html)
    expected = [item for item in named_agencies(bundled) if re.search(r"cafcass", item.agency.name, re.I)]
    assert expected, "the bundled data names CAFCASS somewhere"
    for item in expected:
        partnership, agency = ", ".join(item.partnership.data.areas), " ".join(item.agency.name.split())
        found = [r for r in rows if r["cells"][0] == partnership and r["cells"][1] == agency]
        assert len(found) == 1, f"{partnership}: CAFCASS row missing"
        represented = plain(item.agency.represented_by) if item.agency.represented_by else "To be confirmed"
        assert found[0]["cells"][3] == " ".join(represented.split())
    assert len(rows) == len(named_agencies(bundled))


def test_built_pages_exist_and_only_the_lookup_loads_its_script(built_site: Path, bundled: Dataset) -> None:
    for pid in bundled.partnerships:
        assert (built_site / pid / "for-agencies" / "index.html").is_file()
    assert (built_site / LOOKUP_SCRIPT).is_file()
    script = LOOKUP_SCRIPT.rsplit("/", 1)[-1]
    loading = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("*.html")
                     if script in p.read_text(encoding="utf-8"))
    assert loading == ["agencies/lookup/index.html"]
