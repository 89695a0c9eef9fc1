"""Posts held by people over time: chairs, co-chairs, scrutineers, LSPs and DSPs.

One idea serves every post: who holds it (a person or a role), where they
come from (a partner, or independent), how it rotates, and from and until
when. Several holders at once are co-chairs; holders one after another are
the post's history ("Independent Chair until 30 September 2024; co-chairs
from 1 October 2024"). Pages show who holds a post today and keep the
history one click away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated  # noqa: E402

from pydantic import AfterValidator, Field, StrictBool, model_validator

from arrangements.data.fields import DateText, Id, Line, Ref, Strict, Text, in_effect, is_future, one_or_many
from arrangements.data.frequency import ROTATION_FORMS, parse_rotation

RotationPeriod = Annotated[str, AfterValidator(parse_rotation)]


class Post(Strict):
    """Who holds a post (chair, scrutineer, lead or delegated partner), and when."""

    name: Line | None = Field(None, description="Full name, as published. Leave out if the role is all that is public.")
    role: Line | None = Field(None, description="Job title or role, e.g. `Chief Constable` or `Independent Chair`.")
    organisation: Line | None = Field(None, description="Organisation the person works for.")
    partner: Id | None = Field(None, description="The id of the partner this post sits with, e.g. `police`.")
    independent: StrictBool = Field(False, description="`true` when the holder is independent of the partners.")
    also: Line | None = Field(
        None, description="Another role the same holder has, e.g. `Independent Scrutineer` (shown as 'also ...').")
    nominated_by: list[Ref] = Field(
        default_factory=list,
        description="Who nominates or appoints the holder: partner ids, group ids or outside bodies' ids, e.g. "
                    "`[council, icb, police]` for the partners together.")
    rotates_between: list[Id] = Field(
        default_factory=list, description="Partner ids the post rotates between, e.g. `[police, icb]`.")
    rotates_every: RotationPeriod | None = Field(
        None, description=f"How often a rotating post moves on: {ROTATION_FORMS}.")
    held_by: Id | None = Field(None, description="For a rotating post: the partner id that holds it now.")
    from_: DateText | None = Field(None, description="When the holder took the post (written `from:`).")
    until: DateText | None = Field(None, description="When the holder left or will leave the post.")
    as_at: DateText | None = Field(
        None, description="A date the source names this holder in post, when it gives no start or end.")
    note: Text | None = Field(None, description="Anything else, e.g. what the delegation covers.")
    rotation: Line | None = Field(None, description="How the rotation works, in words, if more needs saying.")

    _one = one_or_many("nominated_by")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        # Why: `chair: Designated Doctor for Southampton` is the natural way to write a role.
        return {"role": value} if isinstance(value, str) else value

    @property
    def is_blank(self) -> bool:
        return not (self.name or self.role or self.organisation or self.partner or self.rotates_between
                    or self.independent)


@dataclass(frozen=True)
class Holders:
    """A post's holders sorted by time, as seen on one day."""

    now: list[Post]        # in post today (two or more: co-chairs)
    coming: list[Post]     # starting later
    before: list[Post]     # left the post


def holders(posts: list[Post] | None, today: str) -> Holders:
    posts = posts or []
    now = [p for p in posts if in_effect(p.from_, p.until, today)]
    coming = [p for p in posts if is_future(p.from_, today)]
    before = [p for p in posts if p not in now and p not in coming]
    return Holders(now, coming, before)
