"""Structure charts: one graph, drawn twice (Mermaid, and a nested list in words).

Both come from `structure_graph`, so the picture and its text equivalent
can never disagree. Labels are escaped for Mermaid: quotes, brackets,
braces, `#`, `;` and markup in data text become entity codes.

The graph holds the partnership's groups, bodies outside it (an adults
board, the ICB, a scrutiny committee) and other partnerships' groups, joined
by three kinds of line: reports to, is accountable to, links with.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from arrangements.data.bodies import RELATION_WORDS, SELF, TOP_KINDS, Group, OutsideBody
from arrangements.data.dataset import Dataset, Partnership, Version
from arrangements.rendering.dates import long_date
from arrangements.rendering.text import inline
from arrangements.rendering.wording import SERVES_WORDS, joined

KIND_LABELS = {
    "executive": "Executive",
    "partnership": "Partnership",
    "board": "Board",
    "subgroup": "Subgroup",
    "working-group": "Working group",
    "task-and-finish": "Task and finish group",
    "workstream": "Workstream",
    "review-group": "Review group",
    "engagement-group": "Engagement group",
    "reference-group": "Reference group",
    "young-peoples-group": "Young people's group",
    "assembly": "Assembly",
    "lead-partners": "Lead safeguarding partners' group",
    "management-group": "Management group",
    "group": "Group",
    "meeting": "Meeting",
}
# Mermaid line for each relation: solid arrow, thick arrow, dotted line without a head.
EDGE_STYLES = {"reports_to": "-->", "accountable_to": "==>", "links_with": "-.-", "oversees": "-->",
               "supported_by": "-.->"}
EDGE_WORDS = {"reports_to": "reports to", "accountable_to": "accountable to", "links_with": "links with",
              "oversees": "oversees", "supported_by": "supported by"}


@dataclass
class Node:
    key: str                      # Mermaid node id
    name: str
    partnership: str              # whose group it is
    group: Group | None
    external: bool = False        # a group of another partnership (e.g. the HIPS Executive)
    outside: OutsideBody | None = None   # a body outside the partnership
    children: list[str] = field(default_factory=list)


@dataclass
class Graph:
    nodes: dict[str, Node]
    edges: list[tuple[str, str]]  # (child, parent): child reports to parent
    roots: list[str]
    # (from, to, relation) for every line, reports_to included
    lines: list[tuple[str, str, str]] = field(default_factory=list)


def node_key(partnership: str, group_id: str, local: str) -> str:
    safe = group_id.replace("-", "_")
    return f"g_{safe}" if partnership == local else f"x_{partnership.replace('-', '_')}_{safe}"


def structure_graph(dataset: Dataset, partnership: Partnership, version: Version | None = None) -> Graph:
    version = version or partnership.current
    data = version.arrangements
    local = partnership.id
    nodes: dict[str, Node] = {}
    for group in data.groups:
        nodes[node_key(local, group.id, local)] = Node(node_key(local, group.id, local), group.name, local, group)
    bodies = {body.id: body for body in data.outside_bodies}
    graph = Graph(nodes, [], [])
    for group in data.groups:
        child = node_key(local, group.id, local)
        for relation in EDGE_STYLES:
            for ref in getattr(group, relation):
                key = _target(dataset, graph, local, ref, bodies)
                graph.lines.append((child, key, relation))
                if relation == "reports_to":
                    graph.edges.append((child, key))
                    nodes[key].children.append(child)
    has_parent = {child for child, _ in graph.edges}
    graph.roots = [key for key, node in nodes.items() if key not in has_parent and node.group is not None
                   and not node.external]
    return graph


def _target(dataset: Dataset, graph: Graph, local: str, ref: str, bodies: dict[str, OutsideBody]) -> str:
    """The node for a reference, added on first use (another partnership's group, or an outside body)."""
    if ref == SELF and not any(node.group and node.group.id == SELF and not node.external
                               for node in graph.nodes.values()):
        key = "p_self"
        graph.nodes.setdefault(key, Node(key, data_name(dataset, local), local, None, external=True))
        return key
    if "/" not in ref and ref in bodies:
        key = f"o_{ref.replace('-', '_')}"
        graph.nodes.setdefault(key, Node(key, bodies[ref].name, local, None, outside=bodies[ref]))
        return key
    owner, target = dataset.resolve_group(local, ref)
    key = node_key(owner, ref.rpartition("/")[2], local)
    if key not in graph.nodes:
        other = dataset.partnerships.get(owner)
        label = target.name if target else ref
        if other and target and other.data.short_name and other.data.short_name not in label:
            label = f"{label} ({other.data.short_name})"
        graph.nodes[key] = Node(key, label, owner, target, external=True)
    return key


def data_name(dataset: Dataset, pid: str) -> str:
    partnership = dataset.partnerships.get(pid)
    return partnership.data.name if partnership else pid


def mermaid_label(text: str) -> str:
    """Text safe inside a Mermaid `"..."` label: no quotes, brackets or markup survive."""
    replacements = {
        "&": "#amp;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;", ";": "#59;",
        "[": "#91;", "]": "#93;", "(": "#40;", ")": "#41;", "{": "#123;", "}": "#125;",
        "|": "#124;", "`": "#96;", "*": "#42;", "_": "#95;", "\\": "#92;", "%": "#37;",
    }
    return "".join(replacements.get(char, char) for char in " ".join(str(text).split()))


def _sublabel(node: Node, graph: Graph) -> str:
    if node.outside is not None:
        return "Outside the partnership"
    group = node.group
    if group is None or node.external:
        return ""
    if group.status == "ended":
        return "Ended" + (f" {long_date(group.until)}" if group.until else "")
    if group.status in ("planned", "proposed"):
        return group.status.capitalize() + (f" from {long_date(group.from_)}" if group.from_ else "")
    if group.joint_with:
        return "Joint with " + ", ".join(group.joint_with)
    words = KIND_LABELS.get(group.kind, "")
    if group.serves:
        words += f" for {SERVES_WORDS[group.serves]}"
    if not group.reports_to and group.kind not in TOP_KINDS:
        words += ", reporting line to be confirmed"
    return words


def _is_dashed(node: Node) -> bool:
    return bool(node.group and not node.external and node.group.status in {"planned", "proposed", "ended"})


def structure_mermaid(dataset: Dataset, partnership: Partnership, version: Version | None = None) -> str:
    graph = structure_graph(dataset, partnership, version)
    name = (version or partnership.current).arrangements.name
    lines = [
        "flowchart BT",
        f"    accTitle: {mermaid_label('Structure of ' + name)}",
        f"    accDescr: {mermaid_label('Each arrow points from a group to the body it reports to or is accountable to; dotted lines join bodies that link with each other. The same structure is written out in words below the chart.')}",  # noqa: E501
    ]
    shapes = {"external": ('(["', '"])'), "outside": ('[["', '"]]'), "group": ('["', '"]')}
    for node in graph.nodes.values():
        sub = _sublabel(node, graph)
        label = mermaid_label(node.name) + (f"<br/><small>{mermaid_label(sub)}</small>" if sub else "")
        shape = shapes["outside" if node.outside else "external" if node.external else "group"]
        lines.append(f"    {node.key}{shape[0]}{label}{shape[1]}")
    for start, end, relation in graph.lines:
        words = "" if relation == "reports_to" else f'|"{EDGE_WORDS[relation]}"|'
        lines.append(f"    {start} {EDGE_STYLES[relation]}{words} {end}")
    classes = {
        "external": [n.key for n in graph.nodes.values() if n.external],
        "outside": [n.key for n in graph.nodes.values() if n.outside],
        "planned": [n.key for n in graph.nodes.values() if _is_dashed(n)],
        "joint": [n.key for n in graph.nodes.values() if n.group and n.group.joint_with and not n.external],
    }
    lines += [
        "    classDef external fill:#e8eaf6,stroke:#1a237e,stroke-width:2px,color:#0b0c0c",
        "    classDef outside fill:#f3f2f1,stroke:#0b0c0c,stroke-width:2px,color:#0b0c0c",
        "    classDef planned fill:#ffffff,stroke:#505a5f,stroke-dasharray:5 5,color:#0b0c0c",
        "    classDef joint fill:#fff7e6,stroke:#8a5300,color:#0b0c0c",
    ]
    lines += [f"    class {','.join(keys)} {name}" for name, keys in classes.items() if keys]
    return "\n".join(lines)


def structure_outline(dataset: Dataset, partnership: Partnership, version: Version | None = None,
                      root: str | None = "../", local: str = "groups") -> str:
    """The same graph as a nested list: each group under the group it reports to.

    `root` is the path from the page to the site root (None: no links);
    `local` is the path from the page to this partnership's group pages.
    """
    graph = structure_graph(dataset, partnership, version)
    lines: list[str] = []

    def label(node: Node) -> str:
        text = inline(node.name)
        if root is not None and node.group is not None:
            where = f"{root}{node.partnership}/groups" if node.external else local
            text = f"[{text}]({where}/{node.group.id}.md)"
        notes = _notes(graph, node)
        return text + (f" ({'; '.join(notes)})" if notes else "")

    def walk(key: str, depth: int, seen: frozenset[str]) -> None:
        node = graph.nodes[key]
        lines.append("    " * depth + "- " + label(node))
        for child in node.children:
            if child not in seen:
                walk(child, depth + 1, seen | {child})

    tops = graph.roots + [key for key, node in graph.nodes.items()
                          if (node.external or node.outside) and node.children]
    for top in sorted(tops, key=lambda k: (graph.nodes[k].group is None, 0)):
        walk(top, 0, frozenset({top}))
    return "\n".join(lines)


def _notes(graph: Graph, node: Node) -> list[str]:
    notes = []
    group = node.group
    if node.external:
        notes.append("another partnership's group")
    if node.outside is not None:
        notes.append("outside the partnership")
    if group and not node.external:
        sub = _sublabel(node, graph)
        if sub and sub != KIND_LABELS.get(group.kind):
            notes.append(inline(sub[0].lower() + sub[1:]))
        unknown = "reporting line to be confirmed"
        if not group.reports_to and group.kind not in TOP_KINDS and unknown not in (sub or ""):
            notes.append(unknown)
    parents = [graph.nodes[p].name for p in _parents(graph, node.key)]
    if len(parents) > 1:
        notes.append("reports to " + joined([inline(o) for o in parents]))
    for start, end, relation in graph.lines:
        if start == node.key and relation != "reports_to":
            notes.append(f"{RELATION_WORDS[relation]} {inline(graph.nodes[end].name)}")
    return notes


def _parents(graph: Graph, key: str) -> list[str]:
    return [parent for child, parent in graph.edges if child == key]
