"""Injection suite generated from the model: hostile values in every free-text
field of every data kind and in a news post, one real build, and every page,
feed, search entry, open-data file and chart checked for anything live.

The fields come from walking the record classes (tests/hostile.py), so a field
added to the model is attacked without changing this file. Figures are printed
with `-s` and recorded in docs/robustness.md.
"""

from __future__ import annotations

import copy
import html
import json
import re
import shutil
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from arrangements.data.fields import Record
from arrangements.data.model import Arrangements
from arrangements.data.reference import Checklist, Schedule
from arrangements.engines import csp
from arrangements.features.accessibility import AccessibilityStatement
from arrangements.features.report import YearlyReport
from conftest import build_copy, copy_repo
from hostile import SECRET, plant, text_fields

ROOTS: list[tuple[str, type[Record]]] = [
    ("partnerships/*/arrangements/*.yml", Arrangements),
    ("partnerships/*/reports/*.yml", YearlyReport),
    ("site/accessibility.yml", AccessibilityStatement),
    ("reference/relevant-agency-schedule.yml", Schedule),
    ("reference/*-checklist.yml", Checklist),
]
POST = """---
date: 2026-11-25
categories: [Arrangements]
partnerships: [southampton]
description: 'x" onmouseover="alert(1)" data-x="'
---

# Tom & Jerry's "quote" {{ 6*7 }}

Body {{ 6*7 }} {{ config.site_url }} [click][z] &lt;script&gt;alert(1)&lt;/script&gt; [ok](https://example.org).

<!-- more -->

More text.
"""
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcset", "background"}
FIGURES: dict[str, Any] = {}


def _files(data: Path) -> list[tuple[Path, type[Record]]]:
    return [(path, record) for pattern, record in ROOTS for path in sorted(data.glob(pattern))]


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_repo(tmp_path_factory.mktemp("injection"))
    files = _files(root / "data")
    docs = {path: yaml.safe_load(path.read_text(encoding="utf-8")) for path, _ in files}
    # Pass 1 on copies: which record types does the data use at all? The others are added once.
    used = set()
    for path, record in files:
        used |= {name for name, _ in plant(copy.deepcopy(docs[path]), record)}
    everything = set().union(*(text_fields(record) for _, record in ROOTS))
    fill = {name for name, _ in everything} - used
    planted: set[tuple[str, str]] = set()
    counter = [0]
    for path, record in files:
        planted |= plant(docs[path], record, counter, fill)
        path.write_text(yaml.safe_dump(docs[path], allow_unicode=True, sort_keys=False), encoding="utf-8")
    (root / "docs" / "news" / "posts" / "2026-11-25-hostile.md").write_text(POST, encoding="utf-8")
    FIGURES.update(fields=len(everything), planted=len(planted), values=counter[0], files=len(files),
                   missing=sorted(everything - planted))
    out = root / "site"
    result = build_copy(root, out)
    if result.returncode != 0:
        pytest.fail("hostile but valid text must build:\n" + result.stdout[-3000:] + result.stderr[-3000:])
    return out


def test_every_text_field_of_every_kind_is_attacked(injected: Path) -> None:
    assert FIGURES["missing"] == [] and FIGURES["planted"] == FIGURES["fields"] > 80, FIGURES


class _Live(HTMLParser):
    """Whatever in a page a browser would act on: scripts, handlers, script links, frames."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self._body: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            plain = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name in URL_ATTRS and plain.startswith(BAD_SCHEMES):
                self.found.append(f"<{tag} {name}={value[:40]!r}>")
        if tag in {"iframe", "object", "embed", "base", "frame"}:
            self.found.append(f"<{tag}>")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.found.append("<meta refresh>")
        if tag == "script":
            self._script, self._body = values, []

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._body.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._body)))
            self._script = None


def _live(markup: str, policy: str = "") -> list[str]:
    parser = _Live()
    parser.feed(markup)
    parser.close()
    found = parser.found
    for attrs, body in parser.scripts:
        src = attrs.get("src")
        if src is not None:
            if re.match(r"^([a-z]+:)?//", src):
                found.append(f"<script src={src}>")
        elif (attrs.get("type") or "").lower() != "application/json" and csp.digest(body) not in policy:
            found.append(f"<script>{body[:60]}")
    return found


def test_no_page_has_anything_live(injected: Path) -> None:
    pages = sorted(injected.rglob("*.html"))
    problems = {}
    for page in pages:
        markup = page.read_text(encoding="utf-8")
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', markup)
        if found := _live(markup, policy.group(1) if policy else ""):
            problems[str(page.relative_to(injected))] = found[:5]
    FIGURES["pages"] = len(pages)
    assert not problems, problems
    post = (injected / "news" / "2026-11-25-hostile" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="x&#34; onmouseover=&#34;alert(1)&#34; data-x=&#34;">' in post
    assert "Body {{ 6*7 }} {{ config.site_url }}" in post


def test_hostile_text_reaches_the_pages_as_text(injected: Path) -> None:
    """The attack was really on the page (not dropped), shown as the words written."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in injected.rglob("*.html"))
    shown = set(re.findall(r"Q\d{4}", text))
    FIGURES["tags_shown"] = len(shown)
    assert len(shown) > 0.8 * FIGURES["values"], (len(shown), FIGURES["values"])
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "{{ 6*7 }}" in html.unescape(text.replace("&#123;", "{").replace("&#125;", "}"))


def test_the_search_index_has_nothing_live(injected: Path) -> None:
    """Material puts search titles and text into the page as HTML."""
    index = json.loads((injected / "search" / "search_index.json").read_text(encoding="utf-8"))
    problems = [(doc["location"], found) for doc in index["docs"]
                for found in [_live(doc["title"]) + _live(doc["text"])] if found]
    FIGURES["search_entries"] = len(index["docs"])
    assert not problems, problems[:5]


def test_feed_and_open_data_are_well_formed_and_keep_secrets(injected: Path) -> None:
    feed = ET.parse(injected / "news" / "feed.xml").getroot()
    titles = [e.text or "" for e in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any("Tom & Jerry" in t for t in titles)
    opened = 0
    for file in injected.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".json", ".xml", ".js", ".txt", ".csv"}:
            body = file.read_text(encoding="utf-8", errors="replace")
            assert SECRET not in body, file
            if file.suffix == ".json":
                json.loads(body)
                opened += 1
    FIGURES["json_files"] = opened


def test_every_chart_stays_a_chart(injected: Path) -> None:
    # Node lines (groups g_, other partnerships' groups x_, outside bodies o_, the partnership p_self)
    # and the three kinds of line: reports to, accountable to, links with.
    statement = re.compile(r'^(flowchart |accTitle: |accDescr: |classDef |class |[gxop]_[a-z0-9_]+'
                           r'(\[|\(\[|\[\[| --> | ==>\|"[a-z ]+"\| | -\.-\|"[a-z ]+"\| ))')
    charts = 0
    for page in injected.rglob("*.html"):
        for source in re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', page.read_text("utf-8"), re.S):
            charts += 1
            for line in html.unescape(source).splitlines():
                assert statement.match(line.strip()), (page, line)
                label = re.search(r'\["(.*)"\]|\(\["(.*)"\]\)', line)
                inner = label and (label.group(1) or label.group(2)) or ""
                assert '"' not in inner and "%%" not in inner and "{" not in inner, (page, line)
    FIGURES["charts"] = charts
    assert charts >= 7
    print("\ninjection figures:", {k: v for k, v in FIGURES.items() if k != "missing"})


def test_validate_names_the_file_and_line_of_every_refused_value(tmp_path: Path) -> None:
    """Script links in every checked field (ids, references, dates, addresses, phones) and an
    invisible character in every free-text field of every bundled file: each is an error on its line."""
    from arrangements.core import load_dataset
    from arrangements.data.load import parse_text
    from arrangements.data.problems import ProblemList
    from conftest import REPO
    from hostile import plant_invalid

    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    expected: list[tuple[str, int]] = []
    for path, record in _files(data):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        locs = plant_invalid(doc, record)
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=10_000)
        path.write_text(text, encoding="utf-8")
        marks = parse_text(text, "x", ProblemList())
        display = "data/" + path.relative_to(data).as_posix()
        expected += [(display, marks.mark(loc)[0]) for loc in locs]
    problems = load_dataset(data).problems.errors
    found = {(p.path, p.line) for p in problems}
    missing = [where for where in expected if where not in found]
    FIGURES["refused_values"] = len(expected)
    assert len(expected) > 500 and not missing, (len(missing), missing[:10])


@pytest.mark.browser
def test_nothing_runs_in_a_browser(injected: Path, browser_page: object) -> None:
    """The hostile pages opened in Chromium: no alert, no refused script (nothing even tried to run),
    charts drawn, and search results showing the hostile names as text."""
    from conftest import serve

    server, url = serve(injected)
    page = browser_page
    alerts: list[str] = []
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "  # type: ignore[attr-defined]
                         "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
    try:
        shown = 0
        for path in ["southampton/", "southampton/structure/", "north-somerset/reports/2024-25/", "accessibility/",
                     "agencies/schedule/", "news/2026-11-25-hostile/", "news/", *[
                         p.parent.relative_to(injected).as_posix() + "/"
                         for p in sorted(injected.glob("*/groups/*/index.html"))[:3]]]:
            page.goto(url + path, wait_until="networkidle")  # type: ignore[attr-defined]
            for link in page.locator("a[href^='javascript:'], a[href^='data:']").all():  # type: ignore[attr-defined]
                raise AssertionError(f"{path}: {link.get_attribute('href')}")
            assert page.evaluate("window.__csp") == [], path  # type: ignore[attr-defined]
            shown += 1
        page.goto(url + "southampton/structure/", wait_until="networkidle")  # type: ignore[attr-defined]
        page.wait_for_function("() => document.querySelector('div.mermaid')")  # type: ignore[attr-defined]
        page.keyboard.press("s")  # type: ignore[attr-defined]
        page.locator("input.md-search__input").type("onerror")  # type: ignore[attr-defined]
        page.wait_for_selector(".md-search-result__item", timeout=10_000)  # type: ignore[attr-defined]
        page.wait_for_timeout(500)  # type: ignore[attr-defined]
        assert "<img src=x onerror=alert(1)>" in page.locator(".md-search-result").inner_text()  # type: ignore[attr-defined]
        assert page.evaluate("window.__csp") == [] and alerts == []  # type: ignore[attr-defined]
        FIGURES["pages_in_browser"] = shown
    finally:
        server.shutdown()
