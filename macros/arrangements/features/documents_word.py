"""The Word file: the document's HTML through pandoc (documents.lua), finished with python-docx.

Partners put the arrangements through their own sign-off and committee
templates, so the Word file has real Heading 1 and Heading 2 styles, the
chart as a picture with its alternative text and the structure in words
after it, A4 pages with a footer, and ruled tables whose header row repeats.
"""

from __future__ import annotations

from pathlib import Path

from arrangements.features.documents import SAMPLE_LABEL, Document
from arrangements.features.documents_pdf import chart_png


def word_fields(doc: Document, path: Path, work: Path) -> dict[str, object]:
    """What documents.lua needs, besides the HTML, to write the Word file at `path`: its title block, the
    cover's facts and sample label (Word has no cover), and the chart as a PNG, drawn into `work`."""
    chart = ""
    if doc.chart:
        chart = str(work / f"{path.stem}-chart.png")
        Path(chart).write_bytes(chart_png(doc.chart[0], path.name))
    return {"docx": str(path), "title": doc.name, "subtitle": f"{doc.kind}: {doc.subtitle}", "facts": doc.facts,
            "sample": SAMPLE_LABEL if doc.sample else "", "chart": chart,
            "chart_alt": doc.chart[1] if doc.chart else ""}


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


def finish_word(doc: Document, path: Path) -> None:
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
        if doc.sample:
            paragraph = section.header.paragraphs[0]
            paragraph.text = SAMPLE_LABEL
            paragraph.runs[0].bold = True
        paragraph = section.footer.paragraphs[0]
        paragraph.text = f"{doc.footer or doc.title} · Page "  # python-docx escapes the text
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
