"""The bodies of a structure: the partnership's groups and the bodies outside it.

A group has a purpose, chairs (posts held over time), members on stated
terms, meeting rules, and relations to other bodies: reports to, accountable
to, links with. An outside body (an adults board, an ICB's board, a scrutiny
committee) is something a group relates to without being part of the
partnership.
"""

from __future__ import annotations

from typing import Annotated, Literal

from arrangements.data.fields import DateText, Id, Line, Ref, Strict, Text, blanks, one_or_many
from arrangements.data.frequency import FREQUENCY_FORMS, Frequency
from arrangements.data.posts import Post
from arrangements.data.structure import Field, StringConstraints, model_validator

Posts = list[Post]


GroupKind = Literal[
    "executive",
    "partnership",
    "board",
    "subgroup",
    "working-group",
    "task-and-finish",
    "workstream",
    "review-group",
    "engagement-group",
    "reference-group",
    "young-peoples-group",
    "assembly",
    "lead-partners",
    "management-group",
    "meeting",
    "group",
]
# The kinds that sit at the top of a structure: with no `reports_to` they are
# the top; any other group with no `reports_to` has a line "to be confirmed".
TOP_KINDS = {"executive", "partnership", "assembly", "lead-partners"}
Serves = Literal["children", "adults", "both"]
MemberStatus = Literal["voting", "non-voting", "executive", "non-executive", "associate", "observer", "adviser",
                       "invited", "in-attendance"]

# A reference to the partnership as a whole (`accountable_to: [partnership]`), when no group has that id.
SELF = "partnership"
# Every kind of relation a group can have with another body, in the order pages list them.
RELATION_WORDS = {"reports_to": "reports to", "accountable_to": "is accountable to", "links_with": "links with",
                  "oversees": "oversees", "supported_by": "is supported by"}


class Attendee(Strict):
    """One line of a group's membership: who, and on what terms."""

    who: Line = Field(description="A role or organisation, e.g. `Director of Children's Services`.")
    status: MemberStatus | None = Field(
        None, description="`voting`, `non-voting`, `executive`, `non-executive`, `associate`, `observer`, `adviser`, "
                          "`invited` (asked when needed) or `in-attendance`. Blank if not stated.")
    note: Line | None = Field(None, description="Anything else, e.g. `or a nominated deputy`.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        # Why: most sources list members as plain lines; the status is the exception.
        return {"who": value} if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value


class MeetingRules(Strict):
    """How a group's meetings run, where the source says."""

    deputies: Text | None = Field(None, description="Whether deputies may attend, and with what authority.")
    if_not_quorate: Text | None = Field(
        None, description="What happens when a meeting is not quorate, e.g. `goes ahead; decisions are ratified at the next meeting`.")
    declarations_of_interest: Text | None = Field(None, description="How conflicts of interest are declared.")
    papers: Text | None = Field(None, description="How far ahead papers go out, e.g. `5 working days before`.")
    attendance: Text | None = Field(None, description="How attendance is monitored.")
    decisions: Text | None = Field(None, description="How decisions are made, e.g. by consensus.")


class Group(Strict):
    """A body in the structure: executive, board, subgroup, working group..."""

    id: Id = Field(description="Short id used in `reports_to` and in the page address, e.g. `learning-development`.")
    name: Line = Field(description="Full name, e.g. `Learning and Development Subgroup`.")
    short_name: Line | None = Field(None, description="Abbreviation used in diagrams, e.g. `L&D`.")
    former_ids: list[Id] = Field(
        default_factory=list, description="Ids the group had before, e.g. `[training]` after renaming it: its old "
                                          "web address keeps working and leads to the new one.")
    kind: GroupKind = Field(description="What sort of body: " + ", ".join(GroupKind.__args__) + ".")  # type: ignore[attr-defined]
    serves: Serves | None = Field(
        None, description="`children`, `adults` or `both`, in a joint children and adults partnership. Blank: as the partnership.")
    areas: list[Line] = Field(
        default_factory=list, description="The areas this group covers, when it covers only some of the partnership's, e.g. `[Hackney]`.")
    purpose: Text | None = Field(description="Why the group exists, in one or two plain sentences. Blank if not yet agreed.")
    responsibilities: list[Text] = Field(default_factory=list, description="What the group does, one item per line.")
    chair: Posts | None = Field(
        description="Who chairs. Blank (or `tbc`) if not yet decided: shown as To be confirmed. "
                    "A list for co-chairs, or with `from:`/`until:` dates for a change of chair.")
    vice_chair: Posts | None = Field(None, description="Who is vice chair, if any.")
    membership: list[Attendee] | None = Field(
        description="Who attends: roles or organisations, one per line, with `status:` where the source gives it. "
                    "Blank if not yet agreed."
    )
    frequency: Frequency | None = Field(
        description=f"How often it meets: {FREQUENCY_FORMS}. Blank if not yet agreed."
    )
    quorum: Text | None = Field(description="When a meeting can make decisions (e.g. all three partners present). Blank if not set.")
    meeting_rules: MeetingRules | None = Field(None, description="Deputies, what happens if not quorate, papers, interests.")
    reports_to: list[Ref] = Field(
        default_factory=list,
        description="What this group reports to: group ids, outside bodies' ids, or `hips/executive` for another "
                    "partnership's group. Leave out only for the top of the structure.",
    )
    accountable_to: list[Ref] = Field(
        default_factory=list, description="Bodies the group is accountable to, when that differs from reporting.")
    links_with: list[Ref] = Field(
        default_factory=list, description="Bodies the group works with without reporting to them.")
    oversees: list[Ref] = Field(
        default_factory=list, description="Bodies outside the partnership the group oversees, e.g. a community safety partnership.")
    supported_by: list[Ref] = Field(
        default_factory=list, description="Bodies that support the group's work, e.g. a business unit or an engagement group.")
    joint_with: list[Line] = Field(
        default_factory=list,
        description="Other bodies this group is shared with (one group serving both), e.g. `Southampton Safeguarding Adults Board`.",
    )
    status: Literal["active", "planned", "proposed", "ended"] = Field(
        "active", description="`active`, `planned` (not yet running), `proposed` or `ended`."
    )
    from_: DateText | None = Field(None, description="When the group started or starts, e.g. `2023` (written `from:`).")
    until: DateText | None = Field(None, description="When the group ended or ends.")
    replaced_by: Ref | None = Field(None, description="The group that took over its work, if it ended.")
    note: Text | None = Field(None, description="Anything else readers should know.")
    internal_notes: Text | None = Field(
        None, exclude=True,
        description="Notes for the partnership team only. Never published: not on the site, not in the open data.")

    _blank = blanks("purpose", "quorum", "membership", "frequency")
    _posts = one_or_many("chair", "vice_chair")

    @property
    def unstated(self) -> list[str]:
        """Facts the checklist asks for that this group leaves unsaid beyond its blank fields."""
        return ["reports_to"] if not self.reports_to and self.kind not in TOP_KINDS else []


OutsideKind = Literal[
    "safeguarding-adults-board",
    "integrated-care-board",
    "council",
    "childrens-services",
    "community-safety-partnership",
    "health-and-wellbeing-board",
    "scrutiny-committee",
    "child-death-review",
    "partnership",
    "other",
]


class OutsideBody(Strict):
    """A body that is not one of the partnership's groups, but that groups report to or work with."""

    id: Id = Field(description="Short id that `reports_to`, `accountable_to` and `links_with` use, e.g. `adults-board`.")
    name: Line = Field(description="Its name, e.g. `Southampton Safeguarding Adults Board`.")
    kind: OutsideKind = Field(description="What sort of body: " + ", ".join(OutsideKind.__args__) + ".")  # type: ignore[attr-defined]
    url: Annotated[str, StringConstraints(pattern=r"^https://\S+$", max_length=500)] | None = Field(
        None, description="Its web page (https only).")
    note: Text | None = Field(None, description="Anything else, e.g. `shared with Portsmouth`.")
