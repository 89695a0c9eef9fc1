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
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Budgets a reader on a slow phone would feel (checked by the tests below,
# printed in full by scripts/weight.py).
HTML_BUDGET = 120_000          # bytes of HTML for one page (first-visit budgets: scripts/weight.py)

# Rules whose result depends on colour: the only thing the dark scheme changes
# (Material's schemes swap colour variables, not layout or markup).
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# Starts axe (every rule of the tags, or the rules given) without waiting: the
# result is collected later with _AXE_RESULT, so other tabs work meanwhile.
_AXE_START = """([rules, byTag, skip]) => {
  const options = {resultTypes: ['violations'], runOnly: {type: byTag ? 'tag' : 'rule', values: rules},
                   rules: Object.fromEntries(skip.map(id => [id, {enabled: false}]))};
  window.__axeResult = axe.run(document, options).then(result =>
    result.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => ({target: n.target}))})));
}"""
_AXE_RESULT = "() => window.__axeResult"


def run_axe(page: object) -> list[dict[str, object]]:
    """Every axe rule (best practice included) on the page as it is now: its violations.

    The page's context must load axe first (`context.add_init_script(path=str(AXE))`): the
    pages' security policy refuses a script added afterwards.
    """
    page.evaluate(_AXE_START, _AXE_ARGS[EVERY_RULE])  # type: ignore[attr-defined]
    return page.evaluate(_AXE_RESULT)  # type: ignore[attr-defined]


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


# What each page goes through, in this order, without reloading: (width, colours, rules).
# Every rule in the light scheme. In the dark scheme the colour rules, since colours
# are all that scheme changes (Material's schemes swap colour variables, not layout
# or markup). In forced colours (Windows high contrast) every rule but the colour
# rules: the reader's own colours replace the page's, so the page's contrast is not
# what they see, but forced colours can hide or show things (borders, icons, focus).
EVERY_RULE, COLOURS_ONLY, ALL_BUT_COLOURS = "every rule", "colour rules", "all but colour rules"
PHASES = [(320, "light", EVERY_RULE), (320, "dark", COLOURS_ONLY), (320, "forced", ALL_BUT_COLOURS),
          (1280, "forced", ALL_BUT_COLOURS), (1280, "dark", COLOURS_ONLY), (1280, "light", EVERY_RULE)]
_AXE_ARGS = {EVERY_RULE: [AXE_TAGS, True, []], COLOURS_ONLY: [COLOUR_RULES, False, []],
             ALL_BUT_COLOURS: [AXE_TAGS, True, COLOUR_RULES]}
# Pages checked at once, each in its own tab: while one tab's axe runs, another loads
# or switches. On a machine whose cores are all busy this gained nothing (measured in
# docs/accessibility-audit.md); it lets an idle second core work.
TABS = 3


def _set_colours(page: object, colours: str) -> None:
    page.emulate_media(forced_colors="active" if colours == "forced" else "none")  # type: ignore[attr-defined]
    if colours != "forced":
        _switch_scheme(page, colours)


@pytest.fixture(scope="module")
def sweep(chromium_browser: object, site_server: str, built_site: Path) -> dict[str, object]:
    """Open every built page once and check it at both widths, in both schemes and in forced colours.

    Each page is loaded once, then its width and colours are switched in place
    (the scheme through Material's own palette switch, as a reader would).
    Pages go through in groups of TABS tabs of one browser context: every
    tab starts its step, then the results are collected, so axe runs in one
    tab while the others load or switch.
    """
    context = chromium_browser.new_context(reduced_motion="reduce")  # type: ignore[attr-defined]
    context.add_init_script(path=str(AXE))
    requests: list[str] = []
    failed: dict[str, str] = {}
    context.on("request", lambda request: requests.append(request.url))
    context.on("response", lambda response: failed.setdefault(response.url, str(response.status))
               if response.status >= 400 else None)
    tabs = [context.new_page() for _ in range(TABS)]
    found: dict[tuple[int, str], dict[str, str]] = {(w, c): {} for w, c, _ in PHASES}
    wide: dict[str, int] = {}
    pages = built_pages(built_site)
    for start in range(0, len(pages), TABS):
        batch = list(zip(tabs, pages[start: start + TABS], strict=False))
        for tab, url in batch:
            tab.set_viewport_size({"width": PHASES[0][0], "height": 800})
            tab.goto(site_server + url, wait_until="commit")
        for tab, _ in batch:
            tab.wait_for_load_state("load")
        for width, colours, rules in PHASES:
            for tab, url in batch:
                tab.set_viewport_size({"width": width, "height": 800})
                _set_colours(tab, colours)
                if (width, colours) == (320, "light"):
                    width_px = tab.evaluate("document.documentElement.scrollWidth")
                    if width_px > 320:
                        wide[url] = width_px
                tab.evaluate(_AXE_START, _AXE_ARGS[rules])
            for tab, url in batch:
                violations = tab.evaluate(_AXE_RESULT)
                if violations:
                    found[(width, colours)][url] = _describe(violations)
        for tab, _ in batch:
            tab.emulate_media(forced_colors="none")
    context.close()
    own = {url: status for url, status in failed.items() if url.startswith(site_server)}
    return {"pages": pages, "violations": found, "wide": wide, "foreign": foreign_requests(requests),
            "failed": own}


# Why a longer limit than pytest's 600 s for the tests that share the sweep: it is one
# fixture that checks every page six ways, and two cores shared with other work can
# slow it past 600 s; this limit is for a stuck browser, not a slow one.
SWEEP_TIMEOUT = pytest.mark.timeout(2400)


@SWEEP_TIMEOUT
def test_sweep_covers_every_page(sweep: dict[str, object], built_site: Path) -> None:
    assert len(sweep["pages"]) == len(list(built_site.rglob("*.html"))) > 100  # type: ignore[arg-type]
    assert "404.html" in sweep["pages"] and "news/" in sweep["pages"]  # type: ignore[operator]
    assert not sweep["foreign"], f"pages asked another host: {sweep['foreign']}"


@SWEEP_TIMEOUT
def test_nothing_a_page_asks_for_is_missing(sweep: dict[str, object]) -> None:
    """Every request every page makes in the browser (scripts' own fetches included) finds its file."""
    assert not sweep["failed"], f"requests answered with an error: {sweep['failed']}"


@SWEEP_TIMEOUT
@pytest.mark.parametrize(("width", "colours"), [(w, c) for w, c, _ in PHASES])
def test_no_axe_violations_on_any_page(sweep: dict[str, object], width: int, colours: str) -> None:
    """axe-core: WCAG 2.0-2.2 A/AA and best practice, on every page."""
    found = sweep["violations"][(width, colours)]  # type: ignore[index]
    report = "\n".join(f"{url or 'home'}:\n  {text}" for url, text in list(found.items())[:8])
    assert not found, f"{len(found)} pages with violations at {width}px, {colours}:\n{report}"


@SWEEP_TIMEOUT
def test_no_page_scrolls_sideways_at_320px(sweep: dict[str, object]) -> None:
    """WCAG 1.4.10 reflow: at 320 CSS px nothing makes the whole page scroll sideways."""
    assert not sweep["wide"], f"pages wider than 320px at 320px: {sweep['wide']}"


@pytest.mark.parametrize("viewport", ["mobile", "desktop"])
def test_forced_colours_keep_the_quick_exit_and_focus_visible(chromium_browser: object, site_server: str,
                                                              viewport: str) -> None:
    """High contrast (Windows forced colours): the way out, the help and every focus ring stay visible.

    Forced colours drop backgrounds and box shadows, so what is left must be
    enough: the quick exit keeps a border and text unlike its background, and
    each focus ring is an outline (which forced colours keep), not a shadow.
    """
    context = chromium_browser.new_context(forced_colors="active", viewport=VIEWPORTS[viewport])  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site_server + "southampton/")
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    assert page.locator("#quick-exit").is_visible()
    assert page.get_by_role("heading", name="Worried about a child?").is_visible()
    exit_button = page.evaluate("""() => { const s = getComputedStyle(document.getElementById('quick-exit'));
        return {border: s.borderTopStyle, width: parseFloat(s.borderTopWidth), color: s.color,
                background: s.backgroundColor}; }""")
    assert exit_button["border"] != "none" and exit_button["width"] >= 2, exit_button
    assert exit_button["color"] != exit_button["background"], exit_button
    # Material's icons are a background colour seen through a mask: they must take the reader's text colour.
    icon = page.evaluate("""() => { const icon = document.querySelector('.md-nav__icon');
        return icon && [getComputedStyle(icon, '::after').backgroundColor, getComputedStyle(document.body).color]; }""")
    if icon:
        assert icon[0] == icon[1], f"menu icons drawn in {icon[0]}, not the text colour {icon[1]}"
    rings = []
    for _ in range(2):  # the skip link, then "Exit this page"
        page.keyboard.press("Tab")
        rings.append(_focused(page))
    page.locator("article a[href]").first.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    rings.append(_focused(page))
    for ring in rings:
        assert ring["outline"] not in ("none", "") and float(ring["width"].removesuffix("px")) >= 2, ring
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
