"""Structure charts render in a real Chromium with the self-hosted Mermaid,
with a node per group and the right edges, and nothing fetched from elsewhere."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from arrangements.build import current_dataset
from arrangements.diagrams import structure_graph
from conftest import foreign_requests

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
    dataset = current_dataset()
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
    assert any(u.endswith("/assets/vendor/mermaid/mermaid.min.js") for u in page.requests_seen)  # type: ignore[attr-defined]
