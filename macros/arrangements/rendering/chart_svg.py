"""The structure chart as a static SVG, for documents (no browser, no Node).

Drawn from the same `structure_graph` as the Mermaid chart and the
"Structure in words" outline, with the same conventions the page explains
under the chart: arrows point upwards from a group to the body it reports
to (solid) or is accountable to (thick), dotted lines join bodies that link
with each other, bodies outside the partnership have double side lines,
another partnership's groups have rounded corners, and a dashed outline
marks a group that is planned, proposed or has ended.

The layout is a small layered one: a body sits one row above the lowest of
the groups that report to it; a row that would hold boxes narrower than a
readable width wraps onto a second line. One SVG unit is one point when
the chart is printed at its full width on A4, so the sizes below are print
sizes: names at 10.5 pt, the words under them at 10 pt.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from arrangements.data.dataset import Dataset, Partnership, Version
from arrangements.rendering.diagrams import Graph, Node, _is_dashed, _sublabel, structure_graph
from arrangements.rendering.wording import UPWARD

WIDTH = 481.0          # points: the text width of A4 with 20 mm margins (170 mm)
WIDTH_MM = 170
GAP_X = 14.0
GAP_Y = 34.0           # between rows: room for the elbows of the lines
MIN_BOX = 108.0
PAD = 6.0
NAME_SIZE = 10.5
NOTE_SIZE = 10.0
LINE = 1.25            # line height, in ems
# Why generous: text is measured without the font, so estimate wide (Arial-like metrics).
CHAR_EM = {"bold": 0.56, "normal": 0.5}
FONT = "'Liberation Sans', Arial, 'DejaVu Sans', sans-serif"

STYLES = {  # fill, stroke, stroke width
    "group": ("#ffffff", "#0b0c0c", 1.5),
    "joint": ("#fff7e6", "#8a5300", 1.5),
    "external": ("#e8eaf6", "#1a237e", 2.0),
    "outside": ("#f3f2f1", "#0b0c0c", 2.0),
}
RELATION_STROKE = {"reports_to": (1.4, ""), "accountable_to": (3.0, ""), "links_with": (1.4, "2 4"),
                   "oversees": (1.4, ""), "supported_by": (1.4, "2 4")}
# Why only the upward relations set the layers: the others (links with, oversees, supported by)
# join bodies without putting one above the other.
RANKING = set(UPWARD)


@dataclass
class Box:
    key: str
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0
    name_lines: tuple[str, ...] = ()
    note_lines: tuple[str, ...] = ()
    row_top: float = 0.0            # top of the row (a wrapped row has several lines of boxes)
    gap_x: float | None = None      # below a row's first line: the gap its lines climb through


def wrap(text: str, width: float, size: float, weight: str = "normal") -> list[str]:
    """Words in lines no wider than `width` points (estimated); a long word gets a line of its own."""
    per_line = max(4, int(width / (size * CHAR_EM[weight])))
    lines: list[str] = []
    for word in " ".join(str(text).split()).split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= per_line:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _parents(graph: Graph) -> dict[str, list[str]]:
    """Who each node sits under: what it reports to or is accountable to."""
    parents: dict[str, list[str]] = {key: [] for key in graph.nodes}
    for start, end, relation in graph.lines:
        if relation in RANKING and end not in parents[start] and end != start:
            parents[start].append(end)
    return parents


def layers(graph: Graph) -> list[list[str]]:
    """Rows from the top: a node one row below its lowest parent (loops are cut where they close).

    A body that is only linked with (no one reports to it, it reports to no one) gets a row of its own at
    the foot of the chart: in the top row it would sit among the bodies that groups report to.
    """
    parents = _parents(graph)
    ranked = {key for start, end, relation in graph.lines if relation in RANKING for key in (start, end)}
    linked_only = [key for key in graph.nodes if key not in ranked
                   and any(key in (start, end) for start, end, _ in graph.lines)]
    depth: dict[str, int] = {}

    def level(key: str, seen: frozenset[str]) -> int:
        if key not in depth:
            above = [level(p, seen | {key}) for p in parents[key] if p not in seen]
            depth[key] = max(above) + 1 if above else 0
        return depth[key]

    for key in graph.nodes:
        if key not in linked_only:
            level(key, frozenset())
    rows: list[list[str]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    order = [key for key in graph.nodes if key not in linked_only]
    position: dict[str, float] = {}
    for row_index, row in enumerate(rows):
        row.extend(k for k in order if depth[k] == row_index)
        if row_index:
            # Why: under the middle of its parents, so lines cross as little as possible.
            def centre(key: str) -> float:
                known = [position[p] for p in parents[key] if p in position]
                return sum(known) / len(known) if known else float(order.index(key))
            row.sort(key=centre)
        for index, key in enumerate(row):
            position[key] = index / max(1, len(row) - 1) * 10
    return rows + ([linked_only] if linked_only else [])


def _kind(node: Node) -> str:
    if node.outside is not None:
        return "outside"
    if node.external:
        return "external"
    if node.group is not None and node.group.joint_with:
        return "joint"
    return "group"


def layout(graph: Graph) -> tuple[dict[str, Box], float]:
    """Boxes placed row by row; returns the boxes and the chart's height."""
    per_row = max(1, int((WIDTH + GAP_X) // (MIN_BOX + GAP_X)))
    boxes: dict[str, Box] = {}
    y = 2.0
    targets = {end for _, end, relation in graph.lines if relation in RANKING}
    for row in layers(graph):
        if len(row) > per_row:
            # Why: a row wraps onto more lines; the bodies that others report to go on the lowest line,
            # so no line from below has to cross another box of the same row.
            row = sorted(row, key=lambda key: key in targets)
        row_top = y
        gaps: list[float] = []
        for start in range(0, len(row), per_row):
            line = row[start:start + per_row]
            w = min(190.0, (WIDTH - 4 - GAP_X * (len(line) - 1)) / len(line))
            total = w * len(line) + GAP_X * (len(line) - 1)
            x = (WIDTH - total) / 2
            placed = []
            for key in line:
                node = graph.nodes[key]
                inner = w - 2 * PAD - (8 if node.outside else 0)
                note = _sublabel(node, graph)
                box = Box(key, x, y, w, 0.0, tuple(wrap(node.name, inner, NAME_SIZE, "bold")),
                          tuple(wrap(note, inner, NOTE_SIZE)) if note else (), row_top)
                if gaps:
                    # Why: a line from a lower line climbs through a gap of the first, never through a box.
                    box.gap_x = min(gaps, key=lambda gap: abs(gap - (box.x + box.w / 2)))
                box.h = 2 * PAD + LINE * (NAME_SIZE * len(box.name_lines) + NOTE_SIZE * len(box.note_lines))
                boxes[key] = box
                placed.append(box)
                x += w + GAP_X
            height = max(b.h for b in placed)
            for box in placed:
                box.h = height  # Why: one height per row reads as a tidy chart
            if not gaps:
                gaps = [b.x + b.w + GAP_X / 2 for b in placed[:-1]] or [placed[0].x - GAP_X / 2]
            y += height + GAP_Y
    return boxes, max(y - GAP_Y + 4.0, 10.0)


def _box_svg(node: Node, box: Box) -> list[str]:
    fill, stroke, width = STYLES[_kind(node)]
    dash = ' stroke-dasharray="6 4"' if _is_dashed(node) else ""
    radius = 12 if node.external else 2
    out = [f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.w:.1f}" height="{box.h:.1f}" rx="{radius}" '
           f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"{dash}/>']
    if node.outside is not None:
        for x in (box.x + 5, box.x + box.w - 5):
            out.append(f'<line x1="{x:.1f}" y1="{box.y:.1f}" x2="{x:.1f}" y2="{box.y + box.h:.1f}" '
                       f'stroke="{stroke}" stroke-width="1.2"/>')
    text_height = LINE * (NAME_SIZE * len(box.name_lines) + NOTE_SIZE * len(box.note_lines))
    y = box.y + (box.h - text_height) / 2
    centre = box.x + box.w / 2
    for line in box.name_lines:
        y += NAME_SIZE * LINE
        out.append(f'<text x="{centre:.1f}" y="{y - 3:.1f}" font-size="{NAME_SIZE}" font-weight="bold" '
                   f'text-anchor="middle">{escape(line)}</text>')
    for line in box.note_lines:
        y += NOTE_SIZE * LINE
        out.append(f'<text x="{centre:.1f}" y="{y - 3:.1f}" font-size="{NOTE_SIZE}" font-style="italic" '
                   f'fill="#383f43" text-anchor="middle">{escape(line)}</text>')
    return out


def _line_svg(start: Box, end: Box, relation: str, lane: float = 0.0, halo: bool = False) -> str:
    width, dash = RELATION_STROKE[relation]
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    if relation == "links_with" and abs(start.y - end.y) < 1:
        left, right = (start, end) if start.x < end.x else (end, start)
        y = left.y + left.h / 2
        path = f"M{left.x + left.w:.1f},{y:.1f} H{right.x:.1f}"
        return f'<path d="{path}" fill="none" stroke="#0b0c0c" stroke-width="{width}"{dashes}/>'
    low, high = (start, end) if start.y >= end.y else (end, start)
    # Why elbows: lines from one row share a level, like an organisation chart.
    x1 = low.x + low.w / 2
    x2 = high.x + high.w / 2
    elbow = low.row_top - GAP_Y / 2 + lane
    climb = (f"V{low.y - GAP_Y / 2:.1f} H{low.gap_x:.1f} V{elbow:.1f}" if low.gap_x is not None
             else f"V{elbow:.1f}")
    path = f"M{x1:.1f},{low.y:.1f} {climb} H{x2:.1f} V{high.y + high.h:.1f}"
    head = ' marker-end="url(#arrow)"' if relation != "links_with" else ""
    # Why a white halo: where a second line crosses a shared one, the gap shows they do not join.
    # (from the elbow on, so the halo never cuts the group's first line where it joins the others)
    rest = f"M{low.gap_x if low.gap_x is not None else x1:.1f},{elbow:.1f} H{x2:.1f} V{high.y + high.h:.1f}"
    under = (f'<path d="{rest}" fill="none" stroke="#ffffff" stroke-width="{width + 5}"/>' if halo else "")
    return under + f'<path d="{path}" fill="none" stroke="#0b0c0c" stroke-width="{width}"{dashes}{head}/>'


def structure_svg(dataset: Dataset, partnership: Partnership, version: Version | None = None) -> tuple[str, str]:
    """The chart as an SVG document, and its alternative text (a sentence for an `alt`)."""
    version = version or partnership.current
    graph = structure_graph(dataset, partnership, version)
    boxes, height = layout(graph)
    name = version.arrangements.name
    title = f"Structure chart of {name}"
    groups = [n for n in graph.nodes.values() if n.group is not None and not n.external]
    others = [n for n in graph.nodes.values() if n.external or n.outside is not None]
    desc = (f"{len(groups)} groups of the partnership"
            + (f" and {len(others)} bodies it reports to or works with" if others else "")
            + ". Each arrow points from a group to the body it reports to or is accountable to. "
            "The same structure is written out in words after the chart.")
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="chart-title chart-desc" '
        f'width="{WIDTH_MM}mm" height="{height * WIDTH_MM / WIDTH:.1f}mm" viewBox="0 0 {WIDTH:.0f} {height:.1f}" '
        f'font-family="{escape(FONT)}" fill="#0b0c0c">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<desc id="chart-desc">{escape(desc)}</desc>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" '
        'markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
        '<path d="M0,0 L10,5 L0,10 z" fill="#0b0c0c"/></marker></defs>',
        # Why a white ground: the Word file's PNG would otherwise be transparent, black in some viewers.
        f'<rect width="{WIDTH:.0f}" height="{height:.1f}" fill="#ffffff"/>',
    ]
    # Lines first, so boxes sit on top of them. Lines from one row to different bodies run
    # at different heights (lanes); a group's second and later lines are drawn last, with a halo.
    lanes: dict[tuple[float, str], float] = {}
    for y in sorted({boxes[s].row_top for s, _, _ in graph.lines}):
        ends = sorted({e for s, e, _ in graph.lines if boxes[s].row_top == y},
                      key=lambda e: (boxes[e].y, boxes[e].x))
        for index, end in enumerate(ends):
            lanes[(y, end)] = (index - (len(ends) - 1) / 2) * min(8.0, (GAP_Y - 12) / max(1, len(ends) - 1))
    first: dict[str, str] = {}
    later = []
    for start, end, relation in graph.lines:
        if first.setdefault(start, end) != end:
            later.append((start, end, relation))
            continue
        out.append(_line_svg(boxes[start], boxes[end], relation, lanes[(boxes[start].row_top, end)]))
    for start, end, relation in later:
        out.append(_line_svg(boxes[start], boxes[end], relation, lanes[(boxes[start].row_top, end)], halo=True))
    for key, box in boxes.items():
        out += _box_svg(graph.nodes[key], box)
    out.append("</svg>")
    return "\n".join(out), f"{title}: {desc}"
