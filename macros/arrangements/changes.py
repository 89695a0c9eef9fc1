"""What changed between two versions of a partnership's arrangements, in plain English.

Readers ask "what changed?" when a proposal replaces the old arrangements;
the yearly report must list changes made or planned. Both use this diff.
Groups are matched by id, then by a similar name (a renamed group is a
rename, not a removal and an addition).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from .dataset import Dataset, Partnership, Version
from .model import Arrangements, Chair, Group, Person
from .pages import Page, call, page_maker, renderer
from .text import inline

KIND_WORDS = {"children": "children", "adults": "adults", "combined": "children and adults",
              "multi-area": "several areas"}


@dataclass(frozen=True)
class Change:
    area: str        # "Partnership", "Groups", "Relevant agencies", "Partners"
    text: str        # Markdown sentence, already safe


def _chair(chair: Chair | None) -> str:
    if chair is None:
        return "to be confirmed"
    parts = [chair.name, chair.role, chair.organisation]
    text = ", ".join(p for p in parts if p) or "a chair"
    if chair.rotates_between:
        text += " (rotating between " + " and ".join(chair.rotates_between) + ")"
    return text


def _person(value: Person | None) -> str:
    if value is None:
        return "not named"
    return ", ".join(p for p in (value.name, value.role) if p) or "not named"


def _frequency(group: Group) -> str:
    return group.frequency.label.lower() if group.frequency else "to be confirmed"


def match_groups(old: list[Group], new: list[Group]) -> tuple[list[tuple[Group, Group]], list[Group], list[Group]]:
    """(pairs, removed, added): by id first, then by name similarity."""
    new_by_id = {g.id: g for g in new}
    pairs = [(g, new_by_id[g.id]) for g in old if g.id in new_by_id]
    removed = [g for g in old if g.id not in new_by_id]
    added = [g for g in new if g.id not in {o.id for o in old}]
    for group in list(removed):
        names = {g.name.lower(): g for g in added}
        near = difflib.get_close_matches(group.name.lower(), list(names), n=1, cutoff=0.75)
        if near:
            pairs.append((group, names[near[0]]))
            removed.remove(group)
            added.remove(names[near[0]])
    return pairs, removed, added


def diff(old: Arrangements, new: Arrangements) -> list[Change]:
    changes: list[Change] = []
    if old.name != new.name:
        changes.append(Change("Partnership", f"Renamed from *{inline(old.name)}* to *{inline(new.name)}*."))
    if old.kind != new.kind:
        changes.append(Change("Partnership", f"Now covers {KIND_WORDS[new.kind]} "
                                             f"(before: {KIND_WORDS[old.kind]})."))
    if old.areas != new.areas:
        changes.append(Change("Partnership", f"Area changed from {inline(', '.join(old.areas))} "
                                             f"to {inline(', '.join(new.areas))}."))
    if _chair(old.chair) != _chair(new.chair):
        changes.append(Change("Partnership", f"Partnership chair changed from {inline(_chair(old.chair))} "
                                             f"to {inline(_chair(new.chair))}."))
    changes += _partner_changes(old, new)
    changes += _group_changes(old, new)
    changes += _agency_changes(old, new)
    return changes


def _partner_changes(old: Arrangements, new: Arrangements) -> list[Change]:
    out: list[Change] = []
    before = {p.sector: p for p in old.partners}
    for partner in new.partners:
        was = before.get(partner.sector)
        if was is None:
            out.append(Change("Partners", f"{inline(partner.organisation)} joined as a partner."))
            continue
        if was.organisation != partner.organisation:
            out.append(Change("Partners", f"{inline(was.organisation)} is now {inline(partner.organisation)}."))
        for field, label in (("lead", "lead safeguarding partner"), ("delegate", "delegated safeguarding partner")):
            a, b = _person(getattr(was, field)), _person(getattr(partner, field))
            if a != b:
                out.append(Change("Partners", f"{inline(partner.organisation)}: the {label} was "
                                              f"{inline(a)}; now {inline(b)}."))
    return out


def _group_changes(old: Arrangements, new: Arrangements) -> list[Change]:  # noqa: C901 - one list of checks
    out: list[Change] = []
    pairs, removed, added = match_groups(old.groups, new.groups)
    out += [Change("Groups", f"New group: {inline(g.name)}.") for g in added]
    out += [Change("Groups", f"Group no longer in the arrangements: {inline(g.name)}.") for g in removed]
    for was, now in pairs:
        name = inline(now.name)
        if was.name != now.name:
            out.append(Change("Groups", f"{inline(was.name)} renamed {name}."))
        if _chair(was.chair) != _chair(now.chair):
            out.append(Change("Groups", f"{name}: the chair was {inline(_chair(was.chair))}; "
                                        f"now {inline(_chair(now.chair))}."))
        if _frequency(was) != _frequency(now):
            out.append(Change("Groups", f"{name}: meets {inline(_frequency(now))} "
                                        f"(before: {inline(_frequency(was))})."))
        if (was.quorum or "") != (now.quorum or ""):
            quorum = (now.quorum or "to be confirmed").rstrip(".")
            out.append(Change("Groups", f"{name}: the quorum is now: {inline(quorum)}."))
        if was.reports_to != now.reports_to:
            names = {g.id: g.name for g in new.groups}
            targets = ", ".join(names.get(ref, ref) for ref in now.reports_to) or "no other group"
            out.append(Change("Groups", f"{name}: now reports to {inline(targets)}."))
    return out


def _agency_changes(old: Arrangements, new: Arrangements) -> list[Change]:
    before = {a.name for a in old.relevant_agencies}
    after = {a.name for a in new.relevant_agencies}
    out = [Change("Relevant agencies", f"Newly named: {inline(n)}.") for n in sorted(after - before)]
    out += [Change("Relevant agencies", f"No longer named: {inline(n)}.") for n in sorted(before - after)]
    return out


def version_pairs(partnership: Partnership) -> list[tuple[Version, Version]]:
    return list(zip(partnership.versions, partnership.versions[1:], strict=False))


@page_maker
def changes_pages(dataset: Dataset) -> Iterator[Page]:
    for partnership in dataset.partnerships.values():
        if len(partnership.versions) > 1:
            yield Page(f"{partnership.id}/changes.md", "What changed", call("changes", partnership.id),
                       partnership=partnership.id, section=(partnership.data.name,),
                       data_file=partnership.versions[-1].source_path, order=85)


@renderer("changes")
def render_changes(dataset: Dataset, pid: str) -> str:
    partnership = dataset.partnerships[pid]
    out = [f"# What changed: {inline(partnership.data.short_name or partnership.data.name)}", "",
           "Each section compares one version of the arrangements with the version before it.", ""]
    for old, new in reversed(version_pairs(partnership)):
        out += [f"## From {inline(old.label)} to {inline(new.label)}", ""]
        found = diff(old.arrangements, new.arrangements)
        if not found:
            out += ["No changes to partners, groups or relevant agencies.", ""]
        for area in dict.fromkeys(c.area for c in found):
            out += [f"### {area}", "", *[f"- {c.text}" for c in found if c.area == area], ""]
    return "\n".join(out) + "\n"
