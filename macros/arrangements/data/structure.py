"""Typed records for the data format, checked without third-party code.

Why not pydantic: importing it and building validators for our forty record
types cost about 0.2 s at the start of every build, a tenth of a small
site's whole build, before one file was read. The checks our data needs are
few (text with a length and a pattern, whole numbers in a range, true/false,
one of a list of words, lists, nested records, blank-means-unknown), so they
are written out here, and compiled once per record type on first use.

The names follow pydantic's (`Field`, `model_validate`, `model_fields`,
`model_dump`, `field_validator`, `model_validator`) so the record classes
read as any Python developer expects. Errors carry pydantic's error kinds
(`missing`, `extra_forbidden`, `literal_error`...): schema.py turns each
into a sentence with the file's line and what to do.

Every record refuses unknown keys (a typo must never be silently ignored),
strips spaces around text, and reads a number written where text is
expected as that text (`phone: 101`).
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

_MISSING: Any = object()


@dataclass(frozen=True)
class StringConstraints:
    """Text rules: the longest it may be, and a pattern it must match."""

    pattern: str | None = None
    max_length: int | None = None


@dataclass(frozen=True)
class AfterValidator:
    """A check run on a value once its type is right; raise ValueError to refuse it."""

    func: Callable[[Any], Any]


class FieldInfo:
    """One key of a record: its type, default, description and limits."""

    __slots__ = ("annotation", "attr", "default", "default_factory", "description", "exclude", "ge", "le",
                 "min_length")

    def __init__(self, default: Any = _MISSING, *, default_factory: Callable[[], Any] | None = None,
                 description: str | None = None, exclude: bool = False, ge: int | None = None,
                 le: int | None = None, min_length: int | None = None) -> None:
        self.annotation: Any = None
        self.attr = ""  # the Python attribute: `from_` for the key `from`
        self.default = default
        self.default_factory = default_factory
        self.description = description
        self.exclude = exclude
        self.ge, self.le, self.min_length = ge, le, min_length

    def is_required(self) -> bool:
        return self.default is _MISSING and self.default_factory is None

    def is_nullable(self) -> bool:
        """Whether the value may be left blank (`X | None`)."""
        return get_origin(self.annotation) in (Union, types.UnionType) and type(None) in get_args(self.annotation)

    def make_default(self) -> Any:
        return self.default_factory() if self.default_factory else self.default


def Field(default: Any = _MISSING, **options: Any) -> Any:  # noqa: N802 - reads like the type it describes
    return FieldInfo(default, **options)


# Why a name of its own: YAML 1.1 reads `yes`/`no`/`on`/`off` as booleans; a
# record field only ever takes true or false (the loader keeps `yes` as text).
StrictBool = bool


class ValidationError(Exception):
    """Every problem found in one document, as pydantic-style error records."""

    def __init__(self, errors: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} problem(s)")
        self._errors = errors

    def errors(self, include_url: bool = False) -> list[dict[str, Any]]:
        return self._errors


@dataclass(frozen=True)
class _Hook:
    """A validator declared in a record's class body (see field_validator, model_validator)."""

    func: Callable[..., Any]
    mode: str
    fields: tuple[str, ...] = ()


def field_validator(*fields: str, mode: str = "before") -> Callable[[Any], _Hook]:
    """`fn(cls, value)` run on the raw value of these fields ("*": all) before their type is checked."""
    return lambda func: _Hook(getattr(func, "__func__", func), mode, fields)


def model_validator(*, mode: str) -> Callable[[Any], _Hook]:
    """mode="before": `fn(cls, raw)` reshapes the raw input; mode="after": `fn(record)` checks the result."""
    return lambda func: _Hook(getattr(func, "__func__", func), mode)


_INVALID: Any = object()


class _Mode:
    on = False


# Why a switch, not an argument: the compiled checks are shared closures; a partial
# read (model_validate_partial) is rare and single-threaded.
_PARTIAL = _Mode()


def _lenient(info: FieldInfo) -> Any:
    """What a broken or missing value reads as in a partial record: empty, never a guess."""
    if not info.is_required():
        return info.make_default()
    return [] if get_origin(info.annotation) is list else None
Errors = list[dict[str, Any]]
Loc = tuple[Any, ...]
Check = Callable[[Any, Loc, Errors], Any]


def _error(errors: Errors, loc: Loc, kind: str, value: Any, **ctx: Any) -> Any:
    errors.append({"type": kind, "loc": loc, "input": value, "ctx": ctx, "msg": kind})
    return _INVALID


def _value_error(errors: Errors, loc: Loc, value: Any, error: ValueError) -> Any:
    return _error(errors, loc, "value_error", value, error=str(error))


# --- checks for one value, composed per field when a record type is first used ---

def _text(value: Any, loc: Loc, errors: Errors) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # `phone: 101` is the text 101
    return _error(errors, loc, "string_type", value)


def _parsed(value: str, convert: Callable[[str], Any], loc: Loc, errors: Errors, kind: str) -> Any:
    """`"6"`, written in quotes, is still the number 6."""
    try:
        return convert(value.strip())
    except ValueError:
        return _error(errors, loc, kind, value)


def _whole_number(value: Any, loc: Loc, errors: Errors) -> Any:
    if isinstance(value, float) and not value.is_integer():
        return _error(errors, loc, "int_from_float", value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        return _parsed(value, int, loc, errors, "int_parsing")
    return _error(errors, loc, "int_type", value)


def _number(value: Any, loc: Loc, errors: Errors) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        return _parsed(value, float, loc, errors, "float_parsing")
    return _error(errors, loc, "float_type", value)


def _true_or_false(value: Any, loc: Loc, errors: Errors) -> Any:
    return value if isinstance(value, bool) else _error(errors, loc, "bool_type", value)


_SCALARS: dict[Any, Check] = {str: _text, int: _whole_number, float: _number, bool: _true_or_false}


def _one_of(choices: tuple[str, ...]) -> Check:
    def check(value: Any, loc: Loc, errors: Errors) -> Any:
        return value if isinstance(value, str) and value in choices else \
            _error(errors, loc, "literal_error", value, choices=choices)
    return check


def _list_of(item: Check) -> Check:
    def check(value: Any, loc: Loc, errors: Errors) -> Any:
        if not isinstance(value, list):
            return _error(errors, loc, "list_type", value)
        result = [item(element, (*loc, index), errors) for index, element in enumerate(value)]
        if any(element is _INVALID for element in result):
            return [element for element in result if element is not _INVALID] if _PARTIAL.on else _INVALID
        return result
    return check


def _or_none(inner: Check) -> Check:
    return lambda value, loc, errors: None if value is None else inner(value, loc, errors)


def _constrained(inner: Check, rules: list[StringConstraints], afters: list[Callable[[Any], Any]]) -> Check:
    limits = [(r.max_length, re.compile(r.pattern) if r.pattern else None, r.pattern) for r in rules]

    def check(value: Any, loc: Loc, errors: Errors) -> Any:
        value = inner(value, loc, errors)
        if value is _INVALID:
            return value
        for longest, pattern, source in limits:
            if longest is not None and len(value) > longest:
                return _error(errors, loc, "string_too_long", value, max_length=longest)
            if pattern is not None and not pattern.fullmatch(value):  # `$` alone lets a final newline through
                return _error(errors, loc, "string_pattern_mismatch", value, pattern=source)
        for after in afters:
            try:
                value = after(value)
            except ValueError as error:
                return _value_error(errors, loc, value, error)
        return value
    return check


def _with_limits(inner: Check, field: FieldInfo) -> Check:
    """A field's own limits (`ge`, `le`, `min_length`), checked once its type is right."""
    if field.ge is None and field.le is None and field.min_length is None:
        return inner

    def check(value: Any, loc: Loc, errors: Errors) -> Any:
        value = inner(value, loc, errors)
        if value is _INVALID or value is None:
            return value
        if field.ge is not None and value < field.ge:
            return _error(errors, loc, "greater_than_equal", value, ge=field.ge)
        if field.le is not None and value > field.le:
            return _error(errors, loc, "less_than_equal", value, le=field.le)
        if field.min_length is not None and len(value) < field.min_length:
            return _error(errors, loc, "too_short", value, min_length=field.min_length)
        return value
    return check


def compile_check(annotation: Any) -> Check:
    """The check for one type hint: `Line | None`, `list[Group]`, `Literal[...]`, a record..."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *meta = get_args(annotation)
        rules = [m for m in meta if isinstance(m, StringConstraints)]
        afters = [m.func for m in meta if isinstance(m, AfterValidator)]
        inner = compile_check(base)
        return _constrained(inner, rules, afters) if rules or afters else inner
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(annotation) if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"only `X | None` unions are supported, not {annotation}")
        return _or_none(compile_check(options[0]))
    if origin is list:
        return _list_of(compile_check(get_args(annotation)[0]))
    if origin is Literal:
        return _one_of(get_args(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation._check
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    raise TypeError(f"no check for the type {annotation!r}")


@dataclass
class _Compiled:
    """A record type's checks, built on first use (import stays fast)."""

    fields: list[tuple[str, FieldInfo, Check, list[Callable[..., Any]]]]
    before: list[Callable[..., Any]]
    after: list[Callable[..., Any]]


class Record:
    """Base of every record type in the data format."""

    model_fields: typing.ClassVar[dict[str, FieldInfo]] = {}
    _hooks: typing.ClassVar[list[_Hook]] = []
    _compiled: typing.ClassVar[_Compiled | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        hints = typing.get_type_hints(cls, include_extras=True)
        fields: dict[str, FieldInfo] = {}
        for name in cls.__dict__.get("__annotations__", {}):
            hint = hints[name]
            if get_origin(hint) is typing.ClassVar or name.startswith("_"):
                continue
            default = cls.__dict__.get(name, _MISSING)
            info = default if isinstance(default, FieldInfo) else FieldInfo(default)
            info.annotation = hint
            info.attr = name
            if info.description is None:
                info.description = _described(hint)
            # Why: `from` is what people write, but a Python keyword; the field is declared `from_`.
            fields[name.removesuffix("_")] = info
            if name in cls.__dict__:
                delattr(cls, name)  # the value lives on each record, not the class
        cls.model_fields = fields
        cls._hooks = [hook for klass in reversed(cls.__mro__) for hook in vars(klass).values()
                      if isinstance(hook, _Hook)]
        cls._compiled = None

    @classmethod
    def accepts_text(cls) -> bool:
        """Whether a line of text may stand for the record (a `before` hook reshapes it)."""
        return any(hook.mode == "before" and not hook.fields for hook in cls._hooks)

    # --- reading data ---

    @classmethod
    def model_validate(cls, data: Any) -> typing.Self:
        errors: Errors = []
        record = cls._check(data, (), errors)
        if errors:
            raise ValidationError(errors)
        return record

    @classmethod
    def model_validate_partial(cls, data: Any) -> tuple[typing.Self | None, Errors]:
        """The record with every broken value blanked, and the problems found.

        Never published: a partial record only lets the later checks of meaning
        run, so a file with ten mistakes gets ten messages in one run.
        """
        errors: Errors = []
        _PARTIAL.on = True
        try:
            record = cls._check(data, (), errors)
        finally:
            _PARTIAL.on = False
        return (None if record is _INVALID else record), errors

    @classmethod
    def _compile(cls) -> _Compiled:
        compiled = _Compiled([], [h.func for h in cls._hooks if h.mode == "before" and not h.fields],
                             [h.func for h in cls._hooks if h.mode == "after"])
        for name, info in cls.model_fields.items():
            befores = [h.func for h in cls._hooks if h.fields and (name in h.fields or "*" in h.fields)]
            compiled.fields.append((name, info, _with_limits(compile_check(info.annotation), info), befores))
        cls._compiled = compiled
        return compiled

    @classmethod
    def _check(cls, value: Any, loc: Loc, errors: Errors) -> Any:
        compiled = cls._compiled or cls._compile()
        for before in compiled.before:
            try:
                value = before(cls, value)
            except ValueError as error:
                return _value_error(errors, loc, value, error)
        if not isinstance(value, dict):
            return _error(errors, loc, "model_type", value)
        found = len(errors)
        values: dict[str, Any] = {}
        for name, info, check, befores in compiled.fields:
            if name not in value:
                if info.is_required():
                    _error(errors, (*loc, name), "missing", value)
                values[info.attr] = info.make_default() if not info.is_required() else _lenient(info)
                continue
            raw = value[name]
            try:
                for before in befores:
                    raw = before(cls, raw)
            except ValueError as error:
                _value_error(errors, (*loc, name), raw, error)
                values[info.attr] = _lenient(info)
                continue
            checked = check(raw, (*loc, name), errors)
            values[info.attr] = _lenient(info) if checked is _INVALID else checked
        for key in value:
            if key not in cls.model_fields:
                _error(errors, (*loc, key), "extra_forbidden", value[key])
        if len(errors) > found:
            if not _PARTIAL.on:
                return _INVALID
            # Why: in a partial read the record is kept with its broken values blanked, so the
            # checks of meaning (ids, references) still run and one run reports every problem.
            record = cls.__new__(cls)
            record.__dict__.update(values)
            record.__dict__["model_fields_set"] = {key for key in value if key in cls.model_fields}
            return record
        record = cls.__new__(cls)
        record.__dict__.update(values)
        record.__dict__["model_fields_set"] = {key for key in value if key in cls.model_fields}
        for after in compiled.after:
            try:
                record = after(record)
            except ValueError as error:
                return _value_error(errors, loc, value, error)
        return record

    def __init__(self, **data: Any) -> None:
        self.__dict__.update(type(self).model_validate(data).__dict__)

    # --- using records ---

    def _values(self) -> dict[str, Any]:
        return {name: self.__dict__[info.attr] for name, info in self.model_fields.items()}

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._values() == other._values()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment] - records are compared by value and may change

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={value!r}" for name, value in self._values().items())
        return f"{type(self).__name__}({inner})"

    def model_copy(self, update: dict[str, Any] | None = None) -> typing.Self:
        copy = type(self).__new__(type(self))
        copy.__dict__.update(self.__dict__, **(update or {}))
        return copy

    def model_dump(self, mode: str = "json", exclude_none: bool = False) -> dict[str, Any]:
        """Plain data (dicts, lists, text, numbers), without fields marked `exclude`."""
        result = {}
        for name, info in self.model_fields.items():
            value = _dump(self.__dict__[info.attr], exclude_none)
            if not info.exclude and not (exclude_none and value is None):
                result[name] = value
        return result


def _dump(value: Any, exclude_none: bool) -> Any:
    if isinstance(value, Record):
        return value.model_dump(exclude_none=exclude_none)
    if isinstance(value, list):
        return [_dump(item, exclude_none) for item in value]
    return value


def record_in(annotation: Any) -> type[Record] | None:
    """The record type inside a type hint: `list[Group] | None` -> Group; None for text, numbers..."""
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType, list, Annotated):
        for arg in get_args(annotation):
            if found := record_in(arg):
                return found
    return None


def _described(hint: Any) -> str | None:
    """A description given with a reusable type (`Id`), used when the field gives none."""
    if get_origin(hint) is Annotated:
        for meta in get_args(hint)[1:]:
            if isinstance(meta, FieldInfo) and meta.description:
                return meta.description
    return None
