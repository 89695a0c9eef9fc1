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
readable width wraps onto a second line. Lines run only through the space
between boxes (`routes`): along the channels between lines of boxes and up
through the gaps between boxes, so no line ever crosses a box. One SVG unit is one point when
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
                          tuple(wrap(note, inner, NOTE_SIZE)) if note else ())
                box.h = 2 * PAD + LINE * (NAME_SIZE * len(box.name_lines) + NOTE_SIZE * len(box.note_lines))
                boxes[key] = box
                placed.append(box)
                x += w + GAP_X
            height = max(b.h for b in placed)
            for box in placed:
                box.h = height  # Why: one height per row reads as a tidy chart
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


Point = tuple[float, float]
Target = tuple[str, tuple[float, str]]   # the body a line climbs to, and the line's look (width, dashes)


@dataclass
class Route:
    """One line of the chart: the bodies it joins, how, and the corners it turns at."""
    start: str
    end: str
    relation: str
    points: list[Point]
    target: Target          # the body the line goes up to (or across to), and its look


def _lines_of_boxes(boxes: dict[str, Box]) -> list[list[Box]]:
    """The boxes line by line from the top (a wrapped row is several lines), each from the left."""
    lines: dict[float, list[Box]] = {}
    for box in boxes.values():
        lines.setdefault(round(box.y, 1), []).append(box)
    return [sorted(lines[y], key=lambda box: box.x) for y in sorted(lines)]


def _gaps(line: list[Box]) -> list[float]:
    """Where a line between rows can pass a line of boxes: between two boxes, or beside the first or last
    when the line leaves room there (a full line reaches the chart's edges)."""
    inside = [box.x + box.w + GAP_X / 2 for box in line[:-1]]
    left, right = line[0].x - GAP_X / 2, line[-1].x + line[-1].w + GAP_X / 2
    return [*([left] if left >= GAP_X / 2 else []), *inside, *([right] if right <= WIDTH - GAP_X / 2 else [])]


def routes(graph: Graph, boxes: dict[str, Box]) -> list[Route]:
    """Every line of the chart, drawn only through the space between boxes.

    A line leaves the top of the lower box into the channel above its line of boxes, passes each line of
    boxes above through a gap between two boxes (the one nearest its target), and enters the higher box from
    below. So it never crosses a box, whatever the rows hold. Why shared levels: lines to the same body
    share the channel's level and the gap, like an organisation chart; lines to different bodies keep
    their own level in a channel and their own place in a gap, so they never run along each other.
    Two bodies side by side on a line are joined straight across.
    """
    lines = _lines_of_boxes(boxes)
    line_of = {box.key: index for index, line in enumerate(lines) for box in line}

    def centre(box: Box) -> float:
        return box.x + box.w / 2

    def ends(start: str, end: str) -> tuple[Box, Box]:
        """(lower, higher): the arrow, if any, points at the higher (on one line, at the end)."""
        a, b = boxes[start], boxes[end]
        return (a, b) if line_of[start] >= line_of[end] else (b, a)

    def gap_through(index: int, towards: float) -> float:
        return min(_gaps(lines[index]), key=lambda gap: abs(gap - towards))

    # Which bodies each channel (the space above a line of boxes) and each gap carries lines to, and how
    # they look: lines of one look to one body share a level; a dotted line never runs along a solid one.
    channel_ends: dict[int, list[Target]] = {}
    gap_ends: dict[tuple[int, float], list[Target]] = {}
    plans: list[tuple[str, str, str, Box, Box, list[int]]] = []
    for start, end, relation in graph.lines:
        low, high = ends(start, end)
        target = (high.key, RELATION_STROKE[relation])
        lo, hi = line_of[low.key], line_of[high.key]
        if lo == hi:
            between = [box for box in lines[lo] if min(low.x, high.x) < box.x < max(low.x, high.x)]
            # Why the channel below on the top line: there is no channel above it.
            channels = [] if not between else [lo if lo > 0 else lo + 1]
        else:
            channels = list(range(lo, hi, -1))
        plans.append((start, end, relation, low, high, channels))
        for channel in channels:
            if target not in channel_ends.setdefault(channel, []):
                channel_ends[channel].append(target)
        for index in range(lo - 1, hi, -1):
            key = (index, gap_through(index, centre(high)))
            if target not in gap_ends.setdefault(key, []):
                gap_ends[key].append(target)

    # Lines of different looks enter a body side by side, so a dotted line never hides in a solid one.
    looks: dict[str, list[tuple[float, str]]] = {}
    for _, _, relation, _, high, _ in sorted(plans, key=lambda plan: plan[2] not in RANKING):
        if RELATION_STROKE[relation] not in looks.setdefault(high.key, []):
            looks[high.key].append(RELATION_STROKE[relation])

    def entry(high: Box, relation: str) -> float:
        """The first look (the upward lines') in the middle, the others beside it: right, left, ..."""
        index = looks[high.key].index(RELATION_STROKE[relation])
        return centre(high) + (index + 1) // 2 * (1 if index % 2 else -1) * 16.0

    def spread(items: list[Target], item: Target, room: float, step: float) -> float:
        ordered = sorted(items, key=lambda target: (boxes[target[0]].y, boxes[target[0]].x, target[1]))
        count = len(ordered)
        return (ordered.index(item) - (count - 1) / 2) * min(step, room / max(1, count - 1))

    def level(channel: int, target: Target) -> float:
        if channel >= len(lines):  # below the last line
            below = lines[-1][0]
            return below.y + below.h + GAP_Y / 2 + spread(channel_ends[channel], target, GAP_Y - 12, 8.0)
        return lines[channel][0].y - GAP_Y / 2 + spread(channel_ends[channel], target, GAP_Y - 12, 8.0)

    out = []
    for start, end, relation, low, high, channels in plans:
        target = (high.key, RELATION_STROKE[relation])
        if not channels and line_of[low.key] == line_of[high.key]:
            y = low.y + low.h / 2
            left, right = (low.x + low.w, high.x) if low.x < high.x else (low.x, high.x + high.w)
            out.append(Route(start, end, relation, [(left, y), (right, y)], target))
            continue
        if line_of[low.key] == line_of[high.key]:
            edge = (lambda box: box.y) if channels[0] == line_of[low.key] else (lambda box: box.y + box.h)
            y = level(channels[0], target)
            out.append(Route(start, end, relation, [(centre(low), edge(low)), (centre(low), y),
                                                    (entry(high, relation), y), (entry(high, relation), edge(high))],
                             target))
            continue
        x, y = centre(low), level(channels[0], target)
        points = [(x, low.y), (x, y)]
        for channel in channels[1:]:
            gap = gap_through(channel, centre(high))
            x = gap + spread(gap_ends[(channel, gap)], target, GAP_X - 6, 4.0)
            y = level(channel, target)
            points += [(x, points[-1][1]), (x, y)]
        points += [(entry(high, relation), y), (entry(high, relation), high.y + high.h)]
        out.append(Route(start, end, relation, _tidy_points(points), target))
    return out


def _tidy_points(points: list[Point]) -> list[Point]:
    """No zero-length pieces and no corner that goes straight on."""
    kept: list[Point] = []
    for point in points:
        if kept and abs(point[0] - kept[-1][0]) < 0.05 and abs(point[1] - kept[-1][1]) < 0.05:
            continue
        if len(kept) >= 2 and ((abs(kept[-2][0] - kept[-1][0]) < 0.05 and abs(kept[-1][0] - point[0]) < 0.05)
                               or (abs(kept[-2][1] - kept[-1][1]) < 0.05 and abs(kept[-1][1] - point[1]) < 0.05)):
            kept[-1] = point
            continue
        kept.append(point)
    return kept


def _path(points: list[Point]) -> str:
    (x, y), *rest = points
    return f"M{x:.1f},{y:.1f} " + " ".join(f"L{px:.1f},{py:.1f}" for px, py in rest)


def _line_svg(route: Route) -> str:
    width, dash = RELATION_STROKE[route.relation]
    dashes = f' stroke-dasharray="{dash}"' if dash else ""
    head = ' marker-end="url(#arrow)"' if route.relation != "links_with" else ""
    return f'<path d="{_path(route.points)}" fill="none" stroke="#0b0c0c" stroke-width="{width}"{dashes}{head}/>'


def _halo_svg(route: Route) -> str:
    """A white band under a line: where it crosses a line drawn before, the gap shows they do not join.
    From the first corner on, so it never cuts the lines leaving the same box beside it."""
    if len(route.points) < 3:
        return ""
    width = RELATION_STROKE[route.relation][0] + 5
    return f'<path d="{_path(route.points[1:])}" fill="none" stroke="#ffffff" stroke-width="{width}"/>'


def structure_svg(dataset: Dataset, partnership: Partnership, version: Version | None = None) -> tuple[str, str]:
    """The chart as an SVG document, and its alternative text (a sentence for an `alt`)."""
    version = version or partnership.current
    graph = structure_graph(dataset, partnership, version)
    boxes, height = layout(graph)
    drawn = routes(graph, boxes)
    # (a line between two bodies of a one-line chart runs below them)
    height = max([height, *(y + 6.0 for route in drawn for _, y in route.points)])
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
    # Lines first, so boxes sit on top of them: the upward lines, then the others (links with, oversees,
    # supported by). Lines that join (one look, to one body) are drawn together, each set over the halos
    # of its own lines: so a line gaps the lines it crosses, never those it joins.
    together: dict[Target, list[Route]] = {}
    for route in drawn:
        together.setdefault(route.target, []).append(route)
    for lines in sorted(together.values(), key=lambda lines: not any(r.relation in RANKING for r in lines)):
        out += [_halo_svg(route) for route in lines] + [_line_svg(route) for route in lines]
    for key, box in boxes.items():
        out += _box_svg(graph.nodes[key], box)
    out.append("</svg>")
    return "\n".join(out), f"{title}: {desc}"
