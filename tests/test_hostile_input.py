"""Hostile and careless input: personal data, internal notes, and injection in
every kind of text field, asserted on the real built site."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from arrangements.core import load_dataset
from conftest import REPO, build_with_edit

BASE = (REPO / "tests" / "broken" / "_base.yml").read_text(encoding="utf-8")


def _folder(tmp_path: Path, text: str) -> Path:
    data = tmp_path / "data"
    (data / "partnerships" / "demo" / "arrangements").mkdir(parents=True)
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    (data / "partnerships" / "demo" / "arrangements" / "2024.yml").write_text(text, encoding="utf-8")
    return data


@pytest.mark.parametrize("text, words", [
    ("Email jo.bloggs@gmail.com for help.", "email address"),
    ("Ring Jo on 07700 900123.", "phone number"),
    ("Call +44 20 7946 0000 any time.", "phone number"),
])
def test_contact_details_outside_contacts_are_flagged(tmp_path: Path, text: str, words: str) -> None:
    data = _folder(tmp_path, BASE.replace("    purpose: Runs training.", f"    purpose: {text}"))
    problems = [p for p in load_dataset(data).problems if words in p.message]
    assert problems and problems[0].where == "groups[learning].purpose"
    line = BASE.splitlines().index("    purpose: Runs training.") + 1
    assert problems[0].line == line


def test_contacts_and_dates_are_not_flagged(tmp_path: Path) -> None:
    dataset = load_dataset(_folder(tmp_path, BASE.replace('    phone: "999"', '    phone: "01234 567890"')))
    assert dataset.ok, [str(p) for p in dataset.problems]


SECRET = "Sensitive-internal-note-7f3a"


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled data with an attack in one field of every kind, and an internal note."""

    def attack(text: str) -> str:
        doc = yaml.safe_load(text)
        for field, value in ATTACKS.items():
            _set(doc, field, value)
        doc["internal_notes"] = SECRET
        doc["groups"][0]["internal_notes"] = SECRET
        return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)

    return build_with_edit(tmp_path_factory, attack)


def _set(doc: dict, dotted: str, value: str | list[str]) -> None:
    """Put `value` at a dotted path; a list field gets it as its only item."""
    *parents, key = dotted.split(".")
    node: object = doc
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]  # type: ignore[index]
    current = node.get(key) if isinstance(node, dict) else None
    if isinstance(value, list):
        node[key] = value  # type: ignore[index]
        return
    node[key] = [value] if isinstance(current, list) or key in LIST_FIELDS else value  # type: ignore[index]


LIST_FIELDS = {"principles", "membership"}


# One field of each kind: a one-line name, block text, list items, a chair, a
# membership line, agency representation, a topic, a principle.
ATTACKS = {
    "name": 'North Somerset <img src=x onerror=alert(1)>',
    "summary": "Hello <script>alert('summary')</script> [x](javascript:alert(1))",
    "principles": "{{ config.site_name }} {% include 'secret' %} {{ render('agency_lookup') }}",
    "groups.0.name": 'Exec "]); click g_executive call alert() %%{init: {"securityLevel":"loose"}}%%',
    # A reference definition in one list item and its use in another once made a live javascript: link.
    "groups.0.responsibilities": ["[z]: javascript:alert('ref')", "[click][z]", "[y]: data:text/html,x", "[y]"],
    "groups.1.name": "Exec </title><script>alert('title')</script>",
    "groups.0.purpose": "![tracker](https://tracker.example/pixel.png) <iframe src=https://evil.example>",
    "groups.0.membership": "<b onclick=alert(1)>member</b>",
    "relevant_agencies.0.represented_by": "[ok](https://example.org) [bad](data:text/html;base64,PHNjcmlwdD4=)",
    "topics.training": "<style>body{display:none}</style> # Heading\n> quote\n| a | b |",
}


def _all_html(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_no_injected_markup_reaches_any_page(injected_site: Path) -> None:
    pages = _all_html(injected_site)
    # Raw tags, and URLs in attributes, are what a browser would act on; escaped text is inert.
    # <title> included: the theme's `striptags` once turned escaped text back into markup there.
    for needle in ("<img src=x", "<script>alert", "<iframe", "<b onclick", "<style>body",
                   'href="javascript:', 'href="data:', 'src="https://tracker.example', 'src="https://evil.example'):
        assert needle not in pages, needle
    titles = re.findall(r"<title>(.*?)</title>", pages, flags=re.S)
    assert any("&lt;/title&gt;&lt;script&gt;" in t for t in titles), "the hostile group name is shown as text"
    assert all("<" not in t for t in titles)
    assert "{% include 'secret' %}" in re.sub(r"&#39;|&#x27;", "'", pages.replace("&#123;", "{")
                                              .replace("&#125;", "}"))  # shown, not run
    # The text of a page-building call, written in data, is shown as text, never expanded.
    overview = (injected_site / "north-somerset" / "index.html").read_text(encoding="utf-8")
    assert "render(&#39;agency_lookup&#39;)" in overview or "render('agency_lookup')" in overview
    assert "agency-lookup" not in overview


def test_injected_mermaid_stays_a_label(injected_site: Path) -> None:
    """A group name cannot end its label and add Mermaid statements (click, init directives)."""
    import html

    chart = (injected_site / "north-somerset" / "structure" / "index.html").read_text(encoding="utf-8")
    source = html.unescape(re.search(r'<pre class="mermaid"><code>(.*?)</code></pre>', chart, re.S).group(1))
    statement = re.compile(r"^(flowchart |accTitle: |accDescr: |classDef |class "
                           r"|[gxo]_[a-z0-9_]+(\[|\(\[| (-->|-\.-|==>)[ |]))")
    for line in source.splitlines():
        assert statement.match(line.strip()), line
    label = next(line for line in source.splitlines() if line.strip().startswith('g_executive["'))
    inner = label.strip()[len('g_executive["'):-2]
    assert '"' not in inner and "%%" not in inner and "{" not in inner, label


def test_internal_notes_are_never_published(injected_site: Path) -> None:
    for file in injected_site.rglob("*"):
        if file.is_file() and file.suffix in {".html", ".json", ".xml", ".js", ".txt"}:
            assert SECRET not in file.read_text(encoding="utf-8", errors="replace"), file
    published = json.loads((injected_site / "data" / "north-somerset.json").read_text(encoding="utf-8"))
    assert "internal_notes" not in json.dumps(published)


def test_the_theme_never_prints_the_site_name_unescaped() -> None:
    """The site's name can come from a partnership's name in the data (a one-partnership site), which is
    text: every theme template that prints it without `| e` must be overridden, and no override may."""
    import material
    import zensical

    printed = re.compile(r"\{\{[^}]*config\.site_name(?!\s*\|\s*e\b)[^}]*\}\}")
    overrides = REPO / "overrides"
    for override in overrides.rglob("*.html"):
        assert not printed.search(override.read_text(encoding="utf-8")), override
    for theme in (Path(material.__file__).parent / "templates", Path(zensical.__file__).parent / "templates"):
        for template in theme.rglob("*.html"):
            name = template.relative_to(theme)
            # Why base.html is allowed: its <title> block is replaced by overrides/main.html.
            if printed.search(template.read_text(encoding="utf-8")) and name.as_posix() != "base.html":
                assert (overrides / name).exists(), f"{template} prints the site name unescaped: override it"
