"""Documents: a partnership's arrangements and yearly reports as PDF and Word files.

The pages stay the main format; a document is the same content for those
who must put it to a board or through their own sign-off. So a document is
built from the very renderers the pages use (overview, structure,
governance, every group's terms of reference; or the report), converted
with the same Markdown extensions as the site, and never says anything the
pages do not. Only what belongs to a web page is left out: menus to other
pages, news, and links between pages (a link to another group in the same
document becomes a link inside it).

The structure chart is a static SVG (chart_svg.py), so no browser is needed.
This module composes a document's content as HTML and runs pandoc;
documents_pdf.py turns it into a tagged PDF/UA-1 (pandoc to Typst, then
Typst), documents_word.py into a Word file (pandoc, then python-docx), and
documents_files.py makes a batch of them, with one pandoc process.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from arrangements.data.dataset import Dataset, Partnership, Version
from arrangements.rendering.chart_svg import structure_svg
from arrangements.rendering.dates import long_date
from arrangements.rendering.pages import render

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "def_list", "toc",
              "pymdownx.details", "pymdownx.superfences"]
SAMPLE_LABEL = "Illustrative sample data — not real figures"
STATUS_LABELS = {"in-force": "In force", "proposed": "Proposed", "draft": "Draft",
                 "superseded": "Replaced by a later version"}
CHART_SLOT = "DOCUMENT-CHART-SLOT"
# Sections that only make sense on the web: links to other pages and the news.
WEB_ONLY_SECTIONS = ("Find out more", "Latest news")


NO_PANDOC = "pandoc is not installed: run `make install` (it comes with the pypandoc_binary package)"


class DocumentError(Exception):
    """A document cannot be made; the message says why in one line, and what to do."""


@dataclass
class Document:
    pid: str
    stem: str                       # file name without extension, e.g. arrangements-2024
    title: str                      # the PDF's title and the Word file's title
    kind: str                       # "Safeguarding arrangements" / "Yearly report"
    name: str                       # the partnership's name
    subtitle: str                   # version label or the years covered
    facts: list[tuple[str, str]]    # what the cover lists: status, dates
    body: str                       # HTML, headings from h1
    sample: bool = False
    footer: str = ""                # the running footer: short name and version, or the report's title
    chart: tuple[str, str] | None = None   # (SVG, alternative text)


# --- Markdown to HTML ----------------------------------------------------------

def _drop_sections(markdown: str, titles: tuple[str, ...]) -> str:
    out: list[str] = []
    skipping = False
    for line in markdown.split("\n"):
        if line.startswith("## ") or line.startswith("# "):
            skipping = line.lstrip("#").strip() in titles
        if not skipping:
            out.append(line)
    return "\n".join(out)


def _demote(markdown: str) -> str:
    """Headings one level down (a group's page becomes a chapter's section)."""
    return re.sub(r"^(#{1,5}) ", r"#\1 ", markdown, flags=re.MULTILINE)


def _with_anchor(markdown: str, anchor: str) -> str:
    """The page's first heading gets a fixed id, so links from elsewhere in the document can reach it."""
    return re.sub(r"^# (.*)$", lambda m: f"# {m.group(1)} {{: #{anchor} }}", markdown, count=1, flags=re.MULTILINE)


def _mermaid_to_slot(markdown: str) -> str:
    return re.sub(r"^``` ?mermaid\n.*?^```$", CHART_SLOT, markdown, flags=re.MULTILINE | re.DOTALL)


def to_html(markdown: str) -> str:
    import markdown as markdown_lib

    return markdown_lib.markdown(markdown, extensions=EXTENSIONS,
                                 extension_configs={"toc": {"permalink": False}})


_LINK = re.compile(r'<a href="([^"]*)"([^>]*)>(.*?)</a>', re.DOTALL)
_LOCAL = re.compile(r"^(?:groups/)?([A-Za-z0-9_-]+)\.md$")


def _links(body: str, group_ids: set[str]) -> str:
    """Links to other pages become plain text, except a group in this document (a link inside it)."""
    def one(match: re.Match[str]) -> str:
        href, rest, text = match.groups()
        if re.match(r"^(https?:|mailto:|tel:)", href):
            return match.group(0)
        local = _LOCAL.match(html.unescape(href))
        if local and local.group(1) in group_ids:
            return f'<a href="#group-{local.group(1)}"{rest}>{text}</a>'
        return text

    return _LINK.sub(one, body)


def _tidy(body: str) -> str:
    # Why: the bar charts repeat the table that follows them and are hidden from screen readers on the
    # page; a PDF's tags cannot hide them, so the table alone carries the figures.
    body = re.sub(r'<figure class="bar-chart".*?</figure>', "", body, flags=re.DOTALL)
    body = re.sub(r'<p class="sample-print-note"[^>]*>.*?</p>', "", body, flags=re.DOTALL)
    # Closed <details> blocks (earlier chairs...) are printed open, as notes.
    body = re.sub(r'<details class="([^"]*)">\s*<summary>(.*?)</summary>',
                  r'<div class="admonition \1"><p class="admonition-title">\2</p>', body, flags=re.DOTALL)
    return body.replace("</details>", "</div>")


def _once(body: str) -> str:
    """Each page opens with the same notice ("This is not the current version"); a document says it once."""
    seen: set[str] = set()

    def one(match: re.Match[str]) -> str:
        if match.group(0) in seen:
            return ""
        seen.add(match.group(0))
        return match.group(0)

    return re.sub(r'<div class="admonition (?:note|warning)">\s*<p class="admonition-title">'
                  r"(?:Published as a proposal|This is not the current version)</p>.*?</div>", one, body,
                  flags=re.DOTALL)


# --- What each document holds ------------------------------------------------------

def _plain_date(value: str | None) -> str:
    """A date for the cover, which is plain text (the renderers' *To be confirmed* is Markdown)."""
    return long_date(value) if value else "To be confirmed"


def arrangements_stem(version_id: str) -> str:
    """The file name (without extension) of a version's arrangements: arrangements-2024."""
    return f"arrangements-{version_id}"


def report_stem(year: str) -> str:
    return f"report-{year}"


def _version(partnership: Partnership, version_id: str | None) -> Version:
    if version_id is None:
        return partnership.current
    return next(v for v in partnership.versions if v.id == version_id)


def arrangements_document(dataset: Dataset, pid: str, version_id: str | None = None) -> Document:
    partnership = dataset.partnerships[pid]
    version = _version(partnership, version_id)
    data = version.arrangements
    args = (pid,) if version is partnership.current else (pid, version.id)
    overview = render(dataset, "overview", *args)
    # Why "About the partnership": the cover already carries the name the page opens with.
    overview = re.sub(r"^# .*$", "# About the partnership", overview, count=1, flags=re.MULTILINE)
    parts = [_drop_sections(overview, WEB_ONLY_SECTIONS),
             _mermaid_to_slot(render(dataset, "structure", *args)),
             render(dataset, "governance", *args)]
    if data.groups:
        parts.append("# Groups and their terms of reference\n")
    for group in data.groups:
        page = render(dataset, "group", pid, group.id, *args[1:])
        parts.append(_demote(_with_anchor(page, f"group-{group.id}")))
    body = _once(_tidy(_links(to_html("\n\n".join(parts)), {g.id for g in data.groups})))
    facts = [("Status", STATUS_LABELS.get(data.status, data.status)),
             ("Agreed", _plain_date(data.dates.agreed)), ("Takes effect", _plain_date(data.dates.effective)),
             ("Next review", _plain_date(data.dates.next_review))]
    return Document(pid, arrangements_stem(version.id), f"{data.name}: {version.label}", "Safeguarding arrangements",
                    data.name, version.label, facts, body, chart=structure_svg(dataset, partnership, version),
                    footer=f"{data.short_name or data.name}: {version.label}")


def yearly_report_document(dataset: Dataset, pid: str, year: str) -> Document:
    partnership = dataset.partnerships[pid]
    report = partnership.reports[year]
    markdown = render(dataset, "report", pid, year)
    # The links to the checklist and other pages at the foot of the page.
    markdown = re.sub(r"\n---\n\n\[How this report meets.*\Z", "\n", markdown, flags=re.DOTALL)
    body = _tidy(_links(to_html(markdown), set()))
    name = partnership.data.name
    facts = [("Covers", f"{long_date(report.period.start)} to {long_date(report.period.end)}"),
             ("Published", _plain_date(report.published))]
    return Document(pid, report_stem(year), f"{name}: yearly report {year}", "Yearly report", name, year, facts,
                    body, sample=bool(report.sample),
                    footer=f"{partnership.data.short_name or name}: yearly report {year}")


def documents_for(dataset: Dataset, pid: str) -> list[Document]:
    """Every document of a partnership: each version of its arrangements, each yearly report."""
    partnership = dataset.partnerships[pid]
    docs = [arrangements_document(dataset, pid, version.id) for version in partnership.versions]
    return docs + [yearly_report_document(dataset, pid, year) for year in sorted(partnership.reports)]


# --- pandoc, for both files ------------------------------------------------------------

def pandoc_binary() -> Path:
    """The pandoc that comes with pypandoc_binary: one pinned version, whatever the machine has installed.

    Why not the system's: Debian 12's pandoc (2.17) cannot write Typst, and two versions would make the
    same data give different files on different machines."""
    try:
        import pypandoc
    except ImportError:
        raise DocumentError(NO_PANDOC) from None
    binary = Path(pypandoc.__file__).parent / "files" / "pandoc"
    if not binary.is_file():
        raise DocumentError(NO_PANDOC)
    return binary


CONVERTER = Path(__file__).with_name("documents.lua")
# Why +RTS -A32m: a larger allocation area for pandoc's (Haskell) memory manager spends less time collecting
# garbage: about a tenth off, the same output.
PANDOC_RUNTIME = ["+RTS", "-A32m", "-RTS"]


def convert(jobs: list[dict[str, object]]) -> None:
    """Every conversion in `jobs` (see documents.lua) in one pandoc process; a DocumentError names the file."""
    if not jobs:
        return
    result = subprocess.run([str(pandoc_binary()), "lua", str(CONVERTER), *PANDOC_RUNTIME],
                            input=json.dumps(jobs), capture_output=True, text=True, check=False)
    if result.returncode:
        message = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise DocumentError(f"pandoc could not write {message}")
