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
The PDF is written by WeasyPrint as PDF/UA-1 (tagged, with language, title,
bookmarks and alternative text); the Word file by pandoc from the same
HTML, with real Heading 1 and Heading 2 styles and the chart as a PNG.
"""

from __future__ import annotations

import base64
import html
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from arrangements.data.dataset import Dataset, Partnership, Version
from arrangements.rendering.chart_svg import structure_svg
from arrangements.rendering.dates import long_date
from arrangements.rendering.pages import render

EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "def_list", "toc",
              "pymdownx.details", "pymdownx.superfences"]
STYLESHEET = Path(__file__).with_name("documents.css")
SAMPLE_LABEL = "Illustrative sample data — not real figures"
STATUS_LABELS = {"in-force": "In force", "proposed": "Proposed", "draft": "Draft",
                 "superseded": "Replaced by a later version"}
CHART_SLOT = "DOCUMENT-CHART-SLOT"
# Sections that only make sense on the web: links to other pages and the news.
WEB_ONLY_SECTIONS = ("Find out more", "Latest news")


NO_PANDOC = "pandoc is not installed: run `apt-get install pandoc` to make Word files"


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


# --- HTML for print and for Word ---------------------------------------------------

def _headings(body: str) -> list[tuple[int, str, str]]:
    found = re.finditer(r'<h([12])[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', body, flags=re.DOTALL)
    return [(int(m.group(1)), m.group(2), re.sub(r"<[^>]+>", "", m.group(3))) for m in found]


def _chart_img(doc: Document, src: str) -> str:
    assert doc.chart is not None
    return f'<img class="structure-chart-image" src="{src}" alt="{html.escape(doc.chart[1], quote=True)}">'


def css_string(text: str) -> str:
    """Text safe inside a CSS string in a <style> element: anything but plain letters becomes a CSS escape,
    so no quote, backslash or `</style>` in data text can end the string or the element."""
    return "".join(char if char.isalnum() and char.isascii() or char in " ,.:;-()" else f"\\{ord(char):x} "
                   for char in " ".join(str(text).split()))


def print_html(doc: Document) -> str:
    """The whole document for WeasyPrint: cover, contents with page numbers, then the content."""
    e = html.escape
    body = doc.body
    if doc.chart:
        data = base64.b64encode(doc.chart[0].encode("utf-8")).decode("ascii")
        body = body.replace(f"<p>{CHART_SLOT}</p>", _chart_img(doc, f"data:image/svg+xml;base64,{data}"))
    facts = "".join(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in doc.facts)
    sample = f'<p class="cover-sample">{e(SAMPLE_LABEL)}</p>' if doc.sample else ""
    contents = "".join(f'<li class="level-{level}"><a href="#{e(anchor)}">{text}</a></li>'
                       for level, anchor, text in _headings(body))
    css = STYLESHEET.read_text(encoding="utf-8")
    css += f'\n@page {{ @bottom-left {{ content: "{css_string(doc.footer or doc.title)}"; }} }}\n'
    css += '@page :first { @bottom-left { content: none; } }\n'
    if doc.sample:
        css += f'\n@page {{ @top-center {{ content: "{css_string(SAMPLE_LABEL)}"; }} }}\n'
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{e(doc.title)}</title>
<meta name="author" content="{e(doc.name, quote=True)}">
<meta name="description" content="{e(doc.kind + ': ' + doc.subtitle, quote=True)}">
<style>{css}</style>
</head>
<body>
<section class="cover">
<p class="cover-kind">{e(doc.kind)}</p>
<p class="cover-title">{e(doc.name)}</p>
<p class="cover-subtitle">{e(doc.subtitle)}</p>
{sample}
<dl class="cover-facts">{facts}</dl>
</section>
<nav class="contents" aria-labelledby="contents-heading">
<h1 id="contents-heading">Contents</h1>
<ul>{contents}</ul>
</nav>
<main>
{body}
</main>
</body>
</html>
"""


def word_html(doc: Document, chart_png: str | None) -> str:
    """The content for pandoc: no cover or contents (the Word file has its own title block)."""
    body = doc.body
    if doc.chart:
        # Why no <figure>: pandoc would take the caption as the picture's description, not its alt text.
        body = re.sub(r'<figure class="structure-chart"[^>]*>', "", body).replace("</figure>", "")
        body = body.replace("<figcaption", "<p").replace("</figcaption>", "</p>")
        body = body.replace(f"<p>{CHART_SLOT}</p>", f"<p>{_chart_img(doc, chart_png)}</p>" if chart_png else "")
    sample = f"<p><strong>{html.escape(SAMPLE_LABEL)}</strong></p>" if doc.sample else ""
    facts = "".join(f"<p>{html.escape(label)}: {html.escape(value)}</p>" for label, value in doc.facts)
    return f'<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>{html.escape(doc.title)}' \
           f"</title></head><body>{sample}{facts}{body}</body></html>"


# --- Writing the files ---------------------------------------------------------------

def write_pdf(doc: Document, path: Path) -> None:
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except (ImportError, OSError) as error:  # OSError: WeasyPrint is installed but Pango is not
        raise DocumentError(f"WeasyPrint cannot start ({str(error).splitlines()[0]}): run `make install`, "
                            "and `apt-get install libpango-1.0-0 libpangoft2-1.0-0`") from None
    # Why only data: URLs: a document never makes a request to a third party while it is built.
    fetcher = URLFetcher(allowed_protocols={"data"})
    HTML(string=print_html(doc), url_fetcher=fetcher).write_pdf(path, pdf_variant="pdf/ua-1")


def write_docx(doc: Document, path: Path) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        raise DocumentError(NO_PANDOC)
    with tempfile.TemporaryDirectory() as folder:
        chart = None
        if doc.chart:
            try:
                import cairosvg
            except (ImportError, OSError) as error:
                raise DocumentError(f"cairosvg cannot start ({str(error).splitlines()[0]}): run `make install` "
                                    "and `apt-get install libcairo2`") from None
            cairosvg.svg2png(bytestring=doc.chart[0].encode("utf-8"), write_to=str(Path(folder) / "chart.png"),
                             dpi=150, scale=150 / 96)
            chart = "chart.png"
        source = Path(folder) / "document.html"
        source.write_text(word_html(doc, chart), encoding="utf-8")
        command = [pandoc, "--from=html", "--to=docx", f"--resource-path={folder}", "--metadata=lang:en-GB",
                   f"--metadata=title:{doc.name}", f"--metadata=subtitle:{doc.kind}: {doc.subtitle}",
                   f"--output={path}", str(source)]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode:
            message = (result.stderr.strip().splitlines() or ["no message"])[-1]
            raise DocumentError(f"pandoc could not write {path.name}: {message}")
    _finish_word(path, doc.sample, doc.footer or doc.title)


def _ruled(properties, element, qn) -> None:  # python-docx XML objects
    """Thin grey rules round every cell and the full text width: pandoc's tables have a header rule only."""
    borders = element("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        rule = element(f"w:{side}")
        for name, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "B1B4B6")):
            rule.set(qn(name), value)
        borders.append(rule)
    for old in properties.findall(qn("w:tblBorders")):
        properties.remove(old)
    width = properties.find(qn("w:tblW"))
    if width is not None:
        width.set(qn("w:type"), "pct")
        width.set(qn("w:w"), "5000")
    look = properties.find(qn("w:tblLook"))
    # Why before tblLook: Word reads table properties in the schema's order.
    if look is not None:
        look.addprevious(borders)
    else:
        properties.append(borders)


def _finish_word(path: Path, sample: bool, footer: str) -> None:
    """A4 with 20 mm margins, the chart at the full 170 mm text width (so its text prints at 10 pt or more),
    a footer with the document's name and the page number, and for a sample report the illustrative-data
    label in the page header, so it is on every page."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm

    word = docx.Document(str(path))
    for section in word.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(20)
        section.top_margin = section.bottom_margin = Mm(22)
        if sample:
            paragraph = section.header.paragraphs[0]
            paragraph.text = SAMPLE_LABEL
            paragraph.runs[0].bold = True
        paragraph = section.footer.paragraphs[0]
        paragraph.text = f"{footer} · Page "  # python-docx escapes the text
        page = OxmlElement("w:fldSimple")  # Word fills in the page number
        page.set(qn("w:instr"), "PAGE")
        run, text = OxmlElement("w:r"), OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        page.append(run)
        paragraph._p.append(page)
    for table in word.tables:
        _ruled(table._tbl.tblPr, OxmlElement, qn)
    for shape in word.inline_shapes:
        ratio = shape.height / shape.width
        shape.width = Mm(170)
        shape.height = int(Mm(170) * ratio)
    word.save(str(path))
