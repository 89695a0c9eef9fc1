"""WCAG 2.2 AA gates in a real browser: axe-core on every kind of page,
keyboard use, the diagrams' text equivalents, and the request budget.

axe-core comes from the npm registry (node_modules/axe-core, installed by
`make browsers` / .ci/run) and is injected into pages served on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from conftest import AXE, foreign_requests

pytestmark = pytest.mark.browser

# One page of each kind the site generates (issue: home, overview, structure,
# group, agencies, lookup, report, checklist, news, statement).
PAGE_KINDS = {
    "home": "",
    "overview": "southampton/",
    "structure": "southampton/structure/",
    "group": "southampton/groups/partnership/",
    "agencies": "southampton/for-agencies/",
    "for-agencies": "agencies/",
    "lookup": "agencies/lookup/",
    "report": "north-somerset/reports/2024-25/",
    "checklist": "southampton/checklist/",
    "changes": "southampton/changes/",
    "news": "news/",
    "statement": "accessibility/",
}
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}
SCHEMES = ("light", "dark")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Budgets a reader on a slow phone would feel (checked by the tests below,
# printed in full by scripts/weight.py).
HTML_BUDGET = 120_000          # bytes of HTML for one page
FIRST_VIEW_BUDGET = 900_000    # bytes loaded on first view of a page without a diagram


def _run_axe(page: object) -> list[dict[str, object]]:
    page.add_script_tag(path=str(AXE))  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def _describe(violations: list[dict[str, object]]) -> str:
    lines = []
    for violation in violations:
        nodes = violation["nodes"]  # type: ignore[index]
        targets = [str(node["target"]) for node in nodes][:3]  # type: ignore[index]
        lines.append(f"{violation['id']}: {violation['help']} ({len(nodes)} nodes, e.g. {targets})")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def kinds_present(built_site: Path) -> dict[str, str]:
    missing = [kind for kind, url in PAGE_KINDS.items() if not (built_site / url / "index.html").exists()]
    assert not missing, f"page kinds missing from the built site: {missing}"
    return PAGE_KINDS


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_wcag_violations(chromium_browser: object, site_server: str, kinds_present: dict[str, str],
                            kind: str, viewport: str, scheme: str) -> None:
    context = chromium_browser.new_context(  # type: ignore[attr-defined]
        viewport=VIEWPORTS[viewport], color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_server + kinds_present[kind], wait_until="networkidle")
    violations = _run_axe(page)
    context.close()
    assert not violations, f"{kind} at {viewport} in {scheme}:\n{_describe(violations)}"
    assert not foreign_requests(requests), f"{kind} asked another host: {foreign_requests(requests)}"


def test_forced_colours_keep_the_quick_exit_visible(chromium_browser: object, site_server: str) -> None:
    """High-contrast (Windows forced colours) users still see the way out and the help."""
    context = chromium_browser.new_context(forced_colors="active")  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site_server + "southampton/")
    assert page.locator("#quick-exit").is_visible()
    assert page.get_by_role("heading", name="Worried about a child?").is_visible()
    context.close()


def _focused(page: object) -> dict[str, str]:
    return page.evaluate(  # type: ignore[attr-defined]
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
                   return {id: e.id, cls: e.className, text: e.innerText || '', outline: s.outlineStyle,
                           width: s.outlineWidth}; }""")


def test_tab_order_starts_with_skip_link_then_exit_this_page(browser_page: object, site_server: str) -> None:
    page = browser_page
    page.goto(site_server + "southampton/")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    first = _focused(page)
    assert "site-skip" in first["cls"] and "Skip to main content" in first["text"]
    assert first["outline"] != "none", "the focused skip link must show a visible focus ring"
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    second = _focused(page)
    assert "quick-exit-skip" in second["cls"] and second["text"].strip() == "Exit this page"
    assert second["outline"] != "none" and second["width"] != "0px"
    assert page.evaluate("document.activeElement.getBoundingClientRect().width > 50")  # type: ignore[attr-defined]


def test_skip_link_moves_focus_to_the_content(browser_page: object, site_server: str) -> None:
    page = browser_page
    page.goto(site_server + "southampton/")  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.id") == "main-content"  # type: ignore[attr-defined]
    # The next Tab lands inside the content, on the help panel's first link.
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    assert page.evaluate("!!document.activeElement.closest('article')")  # type: ignore[attr-defined]


def test_search_opens_and_answers_from_the_keyboard(browser_page: object, site_server: str) -> None:
    page = browser_page
    page.goto(site_server)  # type: ignore[attr-defined]
    page.keyboard.press("s")  # type: ignore[attr-defined]  # Material's shortcut for search
    search = page.locator("input.md-search__input")  # type: ignore[attr-defined]
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")  # type: ignore[attr-defined]
    search.type("Matthew Richardson")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)  # type: ignore[attr-defined]
    assert "Southampton" in page.locator(".md-search-result").inner_text()  # type: ignore[attr-defined]


def test_mobile_navigation_opens_by_keyboard(chromium_browser: object, site_server: str) -> None:
    context = chromium_browser.new_context(viewport=VIEWPORTS["mobile"])  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site_server + "southampton/")
    menu = page.locator("label.md-header__button[for='__drawer']")
    menu.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    assert page.locator("nav.md-nav--primary").first.is_visible()
    context.close()


def test_diagram_has_accessible_name_and_reachable_text(browser_page: object, site_server: str) -> None:
    """The chart is in a closed shadow root; its name and the text equivalent are what assistive tech gets."""
    page = browser_page
    page.goto(site_server + "southampton/structure/", wait_until="networkidle")  # type: ignore[attr-defined]
    figure = page.locator("figure:has(.mermaid)")  # type: ignore[attr-defined]
    assert figure.count() == 1
    labelled = figure.get_attribute("aria-labelledby") or figure.get_attribute("aria-label")
    assert labelled, "the diagram's figure needs an accessible name"
    words = page.get_by_role("heading", name="Structure in words")  # type: ignore[attr-defined]
    assert words.is_visible()
    outline = page.locator("#structure-in-words ~ ul").first  # type: ignore[attr-defined]
    text = outline.inner_text()
    for group in ("Business Group", "Serious Incidents and Learning Group", "Safeguarding Practice Improvement Group"):
        assert group in text
    assert page.evaluate(  # type: ignore[attr-defined]
        "() => !document.querySelector('#structure-in-words').closest('[aria-hidden=true]')")


def test_page_weight_within_budget(chromium_browser: object, site_server: str, built_site: Path,
                                   kinds_present: dict[str, str]) -> None:
    """HTML per page and bytes on first view of a page without a diagram stay within budget."""
    sizes = {kind: (built_site / url / "index.html").stat().st_size for kind, url in kinds_present.items()}
    over = {kind: size for kind, size in sizes.items() if size > HTML_BUDGET}
    assert not over, f"HTML over {HTML_BUDGET} bytes: {over}"
    context = chromium_browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    loaded: list[int] = []
    urls: list[str] = []

    def count(response: object) -> None:
        urls.append(response.url)  # type: ignore[attr-defined]
        with contextlib.suppress(Exception):  # a redirect or aborted request has no body
            loaded.append(len(response.body()))  # type: ignore[attr-defined]

    page.on("response", count)
    page.goto(site_server + kinds_present["overview"], wait_until="networkidle")
    context.close()
    total = sum(loaded)
    print(json.dumps({"html_bytes": sizes, "first_view_bytes": total}))
    assert not any("mermaid" in u for u in urls), "Mermaid must load only on pages that draw a diagram"
    assert total < FIRST_VIEW_BUDGET, f"first view loaded {total} bytes (budget {FIRST_VIEW_BUDGET})"
