"""How a partnership is organised: the structure page (chart and words) and a page per group.

Every group page answers the questions of someone who must attend or hold
the group to account: what it is for, who chairs it (today, with earlier
chairs one click away), who attends and on what terms, how often and by
what rules it meets, and where it reports, is accountable and links.
"""

from __future__ import annotations

from arrangements.data.bodies import RELATION_WORDS, SELF
from arrangements.data.dataset import Dataset, Partnership, Version
from arrangements.data.model import Arrangements, Group
from arrangements.features.site import _not_current_banner, _root_for, _version, history_block, to_root
from arrangements.rendering.dates import today
from arrangements.rendering.diagrams import KIND_LABELS, structure_mermaid, structure_outline
from arrangements.rendering.pages import renderer
from arrangements.rendering.text import TBC, block, bullet_list, escape, facts, inline, link, or_tbc
from arrangements.rendering.wording import (
    SERVES_WORDS,
    body_name,
    group_status_words,
    joined,
    member_text,
    posts_history,
    posts_now,
    reporting_line,
)

OUTSIDE_KIND_WORDS = {
    "safeguarding-adults-board": "safeguarding adults board", "integrated-care-board": "integrated care board",
    "council": "council", "childrens-services": "children's services",
    "community-safety-partnership": "community safety partnership",
    "health-and-wellbeing-board": "health and wellbeing board", "scrutiny-committee": "scrutiny committee",
    "child-death-review": "child death review", "partnership": "another partnership", "other": "other body",
}


@renderer("structure")
def structure(dataset: Dataset, pid: str, version_id: str | None = None) -> str:
    partnership, version = _version(dataset, pid, version_id)
    data = version.arrangements
    root = _root_for(partnership, version)
    out = [
        f"# How {inline(data.short_name or data.name)} is organised", "",
        _not_current_banner(partnership, version, root),
        "The chart shows each group and who it reports to. Arrows point upwards, from a group to the group "
        "it reports to. The same information is written out in words below the chart.", "",
        chart_with_words(dataset, partnership, version, root, "groups"),
    ]
    if data.outside_bodies:
        out += ["## Bodies outside the partnership", "",
                "Groups of the partnership report to, are accountable to or work with these bodies, "
                "which are not part of the partnership:", ""]
        for body in data.outside_bodies:
            name = link(body.name, body.url) if body.url else inline(body.name)
            out.append(f"- {name} ({OUTSIDE_KIND_WORDS[body.kind]})" + (f": {inline(body.note)}" if body.note else ""))
        out.append("")
    return "\n".join(out) + "\n"


@renderer("structure_chart")
def structure_chart(dataset: Dataset, pid: str, page_uri: str) -> str:
    """The chart and its words for any page, e.g. a news post (`{{ structure_chart('pid') }}`)."""
    partnership = dataset.partnerships[pid]
    root = to_root(page_uri)
    return chart_with_words(dataset, partnership, partnership.current, root, f"{root}{pid}/groups")


def chart_with_words(dataset: Dataset, partnership: Partnership, version: Version, root: str, local: str) -> str:
    """One graph drawn twice: the Mermaid chart and, right after it, the same in words."""
    data = version.arrangements
    chart = structure_mermaid(dataset, partnership, version)
    outline = structure_outline(dataset, partnership, version, root=root, local=local)
    caption = f"structure-chart-{partnership.id}"
    return "\n".join([
        f'<figure class="structure-chart" aria-labelledby="{caption}" markdown>',
        "", "``` mermaid", chart, "```", "",
        f'<figcaption id="{caption}">Structure chart of {escape(data.name)}. '
        'A text version follows under "Structure in words".</figcaption>',
        "</figure>", "",
        "## Structure in words", "",
        outline, "",
        "In the chart, a solid arrow means *reports to*, a thick arrow *is accountable to*, and a dotted line "
        "*links with*; other lines are labelled with what they mean. Boxes with double side lines are bodies "
        "outside the partnership; rounded boxes belong to another partnership on this site. A dashed outline "
        "means the group is planned, proposed or has ended.", "",
    ]) + "\n"


@renderer("group")
def group_page(dataset: Dataset, pid: str, group_id: str, version_id: str | None = None) -> str:
    partnership, version = _version(dataset, pid, version_id)
    data = version.arrangements
    group = next(g for g in data.groups if g.id == group_id)
    root = _root_for(partnership, version, depth=1)
    out = [f"# {inline(group.name)}", "", _not_current_banner(partnership, version, root)]
    about = [f"for {SERVES_WORDS[group.serves]}"] if group.serves else []
    about += [f"covering {inline(joined(group.areas))}"] if group.areas else []
    out += [f"*{KIND_LABELS[group.kind]} in [{inline(data.short_name or data.name)}](../index.md)"
            + "".join(f", {words}" for words in about) + "*", ""]
    status = group_status_words(group)
    if status:
        replaced = (f" Its work passed to {_ref_link(dataset, partnership, data, group.replaced_by, root)}."
                    if group.replaced_by else "")
        title = {"planned": "Not running yet", "proposed": "Not running yet", "ended": "No longer running"}
        out += [f'!!! info "{title.get(group.status, "When it runs")}"', f"    {inline(status)}.{replaced}", ""]
    out += ["## Purpose", "", block(group.purpose), ""]
    if group.responsibilities:
        out += ["## What the group does", "", bullet_list(group.responsibilities), ""]
    now = today()
    members = [member_text(m.who, m.status, m.note) for m in group.membership or []]
    membership = "\n".join(f"- {m}" for m in members) if len(members) > 1 else (members or [TBC])[0]
    rows = [("Chair", posts_now(group.chair, data, now, listed=True))]
    if group.vice_chair:
        rows.append(("Vice chair", posts_now(group.vice_chair, data, now, "vice chair", listed=True)))
    rows += [("Members", membership),
             ("How often it meets", inline(group.frequency.label) if group.frequency else TBC),
             ("Quorum (when it can make decisions)", or_tbc(group.quorum))]
    rows += _relation_rows(dataset, partnership, data, group, root)
    out += ["## Terms of reference", "", facts(rows)]
    out += history_block("Earlier and later chairs", posts_history(group.chair, data, now))
    out += _rules_section(group)
    reporting = [g for g in data.groups if group.id in g.reports_to]
    if reporting:
        out += ["## Groups that report to it", "", *[f"- [{inline(g.name)}]({g.id}.md)" for g in reporting], ""]
    agencies = [a for a in data.agencies if group.id in a.groups]
    if agencies:
        out += ["## Relevant agencies that attend", "",
                *[f"- {inline(a.name)}: {or_tbc(a.represented_by)}" for a in agencies], ""]
    if group.note:
        out += ["## Note", "", block(group.note), ""]
    return "\n".join(out) + "\n"


RULE_LABELS = [("deputies", "Deputies"), ("if_not_quorate", "If a meeting is not quorate"),
               ("decisions", "How decisions are made"), ("declarations_of_interest", "Declarations of interest"),
               ("papers", "Papers"), ("attendance", "Attendance")]


def _rules_section(group: Group) -> list[str]:
    rules = group.meeting_rules
    if rules is None:
        return []
    rows = [(label, inline(getattr(rules, field))) for field, label in RULE_LABELS if getattr(rules, field)]
    return ["## How meetings run", "", facts(rows)] if rows else []


def _relation_rows(dataset: Dataset, partnership: Partnership, data: Arrangements, group: Group,
                   root: str) -> list[tuple[str, str]]:
    rows = [("Reports to", joined([_ref_link(dataset, partnership, data, r, root) for r in group.reports_to])
             if group.reports_to else reporting_line(group, data))]
    for field in list(RELATION_WORDS)[1:]:
        refs = getattr(group, field)
        if refs:
            rows.append((RELATION_WORDS[field].removeprefix("is ").capitalize(),
                         joined([_ref_link(dataset, partnership, data, r, root) for r in refs])))
    if group.joint_with:
        rows.append(("Shared with", joined([inline(j) for j in group.joint_with])))
    return rows


def _ref_link(dataset: Dataset, partnership: Partnership, data: Arrangements, ref: str, root: str) -> str:
    """A linked name for a group of this version, an outside body, or another partnership's group."""
    owner, _, tail = ref.rpartition("/")
    if not owner:
        if any(g.id == ref for g in data.groups):
            return f"[{inline(body_name(data, ref))}]({ref}.md)"
        body = next((b for b in data.outside_bodies if b.id == ref), None)
        if body is None and ref == SELF:
            return f"[{inline(data.name)}](../index.md) (the partnership as a whole)"
        name = inline(body.name if body else ref)
        return f"{name} (outside the partnership)"
    _, target = dataset.resolve_group(partnership.id, ref)
    other = dataset.partnerships[owner].data
    name = inline(target.name if target else tail)
    return f"[{name}]({root}{owner}/groups/{tail}.md) ({inline(other.short_name or other.name)})"
