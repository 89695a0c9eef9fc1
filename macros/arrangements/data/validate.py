"""Checks of meaning, after the shape is right: ids, references, cycles, dates.

Each check adds problems that point at the line to fix; none stops the
others, so one run shows everything that is wrong.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from arrangements.data import cross_checks
from arrangements.data.bodies import RELATION_WORDS, SELF
from arrangements.data.dataset import Dataset, Partnership, Version, read_dataset
from arrangements.data.dataset import add_problem as _add
from arrangements.data.model import Arrangements, Post
from arrangements.data.problems import did_you_mean, join_hint

Check = Callable[[Dataset, Partnership, Version], None]
DatasetCheck = Callable[[Dataset], None]

# Why: feature modules (reports, site-wide files) add checks of their own here.
DATASET_CHECKS: list[DatasetCheck] = []


def dataset_check(func: DatasetCheck) -> DatasetCheck:
    DATASET_CHECKS.append(func)
    return func


def load_dataset(root: Path) -> Dataset:
    """Load and check everything under `root` (the `data` folder). Never raises for bad data.

    Why always check: files checked on their own (the accessibility statement, news posts)
    must be reported in the same run even when every partnership file has errors.
    """
    dataset = read_dataset(root)
    check_dataset(dataset)
    return dataset


def check_dataset(dataset: Dataset) -> None:
    for partnership in dataset.partnerships.values():
        _check_versions(dataset, partnership)
        for version in partnership.versions:
            for check in CHECKS:
                check(dataset, partnership, version)
    for partnership, version in dataset.partial:
        for check in CHECKS:
            # Why: a partial record has blanks where its file is broken; those are reported
            # already, so a check that trips over one has nothing more to say.
            with contextlib.suppress(AttributeError, TypeError, KeyError, IndexError, ValueError):
                check(dataset, partnership, version)
    for check in DATASET_CHECKS:
        check(dataset)
    cross_checks.check(dataset)  # values of the right shape that cannot be right (dates, circles across files)


def _check_versions(dataset: Dataset, partnership: Partnership) -> None:
    in_force = [v for v in partnership.versions if v.arrangements.status == "in-force"]
    for extra in in_force[:-1]:
        _add(dataset, extra, ("status",), "more than one version of this partnership is in force",
             f"mark the older one `superseded` (the newest in force is {in_force[-1].id})")


def _check_unique_ids(dataset: Dataset, partnership: Partnership, version: Version) -> None:
    data = version.arrangements
    for section, items in (("partners", data.partners), ("groups", data.groups),
                           ("outside_bodies", data.outside_bodies), ("relevant_agencies", data.agencies)):
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if item.id in seen:
                _add(dataset, version, (section, index, "id"), f"the id '{item.id}' is used twice in {section}",
                     f"give each one its own id (the first is item {seen[item.id] + 1})")
            seen.setdefault(item.id, index)


def _posts(data: Arrangements) -> list[tuple[tuple, Post]]:
    """Every post in a file with where it is: chairs, vice chairs, scrutineers, leads and delegates."""
    found: list[tuple[tuple, Post]] = []

    def add(loc: tuple, posts: list[Post] | None) -> None:
        found.extend(((*loc, i), post) for i, post in enumerate(posts or []))

    add(("chair",), data.chair)
    for i, group in enumerate(data.groups):
        add(("groups", i, "chair"), group.chair)
        add(("groups", i, "vice_chair"), group.vice_chair)
    for i, partner in enumerate(data.partners):
        for field in ("lead", "delegate", "approved_by"):
            add(("partners", i, field), getattr(partner, field))
    if data.scrutiny:
        add(("scrutiny", "by"), data.scrutiny.by)
    return found


def _check_partner_refs(dataset: Dataset, partnership: Partnership, version: Version) -> None:
    data = version.arrangements
    partner_ids = [p.id for p in data.partners]
    bodies = _body_ids(data)

    def need(loc: tuple, ref: str) -> None:
        if ref not in partner_ids:
            _add(dataset, version, loc, f"'{ref}' is not one of the partners in this file",
                 join_hint(did_you_mean(ref, partner_ids),
                           "use a partner id: " + ", ".join(partner_ids) + "; a fourth partner (such as education) "
                           "or a second council is added under `partners:` with its own id"))

    for loc, post in _posts(data):
        if post.partner:
            need((*loc, "partner"), post.partner)
        for j, ref in enumerate(post.rotates_between):
            need((*loc, "rotates_between", j), ref)
        if post.held_by:
            need((*loc, "held_by"), post.held_by)
            if post.rotates_between and post.held_by not in post.rotates_between:
                _add(dataset, version, (*loc, "held_by"), f"'{post.held_by}' is not in the rotation",
                     "`held_by` names the partner holding the post now; add it to `rotates_between`")
        for j, ref in enumerate(post.nominated_by):
            if ref in partner_ids or ref in bodies:
                continue
            _add(dataset, version, (*loc, "nominated_by", j), f"nothing in this file has the id '{ref}'",
                 join_hint(did_you_mean(ref, [*partner_ids, *bodies]),
                           "use a partner, group or outside body id"))
        if len(post.rotates_between) == 1:
            _add(dataset, version, (*loc, "rotates_between"), "a rotation needs at least two partners",
                 "list every partner the post rotates between, or use `partner:` for a fixed post")
        if post.from_ and post.until and post.until < post.from_[: len(post.until)]:
            _add(dataset, version, (*loc, "until"), "the post ends before it starts", "check `from:` and `until:`")
    if data.funding:
        for j, ref in enumerate(data.funding.contributors):
            need(("funding", "contributors", j), ref)
    if data.kind != "multi-area" and not data.partners:
        _add(dataset, version, ("partners",), "no statutory partners are listed",
             "list the local authority, the ICB and the police, with their lead and delegated partners")
    _check_leadership(dataset, version)


def _check_leadership(dataset: Dataset, version: Version) -> None:
    data = version.arrangements
    if data.led_by == "scrutineer" and not (data.scrutiny and data.scrutiny.by):
        _add(dataset, version, ("led_by",), "the partnership is led by its scrutineer, but no scrutineer is named",
             "add `scrutiny:` with `by:` (a role is enough), or change `led_by`")
    if data.led_by == "chair" and "chair" not in data.model_fields_set:
        _add(dataset, version, (), "'chair' is missing",
             "add `chair:` and leave it blank (or write tbc) if it is not known yet; a partnership with no chair "
             "says who leads it instead: `led_by: scrutineer` or `led_by: partners`")
    if data.led_by != "chair" and data.chair:
        _add(dataset, version, ("chair",), f"a partnership led by its {data.led_by} has no chair",
             "leave `chair:` out, or set `led_by: chair`")
    if data.kind == "children":
        for i, group in enumerate(data.groups):
            if group.serves == "adults":
                _add(dataset, version, ("groups", i, "serves"),
                     "a children's partnership has a group serving adults only",
                     "for a joint children and adults partnership set `kind: combined`; for a group shared "
                     "with an adults board, add the board under `outside_bodies:` and use `links_with`")


def _body_ids(data: Arrangements) -> list[str]:
    """Everything a relation may point at in this file; `partnership` is the partnership as a whole."""
    return [g.id for g in data.groups] + [b.id for b in data.outside_bodies] + [SELF]


RELATIONS = tuple(RELATION_WORDS)


def _check_group_refs(dataset: Dataset, partnership: Partnership, version: Version) -> None:
    data = version.arrangements
    local = _body_ids(data)

    def need(loc: tuple, ref: str) -> None:
        owner, _, group_id = ref.rpartition("/")
        if not owner:
            if ref not in local:
                _add(dataset, version, loc, f"there is no group or outside body '{ref}' in this file",
                     join_hint(did_you_mean(ref, local),
                               "use a group id: " + ", ".join(g.id for g in data.groups)
                               + "; for a body outside the partnership (an adults board, the ICB, a scrutiny "
                               "committee) add it under `outside_bodies:` and use its id"))
            return
        other = dataset.partnerships.get(owner)
        if owner in dataset.unloaded:
            return  # its own errors are reported; do not cascade
        if other is None:
            _add(dataset, version, loc, f"there is no partnership '{owner}' on this site",
                 join_hint(did_you_mean(owner, dataset.partnerships),
                           "check the partnership folder name; a partnership not on this site is an outside body "
                           "(`outside_bodies:` with `kind: partnership`)"))
        elif other.group(group_id) is None:
            ids = [g.id for g in other.data.groups]
            _add(dataset, version, loc, f"partnership '{owner}' has no group '{group_id}'",
                 join_hint(did_you_mean(group_id, ids), "its groups are: " + ", ".join(ids)))

    for i, group in enumerate(data.groups):
        for field in RELATIONS:
            for j, ref in enumerate(getattr(group, field)):
                if ref == group.id:
                    verb = {"reports_to": "report to", "accountable_to": "be accountable to",
                            "links_with": "link with"}[field]
                    _add(dataset, version, ("groups", i, field, j), f"a group cannot {verb} itself",
                         "name another group or outside body")
                else:
                    need(("groups", i, field, j), ref)
        if group.replaced_by:
            need(("groups", i, "replaced_by"), group.replaced_by)
        if group.from_ and group.until and group.until < group.from_[: len(group.until)]:
            _add(dataset, version, ("groups", i, "until"), "the group ends before it starts",
                 "check `from:` and `until:`")
    for i, agency in enumerate(data.agencies):
        for j, ref in enumerate(agency.groups):
            need(("relevant_agencies", i, "groups", j), ref)
    for j, ref in enumerate(data.scrutiny.reports_to if data.scrutiny else []):
        need(("scrutiny", "reports_to", j), ref)
    for j, ref in enumerate(data.links_with):
        need(("links_with", j), ref)


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
    for i, agency in enumerate(version.arrangements.agencies):
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


def _check_contacts(dataset: Dataset, partnership: Partnership, version: Version) -> None:
    """The help panel is what a worried family reads first: it must never show a blank where a number goes."""
    if version is not partnership.current or version.arrangements.kind == "multi-area":
        return
    contacts = version.arrangements.contacts
    kinds = {c.kind for c in contacts}
    for kind, words in (("front-door", "children's services"), ("out-of-hours", "out-of-hours children's services")):
        if kind not in kinds:
            _add(dataset, version, ("contacts",), f"there is no {words} contact (`kind: {kind}`)",
                 "families look for this number first: add it with its phone number", severity="warning")
    for i, contact in enumerate(contacts):
        if contact.phone is None and contact.url is None:
            _add(dataset, version, ("contacts", i, "phone"), f"'{contact.name}' has no phone number and no website",
                 "the help panel leaves it out until one is added", severity="warning")
        elif contact.phone is None and contact.kind in ("front-door", "out-of-hours"):
            _add(dataset, version, ("contacts", i, "phone"), f"'{contact.name}' has no phone number yet",
                 "the help panel shows its website instead; add the number families should call",
                 severity="warning")


CHECKS: list[Check] = [
    _check_unique_ids,
    _check_partner_refs,
    _check_group_refs,
    _check_cycles,
    _check_multi_area,
    _check_dates,
    _check_schedule,
    _check_contacts,
]

