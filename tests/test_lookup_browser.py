"""Find your agency, in a real browser: filtering as you type, and the full table without JavaScript."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.browser

LABEL = "Search by agency name, kind of organisation or area"
ROWS = "#agency-table tbody tr"


def _matching(page: object, word: str) -> int:
    """Rows whose search words contain `word`: what the filter should show."""
    return page.eval_on_selector_all(  # type: ignore[attr-defined]
        ROWS, "(rows, word) => rows.filter(r => r.dataset.search.includes(word)).length", word)


def test_typing_filters_rows_and_announces_the_count(browser_page: object, site_server: str) -> None:
    from playwright.sync_api import expect

    page = browser_page
    page.goto(site_server + "agencies/lookup/")  # type: ignore[attr-defined]
    rows = page.locator(ROWS)  # type: ignore[attr-defined]
    total = rows.count()
    # The lookup's own live region (every page also has the quick exit's).
    status = page.locator("#agency-count[role=status]")  # type: ignore[attr-defined]
    expect(status).to_have_text(f"All {total} agencies shown")
    field = page.get_by_label(LABEL)  # type: ignore[attr-defined]
    expect(field).to_be_visible()
    field.press_sequentially("cafcass")
    expected = _matching(page, "cafcass")
    assert 0 < expected < total
    expect(page.locator(f"{ROWS}:visible")).to_have_count(expected)  # type: ignore[attr-defined]
    for text in page.locator(f"{ROWS}:visible th").all_inner_texts():  # type: ignore[attr-defined]
        assert "cafcass" in text.lower()
    expect(status).to_have_text(f"{expected} of {total} agencies shown")
    assert "agency=cafcass" in page.url  # type: ignore[attr-defined]
    field.press("Escape")
    expect(page.locator(f"{ROWS}:visible")).to_have_count(total)  # type: ignore[attr-defined]
    expect(status).to_have_text(f"All {total} agencies shown")


def test_kind_of_body_finds_agencies_named_otherwise(browser_page: object, site_server: str) -> None:
    """"school" finds rows through the schedule's keywords, even where the name says "academy"."""
    from playwright.sync_api import expect

    page = browser_page
    page.goto(site_server + "agencies/lookup/?agency=school")  # type: ignore[attr-defined]
    expect(page.get_by_label(LABEL)).to_have_value("school")  # type: ignore[attr-defined]
    expected = _matching(page, "school")
    assert expected > 0
    expect(page.locator(f"{ROWS}:visible")).to_have_count(expected)  # type: ignore[attr-defined]


def test_no_match_says_so(browser_page: object, site_server: str) -> None:
    from playwright.sync_api import expect

    page = browser_page
    page.goto(site_server + "agencies/lookup/")  # type: ignore[attr-defined]
    page.get_by_label(LABEL).fill("zzzz nothing")  # type: ignore[attr-defined]
    expect(page.locator(f"{ROWS}:visible")).to_have_count(0)  # type: ignore[attr-defined]
    expect(page.locator("#agency-empty")).to_be_visible()  # type: ignore[attr-defined]
    expect(page.locator("#agency-count[role=status]")).to_contain_text("0 of")  # type: ignore[attr-defined]


@pytest.fixture
def page_without_js(chromium_browser: object) -> Iterator[object]:
    context = chromium_browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    yield context.new_page()
    context.close()


def test_without_javascript_the_whole_table_shows(page_without_js: object, site_server: str) -> None:
    from playwright.sync_api import expect

    page = page_without_js
    page.goto(site_server + "agencies/lookup/?agency=cafcass")  # type: ignore[attr-defined]
    rows = page.locator(ROWS)  # type: ignore[attr-defined]
    total = rows.count()
    assert total > 0
    expect(page.locator(f"{ROWS}:visible")).to_have_count(total)  # type: ignore[attr-defined]
    # A search box that cannot work is not offered.
    expect(page.get_by_label(LABEL)).to_be_hidden()  # type: ignore[attr-defined]
    expect(page.locator("#agency-count")).to_have_text(f"{total} agencies listed")  # type: ignore[attr-defined]
