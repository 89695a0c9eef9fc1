"""The small value types every record uses: ids, references, text, dates, blanks.

Kept apart from the records so that reports, reference lists and site
settings share one definition of "a date" or "an id". `Record` is the base
of every record type: a pydantic model that refuses unknown keys, strips
spaces around text and reads a number written where text is expected as
that text (`phone: 101`). Errors keep pydantic's kinds (`missing`,
`extra_forbidden`, `literal_error`...): schema.py turns each into a
sentence with the file's line and what to do.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    field_validator,
    model_validator,
)
from pydantic.fields import FieldInfo
from pydantic_core import PydanticKnownError

# Why a salvage read: a broken file is read a second time, leniently, with each broken
# value blanked, so the checks of meaning (ids, references) still run on the rest and
# one run reports every problem. A salvaged record is never published.
_SALVAGE = {"salvage": True}


def _salvaging(info: ValidationInfo) -> bool:
    return info.context is not None and info.context.get("salvage", False)


def _lenient(field: FieldInfo) -> Any:
    """What a broken or missing value reads as in a salvaged record: empty, never a guess."""
    if not field.is_required():
        return field.get_default(call_default_factory=True)
    return [] if get_origin(field.annotation) is list else None


class Record(BaseModel):
    """Base of every record type in the data format."""

    model_config = ConfigDict(
        extra="forbid",  # a typo must be an error, never a silently ignored field
        str_strip_whitespace=True,
        coerce_numbers_to_str=True,  # `phone: 101` is the text 101
        regex_engine="python-re",  # the patterns end with \Z (no final newline), which Rust's engine lacks
        alias_generator=lambda name: name.removesuffix("_"),  # `from` is a Python keyword: declared `from_`
        validate_by_alias=True,
        validate_by_name=False,
        serialize_by_alias=True,
    )

    @classmethod
    def model_validate_partial(cls, data: Any) -> tuple[Record | None, list[dict[str, Any]]]:
        """The record with every broken value blanked, and the problems found.

        Never published: a partial record only lets the later checks of meaning
        run, so a file with ten mistakes gets ten messages in one run.
        """
        try:
            return cls.model_validate(data), []
        except ValidationError as error:
            errors = error.errors(include_url=False)
        try:
            return cls.model_validate(data, context=_SALVAGE), errors
        except ValidationError:
            return None, errors

    @model_validator(mode="before")
    @classmethod
    def _salvage_keys(cls, data: Any, info: ValidationInfo) -> Any:
        """In a salvage read, unknown keys are left out and missing ones read as blank."""
        if not _salvaging(info) or not isinstance(data, dict):
            return data
        fields = keys(cls)
        kept = {key: value for key, value in data.items() if key in fields}
        return {**{key: _lenient(f) for key, f in fields.items() if f.is_required() and key not in kept}, **kept}

    @field_validator("*", mode="wrap")
    @classmethod
    def _salvage_value(cls, value: Any, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> Any:
        """In a salvage read, a broken value is blanked and a list keeps its good items."""
        if not _salvaging(info):
            return handler(value)
        try:
            return handler(value)
        except ValidationError as error:
            if isinstance(value, list):
                bad = {e["loc"][0] for e in error.errors() if e["loc"] and isinstance(e["loc"][0], int)}
                try:
                    return handler([item for index, item in enumerate(value) if index not in bad])
                except ValidationError:
                    pass
            return _lenient(cls.model_fields[str(info.field_name)])


def keys(model: type[Record]) -> dict[str, FieldInfo]:
    """A record's fields by the key written in the data (`from`, not the attribute `from_`)."""
    return {field.alias or name: field for name, field in model.model_fields.items()}


def is_record(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, Record)


def record_in(annotation: Any) -> type[Record] | None:
    """The record type inside a type hint: `list[Group] | None` -> Group; None for text, numbers..."""
    if is_record(annotation):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType, list, Annotated):
        for arg in get_args(annotation):
            if found := record_in(arg):
                return found
    return None


def before_hooks(model: type[Record]) -> list[Callable[[Any], Any]]:
    """The record's own `before` hooks: what reshapes a line of text written for the whole record."""
    return [hook.func for name, hook in model.__pydantic_decorators__.model_validators.items()
            if hook.info.mode == "before" and name not in vars(Record)]


def accepts_text(model: type[Record]) -> bool:
    """Whether a line of text may stand for the record (`chair: Independent Chair`)."""
    return bool(before_hooks(model))


def _refuse_yes_no(kind: str) -> BeforeValidator:
    def check(value: Any) -> Any:
        if isinstance(value, bool):
            raise PydanticKnownError(kind)  # type: ignore[arg-type]
        return value
    return BeforeValidator(check)


def whole_number(**limits: int) -> Any:
    """A whole number within `limits` (`ge`, `le`): set before the check, so the JSON Schema shows them."""
    return Annotated[int, Field(**limits), _refuse_yes_no("int_type")]  # type: ignore[arg-type]


# Why: pydantic reads `true` as 1 where a number is expected; in the data it is a mistake.
WholeNumber = whole_number()
Number = Annotated[float, _refuse_yes_no("float_type")]

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


def listed(cls: type, value: object) -> object:
    value = blank_to_none(value)
    return value if value is None or isinstance(value, list) else [value]




def one_or_many(*fields: str) -> classmethod:  # type: ignore[type-arg]
    """Blank means "to be confirmed"; one entry may be written without a list (`chair: Independent Chair`)."""
    return field_validator(*fields, mode="before")(listed)


# Why a second name: "strict" is what a reader of the record classes needs to
# know. Every record refuses unknown keys.
Strict = Record


def in_effect(start: str | None, end: str | None, today: str) -> bool:
    """Whether a period (dates as YYYY, YYYY-MM or YYYY-MM-DD) includes `today` (YYYY-MM-DD).

    `until: 2024-09` runs to the end of September 2024; blank ends are open.
    """
    return (start is None or start <= today[: len(start)]) and (end is None or today[: len(end)] <= end)


def is_future(start: str | None, today: str) -> bool:
    return start is not None and start > today[: len(start)]
