"""Sense checks that need the whole data set: values of the right shape that cannot be right.

- a `last_reviewed` date in the future;
- reporting lines that go round in a circle across partnerships (a circle
  inside one file is found by validate.py);
- a group id that Windows reserves (its page could not be checked out there).
"""

from __future__ import annotations

from datetime import date

from arrangements.data.dataset import add_problem as _add
from arrangements.data.paths import RESERVED


def check_dates(dataset: object, today: date | None = None) -> None:
    """Reviews dated in the future (the report feature checks report periods)."""
    today = today or date.today()
    for partnership in dataset.partnerships.values():  # type: ignore[attr-defined]
        for version in partnership.versions:
            reviewed = version.arrangements.dates.last_reviewed
            if reviewed and reviewed > today.isoformat()[: len(reviewed)]:
                _add(dataset, version, ("dates", "last_reviewed"), f"`last_reviewed` is in the future ({reviewed})",
                     "write the date the content was really last checked (today at the latest)")


def check_cross_cycles(dataset: object) -> None:
    """A → B → A where the lines run through another partnership's groups."""
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
    for partnership in dataset.partnerships.values():  # type: ignore[attr-defined]
        for version in partnership.versions:
            for index, group in enumerate(version.arrangements.groups):
                if group.id.split(".")[0] in RESERVED:
                    _add(dataset, version, ("groups", index, "id"),
                         f"the id '{group.id}' is a name Windows reserves, so its page could not be checked out there",
                         f"rename it, e.g. {group.id}-group, and the `reports_to` lines that name it")


def check(dataset: object) -> None:
    """Every check here (validate.py calls this)."""
    check_dates(dataset)
    check_cross_cycles(dataset)
    check_group_addresses(dataset)
