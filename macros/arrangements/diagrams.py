"""Structure charts: one graph, drawn twice (Mermaid, and a nested list in words).

Both come from `structure_graph`, so the picture and its text equivalent
can never disagree. Labels are escaped for Mermaid: quotes, brackets,
braces, `#`, `;` and markup in data text become entity codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dataset import Dataset, Partnership, Version
from .model import Group
from .text import inline

KIND_LABELS = {
    "executive": "Executive",
    "partnership": "Partnership",
    "board": "Board",
    "subgroup": "Subgroup",
    "working-group": "Working group",
    "task-and-finish": "Task and finish group",
    "review-group": "Review group",
    "engagement-group": "Engagement group",
    "meeting": "Meeting",
}


@dataclass
class Node:
    key: str                      # Mermaid node id
    name: str
    partnership: str              # whose group it is
    group: Group | None
    external: bool = False        # a group of another partnership (e.g. the HIPS Executive)
    children: list[str] = field(default_factory=list)


@dataclass
class Graph:
    nodes: dict[str, Node]
    edges: list[tuple[str, str]]  # (child, parent): child reports to parent
    roots: list[str]


def node_key(partnership: str, group_id: str, local: str) -> str:
    safe = group_id.replace("-", "_")
    return f"g_{safe}" if partnership == local else f"x_{partnership.replace('-', '_')}_{safe}"


def structure_graph(dataset: Dataset, partnership: Partnership, version: Version | None = None) -> Graph:
    version = version or partnership.current
    local = partnership.id
    nodes: dict[str, Node] = {}
    edges: list[tuple[str, str]] = []
    for group in version.arrangements.groups:
        nodes[node_key(local, group.id, local)] = Node(node_key(local, group.id, local), group.name, local, group)
    for group in version.arrangements.groups:
        child = node_key(local, group.id, local)
        for ref in group.reports_to:
            owner, target = dataset.resolve_group(local, ref)
            key = node_key(owner, ref.rpartition("/")[2], local)
            if key not in nodes:
                other = dataset.partnerships.get(owner)
                label = target.name if target else ref
                if other and target and other.data.short_name and other.data.short_name not in label:
                    label = f"{label} ({other.data.short_name})"
                nodes[key] = Node(key, label, owner, target, external=True)
            edges.append((child, key))
            nodes[key].children.append(child)
    has_parent = {child for child, _ in edges}
    roots = [key for key in nodes if key not in has_parent]
    return Graph(nodes, edges, roots)


def mermaid_label(text: str) -> str:
    """Text safe inside a Mermaid `"..."` label: no quotes, brackets or markup survive."""
    replacements = {
        "&": "#amp;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;", ";": "#59;",
        "[": "#91;", "]": "#93;", "(": "#40;", ")": "#41;", "{": "#123;", "}": "#125;",
        "|": "#124;", "`": "#96;", "*": "#42;", "_": "#95;", "\\": "#92;", "%": "#37;",
    }
    return "".join(replacements.get(char, char) for char in " ".join(str(text).split()))


def _sublabel(node: Node) -> str:
    group = node.group
    if group is None:
        return ""
    if group.status == "planned":
        return f"Planned{' from ' + group.live_from if group.live_from else ''}"
    if group.joint_with:
        return "Joint with " + ", ".join(group.joint_with)
    return KIND_LABELS.get(group.kind, "")


def structure_mermaid(dataset: Dataset, partnership: Partnership, version: Version | None = None) -> str:
    graph = structure_graph(dataset, partnership, version)
    name = (version or partnership.current).arrangements.name
    lines = [
        "flowchart BT",
        f"    accTitle: {mermaid_label('Structure of ' + name)}",
        f"    accDescr: {mermaid_label('Each arrow points from a group to the group it reports to. The same structure is written out in words below the chart.')}",  # noqa: E501
    ]
    for node in graph.nodes.values():
        sub = _sublabel(node)
        label = mermaid_label(node.name) + (f"<br/><small>{mermaid_label(sub)}</small>" if sub else "")
        shape = ('(["', '"])') if node.external else ('["', '"]')
        lines.append(f"    {node.key}{shape[0]}{label}{shape[1]}")
    for child, parent in graph.edges:
        lines.append(f"    {child} --> {parent}")
    classes = {
        "external": [n.key for n in graph.nodes.values() if n.external],
        "planned": [n.key for n in graph.nodes.values() if n.group and n.group.status in {"planned", "proposed"}
                    and not n.external],
        "joint": [n.key for n in graph.nodes.values() if n.group and n.group.joint_with and not n.external],
    }
    lines += [
        "    classDef external fill:#e8eaf6,stroke:#1a237e,stroke-width:2px,color:#0b0c0c",
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
        notes = []
        group = node.group
        if node.external:
            notes.append("another partnership's group")
        if group and group.status == "planned":
            notes.append(f"planned{' from ' + group.live_from if group.live_from else ''}")
        if group and group.joint_with:
            notes.append("joint with " + ", ".join(inline(j) for j in group.joint_with))
        if len(_parents(graph, node.key)) > 1:
            others = [graph.nodes[p].name for p in _parents(graph, node.key)]
            notes.append("reports to " + " and ".join(inline(o) for o in others))
        return text + (f" ({'; '.join(notes)})" if notes else "")

    def walk(key: str, depth: int, seen: frozenset[str]) -> None:
        node = graph.nodes[key]
        lines.append("    " * depth + "- " + label(node))
        for child in node.children:
            if child not in seen:
                walk(child, depth + 1, seen | {child})

    for top in graph.roots:
        walk(top, 0, frozenset({top}))
    return "\n".join(lines)


def _parents(graph: Graph, key: str) -> list[str]:
    return [parent for child, parent in graph.edges if child == key]
