"""Plain-English wording of the governance model, shared by pages, charts and "What changed".

Posts, partners and the bodies groups relate to are always *named*: a
reader never sees an id such as `icb`. A fact the source leaves out is
*To be confirmed* (on a page) or "not recorded" (when comparing versions).
"""

from __future__ import annotations

from arrangements.data.bodies import SELF, TOP_KINDS, Group
from arrangements.data.model import Arrangements, Contact, Post
from arrangements.data.posts import holders
from arrangements.rendering.dates import long_date
from arrangements.rendering.text import TBC, inline

# Why "Health (NHS)": the health partner was a clinical commissioning group before July 2022, an ICB since.
SECTOR_LABELS = {"local-authority": "Local authority", "health": "Health (NHS)", "police": "Police",
                 "education": "Education"}
# A partner the source does not name is called by what it is, never by its id.
SECTOR_NOUNS = {"local-authority": "the council partner", "health": "the health partner",
                "police": "the police partner", "education": "the education partner"}
# The relations that run upwards, from a group to what it answers to: they set a chart's layers.
UPWARD = ("reports_to", "accountable_to")
SERVES_WORDS = {"children": "children", "adults": "adults", "both": "children and adults"}
STATUS_WORDS = {"voting": "voting member", "non-voting": "non-voting member", "executive": "executive member",
                "non-executive": "non-executive member", "associate": "associate member", "observer": "observer",
                "adviser": "adviser", "invited": "invited", "in-attendance": "in attendance"}


def partner_name(data: Arrangements, pid: str) -> str:
    """A partner by its organisation's name, or by what it is (and where) when the source does not name it."""
    for partner in data.partners:
        if partner.id == pid:
            where = f" for {joined(partner.areas)}" if partner.areas else ""
            return partner.organisation or SECTOR_NOUNS[partner.sector] + where
    return pid


def body_name(data: Arrangements, ref: str) -> str:
    """A group, outside body or partner of this file by name (another partnership's group: its id's tail)."""
    for group in data.groups:
        if group.id == ref:
            return group.name
    if ref == SELF:  # the partnership as a whole, unless a group of the file has that id
        return data.name
    for body in data.outside_bodies:
        if body.id == ref:
            return body.name
    if any(p.id == ref for p in data.partners):
        return partner_name(data, ref)
    return ref.rpartition("/")[2].replace("-", " ")


def joined(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def post_text(post: Post, data: Arrangements, *, notes: bool = True) -> str:
    """One holder of a post, in Markdown: who, where from, how it rotates, since when."""
    who = [inline(x) for x in (post.name, post.role, post.organisation) if x]
    if post.name:
        who[0] = f"**{who[0]}**"
    parts = [", ".join(who)] if who else []
    if post.also:
        parts.append(f"also {inline(post.also)}")
    if post.independent and "independent" not in " ".join(filter(None, (post.role, post.name))).lower():
        parts.append("independent of the partners")  # said once: "Independent Chair" already says it
    if post.partner:
        parts.append(f"from {inline(partner_name(data, post.partner))}")
    if post.nominated_by:
        parts.append("nominated by " + joined([inline(body_name(data, ref)) for ref in post.nominated_by]))
    if post.rotates_between or post.rotates_every:
        between = joined([inline(partner_name(data, p)) for p in post.rotates_between])
        rotation = "rotates" + (f" between {between}" if between else "")
        if post.rotates_every:
            rotation += f" {inline(post.rotates_every)}"
        parts.append(rotation)
    if post.held_by:
        parts.append(f"held now by {inline(partner_name(data, post.held_by))}")
    if post.rotation and notes:
        parts.append(inline(post.rotation))
    parts += period_words(post.from_, post.until)
    if post.as_at:
        parts.append(f"named in post on {long_date(post.as_at)}")
    text = "; ".join(p for p in parts if p) or TBC
    if post.note and notes:
        text += f". {inline(post.note)}"
    return text[0].upper() + text[1:]


def period_words(start: str | None, end: str | None) -> list[str]:
    """`["from 1 October 2024", "until March 2025"]`: either end may be unknown."""
    return [words for words in (f"from {long_date(start)}" if start else "",
                                f"until {long_date(end)}" if end else "") if words]


def dated(text: str, start: str | None, end: str | None, note: str | None = None) -> str:
    """Markdown `text (from ..., until ...): note` for a name, a footprint or an organisation of the past."""
    period = ", ".join(period_words(start, end))
    return text + (f" ({period})" if period else "") + (f": {inline(note)}" if note else "")


def posts_now(posts: list[Post] | None, data: Arrangements, today: str, title: str = "chair", *,
              listed: bool = False) -> str:
    """Who holds a post today: one holder, co-holders, or who takes it up next.

    `listed`: co-holders as a Markdown list (outside table cells, where a list reads better).
    """
    if not posts:
        return TBC
    found = holders(posts, today)
    if len(found.now) > 1 and listed:
        return f"Co-{title}s:\n\n" + "\n".join(f"- {post_text(p, data)}" for p in found.now)
    if len(found.now) > 1:
        return f"Co-{title}s: " + "; ".join(post_text(p, data) for p in found.now)
    if found.now:
        return post_text(found.now[0], data)
    if found.coming:
        return "Not in post yet: " + "; ".join(post_text(p, data) for p in found.coming)
    return f"{TBC} (the last recorded: {post_text(found.before[-1], data)})"


def posts_history(posts: list[Post] | None, data: Arrangements, today: str) -> list[str]:
    """Earlier and later holders, one line each, oldest first (empty when there is no history)."""
    found = holders(posts, today)
    if not found.before and not (found.coming and found.now):
        return []
    return [f"- {post_text(p, data)}" for p in [*found.before, *(found.coming if found.now else [])]]


def reporting_line(group: Group, data: Arrangements) -> str:
    """Where a group reports, with a top-of-structure group said plainly and an unknown line as TBC."""
    if group.reports_to:
        return joined([inline(body_name(data, ref)) for ref in group.reports_to])
    if group.kind in TOP_KINDS:
        return "None: it is the top group in these arrangements"
    return TBC


def member_text(who: str, status: str | None, note: str | None) -> str:
    text = inline(who)
    if status:
        text += f" ({STATUS_WORDS[status]})"
    if note:
        text += f", {inline(note)}"
    return text


def group_status_words(group: Group) -> str | None:
    """`Planned from 2023`, `Ended in March 2025; replaced by ...`, `New from 2023`: None for a running group."""
    start, end = long_date(group.from_), long_date(group.until)
    if group.status == "ended":
        return "Ended" + (f" in {end}" if end else "")
    if group.status in ("planned", "proposed"):
        return group.status.capitalize() + (f" to start in {start}" if start else "")
    if end:
        return f"Runs until {end}" + (f" (started {start})" if start else "")
    return f"Running since {start}" if start else None


# The most urgent number first, as families look for it.
URGENCY = ["emergency", "front-door", "out-of-hours", "police-non-emergency", "helpline", "other"]


def contacts_shown(arrangements: Arrangements) -> list[Contact]:
    """The contacts a reader is shown, most urgent first; never a blank where a number goes:
    a contact with no phone shows its website, one with neither is left out."""
    return sorted((c for c in arrangements.contacts if c.phone or c.url), key=lambda c: URGENCY.index(c.kind))
