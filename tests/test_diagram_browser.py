"""Structure charts render in a real Chromium with the self-hosted Mermaid,
with a node per group and the right edges, and nothing fetched from elsewhere."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from arrangements.core import load_dataset
from arrangements.rendering.diagrams import structure_graph
from conftest import REPO, foreign_requests

pytestmark = pytest.mark.browser


def _source(site: Path, url: str) -> str:
    markup = (site / url / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.search(r'<pre class="mermaid"><code>(.*?)</code></pre>', markup, re.S).group(1))


@pytest.mark.parametrize("pid", ["southampton", "north-somerset", "pan-sussex", "west-sussex"])
def test_structure_chart_renders_every_group_and_edge(browser_page: object, site_server: str, built_site: Path,
                                                      pid: str) -> None:
    page = browser_page
    page.goto(site_server + f"{pid}/structure/", wait_until="networkidle")  # type: ignore[attr-defined]
    # Material swaps the <pre class="mermaid"> for a rendered host element.
    page.wait_for_function(  # type: ignore[attr-defined]
        "() => !document.querySelector('pre.mermaid') && document.querySelector('div.mermaid')")
    box = page.locator("div.mermaid").bounding_box()  # type: ignore[attr-defined]
    assert box and box["width"] > 200 and box["height"] > 100
    # The SVG sits in a closed shadow root, so render the same source with the
    # page's own (self-hosted) Mermaid and read the result.
    svg = page.evaluate(  # type: ignore[attr-defined]
        "async src => (await mermaid.render('check', src)).svg", _source(built_site, f"{pid}/structure"))
    dataset = load_dataset(REPO / "data")
    graph = structure_graph(dataset, dataset.partnerships[pid])
    node_ids = set(re.findall(r'id="flowchart-([A-Za-z0-9_]+)-\d+"', svg))
    assert node_ids == set(graph.nodes), (node_ids, set(graph.nodes))
    edge_ids = set(re.findall(r'id="L_([A-Za-z0-9_]+)_\d+"', svg))
    # Every line is drawn: "reports to", and also "accountable to" and "links with" (the bundled
    # North Somerset and Southampton charts link with an adults board and with the HIPS Executive).
    expected = {f"{start}_{end}" for start, end, _ in graph.lines}
    assert edge_ids == expected
    assert "Syntax error" not in svg
    assert not foreign_requests(page.requests_seen)  # type: ignore[attr-defined]
    # Mermaid's ESM build, self-hosted: the entry, and the flowchart code on demand.
    seen = page.requests_seen  # type: ignore[attr-defined]
    assert any(u.endswith("/assets/vendor/mermaid/mermaid.esm.min.mjs") for u in seen)
    assert any("/assets/vendor/mermaid/chunks/mermaid.esm.min/flowDiagram-" in u for u in seen)


# Material draws the chart into a closed shadow root. For measuring only, the
# test opens it (attachShadow is asked for mode "open"); nothing else changes.
_OPEN_SHADOWS = """(() => { const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (options) { return attach.call(this, {...options, mode: 'open'}); }; })()"""

# Label size as the reader sees it: the SVG font size times the SVG's rendered
# scale; the gap between the bottom of the drawing and the bottom of its box.
_MEASURE = r"""() => {
  const host = document.querySelector('figure.structure-chart div.mermaid');
  const svg = host.shadowRoot.querySelector('svg');
  const box = svg.getBoundingClientRect(), scale = box.width / svg.viewBox.baseVal.width;
  const sizes = [...svg.querySelectorAll('.nodeLabel, .nodeLabel *')]
    .filter(e => e.textContent.trim()).map(e => parseFloat(getComputedStyle(e).fontSize) * scale);
  // A colour as drawn: a see-through fill is mixed with the page behind it.
  const page = (getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g) || [255, 255, 255]).map(Number);
  const rgb = text => {
    const [r, g, b, a = 1] = (text.match(/[\d.]+/g) || []).map(Number);
    return [r, g, b].map((v, i) => a * v + (1 - a) * page[i]);
  };
  const lum = colour => colour.map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  let contrast = 21;
  for (const node of svg.querySelectorAll('g.node')) {
    const fill = rgb(getComputedStyle(node.querySelector('rect, path, polygon, circle')).fill);
    for (const label of node.querySelectorAll('.nodeLabel, .nodeLabel *')) {
      if (label.textContent.trim()) contrast = Math.min(contrast, ratio(rgb(getComputedStyle(label).color), fill));
    }
  }
  const figure = host.closest('figure'), column = host.closest('article').getBoundingClientRect();
  return {smallest: Math.min(...sizes), labels: sizes.length, contrast,
          gapBelow: host.getBoundingClientRect().bottom - box.bottom - (host.offsetHeight - host.clientHeight),
          figureShare: figure.getBoundingClientRect().width / column.width,
          wide: host.scrollWidth > host.clientWidth, focusable: host.tabIndex === 0,
          cue: getComputedStyle(figure, '::before').content};
}"""


def structure_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("structure/index.html"))


@pytest.mark.parametrize(("width", "scheme"), [(390, "light"), (1280, "light"), (390, "dark")])
def test_chart_labels_are_readable_on_every_structure_page(chromium_browser: object, site_server: str,
                                                           built_site: Path, width: int, scheme: str) -> None:
    context = chromium_browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": width, "height": 900}, color_scheme=scheme)
    context.add_init_script(_OPEN_SHADOWS)
    page = context.new_page()
    problems = []
    pages = structure_pages(built_site)
    assert len(pages) >= 7
    for url in pages:
        page.goto(site_server + url, wait_until="networkidle")
        page.wait_for_function("document.querySelector('figure.structure-chart div.mermaid')?.shadowRoot"
                               "?.querySelector('svg')")
        if scheme == "dark":  # Material's palette switch; the chart is drawn again in the new colours
            page.evaluate("document.querySelector('input[name=__palette][data-md-color-scheme=slate]').click()")
            page.wait_for_timeout(500)
        found = page.evaluate(_MEASURE)
        if found["contrast"] < 4.5:
            problems.append(f"{url}: a label at {found['contrast']:.2f}:1 against its box")
        if found["labels"] == 0 or found["smallest"] < 14:
            problems.append(f"{url}: smallest label {found['smallest']:.1f}px")
        if found["gapBelow"] > 8:
            problems.append(f"{url}: {found['gapBelow']:.0f}px of empty space under the chart")
        if found["figureShare"] < 0.95:
            problems.append(f"{url}: the figure takes {found['figureShare']:.0%} of the column")
        if found["wide"] and not (found["focusable"] and "Scroll sideways" in found["cue"]):
            problems.append(f"{url}: scrolls sideways without a focus stop or a visible cue")
    context.close()
    assert not problems, f"at {width}px, {scheme}:\n" + "\n".join(problems)
