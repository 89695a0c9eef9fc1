"""Quick exit in a real Chromium, as GOV.UK's "Exit this page" behaves: three
Shift presses leave, typing capitals never does, screen readers hear the
count, and the button never sits over the page's text at any width.

The exit site is answered locally (page.route), so nothing leaves 127.0.0.1.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from conftest import REPO

pytestmark = pytest.mark.browser

EXIT_URL = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python/name:", ""))[
    "extra"]["quick_exit_url"]
STATUS = "#quick-exit-status"


@pytest.fixture
def page(chromium_browser: object) -> Iterator[object]:
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    context.route(EXIT_URL + "**", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"))
    yield context.new_page()
    context.close()


def _type_like_a_person(page: object, text: str, shift_first: bool = True) -> None:
    """Type with a real Shift key for capitals; `shift_first=False` lets Shift go before the letter (rollover)."""
    keyboard = page.keyboard  # type: ignore[attr-defined]
    for char in text:
        if char.isupper():
            keyboard.down("Shift")
            keyboard.down(char)
            if shift_first:
                keyboard.up(char)
                keyboard.up("Shift")
            else:
                keyboard.up("Shift")
                keyboard.up(char)
        else:
            keyboard.press("Space" if char == " " else char)


def _still_here(page: object, url: str) -> bool:
    """Still on the page at `url` (a filter may add a query string)."""
    page.wait_for_timeout(300)  # type: ignore[attr-defined]  # time for a navigation to start
    return page.url.split("?")[0] == url  # type: ignore[attr-defined]


@pytest.mark.parametrize("shift_first", [True, False], ids=["shift-released-last", "shift-released-first"])
def test_typing_capitals_in_the_agency_lookup_does_not_leave(page: object, site_server: str,
                                                            shift_first: bool) -> None:
    url = site_server + "agencies/lookup/"
    page.goto(url)  # type: ignore[attr-defined]
    field = page.locator("#agency-filter")  # type: ignore[attr-defined]
    field.click()
    _type_like_a_person(page, "Isle Of Wight", shift_first)
    assert _still_here(page, url)
    assert field.input_value() == "Isle Of Wight"


def test_typing_capitals_in_search_does_not_leave(page: object, site_server: str) -> None:
    url = site_server + "southampton/"
    page.goto(url)  # type: ignore[attr-defined]
    page.keyboard.press("s")  # type: ignore[attr-defined]  # Material's search shortcut
    _type_like_a_person(page, "Isle Of Wight")
    assert _still_here(page, url)
    assert page.locator("input.md-search__input").input_value() == "Isle Of Wight"  # type: ignore[attr-defined]


def test_three_shift_presses_leave_and_are_announced(page: object, site_server: str) -> None:
    page.goto(site_server + "southampton/")  # type: ignore[attr-defined]
    status = page.locator(STATUS)  # type: ignore[attr-defined]
    assert status.get_attribute("role") == "status"
    page.keyboard.press("Shift")  # type: ignore[attr-defined]
    assert status.text_content() == "Shift, press 2 more times to exit."
    page.keyboard.press("Shift")  # type: ignore[attr-defined]
    assert status.text_content() == "Shift, press 1 more time to exit."
    page.keyboard.press("Shift")  # type: ignore[attr-defined]
    page.wait_for_url(EXIT_URL + "**", timeout=5000)  # type: ignore[attr-defined]
    # location.replace: Back does not bring the reader to the page they left.
    page.go_back()  # type: ignore[attr-defined]
    assert "southampton" not in page.url  # type: ignore[attr-defined]


def test_another_key_between_presses_starts_again_and_says_so(page: object, site_server: str) -> None:
    url = site_server + "southampton/"
    page.goto(url)  # type: ignore[attr-defined]
    page.keyboard.press("Shift")  # type: ignore[attr-defined]
    page.keyboard.press("Shift")  # type: ignore[attr-defined]
    page.keyboard.press("ArrowDown")  # type: ignore[attr-defined]
    assert page.locator(STATUS).text_content() == "Exit this page expired."  # type: ignore[attr-defined]
    page.keyboard.press("Shift")  # type: ignore[attr-defined]
    assert _still_here(page, url)


def test_presses_more_than_five_seconds_apart_do_not_leave(page: object, site_server: str) -> None:
    url = site_server + "southampton/"
    page.goto(url)  # type: ignore[attr-defined]
    page.keyboard.press("Shift")  # type: ignore[attr-defined]
    page.keyboard.press("Shift")  # type: ignore[attr-defined]
    page.wait_for_timeout(5300)  # type: ignore[attr-defined]
    assert page.locator(STATUS).text_content() == "Exit this page expired."  # type: ignore[attr-defined]
    page.keyboard.press("Shift")  # type: ignore[attr-defined]
    assert _still_here(page, url)


def test_button_blanks_the_page_with_a_loading_message_while_leaving(page: object, site_server: str) -> None:
    page.goto(site_server + "southampton/")  # type: ignore[attr-defined]
    # Read the page in the same task as the click, before the exit site replaces it.
    seen = page.evaluate("""() => {
        document.getElementById('quick-exit').click();
        const overlay = document.querySelector('.quick-exit-overlay');
        return {role: overlay.getAttribute('role'), text: overlay.textContent,
                overlayShown: overlay.getBoundingClientRect().height === innerHeight,
                contentShown: !!document.querySelector('.help-panel').getClientRects().length};
    }""")  # type: ignore[attr-defined]
    assert seen == {"role": "alert", "text": "Loading.", "overlayShown": True, "contentShown": False}
    page.wait_for_url(EXIT_URL + "**")  # type: ignore[attr-defined]


def test_quick_exit_is_a_plain_link_without_javascript(chromium_browser: object, site_server: str) -> None:
    context = chromium_browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    context.route(EXIT_URL + "**", lambda route: route.fulfill(body="<title>Weather</title>", content_type="text/html"))
    page = context.new_page()
    page.goto(site_server + "southampton/")
    page.get_by_role("link", name="Exit this page").last.click()
    page.wait_for_url(EXIT_URL + "**")
    context.close()


# For each point sampled inside the button: the elements under it, top first,
# down to the first one with an opaque background (Material's sticky header,
# or the search panel when it is open), which hides all below it. Anything
# with its own text or a control found on the way is covered by the button.
_COVERED = r"""() => {
  const button = document.getElementById('quick-exit');
  const box = button.getBoundingClientRect();
  const covered = new Set();
  // Hit-test everything that is painted, including layers that ignore the
  // pointer (Material's white search overlay).
  const everything = document.createElement('style');
  everything.textContent = '* { pointer-events: auto !important; }';
  document.head.appendChild(everything);
  for (const fx of [0.05, 0.5, 0.95]) for (const fy of [0.1, 0.5, 0.9]) {
    const x = box.left + box.width * fx, y = box.top + box.height * fy;
    for (const el of document.elementsFromPoint(x, y)) {
      if (button.contains(el)) continue;
      const ownText = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
      // A control counts when it shows something (an empty label is a backdrop).
      const control = el.matches('input, img, svg')
        || (el.matches('a, button, label') && (el.textContent.trim() || el.querySelector('svg, img')));
      if (ownText || control) covered.add(el.outerHTML.slice(0, 80));
      const paint = getComputedStyle(el).backgroundColor.match(/[\d.]+/g) || [];
      if (paint.length === 3 || (paint.length === 4 && Number(paint[3]) === 1)) break;
    }
  }
  everything.remove();
  return {covered: [...covered], top: box.top, bottom: box.bottom, height: innerHeight,
          visible: getComputedStyle(button).visibility === 'visible' && box.width > 0};
}"""


@pytest.mark.parametrize("width", [320, 390, 768, 1280])
@pytest.mark.parametrize("path", ["southampton/", "southampton/structure/", "agencies/lookup/", "news/"])
def test_quick_exit_stays_in_view_and_covers_no_text(chromium_browser: object, site_server: str,
                                                    width: int, path: str) -> None:
    context = chromium_browser.new_context(viewport={"width": width, "height": 700})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site_server + path, wait_until="networkidle")
    for where in ("load", "halfway", "bottom"):
        if where != "load":
            page.evaluate("f => window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * f)",
                          0.5 if where == "halfway" else 1)
            page.wait_for_timeout(150)
        found = page.evaluate(_COVERED)
        assert found["visible"] and found["top"] >= 0 and found["bottom"] <= found["height"], (where, found)
        assert not found["covered"], f"{path} at {width}px, {where}: the quick exit covers {found['covered']}"
    context.close()


@pytest.mark.parametrize("width", [320, 390, 768])
def test_quick_exit_stays_usable_while_searching_on_a_phone(chromium_browser: object, site_server: str,
                                                            width: int) -> None:
    """On small screens search covers the whole screen: the way out must stay on top of it."""
    context = chromium_browser.new_context(viewport={"width": width, "height": 700})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site_server + "southampton/")
    page.get_by_role("button", name="Search").click()
    page.keyboard.type("Isle")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    found = page.evaluate(_COVERED)
    on_top = page.evaluate("""() => {
        const button = document.getElementById('quick-exit'), r = button.getBoundingClientRect();
        return button.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)); }""")
    context.close()
    assert found["visible"] and on_top, f"the quick exit is hidden while searching at {width}px"
    assert not found["covered"], f"while searching at {width}px the quick exit covers {found['covered']}"
