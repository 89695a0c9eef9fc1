"""The domain: a partnership's published safeguarding arrangements.

These record classes (structure.py) are the single source of truth for the data format:
they validate the YAML, document every field (the descriptions become the
JSON Schema that editors show while typing) and are what pages render from.

Conventions a communications officer relies on:
- A key that the arrangements must cover is *required*, but its value may be
  left blank (or written `tbc`): the site then shows "To be confirmed"
  instead of silently dropping it.
- Ids are short lowercase words joined by hyphens (`police`, `case-review`).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from .phone import UkPhone
from .structure import AfterValidator, Field, Record, StrictBool, StringConstraints, field_validator, model_validator

# Why: every id is used in URLs and cross references, so keep it URL-safe.
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    Field(description="A short id: lowercase letters, digits and hyphens, e.g. `case-review`."),
]
# A reference to a group, either in this partnership (`executive`) or in
# another one (`hips/executive`).
GroupRef = Annotated[
    str,
    StringConstraints(pattern=r"^([a-z0-9]+(-[a-z0-9]+)*/)?[a-z0-9]+(-[a-z0-9]+)*$", max_length=121),
    Field(description="A group id in this file (`executive`) or `partnership-id/group-id` for another partnership's group."),
]
Text = Annotated[str, StringConstraints(max_length=20_000)]
Line = Annotated[str, StringConstraints(max_length=500)]


def _real_date(value: str) -> str:
    """`2022-02-30` matches the pattern but is not a day that exists."""
    parts = [int(p) for p in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise ValueError(f"'{value}' is not a real date") from None
    return value


DateText = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$"),
    AfterValidator(_real_date),
    Field(description="A date as YYYY-MM-DD, or YYYY-MM or YYYY when only that is known."),
]

TBC_WORDS = {"tbc", "to be confirmed", "tba", "to be agreed", "to be ascertained"}


def blank_to_none(value: object) -> object:
    """Blank, `tbc` and friends all mean: the source does not say yet."""
    if value is None:
        return None
    if isinstance(value, str) and (not value.strip() or value.strip().lower() in TBC_WORDS):
        return None
    return value


def _blank(cls: type, value: object) -> object:
    return blank_to_none(value)


def blanks(*fields: str) -> classmethod:  # type: ignore[type-arg]
    """A validator reading blank and `tbc` as "to be confirmed" (None) for these fields."""
    return field_validator(*fields, mode="before")(_blank)


# Why a second name: "strict" is what a reader of the record classes needs to
# know. Every record refuses unknown keys: a typo must be an error, never a
# silently ignored field.
Strict = Record


class Person(Strict):
    """Someone named in a public role (only public roles are published by name)."""

    name: Line | None = Field(None, description="Full name, as published. Leave out if the role is all that is public.")
    role: Line | None = Field(None, description="Job title or role, e.g. `Chief Constable`.")
    organisation: Line | None = Field(None, description="Organisation the person works for.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        # Why: `chair: Designated Doctor for Southampton` is the natural way to write a role.
        return {"role": value} if isinstance(value, str) else value


class Partner(Strict):
    """One of the three statutory safeguarding partners."""

    id: Id = Field(description="Short id other fields use to refer to this partner, e.g. `council`, `icb`, `police`.")
    sector: Literal["local-authority", "health", "police"] = Field(
        description="Which statutory partner this is: `local-authority`, `health` (the Integrated Care Board) or `police`."
    )
    organisation: Line = Field(description="Organisation name, e.g. `Southampton City Council`.")
    lead: Person | None = Field(
        description="The Lead Safeguarding Partner (LSP): council chief executive, ICB chief executive or chief constable. Blank if not named."
    )
    delegate: Person | None = Field(
        description="The Delegated Safeguarding Partner (DSP) the lead has named, if any. Blank if not named."
    )
    approved_by: Person | None = Field(None, description="Who signed the arrangements off for this partner (governance approval).")

    _blank = blanks("lead", "delegate", "approved_by")


class Chair(Strict):
    """Who chairs a group or the partnership, and how chairing works."""

    name: Line | None = Field(None, description="The chair's name, if published.")
    role: Line | None = Field(None, description="The chair's role, e.g. `Independent Chair` or `Director of Children's Services`.")
    organisation: Line | None = Field(None, description="The chair's organisation.")
    independent: StrictBool = Field(False, description="`true` when the chair is independent of the statutory partners.")
    partner: Id | None = Field(None, description="The id of the statutory partner that chairs, if chairing sits with one partner.")
    rotates_between: list[Id] = Field(
        default_factory=list,
        description="Partner ids the chair rotates between, e.g. `[police, icb]`. Use with `rotation`.",
    )
    rotation: Line | None = Field(None, description="How the rotation works, e.g. `every two years`.")
    note: Text | None = Field(None, description="Anything else about chairing.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        return {"role": value} if isinstance(value, str) else value


FREQUENCY_WORDS: dict[str, float] = {
    "weekly": 52,
    "fortnightly": 26,
    "monthly": 12,
    "bimonthly": 6,
    "every two months": 6,
    "quarterly": 4,
    "twice a year": 2,
    "six-monthly": 2,
    "every six months": 2,
    "every 6 months": 2,
    "annually": 1,
    "yearly": 1,
    "once a year": 1,
}
_TIMES = re.compile(r"^(\d+)\s*(?:times\s+)?(?:a|per)\s+year$")
_EVERY = re.compile(r"^every\s+(\d+)\s+(weeks|months)$")
_WEEKLY = re.compile(r"^(\d+)\s*weekly$")
FREQUENCY_FORMS = (
    "monthly, quarterly, twice a year, 6 times a year, every 8 weeks, every 6 months, "
    "as required, or tbc"
)


class Frequency(Strict):
    """How often a group meets, as data (so the site can compare and count)."""

    per_year: float | None = Field(None, description="Meetings a year, e.g. `6`.")
    every_weeks: int | None = Field(None, description="Meets every N weeks, e.g. `8`.")
    as_required: StrictBool = Field(False, description="`true` when the group meets when needed (e.g. rapid reviews).")
    note: Line | None = Field(None, description="Extra detail, e.g. `plus rapid reviews within statutory timescales`.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        # Why: comms teams write "monthly" or "every 8 weeks", not numbers.
        if not isinstance(value, str):
            return value
        return parse_frequency(value)

    @property
    def label(self) -> str:
        """Plain-English wording, e.g. `Every 8 weeks (about 6 times a year)`."""
        parts: list[str] = []
        if self.every_weeks:
            parts.append(f"Every {self.every_weeks} weeks")
        elif self.per_year:
            parts.append(_per_year_words(self.per_year))
        if self.as_required:
            parts.append("as required" if parts else "As required")
        text = ", ".join(parts) or "To be confirmed"
        return f"{text} ({self.note})" if self.note else text

    @property
    def meetings_per_year(self) -> float | None:
        if self.every_weeks:
            return round(52 / self.every_weeks, 1)
        return self.per_year


def _per_year_words(per_year: float) -> str:
    names = {12: "Monthly", 4: "Quarterly", 2: "Twice a year", 1: "Once a year", 52: "Weekly", 26: "Fortnightly"}
    n = int(per_year) if float(per_year).is_integer() else per_year
    return names.get(n, f"{n} times a year")  # type: ignore[arg-type]


def parse_frequency(text: str) -> dict[str, object]:
    """Turn `monthly`, `6 times a year`, `every 8 weeks`, `as required` into fields."""
    words = " ".join(text.lower().replace(",", " ").split())
    if words in FREQUENCY_WORDS:
        return {"per_year": FREQUENCY_WORDS[words]}
    if words in {"as required", "as and when required", "when required", "as needed"}:
        return {"as_required": True}
    if match := _TIMES.match(words):
        return {"per_year": int(match.group(1))}
    if match := _EVERY.match(words):
        n, unit = int(match.group(1)), match.group(2)
        return {"every_weeks": n} if unit == "weeks" else {"per_year": round(12 / n, 2)}
    if match := _WEEKLY.match(words):
        return {"every_weeks": int(match.group(1))}
    raise ValueError(f"'{text}' is not a meeting frequency this site understands; write one of: {FREQUENCY_FORMS}")


GroupKind = Literal[
    "executive",
    "partnership",
    "board",
    "subgroup",
    "working-group",
    "task-and-finish",
    "review-group",
    "engagement-group",
    "meeting",
]


class Group(Strict):
    """A body in the structure: executive, board, subgroup, working group..."""

    id: Id = Field(description="Short id used in `reports_to` and in the page address, e.g. `learning-development`.")
    name: Line = Field(description="Full name, e.g. `Learning and Development Subgroup`.")
    short_name: Line | None = Field(None, description="Abbreviation used in diagrams, e.g. `L&D`.")
    kind: GroupKind = Field(description="What sort of body: " + ", ".join(GroupKind.__args__) + ".")  # type: ignore[attr-defined]
    purpose: Text | None = Field(description="Why the group exists, in one or two plain sentences. Blank if not yet agreed.")
    responsibilities: list[Text] = Field(default_factory=list, description="What the group does, one item per line.")
    chair: Chair | None = Field(description="Who chairs. Blank (or `tbc`) if not yet decided: shown as To be confirmed.")
    vice_chair: Chair | None = Field(None, description="Who is vice chair, if any.")
    membership: list[Line] | None = Field(
        description="Who attends: roles or organisations, one per line. Blank if not yet agreed."
    )
    frequency: Frequency | None = Field(
        description=f"How often it meets: {FREQUENCY_FORMS}. Blank if not yet agreed."
    )
    quorum: Text | None = Field(description="When a meeting can make decisions (e.g. all three partners present). Blank if not set.")
    reports_to: list[GroupRef] = Field(
        default_factory=list,
        description="Ids of the group(s) this one reports to; `hips/executive` for another partnership's group.",
    )
    joint_with: list[Line] = Field(
        default_factory=list,
        description="Other bodies this group is shared with, e.g. `Southampton Safeguarding Adults Board`.",
    )
    status: Literal["active", "planned", "proposed", "ended"] = Field(
        "active", description="`active`, `planned` (not yet running), `proposed` or `ended`."
    )
    live_from: DateText | None = Field(None, description="When a planned group starts, e.g. `2023`.")
    note: Text | None = Field(None, description="Anything else readers should know.")
    internal_notes: Text | None = Field(
        None, exclude=True,
        description="Notes for the partnership team only. Never published: not on the site, not in the open data.")

    _blank = blanks("chair", "vice_chair", "purpose", "quorum", "membership", "frequency")


class RelevantAgency(Strict):
    """A body the partners have named as a relevant agency."""

    id: Id = Field(description="Short id, e.g. `schools`.")
    name: Line = Field(description="Name or description of the agency (or kind of agency), as the arrangements name it.")
    schedule: list[Id] = Field(
        default_factory=list,
        description="Ids of the entries in the relevant-agency schedule (data/reference/relevant-agency-schedule.yml) this agency falls under.",
    )
    represented_by: Text | None = Field(description="How the agency is represented at the partnership. Blank if not yet agreed.")
    groups: list[GroupRef] = Field(default_factory=list, description="Ids of the groups it attends.")
    note: Text | None = Field(None, description="Anything else, e.g. why it is named.")

    _blank = blanks("represented_by")


class Participant(Strict):
    """Observers, lay members and others who take part without being partners."""

    kind: Literal["observer", "lay-member", "adviser", "support"] = Field(
        description="`observer`, `lay-member`, `adviser` or `support` (e.g. the partnership team)."
    )
    role: Line = Field(description="Who, by role, e.g. `Lead Member for Children and Families`.")
    count: int | None = Field(None, ge=1, le=100, description="How many, e.g. `2` lay members.")
    note: Text | None = Field(None, description="What they do, e.g. `attends meetings and receives all reports`.")


class Contact(Strict):
    """A way to report a concern about a child. Shown on every page."""

    kind: Literal["emergency", "front-door", "out-of-hours", "police-non-emergency", "helpline", "other"] = Field(
        description="`emergency` (999), `front-door` (children's services), `out-of-hours`, `police-non-emergency` (101), `helpline` or `other`."
    )
    name: Line = Field(description="What the service is called, e.g. `Children's Services Front Door`.")
    phone: UkPhone | None = Field(description="UK phone number as people should dial it. Blank if not confirmed.")
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$", max_length=500)] | None = Field(
        None, description="Web page (https only)."
    )
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=200)] | None = Field(
        None, description="Team email address (never a personal one)."
    )
    hours: Line | None = Field(None, description="When it is answered, e.g. `Monday to Friday, 8:30am to 5pm`.")
    description: Text | None = Field(None, description="When to use it, in plain words.")

    _blank = blanks("phone")


class Source(Strict):
    """A document the data was taken from."""

    title: Line = Field(description="Document title.")
    publisher: Line | None = Field(None, description="Who published it.")
    date: DateText | None = Field(None, description="When it was published or dated.")
    file: Line | None = Field(None, description="Local copy or reference, e.g. a file name.")
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$", max_length=500)] | None = Field(
        None, description="Where it is published (https)."
    )


class Dates(Strict):
    agreed: DateText | None = Field(description="When the partners agreed these arrangements. Blank if not known.")
    effective: DateText | None = Field(None, description="When they took or take effect.")
    next_review: DateText | None = Field(description="When they will next be reviewed. Blank if not set.")
    last_reviewed: DateText | None = Field(None, description="When the content was last checked by the partnership team.")


class Member(Strict):
    """A partnership that belongs to a multi-area arrangement."""

    partnership: Id | None = Field(None, description="Its id, if its data is on this site.")
    name: Line = Field(description="Its name.")
    area: Line | None = Field(None, description="The local authority area it covers.")


class Scrutiny(Strict):
    by: Person | None = Field(description="Who provides independent scrutiny (role, and name if public). Blank if not appointed.")
    arrangements: Text | None = Field(description="How scrutiny works, in plain words.")
    activities: list[Text] = Field(default_factory=list, description="What the scrutineer does, one item per line.")

    _blank = blanks("by", "arrangements")


class Funding(Strict):
    model: Text | None = Field(description="How the partnership is funded, e.g. a pooled budget agreed by formula.")
    contributors: list[Id] = Field(default_factory=list, description="Ids of the partners that contribute.")
    other_support: list[Line] = Field(default_factory=list, description="Support in kind, e.g. `legal advice from the council`.")
    budget_published_in: Line | None = Field(None, description="Where the figures are published, e.g. `the yearly report`.")


class Priority(Strict):
    title: Line = Field(description="The priority, in a few words.")
    years: Line | None = Field(None, description="The years it covers, e.g. `2024-2026`.")
    description: Text | None = Field(None, description="What it means and why it matters.")


class Topics(Strict):
    """What the arrangements say on each statutory topic (plain words, Markdown allowed)."""

    education: Text | None = Field(description="How schools, colleges and early years settings are involved.")
    youth_custody: Text | None = Field(description="How youth custody and residential settings are included, or that there are none.")
    case_reviews: Text | None = Field(description="How serious incidents, rapid reviews and local practice reviews are handled.")
    data_and_assurance: Text | None = Field(description="How data, audit (including section 11) and quality assurance are used.")
    training: Text | None = Field(description="Multi-agency training and learning.")
    voice_of_children: Text | None = Field(description="How children's and families' views shape the work.")
    dispute_resolution: Text | None = Field(description="How disagreements between agencies are escalated and resolved.")
    thresholds_and_information_sharing: Text | None = Field(description="The levels-of-need (threshold) document and information sharing.")
    review_and_reporting: Text | None = Field(description="How and when the arrangements are reviewed; the yearly report.")

    _blank = blanks("*")


class Arrangements(Strict):
    """One version of a partnership's published arrangements (one YAML file)."""

    name: Line = Field(description="Full name, e.g. `Southampton Safeguarding Children Partnership`.")
    short_name: Line | None = Field(None, description="Abbreviation, e.g. `SSCP`.")
    kind: Literal["children", "adults", "combined", "multi-area"] = Field(
        description="`children`, `adults`, `combined` (children and adults) or `multi-area` (several areas joined, e.g. HIPS)."
    )
    status: Literal["in-force", "proposed", "draft", "superseded"] = Field(
        description="`in-force` for the arrangements that apply now (one per partnership), else `proposed`, `draft` or `superseded`."
    )
    title: Line | None = Field(None, description="Title of this version, e.g. `Arrangements 2022`.")
    areas: list[Line] = Field(min_length=1, description="Local authority areas covered.")
    summary: Text = Field(description="Two or three plain sentences for families: who we are and what we do.")
    dates: Dates
    principles: list[Text] = Field(default_factory=list, description="The principles the partners work by.")
    objectives: list[Text] = Field(default_factory=list, description="What the arrangements aim to achieve.")
    sources: list[Source] = Field(min_length=1, description="The documents this data comes from.")
    multi_area: list[Id] = Field(
        default_factory=list, description="Ids of multi-area arrangements this partnership belongs to, e.g. `[hips]`."
    )
    members: list[Member] = Field(default_factory=list, description="For a multi-area arrangement: its member partnerships.")
    contacts: list[Contact] = Field(default_factory=list, description="How to report a concern. Shown on every page.")
    partners: list[Partner] = Field(description="The statutory safeguarding partners and their LSPs and DSPs.")
    chair: Chair | None = Field(description="Who chairs the partnership and how chairing works. Blank if not decided.")
    groups: list[Group] = Field(min_length=1, description="The executive and every group in the structure.")
    relevant_agencies: list[RelevantAgency] = Field(default_factory=list, description="The named relevant agencies.")
    participants: list[Participant] = Field(default_factory=list, description="Observers, lay members and others.")
    scrutiny: Scrutiny | None = Field(description="Independent scrutiny. Blank if not yet arranged.")
    funding: Funding | None = Field(description="How the work is funded. Blank if not yet agreed.")
    priorities: list[Priority] = Field(default_factory=list, description="The partnership's current priorities.")
    topics: Topics = Field(description="What the arrangements say on each statutory topic.")
    internal_notes: Text | None = Field(
        None, exclude=True,
        description="Notes for the partnership team only. Never published: not on the site, not in the open data.")

    _blank = blanks("chair", "scrutiny", "funding")
