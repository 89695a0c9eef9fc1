"""Hostile values planted in every free-text field of every data kind, found by
walking the record classes (so a field added to the model is attacked too).

`plant(data, record)` changes a parsed data file in place and returns the
(record, field) pairs it planted; `text_fields(record)` lists every free-text
field reachable from a record type, the denominator of the coverage figure.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from arrangements.data.fields import FieldInfo, Record, accepts_text, before_hooks, keys, record_in
from pydantic import AfterValidator, StringConstraints

# Every vector at once: title and attribute breakouts, event handlers, script
# links, reference links, Jinja, Mermaid label breakouts and init directives.
LINE = ('</title><script>alert(1)</script> "><img src=x onerror=alert(1)> <svg/onload=alert(1)> '
        "[j](javascript:alert(1)) [d](data:text/html,x) [v](vbscript:x) [click][z] {{ 6*7 }} {% raw %} "
        "'\"]); click g_x call alert() %%{init: {\"securityLevel\":\"loose\"}}%% --> end")
BLOCK = LINE + "\n[z]: javascript:alert(1)\n- [click][z]\n# heading\n<script>alert(2)</script>\n    <b>code</b>"
ITEMS = ["[z]: javascript:alert(1)", "[click][z]", LINE]
SECRET = "Internal-note-7f3a"
# Fields that other data refers to by their words, so hostile words there would only make the data
# wrong (and refused), not test the output: the checklist's field paths.
NOT_FREE_TEXT = {("ChecklistItem", "covered_by"), ("Checklist", "applies_to")}


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """(base type, metadata) with Optional and Annotated taken off."""
    metadata: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *extra = get_args(annotation)
            metadata += extra
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation, metadata
            annotation = args[0]
        else:
            return annotation, metadata


def _fields(record: type[Record]) -> list[tuple[str, FieldInfo]]:
    """(key as written in the data, field) with the field's whole type, limits included, as `info.annotation`."""
    return [(key, _Field(info)) for key, info in keys(record).items()]  # type: ignore[misc]


class _Field:
    def __init__(self, info: FieldInfo) -> None:
        self.annotation = info.rebuild_annotation()
        self.exclude = info.exclude
        self.is_required = info.is_required


def text_kind(annotation: Any) -> str | None:
    """'line', 'block', 'items' (a list of text) or None when the field is not free text."""
    base, metadata = _unwrap(annotation)
    if get_origin(base) is list:
        inner = text_kind(get_args(base)[0])
        return "items" if inner else None
    if base is not str or get_origin(base) is Literal:
        return None
    if any(isinstance(m, AfterValidator) or (isinstance(m, StringConstraints) and m.pattern) for m in metadata):
        return None  # ids, dates, addresses, phone numbers: checked values, not free text
    longest = next((m.max_length for m in metadata if isinstance(m, StringConstraints) and m.max_length), None)
    return "line" if longest is not None and longest <= 500 else "block"


def text_fields(record: type[Record], seen: set[type[Record]] | None = None) -> set[tuple[str, str]]:
    seen = set() if seen is None else seen
    if record in seen:
        return set()
    seen.add(record)
    found: set[tuple[str, str]] = set()
    for name, info in _fields(record):
        if info.exclude:
            continue  # never published: planted as SECRET and looked for in every built file
        if text_kind(info.annotation) and (record.__name__, name) not in NOT_FREE_TEXT:
            found.add((record.__name__, name))
        elif inner := record_in(info.annotation):
            found |= text_fields(inner, seen)
    return found


# Text fields that hold an address get one that passes a "starts with https://" test and then
# tries to end the link early and start a script link.
ADDRESS = "https://example.org/{tag})[evil](javascript:alert(1))<script>alert(1)</script>"


def _value(kind: str, tag: str, name: str = "") -> Any:
    if kind == "line" and name in ("url", "email", "website", "link"):
        return ADDRESS.format(tag=tag)
    return {"line": f"{tag} {LINE}", "block": f"{tag} {BLOCK}", "items": [*ITEMS, tag]}[kind]


def _as_record(value: Any, record: type[Record]) -> Any:
    """A value written as text for a record (`chair: Director`) in its full form."""
    if isinstance(value, str) and accepts_text(record):
        try:
            for before in before_hooks(record):
                value = before(value)
        except ValueError:
            return value  # `tbc` and friends: blank, left as written
    return value


def plant(data: Any, record: type[Record], counter: list[int] | None = None,
          fill: set[str] | None = None) -> set[tuple[str, str]]:
    """Put a hostile value (tagged Qnnn) in every free-text field of `data`, absent optional ones too.

    `fill`: names of record types to add (once) where the data has none, so they are attacked too."""
    counter = [0] if counter is None else counter
    fill = set() if fill is None else fill
    planted: set[tuple[str, str]] = set()
    if not isinstance(data, dict):
        return planted
    for name, info in _fields(record):
        key = (record.__name__, name)
        if info.exclude:
            data[name] = SECRET  # never published: checked in every built file
            continue
        if (kind := text_kind(info.annotation)) and key not in NOT_FREE_TEXT:
            counter[0] += 1
            data[name] = _value(kind, f"Q{counter[0]:04d}", name)
            planted.add(key)
            continue
        inner = record_in(info.annotation)
        if inner is None:
            continue
        if not data.get(name) and inner.__name__ in fill:
            # Why: a kind of record no bundled file uses yet would otherwise never be attacked.
            base, _ = _unwrap(info.annotation)
            data[name] = [minimal(inner)] if get_origin(base) is list else minimal(inner)
            fill.discard(inner.__name__)
        if data.get(name) is None:
            continue
        if isinstance(data[name], list):
            data[name] = [_as_record(item, inner) for item in data[name]]
            for item in data[name]:
                planted |= plant(item, inner, counter, fill)
        else:
            data[name] = _as_record(data[name], inner)
            planted |= plant(data[name], inner, counter, fill)
    return planted


def minimal(record: type[Record]) -> dict[str, Any]:
    """The smallest record of this type that can be valid: its required fields only."""
    made: dict[str, Any] = {}
    for name, info in _fields(record):
        if not info.is_required():
            continue
        base, metadata = _unwrap(info.annotation)
        if get_origin(base) is Literal:
            made[name] = get_args(base)[0]
        elif inner := record_in(base):
            made[name] = [minimal(inner)] if get_origin(base) is list else minimal(inner)
        elif get_origin(base) is list:
            made[name] = []
        elif base is bool:
            made[name] = False
        elif base in (int, float):
            made[name] = 1
        elif any(isinstance(m, StringConstraints) and m.pattern for m in metadata):
            made[name] = "2020" if "\\d" in next(m.pattern for m in metadata if isinstance(m, StringConstraints)
                                                   and m.pattern) else "hostile"
        else:
            made[name] = "x"
    return made


INVALID = "javascript:alert(1)"
INVISIBLE = "Right\u202eto-left"


def plant_invalid(data: Any, record: type[Record], loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Values the validator must refuse, at every place the data has one; returns their locations.

    Checked text (ids, references, dates, addresses, phone numbers) gets a script link; free text
    gets a right-to-left override."""
    planted: list[tuple[Any, ...]] = []
    if not isinstance(data, dict):
        return planted
    for name, info in _fields(record):
        value = data.get(name)
        if value is None or info.exclude:
            continue
        base, metadata = _unwrap(info.annotation)
        item_type = get_args(base)[0] if get_origin(base) is list else None
        if text_kind(info.annotation):
            if isinstance(value, str):
                data[name] = INVISIBLE + " " + value
                planted.append((*loc, name))
            elif isinstance(value, list) and value and isinstance(value[0], str):
                value[0] = INVISIBLE + " " + value[0]
                planted.append((*loc, name, 0))
        elif _checked_text(base, metadata):
            if isinstance(value, str):
                data[name] = INVALID
                planted.append((*loc, name))
        elif item_type is not None and _checked_text(*_unwrap(item_type)) and value and isinstance(value[0], str):
            value[0] = INVALID
            planted.append((*loc, name, 0))
        elif inner := record_in(info.annotation):
            if isinstance(value, list):
                for index, item in enumerate(value):
                    planted += plant_invalid(item, inner, (*loc, name, index))
            else:
                planted += plant_invalid(value, inner, (*loc, name))
    return planted


def _checked_text(base: Any, metadata: list[Any]) -> bool:
    return base is str and any(isinstance(m, AfterValidator) or (isinstance(m, StringConstraints) and m.pattern)
                               for m in metadata)
