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

from typing import Annotated, Literal

from arrangements.data.bodies import Group, OutsideBody
from arrangements.data.fields import (
    TBC_WORDS,
    DateText,
    GroupRef,
    Id,
    Line,
    Ref,
    Strict,
    Text,
    blank_to_none,
    blanks,
    one_or_many,
)
from arrangements.data.frequency import FREQUENCY_FORMS, Frequency, parse_frequency
from arrangements.data.phone import UkPhone
from arrangements.data.posts import Post
from arrangements.data.structure import Field, StrictBool, StringConstraints

__all__ = ["TBC_WORDS", "DateText", "FREQUENCY_FORMS", "Frequency", "GroupRef", "Id", "Line", "Post", "Ref",
           "Strict", "Text", "blank_to_none", "blanks", "parse_frequency"]

# Every post (chair, scrutineer, lead, delegate) takes one holder or a list of holders over time.
Posts = list[Post]

Sector = Literal["local-authority", "health", "police", "education"]


class FormerName(Strict):
    """A name the partnership had before."""

    name: Line = Field(description="The earlier name, e.g. `Exampleshire Safeguarding Children Board`.")
    from_: DateText | None = Field(None, description="When it took that name (written `from:`).")
    until: DateText | None = Field(None, description="When the name changed.")
    note: Text | None = Field(None, description="Why it changed, as the source says.")


class Partner(Strict):
    """A statutory safeguarding partner: a council, an ICB, a police force, or an education partner."""

    id: Id = Field(description="Short id other fields use to refer to this partner, e.g. `council`, `icb`, `police`.")
    sector: Sector = Field(
        description="Which kind of partner: `local-authority`, `health` (an Integrated Care Board), `police`, or "
                    "`education` (a fourth partner). A partnership may have several of one kind, e.g. two councils."
    )
    organisation: Line | None = Field(description="Organisation name, e.g. `Southampton City Council`. Blank if the source does not name it.")
    lead: Posts | None = Field(
        description="The Lead Safeguarding Partner (LSP): council chief executive, ICB chief executive or chief constable. "
                    "Blank if not named. A list with `from:`/`until:` dates when the post changed hands."
    )
    delegate: Posts | None = Field(
        description="The Delegated Safeguarding Partner(s) (DSP) the lead has named. Blank if not named. "
                    "A list with `from:`/`until:` dates for a rota."
    )
    approved_by: Posts | None = Field(None, description="Who signed the arrangements off for this partner (governance approval).")
    delivered_by: Line | None = Field(
        None, description="Another body that delivers this partner's services, e.g. a children's services trust.")
    former_names: list[FormerName] = Field(
        default_factory=list, description="Earlier organisations in this place, e.g. the clinical commissioning group "
                                          "an ICB replaced, with `until:`.")
    areas: list[Line] = Field(
        default_factory=list, description="The areas this partner serves, when the source says: e.g. which council "
                                          "of two, or a police force that also covers a neighbouring area.")
    note: Text | None = Field(None, description="What the delegation covers, or where accountability sits.")

    _blank = one_or_many("lead", "delegate", "approved_by")
    _blank_org = blanks("organisation")


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
    author: Line | None = Field(None, description="Who wrote it, as the document says (e.g. an author line).")
    publisher: Line | None = Field(None, description="Who published it, if the document says.")
    version: Line | None = Field(None, description="The document's own version or status, e.g. `v0.3 draft`.")
    date: DateText | None = Field(None, description="When it was published or dated.")
    file: Line | None = Field(None, description="Local copy or reference, e.g. a file name.")
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=500)] | None = Field(
        None, description="Where it is published. An `http://` address is shown as text, never as a link."
    )


class Dates(Strict):
    agreed: DateText | None = Field(description="When the partners agreed these arrangements. Blank if not known.")
    agreed_undated: StrictBool = Field(
        False, description="`true` when the source says the partners agreed them but gives no date.")
    effective: DateText | None = Field(None, description="When they took or take effect.")
    next_review: DateText | None = Field(description="When they will next be reviewed. Blank if not set.")
    last_reviewed: DateText | None = Field(None, description="When the content was last checked by the partnership team.")


class Member(Strict):
    """A partnership that belongs to a multi-area arrangement."""

    partnership: Id | None = Field(None, description="Its id, if its data is on this site.")
    name: Line | None = Field(description="Its name. Blank if the source does not give it.")
    area: Line | None = Field(None, description="The local authority area it covers.")

    _blank = blanks("name")


class Scrutiny(Strict):
    by: Posts | None = Field(description="Who provides independent scrutiny (role, and name if public). Blank if not appointed. "
                                "A list with `from:`/`until:` dates when it changed hands.")
    arrangements: Text | None = Field(description="How scrutiny works, in plain words.")
    activities: list[Text] = Field(default_factory=list, description="What the scrutineer does, one item per line.")
    reports_to: list[Ref] = Field(
        default_factory=list, description="Bodies the scrutineer reports to, e.g. a council scrutiny committee "
                                          "listed under `outside_bodies`.")
    other: list[Text] = Field(
        default_factory=list, description="Other scrutiny, e.g. by councillors on a scrutiny committee, one per line.")

    _blank = blanks("arrangements")
    _posts = one_or_many("by")


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


class Footprint(Strict):
    """An area the partnership covered for a time (today's is `areas`)."""

    areas: list[Line] = Field(min_length=1, description="Local authority areas covered in that period.")
    from_: DateText | None = Field(None, description="When this footprint began (written `from:`).")
    until: DateText | None = Field(None, description="When it ended.")
    note: Text | None = Field(None, description="What changed, e.g. `joined with Bath and North East Somerset`.")


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
    former_names: list[FormerName] = Field(default_factory=list, description="Names the partnership had before, with dates.")
    former_ids: list[Id] = Field(
        default_factory=list, description="Folder names the partnership had before under data/partnerships/, "
                                          "e.g. `[north-somerset-scp]`: its old web addresses lead to the new ones.")
    also_acts_as: list[Line] = Field(
        default_factory=list,
        description="Other statutory bodies the partnership also is, e.g. `the Community Safety Partnership`.")
    areas: list[Line] = Field(min_length=1, description="Local authority areas covered today.")
    area_history: list[Footprint] = Field(
        default_factory=list, description="Earlier footprints, e.g. when two areas joined or split, with dates.")
    summary: Text = Field(description="Two or three plain sentences for families: who we are and what we do.")
    dates: Dates
    principles: list[Text] = Field(default_factory=list, description="The principles the partners work by.")
    objectives: list[Text] = Field(default_factory=list, description="What the arrangements aim to achieve.")
    sources: list[Source] = Field(min_length=1, description="The documents this data comes from.")
    links_with: list[Ref] = Field(
        default_factory=list,
        description="Bodies the partnership as a whole works with (outside bodies' ids or `partnership-id/group-id`), "
                    "e.g. neighbouring partnerships on shared issues.")
    multi_area: list[Id] = Field(
        default_factory=list, description="Ids of multi-area arrangements this partnership belongs to, e.g. `[hips]`."
    )
    members: list[Member] = Field(default_factory=list, description="For a multi-area arrangement: its member partnerships.")
    contacts: list[Contact] = Field(default_factory=list, description="How to report a concern. Shown on every page.")
    partners: list[Partner] = Field(description="The statutory safeguarding partners and their LSPs and DSPs.")
    led_by: Literal["chair", "scrutineer", "partners"] = Field(
        "chair", description="Who leads the partnership: `chair` (the usual), `scrutineer` (an independent scrutineer "
                             "leads instead of a chair), or `partners` (the partners lead together, with no chair).")
    chair: Posts | None = Field(
        None,
        description="Who chairs the partnership and how chairing works. Blank if not decided. A list for co-chairs, "
                    "or with `from:`/`until:` dates when the chair changed.")
    groups: list[Group] = Field(min_length=1, description="The executive and every group in the structure.")
    outside_bodies: list[OutsideBody] = Field(
        default_factory=list,
        description="Bodies outside the partnership that groups report to, are accountable to or link with.")
    relevant_agencies: list[RelevantAgency] | None = Field(
        default_factory=list,
        description="The named relevant agencies. Blank when the source names them but you have not listed them yet "
                    "(shown as To be confirmed); `[]` when the arrangements name none of their own.")
    participants: list[Participant] = Field(default_factory=list, description="Observers, lay members and others.")
    scrutiny: Scrutiny | None = Field(description="Independent scrutiny. Blank if not yet arranged.")
    funding: Funding | None = Field(description="How the work is funded. Blank if not yet agreed.")
    priorities: list[Priority] = Field(default_factory=list, description="The partnership's current priorities.")
    topics: Topics = Field(description="What the arrangements say on each statutory topic.")
    internal_notes: Text | None = Field(
        None, exclude=True,
        description="Notes for the partnership team only. Never published: not on the site, not in the open data.")

    _blank = blanks("scrutiny", "funding", "relevant_agencies")
    _posts = one_or_many("chair")

    @property
    def agencies(self) -> list[RelevantAgency]:
        """The named relevant agencies; empty when none are named or they are to be confirmed."""
        return self.relevant_agencies or []

    @property
    def not_applicable(self) -> set[str]:
        """Checklist fields that do not apply: no chair in a partnership led by its scrutineer or partners."""
        return {"chair"} if self.led_by != "chair" else set()
