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

from arrangements.data.bodies import RELATION_WORDS
from arrangements.data.dataset import Dataset, Partnership, Version
from arrangements.data.model import Arrangements, Group, Post
from arrangements.rendering.dates import long_date
from arrangements.rendering.pages import Page, call, page_maker, renderer
from arrangements.rendering.text import inline
from arrangements.rendering.wording import SERVES_WORDS, body_name, group_status_words, joined, partner_name, post_text

LED_BY = {"chair": "a chair", "scrutineer": "the independent scrutineer", "partners": "the partners together"}
KIND_WORDS = {"children": "children", "adults": "adults", "combined": "children and adults",
              "multi-area": "several areas"}


@dataclass(frozen=True)
class Change:
    area: str        # "Partnership", "Groups", "Relevant agencies", "Partners"
    text: str        # Markdown sentence, already safe


def _posts(posts: list[Post] | None, data: Arrangements) -> str:
    """Who holds a post, named in plain words (never ids); a blank is "not recorded"."""
    if not posts:
        return "not recorded"
    return " and ".join(_words(post_text(p, data, notes=False)) for p in posts)


def _words(markdown: str) -> str:
    """Wording from post_text, without its emphasis (the change sentence adds its own)."""
    return markdown.replace("**", "")


def _frequency(group: Group) -> str:
    return group.frequency.label.lower() if group.frequency else "not recorded"


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
    if old.led_by != new.led_by:
        changes.append(Change("Partnership", f"Now led by {LED_BY[new.led_by]} (before: {LED_BY[old.led_by]})."))
    if _posts(old.chair, old) != _posts(new.chair, new):
        changes.append(Change("Partnership", f"Partnership chair: before, {_posts(old.chair, old)}; "
                                             f"now {_posts(new.chair, new)}."))
    was_scrutiny = _posts(old.scrutiny.by if old.scrutiny else None, old)
    now_scrutiny = _posts(new.scrutiny.by if new.scrutiny else None, new)
    if was_scrutiny != now_scrutiny:
        changes.append(Change("Partnership", f"Independent scrutiny: before, {was_scrutiny}; now {now_scrutiny}."))
    changes += _partner_changes(old, new)
    changes += _outside_changes(old, new)
    changes += _group_changes(old, new)
    changes += _agency_changes(old, new)
    return changes


def _partner_changes(old: Arrangements, new: Arrangements) -> list[Change]:
    out: list[Change] = []
    before = {p.id: p for p in old.partners}
    for partner in new.partners:
        was = before.get(partner.id)
        name = inline(partner_name(new, partner.id))
        if was is None:
            out.append(Change("Partners", f"{name} joined as a partner."))
            continue
        if was.organisation != partner.organisation and partner.organisation and was.organisation:
            out.append(Change("Partners", f"{inline(was.organisation)} is now {name}."))
        elif was.organisation != partner.organisation:
            named = inline(partner.organisation or was.organisation)
            out.append(Change("Partners", f"{named}: the {'later' if was.organisation else 'earlier'} version "
                                          "does not name this partner's organisation."))
        for field, label in (("lead", "lead safeguarding partner"), ("delegate", "delegated safeguarding partner")):
            a, b = _posts(getattr(was, field), old), _posts(getattr(partner, field), new)
            if a != b:
                out.append(Change("Partners", f"{name}: the {label} was {a}; now {b}."))
    now = {p.id for p in new.partners}
    out += [Change("Partners", f"{inline(partner_name(old, p.id))} is no longer a partner.")
            for p in old.partners if p.id not in now]
    return out


def _group_changes(old: Arrangements, new: Arrangements) -> list[Change]:
    out: list[Change] = []
    pairs, removed, added = match_groups(old.groups, new.groups)
    out += [Change("Groups", _added(g, old)) for g in added]
    # Why not "no longer in the arrangements": a later document that does not describe a group (the 2024
    # Southampton proposal mentions "the Business Groups" in passing) does not say the group was ended.
    out += [Change("Groups", f"Not listed in the later version: {inline(g.name)} "
                             "(the later version does not describe it).") for g in removed]
    for was, now in pairs:
        name = inline(now.name)
        if was.name != now.name:
            out.append(Change("Groups", f"{inline(was.name)} renamed {name}."))
        if _posts(was.chair, old) != _posts(now.chair, new):
            out.append(Change("Groups", f"{name}: the chair was {_posts(was.chair, old)}; "
                                        f"now {_posts(now.chair, new)}."))
        if was.status != now.status or was.until != now.until:
            out.append(Change("Groups", f"{name}: {inline(_status(now))} (before: {inline(_status(was))})."))
        if _frequency(was) != _frequency(now):
            out.append(Change("Groups", f"{name}: how often it meets: {inline(_frequency(now))} "
                                        f"(before: {inline(_frequency(was))})."))
        if (was.quorum or "") != (now.quorum or ""):
            quorum = (now.quorum or "not recorded").rstrip(".")
            out.append(Change("Groups", f"{name}: the quorum is now: {inline(quorum)}."))
        out += [Change("Groups", f"{name}: {text}") for text in _terms(was, now, old, new)]
    return out


def _terms(was: Group, now: Group, old: Arrangements, new: Arrangements) -> list[str]:
    """Relations, whom it serves, members and meeting rules: each change as a sentence."""
    out = []
    for field in RELATION_WORDS:
        before = [body_name(old, ref) for ref in getattr(was, field)]
        after = [body_name(new, ref) for ref in getattr(now, field)]
        if before != after:
            out.append(f"now {RELATION_WORDS[field]} {inline(joined(after) or 'no other body')} "
                       f"(before: {inline(joined(before) or 'not recorded')}).")
    if was.serves != now.serves:
        out.append(f"now serves {SERVES_WORDS.get(now.serves or '', 'as the partnership')} "
                   f"(before: {SERVES_WORDS.get(was.serves or '', 'as the partnership')}).")
    before = {m.who for m in was.membership or []}
    after = {m.who for m in now.membership or []}
    if was.membership is not None and now.membership is not None:
        out += [f"{inline(who)} now attends." for who in sorted(after - before)]
        out += [f"{inline(who)} no longer attends." for who in sorted(before - after)]
    elif (was.membership is None) != (now.membership is None):
        out.append("members are now " + ("recorded." if now.membership else "not recorded."))
    if was.meeting_rules != now.meeting_rules:
        out.append("the meeting rules changed (see the group's page).")
    return out


def _outside_changes(old: Arrangements, new: Arrangements) -> list[Change]:
    before = {b.name for b in old.outside_bodies}
    after = {b.name for b in new.outside_bodies}
    out = [Change("Partnership", f"Groups now work with a body outside the partnership: {inline(n)}.")
           for n in sorted(after - before)]
    out += [Change("Partnership", f"No group works with {inline(n)} any more.") for n in sorted(before - after)]
    return out


def _added(group: Group, old: Arrangements) -> str:
    """A group is "new" only when its dates say it started after the earlier version; else it is first listed."""
    started = group.from_ and old.dates.agreed and group.from_ > old.dates.agreed[: len(group.from_)]
    if started:
        return f"New group: {inline(group.name)} (from {long_date(group.from_)})."
    return f"Listed for the first time: {inline(group.name)} (the earlier version does not mention it)."


def _status(group: Group) -> str:
    return (group_status_words(group) or "running").lower()


def _agency_changes(old: Arrangements, new: Arrangements) -> list[Change]:
    before = {a.name for a in old.agencies}
    after = {a.name for a in new.agencies}
    out = [Change("Relevant agencies", f"Newly named: {inline(n)}.") for n in sorted(after - before)]
    # Why not "no longer named": a later document that lists no agencies has not dropped them.
    out += [Change("Relevant agencies", f"Not named in the later version: {inline(n)}.")
            for n in sorted(before - after)]
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
