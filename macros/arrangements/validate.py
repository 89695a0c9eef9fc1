"""Checks of meaning, after the shape is right: ids, references, cycles, dates.

Each check adds problems that point at the line to fix; none stops the
others, so one run shows everything that is wrong.
"""

from __future__ import annotations

from collections.abc import Callable

from . import sense
from .dataset import Dataset, Partnership, Version
from .problems import did_you_mean, join_hint

Check = Callable[[Dataset, Partnership, Version], None]
DatasetCheck = Callable[[Dataset], None]

# Why: feature modules (reports, site-wide files) add checks of their own here.
DATASET_CHECKS: list[DatasetCheck] = []


def dataset_check(func: DatasetCheck) -> DatasetCheck:
    DATASET_CHECKS.append(func)
    return func


def check_dataset(dataset: Dataset) -> None:
    from .pages import load_features

    load_features()
    for partnership in dataset.partnerships.values():
        _check_versions(dataset, partnership)
        for version in partnership.versions:
            for check in CHECKS:
                check(dataset, partnership, version)
    for check in DATASET_CHECKS:
        check(dataset)
    sense.check(dataset)  # values of the right shape that cannot be right (dates, circles across files)


def _add(dataset: Dataset, version: Version, loc: tuple, message: str, hint: str = "", *, key: bool = False,
         severity: str = "error") -> None:
    from .schema import describe

    line, column = version.doc.mark(loc, key=key)
    dataset.problems.add(version.source_path, line, column, message, hint,
                         where=describe(loc, version.doc.data), severity=severity)


def _check_versions(dataset: Dataset, partnership: Partnership) -> None:
    in_force = [v for v in partnership.versions if v.arrangements.status == "in-force"]
    for extra in in_force[:-1]:
        _add(dataset, extra, ("status",), "more than one version of this partnership is in force",
             f"mark the older one `superseded` (the newest in force is {in_force[-1].id})")


def _check_unique_ids(dataset: Dataset, partnership: Partnership, version: Version) -> None:
    data = version.arrangements
    for section, items in (("partners", data.partners), ("groups", data.groups),
                           ("relevant_agencies", data.relevant_agencies)):
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in seen:
                _add(dataset, version, (section, index, "id"), f"the id '{item.id}' is used twice in {section}",
                     f"give each one its own id (the first is item {seen[item.id] + 1})")
            seen.setdefault(item.id, index)


def _check_partner_refs(dataset: Dataset, partnership: Partnership, version: Version) -> None:
    data = version.arrangements
    partner_ids = [p.id for p in data.partners]

    def need(loc: tuple, ref: str) -> None:
        if ref not in partner_ids:
            _add(dataset, version, loc, f"'{ref}' is not one of the partners in this file",
                 join_hint(did_you_mean(ref, partner_ids), "use a partner id: " + ", ".join(partner_ids)))

    chairs = [(("chair",), data.chair)] + [
        (("groups", i, field), getattr(group, field))
        for i, group in enumerate(data.groups)
        for field in ("chair", "vice_chair")
    ]
    for loc, chair in chairs:
        if chair is None:
            continue
        if chair.partner:
            need((*loc, "partner"), chair.partner)
        for j, ref in enumerate(chair.rotates_between):
            need((*loc, "rotates_between", j), ref)
        if len(chair.rotates_between) == 1:
            _add(dataset, version, (*loc, "rotates_between"), "a rotation needs at least two partners",
                 "list every partner the chair rotates between, or use `partner:` for a fixed chair")
    if data.funding:
        for j, ref in enumerate(data.funding.contributors):
            need(("funding", "contributors", j), ref)
    if data.kind != "multi-area" and not data.partners:
        _add(dataset, version, ("partners",), "no statutory partners are listed",
             "list the local authority, the ICB and the police, with their lead and delegated partners")


def _check_group_refs(dataset: Dataset, partnership: Partnership, version: Version) -> None:
    data = version.arrangements
    local = [g.id for g in data.groups]

    def need(loc: tuple, ref: str) -> None:
        owner, _, group_id = ref.rpartition("/")
        if not owner:
            if ref not in local:
                _add(dataset, version, loc, f"there is no group '{ref}' in this file",
                     join_hint(did_you_mean(ref, local), "use a group id: " + ", ".join(local)))
            return
        other = dataset.partnerships.get(owner)
        if owner in dataset.unloaded:
            return  # its own errors are reported; do not cascade
        if other is None:
            _add(dataset, version, loc, f"there is no partnership '{owner}' on this site",
                 join_hint(did_you_mean(owner, dataset.partnerships), "check the partnership folder name"))
        elif other.group(group_id) is None:
            ids = [g.id for g in other.data.groups]
            _add(dataset, version, loc, f"partnership '{owner}' has no group '{group_id}'",
                 join_hint(did_you_mean(group_id, ids), "its groups are: " + ", ".join(ids)))

    for i, group in enumerate(data.groups):
        for j, ref in enumerate(group.reports_to):
            if ref == group.id:
                _add(dataset, version, ("groups", i, "reports_to", j), "a group cannot report to itself",
                     "name the group it reports to")
            else:
                need(("groups", i, "reports_to", j), ref)
    for i, agency in enumerate(data.relevant_agencies):
        for j, ref in enumerate(agency.groups):
            need(("relevant_agencies", i, "groups", j), ref)


def _check_cycles(dataset: Dataset, partnership: Partnership, version: Version) -> None:
    """Reporting lines must lead upwards: A -> B -> A would leave nobody accountable."""
    edges = {g.id: [r for r in g.reports_to if "/" not in r] for g in version.arrangements.groups}
    index = {g.id: i for i, g in enumerate(version.arrangements.groups)}
    reported: set[frozenset[str]] = set()
    for start in edges:
        path = _find_cycle(start, edges)
        if path and frozenset(path) not in reported:
            reported.add(frozenset(path))
            _add(dataset, version, ("groups", index[start], "reports_to"),
                 "reporting lines go round in a circle: " + " → ".join([*path, path[0]]),
                 "one of these groups must report upwards to a group outside the circle")


def _find_cycle(start: str, edges: dict[str, list[str]]) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    while stack:
        node, path = stack.pop()
        for nxt in edges.get(node, []):
            if nxt == start and len(path) > 1:
                return path
            if nxt not in path and nxt in edges:
                stack.append((nxt, [*path, nxt]))
    return None


def _check_multi_area(dataset: Dataset, partnership: Partnership, version: Version) -> None:
    data = version.arrangements
    for j, ref in enumerate(data.multi_area):
        other = dataset.partnerships.get(ref)
        if ref in dataset.unloaded:
            continue
        if other is None:
            _add(dataset, version, ("multi_area", j), f"there is no multi-area arrangement '{ref}' on this site",
                 join_hint(did_you_mean(ref, dataset.partnerships), "use the folder name of a multi-area partnership"))
        elif other.data.kind != "multi-area":
            _add(dataset, version, ("multi_area", j), f"'{ref}' is not a multi-area arrangement",
                 "only partnerships of kind multi-area can be joined")
    for j, member in enumerate(data.members):
        if member.partnership and member.partnership not in dataset.partnerships | dict.fromkeys(dataset.unloaded):
            _add(dataset, version, ("members", j, "partnership"),
                 f"there is no partnership '{member.partnership}' on this site",
                 join_hint(did_you_mean(member.partnership, dataset.partnerships),
                           "leave `partnership:` out for a member whose data is not on this site"))
    if data.kind == "multi-area" and not data.members:
        _add(dataset, version, ("kind",), "a multi-area arrangement must list its members",
             "add `members:` with each partnership it joins")


def _check_dates(dataset: Dataset, partnership: Partnership, version: Version) -> None:
    dates = version.arrangements.dates
    if dates.agreed and dates.next_review and dates.next_review < dates.agreed:
        _add(dataset, version, ("dates", "next_review"),
             "the next review is before the date the arrangements were agreed", "check both dates")
    if dates.agreed and dates.effective and dates.effective < dates.agreed[: len(dates.effective)]:
        _add(dataset, version, ("dates", "effective"), "the arrangements take effect before they were agreed",
             "check both dates", severity="warning")


def _check_schedule(dataset: Dataset, partnership: Partnership, version: Version) -> None:
    if dataset.schedule is None:
        return
    entries = dataset.schedule.entries()
    for i, agency in enumerate(version.arrangements.relevant_agencies):
        for j, ref in enumerate(agency.schedule):
            if ref not in entries:
                _add(dataset, version, ("relevant_agencies", i, "schedule", j),
                     f"'{ref}' is not an entry of the relevant-agency schedule",
                     join_hint(did_you_mean(ref, entries), "see data/reference/relevant-agency-schedule.yml"))
        if not agency.schedule:
            guess = suggest_schedule(agency.name, dataset)
            _add(dataset, version, ("relevant_agencies", i), f"'{agency.name}' is not mapped to the schedule",
                 f"add `schedule: [{guess}]`" if guess else "add `schedule:` with the entry ids it falls under",
                 key=False, severity="warning")


def suggest_schedule(name: str, dataset: Dataset) -> str:
    """The schedule entry whose keywords best match an agency's name."""
    if dataset.schedule is None:
        return ""
    words = set(name.lower().replace(",", " ").split())
    best, score = "", 0
    for _, entry in dataset.schedule.entries().values():
        hits = sum(1 for keyword in entry.keywords if set(keyword.lower().split()) <= words)
        if hits > score:
            best, score = entry.id, hits
    return best


CHECKS: list[Check] = [
    _check_unique_ids,
    _check_partner_refs,
    _check_group_refs,
    _check_cycles,
    _check_multi_area,
    _check_dates,
    _check_schedule,
]

