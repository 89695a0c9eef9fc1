"""Abbreviations spelled out at first use on every generated page (WCAG 3.1.4, plain English).

LSP, DSP, ICB, NSPCC, CSPR and each partnership's short name (NSSCP, SSCP, ...)
are written out in words the first time a page's text uses them, with an
`<abbr>` giving the same words; data text stays escaped on the way.
"""

from __future__ import annotations

import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import yaml
from conftest import REPO

sys.path.insert(0, str(REPO / "macros"))

from arrangements.rendering.text import ABBREVIATIONS, abbreviations, expand_abbreviations, spelled_out  # noqa: E402

NORTH_SOMERSET = "North Somerset Safeguarding Children Partnership"


def test_first_use_is_spelled_out_and_later_uses_are_not() -> None:
    terms = abbreviations({"NSSCP": NORTH_SOMERSET})
    out = expand_abbreviations("The NSSCP works with the ICB. The NSSCP meets.", terms)
    assert out == (f'The {NORTH_SOMERSET} (<abbr title="{NORTH_SOMERSET}">NSSCP</abbr>) works with the '
                   'Integrated Care Board (<abbr title="Integrated Care Board">ICB</abbr>). The NSSCP meets.')


def test_words_already_there_are_not_repeated() -> None:
    out = expand_abbreviations("a [lead safeguarding partner](../glossary.md#lsp) (LSP) and "
                               "Child Safeguarding Practice Reviews (CSPR)", abbreviations({}))
    assert out == ('a [lead safeguarding partner](../glossary.md#lsp) (<abbr title="lead safeguarding partner">'
                   'LSP</abbr>) and Child Safeguarding Practice Reviews (<abbr title="child safeguarding practice '
                   'review">CSPR</abbr>)')


def test_headings_code_charts_tags_and_addresses_are_left_alone() -> None:
    source = ("# How NSSCP is organised\n\n[x](groups/NSSCP.md#DSP) `ICB` {#LSP}\n\n"
              '<div class="mermaid" data-x="DSP">NSPCC</div>\n\n```mermaid\ngraph TD; ICB-->DSP\n```\n\n'
              '<pre class="mermaid">LSP</pre>\n\nNow the DSP.')
    out = expand_abbreviations(source, abbreviations({"NSSCP": NORTH_SOMERSET}))
    unchanged, _, last = out.rpartition("Now the ")
    assert unchanged.replace("National Society for the Prevention of Cruelty to Children (<abbr title=\"National "
                             "Society for the Prevention of Cruelty to Children\">NSPCC</abbr>)", "NSPCC") \
        == source.rpartition("Now the ")[0]
    assert last.startswith("delegated safeguarding partner (<abbr")


def test_data_names_stay_escaped() -> None:
    hostile = 'Evil "quoted" <script>alert(1)</script> [x](javascript:y) *P*'
    terms = abbreviations({"EVP": hostile, "<b>": "bold", "Sussex": "Pan-Sussex"})
    assert set(terms) == set(ABBREVIATIONS) | {"EVP"}, "only short names that are abbreviations"
    for out in (expand_abbreviations("The EVP met.", terms), spelled_out("EVP", hostile)):
        assert "<script" not in out
        title = re.search(r'<abbr title="([^"]*)">EVP</abbr>', out)
        assert title and html.unescape(title.group(1)) == hostile and "*" not in title.group(1)
    # In Markdown the link is checked like any data link (and dropped); the panel is HTML, where it is only words.
    assert "javascript:y)" not in expand_abbreviations("The EVP met.", terms)
    assert spelled_out("Sussex", "Pan-Sussex Safeguarding Children Partnership") == "Sussex"


class _Text(HTMLParser):
    """The running text of a page's content after the help panel, with the `<abbr>` each word sits in."""

    SKIP = {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "svg", "script", "style", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.text = ""
        self.abbrs: list[tuple[int, str, str | None]] = []  # offset in text, abbreviation, its title

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in {"br", "hr", "img", "input", "meta", "link", "wbr"}:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if any(tag in self.SKIP or "mermaid" in (attrs.get("class") or "") for tag, attrs in self.stack):
            return
        if self.stack and self.stack[-1][0] == "abbr":
            self.abbrs.append((len(self.text), data, self.stack[-1][1].get("title")))
        self.text += data


def _content(file: Path) -> str:
    markup = file.read_text(encoding="utf-8")
    start = markup.index("</aside>", markup.index('id="worried-about-a-child"'))
    return markup[start: markup.index("</article>", start)]


def test_a_real_page_spells_out_the_partnership_and_the_terms(built_site: Path) -> None:
    page = built_site / "north-somerset" / "structure" / "index.html"
    markup = page.read_text(encoding="utf-8")
    panel = markup[markup.index('id="worried-about-a-child"'):]
    assert (f'Contacts for {NORTH_SOMERSET} (<abbr title="{NORTH_SOMERSET}">NSSCP</abbr>)') in panel
    parsed = _Text()
    parsed.feed(_content(page))
    words = " ".join(parsed.text.split())
    first = words.index("NSSCP")
    assert words[first - len(NORTH_SOMERSET) - 2: first] == f"{NORTH_SOMERSET} ("
    assert ("NSSCP", NORTH_SOMERSET) in [(a, t) for _, a, t in parsed.abbrs]
    # The panel is kept short: the helpline's abbreviation is marked with its words, not spelled out.
    assert ('<abbr title="National Society for the Prevention of Cruelty to Children">NSPCC</abbr> helpline'
            in panel)


def test_every_page_spells_out_each_abbreviation_at_first_use(built_site: Path) -> None:
    """Over every page, made from the data or written by hand (news too): the first use in the text is an
    `<abbr>` right after its words."""
    names = {}
    for file in sorted((REPO / "data" / "partnerships").glob("*/arrangements/*.yml"), reverse=True):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        if data.get("short_name") and data.get("name"):
            names.setdefault(data["short_name"], data["name"])
    terms = abbreviations(names)
    assert {"NSSCP", "SSCP", "HIPS"} <= set(terms)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(terms) + r")(?![\w-])")
    missed: list[str] = []
    checked = 0
    for file in sorted(built_site.rglob("index.html")):
        markup = file.read_text(encoding="utf-8")
        if 'id="worried-about-a-child"' not in markup or "<article" not in markup:
            continue
        parsed = _Text()
        parsed.feed(_content(file))
        seen: set[str] = set()
        for match in pattern.finditer(parsed.text):
            short = match.group(1)
            if short in seen:
                continue
            marked = [(t or "") for at, a, t in parsed.abbrs if at == match.start() and a == short]
            # Inside a name ("HIPS Executive Group") it is only marked; the first use on its own is spelled out.
            if re.match(r" [A-Z][a-z]", parsed.text[match.end():]):
                if not marked or marked[0] != terms[short]:
                    missed.append(f"{file.relative_to(built_site)}: {short} in a name, not marked")
                continue
            seen.add(short)
            checked += 1
            before = " ".join(html.unescape(parsed.text[max(0, match.start() - 120): match.start()]).split())
            said = before.rstrip(" ([]").lower().endswith((terms[short].lower(), terms[short].lower() + "s"))
            if not marked or marked[0] != terms[short] or not said:
                missed.append(f"{file.relative_to(built_site)}: {short} after '{before[-60:]}'")
    assert checked > 50
    assert not missed, f"{len(missed)} first uses not spelled out:\n" + "\n".join(missed[:20])
