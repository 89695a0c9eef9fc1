"""WCAG 2.2 AA gates in a real browser: axe-core on every page,
keyboard use, the diagrams' text equivalents, and the first-visit budget.

axe-core comes from the npm registry (node_modules/axe-core, installed by
`make browsers` / .ci/run) and is injected into pages served on 127.0.0.1.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from conftest import AXE, REPO, foreign_requests

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 390, "height": 844}}
# Every built page is checked at these widths and in both colour schemes.
SWEEP_WIDTHS = (320, 1280)
SCHEMES = ("light", "dark")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Budgets a reader on a slow phone would feel (checked by the tests below,
# printed in full by scripts/weight.py).
HTML_BUDGET = 120_000          # bytes of HTML for one page (first-visit budgets: scripts/weight.py)

# Rules whose result depends on colour: the only thing the dark scheme changes
# (Material's schemes swap colour variables, not layout or markup).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# Runs axe; every rule of the tags (or the rules given), on every table and element.
_AXE_RUN = """async ([rules, byTag]) => {
  const options = {resultTypes: ['violations'], runOnly: {type: byTag ? 'tag' : 'rule', values: rules}};
  const result = await axe.run(document, options);
  return result.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => ({target: n.target}))}));
}"""


def _run_axe(page: object, rules: list[str] | None = None) -> list[dict[str, object]]:
    """axe with every rule of AXE_TAGS, or only `rules`."""
    if not page.evaluate("typeof axe !== 'undefined'"):  # type: ignore[attr-defined]
        # Why evaluate, not a <script> tag: the site's Content-Security-Policy refuses inline scripts.
        page.evaluate(AXE.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    return page.evaluate(_AXE_RUN, [rules or AXE_TAGS, rules is None])  # type: ignore[attr-defined]


def _describe(violations: list[dict[str, object]]) -> str:
    lines = []
    for violation in violations:
        nodes = violation["nodes"]  # type: ignore[index]
        targets = [str(node["target"]) for node in nodes][:3]  # type: ignore[index]
        lines.append(f"{violation['id']}: {violation['help']} ({len(nodes)} nodes, e.g. {targets})")
    return "\n".join(lines)


def built_pages(site: Path) -> list[str]:
    """The address of every page in the built site, 404 included."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


def _switch_scheme(page: object, scheme: str) -> None:
    """Choose the light or dark palette with Material's own switch, and wait until it is applied."""
    material = "slate" if scheme == "dark" else "default"
    page.emulate_media(color_scheme=scheme)  # type: ignore[attr-defined]
    page.evaluate(  # type: ignore[attr-defined]
        """scheme => { const input = document.querySelector(`input[name=__palette][data-md-color-scheme=${scheme}]`);
                      if (document.body.dataset.mdColorScheme !== scheme) input.click(); }""", material)
    page.wait_for_function(  # type: ignore[attr-defined]
        "scheme => document.body.dataset.mdColorScheme === scheme", arg=material, timeout=5000)


@pytest.fixture(scope="module")
def sweep(chromium_browser: object, site_server: str, built_site: Path) -> dict[str, object]:
    """Open every built page once and check it at both widths and in both schemes.

    One page object is reused: after loading, the width and the colour scheme
    are switched in place (the scheme through Material's own palette switch, as
    a reader would). Every rule runs in the light scheme; in the dark scheme
    the colour rules run again, since colours are all that scheme changes.
    This keeps 109 pages within about two minutes on two shared cores.
    """
    context = chromium_browser.new_context(reduced_motion="reduce")  # type: ignore[attr-defined]
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    found: dict[tuple[int, str], dict[str, str]] = {(w, s): {} for w in SWEEP_WIDTHS for s in SCHEMES}
    wide: dict[str, int] = {}
    pages = built_pages(built_site)
    for url in pages:
        page.set_viewport_size({"width": SWEEP_WIDTHS[0], "height": 800})
        page.goto(site_server + url, wait_until="load")
        for width in SWEEP_WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            if width == 320:
                width_px = page.evaluate("document.documentElement.scrollWidth")
                if width_px > 320:
                    wide[url] = width_px
            for scheme in SCHEMES if width == SWEEP_WIDTHS[0] else SCHEMES[::-1]:
                _switch_scheme(page, scheme)
                violations = _run_axe(page, None if scheme == "light" else COLOUR_RULES)
                if violations:
                    found[(width, scheme)][url] = _describe(violations)
    context.close()
    return {"pages": pages, "violations": found, "wide": wide, "foreign": foreign_requests(requests)}


def test_sweep_covers_every_page(sweep: dict[str, object], built_site: Path) -> None:
    assert len(sweep["pages"]) == len(list(built_site.rglob("*.html"))) > 100  # type: ignore[arg-type]
    assert "404.html" in sweep["pages"] and "news/" in sweep["pages"]  # type: ignore[operator]
    assert not sweep["foreign"], f"pages asked another host: {sweep['foreign']}"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", SWEEP_WIDTHS)
def test_no_axe_violations_on_any_page(sweep: dict[str, object], width: int, scheme: str) -> None:
    """axe-core: WCAG 2.0-2.2 A/AA and best practice, on every page."""
    found = sweep["violations"][(width, scheme)]  # type: ignore[index]
    report = "\n".join(f"{url or 'home'}:\n  {text}" for url, text in list(found.items())[:8])
    assert not found, f"{len(found)} pages with violations at {width}px, {scheme}:\n{report}"


def test_no_page_scrolls_sideways_at_320px(sweep: dict[str, object]) -> None:
    """WCAG 1.4.10 reflow: at 320 CSS px nothing makes the whole page scroll sideways."""
    assert not sweep["wide"], f"pages wider than 320px at 320px: {sweep['wide']}"


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
    menu = page.get_by_role("button", name="Site menu")
    assert menu.get_attribute("aria-expanded") == "false"
    menu.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    assert menu.get_attribute("aria-expanded") == "true"
    page.wait_for_timeout(300)  # the drawer slides in
    assert page.locator("nav.md-nav--primary").first.is_visible()
    # Focus moves into the open drawer, and Tab goes on through it.
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Site menu"
    assert not page.evaluate("document.getElementById('__drawer').checked")
    context.close()


@pytest.mark.parametrize("width", [390, 1024])
def test_every_tab_stop_before_the_content_is_visible(chromium_browser: object, site_server: str,
                                                      width: int) -> None:
    """Below 1220px the closed menu drawer is off screen: none of its links may take focus."""
    context = chromium_browser.new_context(viewport={"width": width, "height": 800})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site_server + "southampton/groups/partnership/", wait_until="networkidle")
    stops = []
    for _ in range(40):
        page.keyboard.press("Tab")
        # Material's palette radios are drawn by the label that follows them.
        where = page.evaluate("""() => { const e = document.activeElement;
            const r = (e.matches('input.md-option') ? e.nextElementSibling : e).getBoundingClientRect();
            return {html: e.outerHTML.slice(0, 80), inContent: !!e.closest('article'),
                    onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth
                              && getComputedStyle(e).visibility === 'visible'}; }""")
        if where["inContent"]:
            break
        stops.append(where)
    else:
        pytest.fail(f"40 Tab presses never reached the content: {stops[-5:]}")
    hidden = [stop["html"] for stop in stops if not stop["onScreen"]]
    assert not hidden, f"{len(hidden)} focus stops the reader cannot see at {width}px: {hidden[:5]}"
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


def _weight_script() -> object:
    spec = importlib.util.spec_from_file_location("weight", REPO / "scripts" / "weight.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_first_visit_within_budget(chromium_browser: object, site_server: str, built_site: Path) -> None:
    """Compressed bytes of every request on a first visit (scripts/weight.py): 300 KB with a chart, 100 KB without."""
    weight = _weight_script()
    sizes = {kind: (built_site / url / "index.html").stat().st_size for kind, url in weight.KINDS.items()}
    assert max(sizes.values()) <= HTML_BUDGET, f"HTML over {HTML_BUDGET} bytes: {sizes}"
    measured = {}
    for kind, url in weight.KINDS.items():
        got = weight.first_visit(chromium_browser, site_server + url)
        measured[kind] = sum(got.values())
        assert not foreign_requests(list(got)), f"{kind} asked another host: {foreign_requests(list(got))}"
        mermaid = [u for u in got if "/vendor/mermaid/" in u]
        assert bool(mermaid) == kind.startswith("structure"), f"{kind}: Mermaid only where a chart is drawn"
        assert not any("search_index.json" in u for u in got), f"{kind}: the search index waits for a search"
    print(json.dumps(measured))
    over = {kind: total for kind, total in measured.items() if total > weight.budget(kind)}
    assert not over, f"first visit over budget: {over} (all: {measured})"
