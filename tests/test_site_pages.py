"""The real strictly built site, read as a visitor would read it."""

from __future__ import annotations

import html
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from conftest import REPO, build_site, build_with_edit


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def text_of(markup: str) -> str:
    """Visible words, entities decoded, whitespace folded."""
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def article(site: Path, url: str) -> str:
    markup = page(site, url)
    return markup[markup.index("<article"): markup.index("</article>")]


def test_overview_shows_who_is_accountable(built_site: Path) -> None:
    words = text_of(article(built_site, "southampton"))
    assert "Who is accountable" in words
    assert "Matthew Richardson , Deputy Director of Quality and Nursing - Southampton" in words
    assert "Robert Henderson" in words and "Phil Lamb" in words
    assert "Independent Chair; also Independent Scrutineer" in words
    assert "Status: In force" in words
    assert "Hampshire, Isle of Wight, Portsmouth and Southampton" in words


def test_structure_page_has_chart_and_the_same_in_words(built_site: Path) -> None:
    markup = article(built_site, "southampton/structure")
    chart = html.unescape(re.search(r'<pre class="mermaid"><code>(.*?)</code></pre>', markup, re.S).group(1))
    # The sources give the shared Business Group no reporting line, and the partnership links with
    # the HIPS Executive (its partners attend it); it does not report to it.
    assert "g_business_group -->" not in chart
    assert 'g_partnership -.-|"links with"| x_hips_executive' in chart
    assert "g_partnership --> x_hips_executive" not in chart
    assert "g_operational_child_exploitation --> x_hips_child_exploitation" in chart
    assert "accTitle:" in chart and "accDescr:" in chart
    words = text_of(markup)
    assert "Structure in words" in words
    for group in ("Southampton Safeguarding Children Partnership", "Business Group",
                  "Serious Incidents and Learning Group", "Safeguarding Practice Improvement Group",
                  "Operational Child Exploitation Group", "HIPS Executive Group"):
        assert group in words
    assert "joint with Southampton Safeguarding Adults Board" in words


def test_group_page_shows_blanks_as_to_be_confirmed(built_site: Path) -> None:
    words = text_of(article(built_site, "southampton/versions/2024/groups/partnership-review-group"))
    assert "Chair To be confirmed" in words
    assert "Members To be confirmed" in words
    assert ("Quorum (when it can make decisions) Includes the Integrated Care Board ( ICB ) designated "
            "professionals.") in words
    assert "This is not the current version" in words
    executive = text_of(article(built_site, "southampton/versions/2024/groups/executive"))
    assert "Quorum (when it can make decisions) To be confirmed" in executive
    assert "6 times a year" in executive


def test_planned_group_says_when_it_starts(built_site: Path) -> None:
    words = text_of(article(built_site, "north-somerset/groups/operational-planning"))
    assert "Not running yet Planned to start in 2023." in words
    assert "Every 8 weeks" in text_of(article(built_site, "north-somerset/groups/executive-plus-chairs"))


def test_sussex_executive_chair_rotates(built_site: Path) -> None:
    words = text_of(article(built_site, "pan-sussex/groups/executive"))
    assert "Rotates between Sussex Police and NHS Sussex Integrated Care Board" in words


def test_multi_area_page_lists_members_and_links_back(built_site: Path) -> None:
    markup = article(built_site, "hips")
    assert 'href="../southampton/"' in markup
    words = text_of(markup)
    # The source names only Southampton's partnership; the others are "the four local partnerships".
    for member in ("Hampshire's local safeguarding children partnership",
                   "Portsmouth's local safeguarding children partnership"):
        assert member in words
    assert "Shared groups" in words and "HIPS Health Group" in words
    assert 'href="../hips/"' in article(built_site, "southampton")


def test_agencies_grouped_by_schedule_heading_with_representation(built_site: Path) -> None:
    words = text_of(article(built_site, "southampton/for-agencies"))
    assert words.index("Miscellaneous") < words.index("CAFCASS")
    assert "Their Chief Nurse or Head of Safeguarding" in words


def test_both_versions_reachable_and_current_clear(built_site: Path) -> None:
    markup = article(built_site, "southampton/versions")
    words = text_of(markup)
    assert "Arrangements 2022 (current)" in words
    assert "Proposed terms of reference 2024" in words
    assert 'href="2024/"' in markup
    assert (built_site / "southampton" / "versions" / "2024" / "structure" / "index.html").exists()


def test_governance_page_gives_the_statutory_timelines(built_site: Path) -> None:
    words = text_of(article(built_site, "southampton/governance"))
    assert "within 5 working days" in words and "within 15 working days" in words
    assert "Pooled budget" in words or "pooled budget" in words


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and ((tag == "a" and name == "href") or (tag in {"script", "img"} and name == "src")
                          or (tag == "link" and name == "href")):
                self.links.append(value)


def test_every_internal_link_resolves(built_site: Path) -> None:
    broken: list[str] = []
    for file in built_site.rglob("*.html"):
        if file.name == "404.html":  # served at any depth, so it links from the site root on purpose
            continue
        parser = _Links()
        parser.feed(file.read_text(encoding="utf-8"))
        for link in parser.links:
            parsed = urlparse(link)
            if parsed.scheme or link.startswith(("#", "//")):
                continue
            target = (file.parent / unquote(parsed.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{file.relative_to(built_site)} -> {link}")
    assert not broken, broken[:20]


def test_mermaid_only_on_diagram_pages_and_quick_exit_everywhere(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("index.html")]
    assert len(pages) > 50
    for file in pages:
        markup = file.read_text(encoding="utf-8")
        has_chart = 'class="mermaid"' in markup
        loads = "assets/javascripts/mermaid-load.mjs" in markup
        assert has_chart == loads, file
        assert 'id="quick-exit"' in markup, file
        assert "fonts.googleapis.com" not in markup and "unpkg.com" not in markup, file


def test_hand_written_page_can_call_the_same_macros(tmp_path: Path) -> None:
    """A news post (or any page) can embed a structure chart with the macro."""
    out = tmp_path / "site"
    post = REPO / "docs" / "news" / "posts" / "zz-test-chart.md"
    post.write_text("---\ndate: 2026-11-01\ncategories: [Arrangements]\npartnerships: [north-somerset]\n"
                    "mermaid: true\n---\n\n# Our structure\n\n<!-- more -->\n\n"
                    "{{ structure_chart('north-somerset') }}\n", encoding="utf-8")
    try:
        result = build_site(out)
    finally:
        post.unlink()
    assert result.returncode == 0, result.stderr
    built = next(out.glob("news/**/zz-test-chart/index.html"))
    markup = built.read_text(encoding="utf-8")
    assert "g_learning_development --&gt; g_executive" in markup
    assert "Structure in words" in markup


HOSTILE = '<script>alert(1)</script> {{ config }} {% include "x" %} "quotes" [b] {c} #; `code`'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled data with hostile text in a group's name and a purpose."""
    purpose = ("    purpose: >-\n      Organises the delivery of multi-agency training, gives assurance on the\n"
               "      sufficiency and quality of single- and multi-agency training, and\n"
               "      collates learning across the partnership to spread through the\n"
               "      multi-agency training offer it is responsible for.")

    def attack(text: str) -> str:
        assert purpose in text
        text = text.replace("    name: Childhood Neglect Working Group", f"    name: {_yaml_str('Neglect ' + HOSTILE)}")
        return text.replace(purpose, "    purpose: " + _yaml_str(
            "[click](javascript:alert(1)) ![x](https://evil.example/x.png) Organises multi-agency training."))

    return build_with_edit(tmp_path_factory, attack)


def _yaml_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def test_hostile_text_is_inert(hostile_site: Path) -> None:
    group = page(hostile_site, "north-somerset/groups/neglect")
    # <title> is text-only (RCDATA) and the theme strips tags there; everywhere else must be escaped.
    assert "<script>alert(1)</script>" not in re.sub(r"<title>.*?</title>", "", group, flags=re.S)
    assert "<script>alert(1)</script>" not in page(hostile_site, "north-somerset/structure")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in group
    words = text_of(article(hostile_site, "north-somerset/groups/neglect"))
    assert '{{ config }} {% include "x" %}' in words       # shown as typed, never evaluated
    assert "site_name" not in words
    learning = page(hostile_site, "north-somerset/groups/learning-development")
    assert "javascript:" not in learning
    assert "evil.example" not in learning
    chart = html.unescape(re.search(r'<pre class="mermaid"><code>(.*?)</code></pre>',
                                    page(hostile_site, "north-somerset/structure"), re.S).group(1))
    label = next(line for line in chart.splitlines() if line.strip().startswith("g_neglect"))
    inner = label.split('["', 1)[1].rsplit('"]', 1)[0].replace("<br/><small>", "").replace("</small>", "")
    bare = re.sub(r"#\w+;", "", inner)  # Mermaid entity codes such as #quot; are the safe form
    for char in '"[]{}<>;`#':
        assert char not in bare, (char, label)


def test_home_and_overviews_read_as_plain_english(built_site: Path) -> None:
    """Flesch reading ease of 60 or more (plain English) where families start: the home page and each overview."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    import textstat
    from readability import TARGET, article_text, pages

    found = pages(built_site)
    assert len(found) >= 8
    scores = {name: textstat.flesch_reading_ease(article_text(path)) for name, path in found}
    assert all(score >= TARGET for score in scores.values()), scores


def test_terms_link_to_words_we_use(built_site: Path) -> None:
    overview = article(built_site, "north-somerset")
    assert 'href="../glossary/#lsp"' in overview and 'href="../glossary/#dsp"' in overview
    glossary = page(built_site, "glossary")
    terms = {match[0]: unescape(re.sub(r"<[^>]+>", "", match[1]))
             for match in re.findall(r'<dt id="(\w+)">(.*?)</dt>', glossary, re.DOTALL)}
    assert terms["lsp"].startswith("Lead safeguarding partner (LSP)"), terms
    assert terms["dsp"].startswith("Delegated safeguarding partner (DSP)"), terms
    assert terms["icb"].startswith("Integrated Care Board (ICB)") and "Relevant agency" in glossary


def test_help_panel_never_shows_a_blank_number(built_site: Path) -> None:
    """A contact with no phone shows its website; the most urgent number comes first."""
    markup = page(built_site, "north-somerset")
    start = markup.index('<aside class="help-panel"')
    panel = markup[start:markup.index("</aside>", start)]
    assert "to be confirmed" not in panel.lower()
    names = [unescape(re.sub(r"<[^>]+>", "", name))
             for name in re.findall(r'help-panel__name">(.*?)</span>', panel, re.DOTALL)]
    assert "Children's services in North Somerset" in names and "Website" in panel
    assert names[0].startswith("Police, if a child is in immediate danger")
    assert names.index("Children's services in North Somerset") < names.index("Police non-emergency number")
