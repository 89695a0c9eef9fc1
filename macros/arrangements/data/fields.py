"""The small value types every record uses: ids, references, text, dates, blanks.

Kept apart from the records so that reports, reference lists and site
settings share one definition of "a date" or "an id".
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from arrangements.data.structure import AfterValidator, Field, Record, StringConstraints, field_validator

_ID = r"[a-z0-9]+(-[a-z0-9]+)*"

# Why: every id is used in URLs and cross references, so keep it URL-safe.
Id = Annotated[
    str,
    StringConstraints(pattern=rf"^{_ID}\Z", max_length=60),
    Field(description="A short id: lowercase letters, digits and hyphens, e.g. `case-review`."),
]
# A reference to a body: a group in this file (`executive`), a body outside
# the partnership listed under `outside_bodies` (`adults-board`), or another
# partnership's group (`hips/executive`).
Ref = Annotated[
    str,
    StringConstraints(pattern=rf"^({_ID}/)?{_ID}\Z", max_length=121),
    Field(description="A group id in this file (`executive`), an outside body's id (`adults-board`), "
                      "or `partnership-id/group-id` for another partnership's group."),
]
GroupRef = Ref
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
    StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?\Z"),
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


def _one_or_many(cls: type, value: object) -> object:
    value = blank_to_none(value)
    return value if value is None or isinstance(value, list) else [value]


_one_or_many.one_or_many = True  # type: ignore[attr-defined] - read by json_schema


def one_or_many(*fields: str) -> classmethod:  # type: ignore[type-arg]
    """Blank means "to be confirmed"; one entry may be written without a list (`chair: Independent Chair`)."""
    return field_validator(*fields, mode="before")(_one_or_many)


# Why a second name: "strict" is what a reader of the record classes needs to
# know. Every record refuses unknown keys: a typo must be an error, never a
# silently ignored field.
Strict = Record


def in_effect(start: str | None, end: str | None, today: str) -> bool:
    """Whether a period (dates as YYYY, YYYY-MM or YYYY-MM-DD) includes `today` (YYYY-MM-DD).

    `until: 2024-09` runs to the end of September 2024; blank ends are open.
    """
    return (start is None or start <= today[: len(start)]) and (end is None or today[: len(end)] <= end)


def is_future(start: str | None, today: str) -> bool:
    return start is not None and start > today[: len(start)]
