"""The PDF: a document's HTML through pandoc into Typst, and Typst writes a tagged PDF/UA-1.

Why Typst and not a browser-like HTML renderer: Typst lays out and writes a
ten-page document in about a twentieth of a second (WeasyPrint took more than
a second), and with `pdf_standards=["ua-1"]` it tags headings, lists, tables
with their header cells, figures with their alternative text, the language,
the title and the bookmarks, and refuses to write a file that breaks PDF/UA-1
(an image without alternative text, say). The page design is documents.typ;
documents.lua (pandoc) says where the chart goes and how notes look.

Data text reaches Typst in two ways only, both as text: the body through
pandoc's Typst writer, which escapes it, and the cover, title and footer as
JSON in `sys.inputs`, which Typst shows as strings and never reads as markup.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
from pathlib import Path

from arrangements.features.documents import (
    CHART_SLOT,
    SAMPLE_LABEL,
    Document,
    DocumentError,
    pandoc_binary,
)

TEMPLATE = Path(__file__).with_name("documents.typ")
MAIN = '#import "template.typ": *\n#show: document-layout\n\n'


def _typst():  # noqa: ANN202 - the typst module
    try:
        import typst
    except ImportError as error:
        raise DocumentError(f"Typst cannot start ({error}): run `make install`") from None
    return typst


def check_tools() -> None:
    """Stop before the first document when a tool is missing, not after minutes of work."""
    pandoc_binary()
    _typst()


def typst_inputs(doc: Document) -> dict[str, str]:
    """What the template shows around the body, as data (see the module's note on why JSON)."""
    return {"document": json.dumps({
        "title": doc.title, "name": doc.name, "kind": doc.kind, "subtitle": doc.subtitle,
        "description": f"{doc.kind}: {doc.subtitle}", "facts": doc.facts, "footer": doc.footer or doc.title,
        "sample": SAMPLE_LABEL if doc.sample else "", "chart_alt": doc.chart[1] if doc.chart else "",
    }, ensure_ascii=False)}


def pdf_recipe(doc: Document) -> str:
    """Everything that decides the PDF's bytes besides the tools and the code (documents_files.tool_versions
    covers those, the page design and documents.lua included): the cache's key."""
    return "\n".join([doc.body, json.dumps(typst_inputs(doc)), doc.chart[0] if doc.chart else ""])


_COMPILERS: dict[int, object] = {}


def _compiler():  # noqa: ANN202 - a typst.Compiler
    """One Typst compiler per process: it keeps the fonts and what it worked out for the page design from
    one document to the next (a third off each PDF).

    Why one per process: a compiler made before the workers fork is not used after it (its threads do not
    come with the fork)."""
    if os.getpid() not in _COMPILERS:
        _COMPILERS.clear()
        _COMPILERS[os.getpid()] = _typst().Compiler()
    return _COMPILERS[os.getpid()]


def _compile(folder: Path, inputs: dict[str, str], what: str, **options: object) -> bytes:
    typst = _typst()
    try:
        return _compiler().compile(input=str(folder / "main.typ"), root=str(folder), sys_inputs=inputs,
                                   **options)
    except typst.TypstError as error:
        first = (str(error).strip().splitlines() or ["no message"])[0]
        raise DocumentError(f"Typst could not write {what}: {first}") from None


def typst_fields(markup: Path) -> dict[str, str]:
    """What documents.lua needs to write the Typst markup of the PDF's body at `markup`."""
    return {"typst": str(markup)}


def compile_pdf(doc: Document, markup: Path, path: Path) -> None:
    """Typst lays out the converted body in the page design and writes the tagged PDF to `path`."""
    body = markup.read_text(encoding="utf-8")
    if doc.chart and "#chart-image" not in body:
        raise DocumentError(f"{path.name}: the structure chart's place ({CHART_SLOT}) was lost on the way to "
                            "Typst; please report this")
    folder = markup.parent / f"{markup.stem}-typst"
    folder.mkdir()
    shutil.copyfile(TEMPLATE, folder / "template.typ")
    (folder / "chart.svg").write_text(doc.chart[0] if doc.chart else _BLANK_SVG, encoding="utf-8")
    (folder / "main.typ").write_text(MAIN + body, encoding="utf-8")
    _write_packed(_compile(folder, typst_inputs(doc), path.name, pdf_standards=["ua-1"]), path)


def _write_packed(pdf: bytes, path: Path) -> None:
    """Write the PDF with its objects packed into compressed object streams (qpdf, through pikepdf).

    Why: Typst writes each of the hundreds of tags (a PDF/UA document's structure) as a plain object; packed,
    a document is about half the bytes a reader downloads, with the same pages, tags and metadata.
    """
    try:
        import pikepdf
    except ImportError as error:
        raise DocumentError(f"pikepdf cannot start ({error}): run `make install`") from None
    with pikepdf.open(io.BytesIO(pdf)) as document:
        document.save(path, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)


_BLANK_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'


def chart_png(svg: str, what: str) -> bytes:
    """The structure chart as a PNG at 150 pixels an inch, 170 mm wide (for the Word file): Typst draws the
    same SVG as in the PDF, so both files show the same chart."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "chart.svg").write_text(svg, encoding="utf-8")
        (folder / "main.typ").write_text('#set page(width: auto, height: auto, margin: 0pt, fill: white)\n'
                                         '#image("chart.svg", width: 170mm)\n', encoding="utf-8")
        return _compile(folder, {}, what, format="png", ppi=150)
