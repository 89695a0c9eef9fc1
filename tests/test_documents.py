"""Documents: generate the real PDF and Word files for two partnerships, open them and read them back.

Nothing is mocked: pandoc, Typst and python-docx write the files exactly as
`make documents` does; pypdf and python-docx read what a reader's software
would read (text, tags, bookmarks, headings, alternative text).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest
from arrangements.core import Dataset, load_dataset
from arrangements.features.documents import SAMPLE_LABEL, DocumentError, arrangements_document
from arrangements.features.documents_build import build, download_links, file_size
from arrangements.features.documents_files import keep, kept_at, make_documents, reuse
from arrangements.features.report import SECTIONS
from arrangements.rendering.chart_svg import _path, layout, routes, structure_svg
from arrangements.rendering.dates import today
from arrangements.rendering.diagrams import structure_graph
from arrangements.rendering.wording import holders
from pypdf import PdfReader

REPO = Path(__file__).resolve().parents[1]
PIDS = ("north-somerset", "southampton")
SVG = "{http://www.w3.org/2000/svg}"



@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(REPO / "data")


@pytest.fixture(scope="module")
def out(dataset: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("documents")
    for pid in PIDS:
        build(dataset, folder, only=pid, jobs=2)
    return folder


def pdf_text(reader: PdfReader, first: int = 0) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages[first:])


def words(text: str) -> str:
    return " ".join(text.split())


def struct_elements(reader: PdfReader) -> list[dict]:
    """Every element of the PDF's structure tree (the tags a screen reader follows)."""
    found: list[dict] = []

    def walk(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for child in node:
                walk(child)
        elif isinstance(node, dict) and "/S" in node:
            found.append(node)
            walk(node.get("/K", []))
        elif isinstance(node, dict) and "/K" in node:
            walk(node["/K"])

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def leads_and_delegates(dataset: Dataset, pid: str) -> list[str]:
    data = dataset.partnerships[pid].current.arrangements
    return [post.name for partner in data.partners for posts in (partner.lead, partner.delegate) if posts
            for post in holders(posts, today()).now if post.name]


# --- The files exist, where the brief says ------------------------------------------------

def test_every_version_and_report_gets_a_pdf_and_a_word_file(dataset: Dataset, out: Path) -> None:
    for pid in PIDS:
        partnership = dataset.partnerships[pid]
        expected = {f"arrangements-{v.id}.{ext}" for v in partnership.versions for ext in ("pdf", "docx")}
        expected |= {f"report-{year}.{ext}" for year in partnership.reports for ext in ("pdf", "docx")}
        assert {p.name for p in (out / pid / "documents").iterdir()} == expected
    assert (out / "north-somerset" / "documents" / "report-2024-25.pdf").exists()
    assert (out / "southampton" / "documents" / "arrangements-2024.pdf").exists()  # an older/other version too


# --- What the PDF says ------------------------------------------------------------------

@pytest.mark.parametrize("pid", PIDS)
def test_pdf_names_the_leads_the_delegates_and_every_group(dataset: Dataset, out: Path, pid: str) -> None:
    partnership = dataset.partnerships[pid]
    text = pdf_text(PdfReader(out / pid / "documents" / f"arrangements-{partnership.current.id}.pdf"))
    people = leads_and_delegates(dataset, pid)
    if pid == "southampton":
        assert {"Robert Henderson", "Matthew Richardson", "Phil Lamb"} <= set(people)
    for name in people:
        assert name in text
    for partner in partnership.current.arrangements.partners:
        assert partner.organisation is None or words(partner.organisation) in text
    for group in partnership.current.arrangements.groups:
        assert words(group.name) in text, group.name
    # The chart, its caption, then the same in words, before the next chapter (reading order).
    body = pdf_text(PdfReader(out / pid / "documents" / f"arrangements-{partnership.current.id}.pdf"), first=2)
    caption = body.find("Structure chart of")
    assert -1 < caption < body.find("Structure in words") < body.find("Scrutiny, funding and reviews")
    assert "Latest news" not in text and "Find out more" not in text  # web-only sections stay on the web


def test_report_pdf_has_its_sections_in_order_and_the_sample_label_on_every_page(out: Path) -> None:
    reader = PdfReader(out / "north-somerset" / "documents" / "report-2024-25.pdf")
    body = pdf_text(reader, first=2)  # after the cover and the contents
    headings = ["At a glance", *[heading for _, heading, _, _ in SECTIONS]]
    positions = [body.find(heading) for heading in headings]
    assert -1 not in positions, list(zip(headings, positions, strict=True))
    assert positions == sorted(positions)
    for number, page in enumerate(reader.pages, 1):
        assert SAMPLE_LABEL in " ".join((page.extract_text() or "").split()), f"page {number}"
    cover = " ".join((reader.pages[0].extract_text() or "").split())
    assert "North Somerset Safeguarding Children Partnership" in cover and "2024-25" in cover


def test_the_sample_label_stays_off_documents_of_real_data(out: Path) -> None:
    reader = PdfReader(out / "north-somerset" / "documents" / "arrangements-2022.pdf")
    assert SAMPLE_LABEL not in pdf_text(reader)


def test_contents_page_gives_page_numbers(out: Path) -> None:
    reader = PdfReader(out / "southampton" / "documents" / "arrangements-2022.pdf")
    contents = " ".join((reader.pages[1].extract_text() or "").split())
    assert contents.startswith("Contents")
    match = re.search(r"Groups and their terms of reference[ .]*(\d+)", contents)
    assert match, contents[:500]
    page = int(match.group(1)) - 1
    assert "Groups and their terms of reference" in (reader.pages[page].extract_text() or "")


def test_cover_has_the_partnership_version_status_and_dates(dataset: Dataset, out: Path) -> None:
    version = dataset.partnerships["southampton"].versions[-1]
    reader = PdfReader(out / "southampton" / "documents" / f"arrangements-{version.id}.pdf")
    cover = " ".join((reader.pages[0].extract_text() or "").split())
    for expected in (words(version.arrangements.name), words(version.label), "Status Proposed",
                     "Agreed", "Takes effect", "Next review"):
        assert expected in cover
    assert "*" not in cover  # Markdown from the renderers must not leak onto the cover


# --- The PDF is accessible: tags, language, title, bookmarks, alternative text ---------------

@pytest.mark.parametrize("name", ["north-somerset/documents/arrangements-2022.pdf",
                                  "southampton/documents/arrangements-2022.pdf",
                                  "north-somerset/documents/report-2024-25.pdf"])
def test_pdf_is_tagged_with_language_title_and_bookmarks(out: Path, name: str) -> None:
    reader = PdfReader(out / name)
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] in (True, "true")
    assert str(root["/Lang"]).startswith("en")
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] in (True, "true")
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfuaid:part(="1"|>1</pdfuaid:part>)', xmp)  # declares PDF/UA-1
    title = reader.metadata.title
    assert title and ("yearly report" in title or ":" in title)
    tags = [str(element["/S"]) for element in struct_elements(reader)]
    for tag in ("/H1", "/H2", "/Table", "/TH", "/TD", "/L", "/LI", "/P"):
        assert tag in tags, tag
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Contents" in outline and len(outline) >= 2
    # Each data cell names its header cells, so a screen reader can say which column a figure is in.
    cells = [table_attributes(element) for element in struct_elements(reader) if element["/S"] == "/TD"]
    assert cells and sum(1 for cell in cells if cell.get("/Headers")) >= len(cells) // 2
    headers = [table_attributes(element) for element in struct_elements(reader) if element["/S"] == "/TH"]
    assert headers and all(header.get("/Scope") in ("/Column", "/Row", "/Both") for header in headers)


def table_attributes(element: dict) -> dict:
    """A table cell's /Table attributes (one dictionary, or one in a list of attribute sets)."""
    attributes = element.get("/A", {})
    for one in attributes if isinstance(attributes, list) else [attributes]:
        one = one.get_object() if hasattr(one, "get_object") else one
        if one.get("/O") == "/Table":
            return one
    return {}


def test_pdf_is_packed_for_a_small_download(out: Path) -> None:
    """The PDF's objects (hundreds of tags) are packed into compressed streams: about half the bytes a
    reader downloads, with the same tags (the test above reads them from these very files)."""
    path = out / "north-somerset" / "documents" / "arrangements-2022.pdf"
    assert b"/ObjStm" in path.read_bytes()
    assert path.stat().st_size < 160 * 1024, path.stat().st_size  # 13 pages and a chart; unpacked: 212 KB


def test_structure_chart_is_a_figure_with_alternative_text(out: Path) -> None:
    reader = PdfReader(out / "southampton" / "documents" / "arrangements-2022.pdf")
    figures = [element for element in struct_elements(reader) if element["/S"] == "/Figure"]
    assert len(figures) == 1
    alt = str(figures[0].get("/Alt", ""))
    assert alt.startswith("Structure chart of Southampton Safeguarding Children Partnership")
    assert "written out in words" in alt


def test_pdf_headings_match_the_pages(out: Path) -> None:
    reader = PdfReader(out / "north-somerset" / "documents" / "arrangements-2022.pdf")
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline[1:5] == ["About the partnership", "How NSSCP is organised", "Scrutiny, funding and reviews",
                            "Groups and their terms of reference"]


# --- The Word file ------------------------------------------------------------------------

def headings(path: Path, level: int) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == f"Heading {level}"]


@pytest.mark.parametrize("pid", PIDS)
def test_word_file_has_real_heading_styles_and_every_group(dataset: Dataset, out: Path, pid: str) -> None:
    partnership = dataset.partnerships[pid]
    path = out / pid / "documents" / f"arrangements-{partnership.current.id}.docx"
    short = partnership.current.arrangements.short_name
    assert headings(path, 1) == ["About the partnership", f"How {short} is organised",
                                 "Scrutiny, funding and reviews", "Groups and their terms of reference"]
    level2 = headings(path, 2)
    assert "Who is accountable" in level2 and "Structure in words" in level2
    for group in partnership.current.arrangements.groups:
        assert words(group.name) in level2
    text = " ".join(p.text for p in docx.Document(str(path)).paragraphs)
    for name in leads_and_delegates(dataset, pid):
        assert name in " ".join(cell.text for t in docx.Document(str(path)).tables for row in t.rows
                                for cell in row.cells) or name in text


def test_word_report_has_its_sections_as_heading_2_in_order(out: Path) -> None:
    path = out / "north-somerset" / "documents" / "report-2024-25.docx"
    assert headings(path, 1) == ["NSSCP yearly report 2024-25"]
    assert headings(path, 2) == ["At a glance", *[heading for _, heading, _, _ in SECTIONS]]
    word = docx.Document(str(path))
    assert word.sections[0].header.paragraphs[0].text == SAMPLE_LABEL
    footer = word.sections[0].footer.paragraphs[0]
    assert footer.text.startswith("NSSCP: yearly report 2024-25 · Page")
    assert 'w:instr="PAGE"' in footer._p.xml  # Word numbers the pages
    assert word.core_properties.language.startswith("en")
    assert word.tables and all("<w:tblBorders>" in table._tbl.xml for table in word.tables)  # ruled, readable
    # The header row repeats on each page (Word reads "true", "on" and "1" alike).
    assert all(re.search(r'w:tblHeader w:val="(true|on|1)"', table._tbl.xml) for table in word.tables)


def test_word_chart_is_a_picture_with_alternative_text_and_the_words_follow(out: Path) -> None:
    word = docx.Document(str(out / "southampton" / "documents" / "arrangements-2022.docx"))
    descriptions = re.findall(r'<wp:docPr [^>]*descr="([^"]*)"', word.element.xml)
    assert len(descriptions) == 1 and descriptions[0].startswith("Structure chart of Southampton")
    assert any(part.partname.endswith(".png") for part in word.part.package.parts)
    # A4, and the chart at the full text width, so its text prints at 10 pt or more.
    assert round(word.sections[0].page_width.mm) == 210 and round(word.sections[0].page_height.mm) == 297
    assert round(word.inline_shapes[0].width.mm) == 170
    level2 = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert "Structure in words" in level2
    # The caption follows the picture as a paragraph; the chart's placeholder never shows.
    texts = [p.text for p in word.paragraphs]
    picture = next(n for n, p in enumerate(word.paragraphs) if "<pic:pic" in p._p.xml)
    caption = texts[picture + 1]
    assert caption.startswith("Structure chart of Southampton") and "Structure in words" in caption
    assert not any("DOCUMENT-CHART-SLOT" in text for text in texts)


# --- The chart itself ---------------------------------------------------------------------

@pytest.mark.parametrize("pid", sorted({"north-somerset", "southampton", "hips", "brighton-and-hove"}))
def test_chart_svg_has_every_group_readable_text_and_a_title(dataset: Dataset, pid: str) -> None:
    partnership = dataset.partnerships[pid]
    svg, alt = structure_svg(dataset, partnership)
    root = ET.fromstring(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text.startswith("Structure chart of")
    assert root.find(f"{SVG}desc").text
    # One SVG unit is one point at 170 mm: every text at least 10 pt on A4.
    assert root.get("width") == "170mm" and root.get("viewBox").split()[2] == "481"
    texts = root.findall(f"{SVG}text")
    assert all(float(t.get("font-size")) >= 10 for t in texts)
    drawn = " ".join(t.text for t in texts)
    graph = structure_graph(dataset, partnership)
    for node in graph.nodes.values():
        assert words(node.name) in drawn, node.name
    assert len(root.findall(f"{SVG}path")) >= len(graph.lines)  # a line for each relation
    assert alt.startswith(root.find(f"{SVG}title").text)


def test_data_text_is_escaped_in_the_chart_and_the_document(tmp_path: Path) -> None:
    """Text that Typst, HTML or XML would read as code is printed as it was written, everywhere it lands."""
    # (Not `*` or `_`: data text may carry emphasis, which the pages show too; see test_properties.py.)
    hostile = '<script>alert(1)</script> & #eval("1+1") $x$ @a <b> // c [d] ~ -- \\ `g` = Neglect Group'
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    path = data / "partnerships" / "north-somerset" / "arrangements" / "2022.yml"
    text = path.read_text(encoding="utf-8")
    assert "name: Childhood Neglect Working Group\n" in text and "short_name: NSSCP\n" in text
    text = text.replace("name: Childhood Neglect Working Group\n", f"name: {json.dumps(hostile)}\n")
    path.write_text(text.replace("short_name: NSSCP\n", 'short_name: "#sys.inputs ] $y$"\n'), encoding="utf-8")
    dataset = load_dataset(data)
    svg, _ = structure_svg(dataset, dataset.partnerships["north-somerset"])
    ET.fromstring(svg)  # still well-formed XML
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    document = arrangements_document(dataset, "north-somerset")
    assert "<script>" not in document.body and "&lt;script&gt;alert(1)&lt;/script&gt;" in document.body
    pdf, word = make_documents([(document, tmp_path)], cache=None)
    reader = PdfReader(pdf)
    text = pdf_text(reader)
    # Every character printed, nothing run (no "2" where #eval(...) stood): in the chart, and in the body,
    # whose headings the contents page lists.
    assert text.count(words(hostile)) >= 3
    assert words(hostile) in " ".join((reader.pages[1].extract_text() or "").split())
    assert "#sys.inputs ] $y$: Structure" in " ".join((reader.pages[2].extract_text() or "").split())  # footer
    assert words(hostile) in headings(word, 2)  # and in the Word file, as a heading


# --- The command ---------------------------------------------------------------------------

def test_command_fails_with_one_line_for_an_unknown_partnership(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "arrangements", "documents", "--only", "nowhere",
                             "--out", str(tmp_path)], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "no partnership called 'nowhere'" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_refuses_an_unknown_partnership(dataset: Dataset, tmp_path: Path) -> None:
    with pytest.raises(DocumentError):
        build(dataset, tmp_path, only="nowhere")


GOVERNANCE = REPO / "tests" / "fixtures" / "governance"  # outside bodies, accountable to, links with


@pytest.fixture(scope="module")
def governance(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    folder = tmp_path_factory.mktemp("governance-data")
    for part in ("reference", "site"):
        shutil.copytree(REPO / "data" / part, folder / part)
    shutil.copytree(GOVERNANCE, folder / "partnerships")
    return load_dataset(folder)


def _segments(path: str) -> list[tuple[float, float, float, float]]:
    """The straight pieces of a chart line as drawn ("M x,y L x,y ...")."""
    points = [tuple(map(float, pair.split(","))) for pair in re.findall(r"[ML]([\d.-]+,[\d.-]+)", path)]
    assert len(points) >= 2, path
    return [(*a, *b) for a, b in zip(points, points[1:], strict=False)]


CLEAR = 2.5  # points between a line and a box it passes: the line and the box's border never touch


@pytest.mark.parametrize("which", [*sorted(p.name for p in (REPO / "data" / "partnerships").iterdir()), "exampleshire"])
def test_chart_lines_never_cross_a_box_they_do_not_join(dataset: Dataset, governance: Dataset, which: str) -> None:
    data = governance if which == "exampleshire" else dataset
    svg, _ = structure_svg(data, data.partnerships[which])
    graph = structure_graph(data, data.partnerships[which])
    boxes, height = layout(graph)
    relations = {relation for _, _, relation in graph.lines}
    if which == "exampleshire":
        assert {"accountable_to", "links_with", "oversees", "supported_by"} <= relations
        assert any(node.outside for node in graph.nodes.values())
    drawn = routes(graph, boxes)
    assert len(drawn) == len(graph.lines)
    for route in drawn:
        # What is tested is what is drawn: the same corners are in the SVG.
        assert _path(route.points) in svg
        for x1, y1, x2, y2 in _segments(_path(route.points)):
            assert x1 == x2 or y1 == y2, route  # square corners only
            assert min(x1, x2) >= 0 and max(x1, x2) <= 481 and min(y1, y2) >= 0 and max(y1, y2) <= height
            for key, box in boxes.items():
                if key in (route.start, route.end):
                    continue
                inside_x = min(x1, x2) < box.x + box.w + CLEAR and max(x1, x2) > box.x - CLEAR
                inside_y = min(y1, y2) < box.y + box.h + CLEAR and max(y1, y2) > box.y - CLEAR
                assert not (inside_x and inside_y), f"{route.start}->{route.end} crosses {key}"
        # It runs from the edge of one box it joins to the edge of the other.
        joined = sorted(key for point in (route.points[0], route.points[-1]) for key, box in boxes.items()
                        if box.x - 0.1 <= point[0] <= box.x + box.w + 0.1
                        and box.y - 0.1 <= point[1] <= box.y + box.h + 0.1)
        assert joined == sorted((route.start, route.end)), route


def test_chart_puts_each_body_above_the_groups_that_report_to_it(dataset: Dataset, governance: Dataset) -> None:
    for data, pid in ((dataset, "north-somerset"), (dataset, "southampton"), (governance, "exampleshire")):
        graph = structure_graph(data, data.partnerships[pid])
        boxes, height = layout(graph)
        for start, end, relation in graph.lines:
            if relation in ("reports_to", "accountable_to"):  # the two relations that run upwards
                assert boxes[end].y + boxes[end].h < boxes[start].y, (start, end)
        for box in boxes.values():  # inside the chart, no two boxes overlap
            assert box.x >= 0 and box.x + box.w <= 481 and box.y + box.h <= height
            for other in boxes.values():
                if other is not box:
                    assert (box.x + box.w <= other.x or other.x + other.w <= box.x
                            or box.y + box.h <= other.y or other.y + other.h <= box.y)


NO_TYPST = "Typst cannot start (No module named 'typst'): run `make install`"


def without_typst(tmp_path: Path) -> Path:
    """A folder that, first on PYTHONPATH, makes `import typst` fail as on a machine without it."""
    folder = tmp_path / "without-typst"
    folder.mkdir(exist_ok=True)
    (folder / "typst.py").write_text('raise ImportError("No module named \'typst\'")\n', encoding="utf-8")
    return folder


def test_site_build_fails_in_one_line_and_keeps_the_old_site_when_documents_cannot_be_made(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("previous good site", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": f"{without_typst(tmp_path)}{os.pathsep}{REPO / 'macros'}"}
    result = subprocess.run([sys.executable, "scripts/build_site.py", "--out", str(out)], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode != 0
    assert ("the documents (PDF and Word) could not be made, so nothing was built: " + NO_TYPST) in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert (out / "index.html").read_text(encoding="utf-8") == "previous good site"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")], "no staging folder left behind"


def test_download_links_give_format_and_size(out: Path) -> None:
    folder = out / "north-somerset" / "documents"
    items = download_links(folder, "report-2024-25", "the yearly report", "../documents/")
    size = file_size((folder / "report-2024-25.pdf").stat().st_size)
    assert items[0] == (f"- [Download the yearly report (PDF, {size})](../documents/report-2024-25.pdf)"
                        '{: type="application/pdf" }')
    assert "(Word, " in items[1] and "(../documents/report-2024-25.docx)" in items[1]
    assert download_links(folder, "arrangements-1999", "the arrangements", "documents/") == []
    assert file_size(1536 * 1024) == "1.5 MB" and file_size(10) == "1 KB"
    # Data text in the words stays words: no link inside the link, no emphasis, no HTML.
    hostile = download_links(folder, "report-2024-25", "<b>*[x](https://evil.example)*</b>", "documents/")
    assert "<b>" not in hostile[0] and "](https://evil" not in hostile[0] and "\\*" in hostile[0]
    with pytest.raises(ValueError):
        download_links(folder, "report-2024-25", "the report", "javascript:alert(1)//")


def test_pages_show_no_download_links_without_documents(dataset: Dataset) -> None:
    from arrangements.engines.generate import write_documents
    from arrangements.rendering.pages import render

    write_documents(dataset, Path("/nonexistent"), wanted=False)  # `generate --no-documents`
    assert dataset.documents is None
    for text in (render(dataset, "overview", "north-somerset"), render(dataset, "versions", "southampton"),
                 render(dataset, "report", "north-somerset", "2024-25")):
        assert "Download" not in text and "documents/" not in text


def test_an_older_or_proposed_version_says_so_once(dataset: Dataset, out: Path) -> None:
    partnership = dataset.partnerships["southampton"]
    other = next(v for v in partnership.versions if v is not partnership.current)
    text = pdf_text(PdfReader(out / "southampton" / "documents" / f"arrangements-{other.id}.pdf"))
    assert text.count("This is not the current version") == 1  # every page says it; the document once


def test_cache_reuses_a_file_only_for_the_same_recipe(tmp_path: Path) -> None:
    cache, target = tmp_path / "cache", tmp_path / "out.pdf"
    one = kept_at(cache, "recipe one", target)
    assert not reuse(one, target)  # nothing kept yet: it must be made
    target.write_text("one", encoding="utf-8")
    keep(one, target)
    target.write_text("changed since", encoding="utf-8")
    assert reuse(kept_at(cache, "recipe one", target), target) and target.read_text(encoding="utf-8") == "one"
    assert not reuse(kept_at(cache, "recipe two", target), target)  # another recipe: made afresh
    assert kept_at(None, "recipe one", target) is None and not reuse(None, target)  # no cache: always made


def test_a_whole_build_prunes_the_cache_and_a_one_partnership_build_does_not(dataset: Dataset,
                                                                           tmp_path: Path) -> None:
    """The cache keeps what the last whole build used, so it does not grow with every change to the data."""
    from arrangements.engines.preview import preview

    one = preview(dataset, ["north-somerset"])
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / "0123abcd.pdf"
    stale.write_bytes(b"a document of data that has since changed")
    os.utime(stale, (0, 0))
    build(one, tmp_path / "out", only="north-somerset", cache=cache, prune=True)
    assert stale.exists(), "a build of one partnership must keep the others' files"
    kept = sorted(cache.glob("*.*"))
    build(one, tmp_path / "again", cache=cache, prune=True)
    assert not stale.exists()
    assert sorted(cache.glob("*.*")) == [path for path in kept if path != stale] and len(kept) == 5


# --- Links from the built pages ("generate, then build") ------------------------------------------

ZENSICAL = Path(sys.executable).parent / "zensical"


def _repo_with_two_partnerships(folder: Path) -> Path:
    """A copy of the repository (generate writes beside the code, into .generated/) with the two partnerships'
    data only, and HIPS, which Southampton's groups report to and the news posts name."""
    from conftest import copy_repo

    root = copy_repo(folder)
    for partnership in (root / "data" / "partnerships").iterdir():
        if partnership.name not in (*PIDS, "hips"):
            shutil.rmtree(partnership)
    return root


@pytest.fixture(scope="module")
def generated_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two partnerships' site as `make site ENGINE=zensical` builds it: generate (documents first), then build."""
    root = _repo_with_two_partnerships(tmp_path_factory.mktemp("generated"))
    env = {key: value for key, value in os.environ.items() if not key.startswith("ARRANGEMENTS_")}
    env |= {"PYTHONPATH": str(root / "macros"), "ARRANGEMENTS_DOCUMENTS_CACHE": str(root / ".cache" / "documents")}
    for command in ([sys.executable, "-m", "arrangements", "generate"],
                    [str(ZENSICAL), "build", "--strict", "-f", "mkdocs.generated.yml"]):
        result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    return root / "site"


def _downloads(page: Path) -> list[tuple[str, Path]]:
    """(link text, the file its address resolves to) for every download link of a built page."""
    found = re.findall(r'<a href="([^"]*documents/[^"]+)"[^>]*>([^<]*)</a>', page.read_text(encoding="utf-8"))
    return [(text, (page.parent / href).resolve()) for href, text in found]


def test_built_pages_link_to_their_documents_with_the_real_size(dataset: Dataset, generated_site: Path) -> None:
    overview = _downloads(generated_site / "north-somerset" / "index.html")
    pdf = generated_site / "north-somerset" / "documents" / "arrangements-2022.pdf"
    assert overview[0] == (f"Download the arrangements (PDF, {file_size(pdf.stat().st_size)})", pdf)
    assert overview[1][0].startswith("Download the arrangements (Word, ") and overview[1][1].suffix == ".docx"
    report = _downloads(generated_site / "north-somerset" / "reports" / "2024-25" / "index.html")
    assert [text.split(" (")[0] for text, _ in report] == ["Download the yearly report 2024-25"] * 2
    for text, file in [*overview, *report]:
        assert file.is_file() and file_size(file.stat().st_size) in text, (text, file)


def test_an_older_version_links_to_its_own_documents(dataset: Dataset, generated_site: Path) -> None:
    partnership = dataset.partnerships["southampton"]
    other = next(v for v in partnership.versions if v is not partnership.current)
    page = _downloads(generated_site / "southampton" / "versions" / other.id / "index.html")
    assert [file.name for _, file in page] == [f"arrangements-{other.id}.pdf", f"arrangements-{other.id}.docx"]
    assert all(file.is_file() and text.startswith(f"Download {other.label} (") for text, file in page)
    versions = _downloads(generated_site / "southampton" / "versions" / "index.html")
    assert {file.name for _, file in versions} == {f"arrangements-{v.id}.{ext}" for v in partnership.versions
                                                   for ext in ("pdf", "docx")}
    assert all(file.is_file() for _, file in versions)


def test_generate_fails_in_one_line_when_documents_cannot_be_made(tmp_path: Path) -> None:
    root = _repo_with_two_partnerships(tmp_path)
    env = {**os.environ, "PYTHONPATH": f"{without_typst(tmp_path)}{os.pathsep}{root / 'macros'}",
           "ARRANGEMENTS_DOCUMENTS_CACHE": str(tmp_path / "empty-cache")}
    result = subprocess.run([sys.executable, "-m", "arrangements", "generate"], cwd=root,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stdout[-3000:]
    assert result.stderr.strip().splitlines()[-1] == (
        "generate: the documents (PDF and Word) could not be made, so nothing was built: " + NO_TYPST)
    assert "Traceback" not in result.stdout + result.stderr
