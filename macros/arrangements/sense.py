"""Sense checks: values that have the right shape but cannot be right.

- invisible and direction-changing characters (the text a reader sees would
  differ from the text in the file), with the line and column;
- a yearly report for a year that has not ended, and a `last_reviewed` date
  in the future;
- reporting lines that go round in a circle across partnerships (a circle
  inside one file is found by validate.py).

Phone numbers are checked where they are read (phone.py).
"""

from __future__ import annotations

import unicodedata
from datetime import date

from .problems import ProblemList

# Zero-width and joiner characters, direction marks, embeddings, overrides and
# isolates, invisible operators, the byte-order mark inside text, and others that
# show nothing: each can make the words a reader sees differ from the file's.
INVISIBLE = {
    **{chr(c): None for c in range(0x200B, 0x2010)},  # zero width space .. right-to-left mark
    **{chr(c): None for c in range(0x202A, 0x202F)},  # embeddings and overrides
    **{chr(c): None for c in range(0x2060, 0x2065)},  # word joiner, invisible operators
    **{chr(c): None for c in range(0x2066, 0x206A)},  # isolates
    **{chr(c): None for c in range(0x206A, 0x2070)},  # deprecated format characters
    "\u00ad": None, "\u034f": None, "\u061c": None, "\u115f": None, "\u1160": None, "\u17b4": None,
    "\u17b5": None, "\u180e": None, "\u3164": None, "\ufeff": None, "\uffa0": None,
}


def _name(char: str) -> str:
    return unicodedata.name(char, f"U+{ord(char):04X}").lower()


def invisible_characters(text: str, display: str, problems: ProblemList) -> None:
    """Each invisible or direction-changing character, on its line and column."""
    if not any(char in INVISIBLE for char in text):
        return
    for number, line in enumerate(text.splitlines(), start=1):
        for column, char in enumerate(line, start=1):
            if char in INVISIBLE and not (number == 1 and column == 1 and char == "\ufeff"):
                problems.add(display, number, column,
                             f"an invisible character ({_name(char)}, U+{ord(char):04X}) is in the text",
                             "delete it: it changes what readers see (often pasted from a web page or a PDF)")


def check_dates(dataset: object, today: date | None = None) -> None:
    """Reports for a year that has not ended; reviews dated in the future."""
    from .report import report_document
    from .validate import _add

    today = today or date.today()
    for partnership in dataset.partnerships.values():  # type: ignore[attr-defined]
        for version in partnership.versions:
            reviewed = version.arrangements.dates.last_reviewed
            if reviewed and reviewed > today.isoformat()[: len(reviewed)]:
                _add(dataset, version, ("dates", "last_reviewed"), f"`last_reviewed` is in the future ({reviewed})",
                     "write the date the content was really last checked (today at the latest)")
        for year, report in partnership.reports.items():
            end = report.period.end
            if end >= today.isoformat()[: len(end)]:
                doc = report_document(dataset, partnership.id, year)
                line, column = doc.mark(("period", "end"))
                dataset.problems.add(  # type: ignore[attr-defined]
                    doc.path, line, column, f"the report's period has not ended yet (it ends {end})",
                    "publish a yearly report after its year ends; keep a draft outside data/ until then")


def check_cross_cycles(dataset: object) -> None:
    """A → B → A where the lines run through another partnership's groups."""
    from .validate import _add

    partnerships = dataset.partnerships  # type: ignore[attr-defined]
    edges: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for pid, partnership in partnerships.items():
        for group in partnership.data.groups:
            targets = []
            for ref in group.reports_to:
                owner, _, gid = ref.rpartition("/")
                targets.append((owner or pid, gid))
            edges[(pid, group.id)] = targets
    for circle in _circles(edges):
        if len({pid for pid, _ in circle}) < 2:
            continue  # inside one file: validate.py reports it there
        pid, gid = circle[0]
        version = partnerships[pid].current
        index = next(i for i, g in enumerate(version.arrangements.groups) if g.id == gid)
        _add(dataset, version, ("groups", index, "reports_to"),
             "reporting lines go round in a circle across partnerships: "
             + " → ".join(f"{p}/{g}" for p, g in [*circle, circle[0]]),
             "one of these groups must report upwards to a group outside the circle")


Node = tuple[str, str]


def _circles(edges: dict[Node, list[Node]]) -> list[list[Node]]:
    """One circle per strongly connected set of groups (Tarjan's algorithm, without recursion).

    Why not a search from every group: that can take exponential time on a large structure.
    """
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    stack: list[Node] = []
    on_stack: set[Node] = set()
    found: list[list[Node]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next((c for c in children if c in edges), None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                members = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    members.append(top)
                    if top == node:
                        break
                if len(members) > 1:
                    found.append(_one_circle(min(members), set(members), edges))
    return found


def _one_circle(start: Node, members: set[Node], edges: dict[Node, list[Node]]) -> list[Node]:
    """The shortest way round from `start` back to itself, inside its set."""
    previous: dict[Node, Node] = {}
    queue = [start]
    for node in queue:
        for nxt in edges[node]:
            if nxt == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return path[::-1]
            if nxt in members and nxt not in previous:
                previous[nxt] = node
                queue.append(nxt)
    return [start]


def check_group_addresses(dataset: object) -> None:
    """A group's id is its page's address (`groups/<id>/`): not a name Windows reserves."""
    from .paths import RESERVED
    from .validate import _add

    for partnership in dataset.partnerships.values():  # type: ignore[attr-defined]
        for version in partnership.versions:
            for index, group in enumerate(version.arrangements.groups):
                if group.id.split(".")[0] in RESERVED:
                    _add(dataset, version, ("groups", index, "id"),
                         f"the id '{group.id}' is a name Windows reserves, so its page could not be checked out there",
                         f"rename it, e.g. {group.id}-group, and the `reports_to` lines that name it")


def check(dataset: object) -> None:
    """Every sense check that needs the whole data set (validate.py calls this)."""
    check_dates(dataset)
    check_cross_cycles(dataset)
    check_group_addresses(dataset)
