"""Check a document's shape against the model, with errors people can act on.

The records report *where* (a path such as `groups.2.chair`) and *what* (an
error type); this module turns that into file:line:column and a sentence
with what to do, including "did you mean" for misspelt keys and values.
It also exports the JSON Schema that editors use while a file is typed.
"""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar

from arrangements.data.json_schema import record_schema
from arrangements.data.load import Document, Loc, as_written
from arrangements.data.model import FREQUENCY_FORMS, Arrangements
from arrangements.data.problems import ProblemList, did_you_mean, join_hint
from arrangements.data.structure import Record, ValidationError, record_in

M = TypeVar("M", bound=Record)

# Keys of earlier versions of the format, or that people naturally guess, and what to write instead.
RENAMED = {
    "live_from": "write `from:` instead (the same date: when the group starts or started)",
    "rotation_every": "write `rotates_every:` instead",
    "vice_chairs": "write `vice_chair:` with a list",
    "co_chairs": "write `chair:` as a list: two or more chairs in post at once are co-chairs",
    "co_chair": "write `chair:` as a list: two or more chairs in post at once are co-chairs",
}

SCHEMA_ID = "https://example.org/schema/arrangements.schema.json"


def json_schema(model: type[Record] = Arrangements) -> dict[str, Any]:
    """The JSON Schema for one arrangements file, with every field described."""
    schema = record_schema(model)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }


def schema_text(model: type[Record] = Arrangements) -> str:
    return json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"


def validate_document(doc: Document, model: type[M], problems: ProblemList) -> M | None:
    """The model built from the document, or None with every problem recorded."""
    if not _is_block(doc, problems):
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as error:
        for item in error.errors(include_url=False):
            _report(doc, model, item, problems)
        return None


def validate_partial(doc: Document, model: type[M], problems: ProblemList) -> tuple[M | None, bool]:
    """(record, whole): a record even when parts are broken (blanked), so later checks still run."""
    if not _is_block(doc, problems):
        return None, False
    record, errors = model.model_validate_partial(doc.data)
    for item in errors:
        _report(doc, model, item, problems)
    return record, not errors


def _is_block(doc: Document, problems: ProblemList) -> bool:
    if doc.data is None:
        return False
    if not isinstance(doc.data, dict):
        problems.add(doc.path, 1, 1, "the file must be a block of `key: value` lines",
                     "start with `name:` as in the example files; a list or a single value is not a partnership")
        return False
    return True


def describe(loc: Loc, data: Any) -> str:
    """`groups[case-review].chair`: a path people can find in their file."""
    parts: list[str] = []
    node = data
    for step in as_written(loc, data):
        if isinstance(step, int):
            item = node[step] if isinstance(node, list) and step < len(node) else None
            label = item.get("id") if isinstance(item, dict) else None
            parts.append(f"[{label if isinstance(label, str) else step + 1}]")
            node = item
        else:
            parts.append(("." if parts else "") + str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts)


def _field_at(model: type[Record], loc: Loc) -> tuple[type[Record] | None, str | None]:
    """The model class holding the last key of `loc`, following nested models and lists."""
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, Record)) or step not in current.model_fields:
            return None, None
        current = record_in(current.model_fields[step].annotation)
    last = loc[-1] if loc else None
    if isinstance(current, type) and issubclass(current, Record):
        return current, last if isinstance(last, str) else None
    return None, None


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return f"`{str(value).lower()}` (yes/no)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a block of `key: value` lines"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _report(doc: Document, model: type[Record], item: dict[str, Any], problems: ProblemList) -> None:
    loc: Loc = tuple(item["loc"])
    kind: str = item["type"]
    value = item.get("input")
    ctx = item.get("ctx") or {}
    owner, key = _field_at(model, loc)
    where = describe(loc, doc.data)
    # Why the key's line: for a wrong block value (a list under `summary:`) people look at the key.
    line, column = doc.mark(loc, key=True)
    message, hint = _explain(kind, key, value, ctx, owner, loc)
    problems.add(doc.path, line, column, message, hint, where=where)


def _explain(kind: str, key: str | None, value: Any, ctx: dict[str, Any], owner: type[Record] | None,
             loc: Loc) -> tuple[str, str]:
    name = f"'{key}'" if key else "this value"
    if kind == "missing":
        field = owner.model_fields.get(key) if owner and key else None
        nullable = field is not None and field.is_nullable()
        hint = (f"add `{key}:` and leave it blank (or write tbc) if it is not known yet: the site shows To be confirmed"
                if nullable else f"add `{key}:` with a value")
        return f"{name} is missing", hint
    if kind == "extra_forbidden" and key in RENAMED:
        # Why "unknown", not "renamed": some are keys people guess (`co_chairs`), not old ones.
        return f"unknown key {name}", RENAMED[str(key)]
    if kind == "extra_forbidden":
        allowed = list(owner.model_fields) if owner else []
        listing = f" (keys here: {', '.join(allowed)})" if allowed else ""
        return (f"unknown key {name}",
                join_hint(did_you_mean(str(key), allowed), "remove it or correct the spelling" + listing))
    if kind == "literal_error":
        choices = list(ctx.get("choices", ()))
        return (f"{_kind_of(value)} is not an allowed value for {name}",
                join_hint(did_you_mean(str(value), choices), "use one of: " + ", ".join(choices)))
    if kind == "string_pattern_mismatch":
        return _pattern(name, value, str(ctx.get("pattern", "")))
    if kind in {"string_type", "str_type"}:
        return (f"{name} should be text but is {_kind_of(value)}",
                "write it as text on the same line, in quotes if needed")
    if kind in {"bool_type", "bool_parsing"}:
        return (f"{name} should be true or false, not {_kind_of(value)}",
                "write true or false (YAML words like yes/no/on/off are not accepted, to avoid mistakes)")
    if kind in {"list_type"}:
        return f"{name} should be a list but is {_kind_of(value)}", "write each item on its own line starting with `- `"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return (f"{name} should be a block of `key: value` lines but is {_kind_of(value)}",
                "indent the keys under it, as in the examples")
    if kind == "too_short":
        return f"{name} needs at least {ctx.get('min_length', 1)} item(s)", "add at least one item"
    if kind == "string_too_long":
        return f"{name} is too long (over {ctx.get('max_length')} characters)", "shorten it, or split it into a list"
    if kind == "int_from_float":
        return f"{name} should be a whole number but is {value}", "write a whole number such as 2"
    if kind in {"int_type", "int_parsing", "float_type", "float_parsing"}:
        return f"{name} should be a number but is {_kind_of(value)}", "write a number such as 6"
    if kind in {"greater_than_equal", "less_than_equal"}:
        return f"{name} is out of range ({value})", "use a sensible whole number"
    if kind == "value_error":
        text = str(ctx.get("error", "")).removeprefix("Value error, ")
        if "meeting frequency" in text:
            return text.split(";")[0], "write one of: " + FREQUENCY_FORMS
        if "real date" in text:
            return text, "check the day and month (YYYY-MM-DD)"
        return text, "correct the value"
    return f"{name} is not valid ({kind})", "compare it with the examples in docs/data-format.md"


def _pattern(name: str, value: Any, pattern: str) -> tuple[str, str]:
    if "0-9a-fA-F" in pattern:
        return f"{_kind_of(value)} is not a colour", "write # and six hex digits, e.g. '#1d4f91' (in quotes)"
    if "https" in pattern:
        return f"{_kind_of(value)} is not a web address this site will link to", "write a full address starting https://"
    if "@" in pattern:
        return f"{_kind_of(value)} is not an email address", "write it as name@example.org"
    if r"\d{4}" in pattern:
        return f"{_kind_of(value)} is not a date", "write YYYY-MM-DD, or YYYY-MM, or YYYY (e.g. 2024-09-01)"
    if "/" in pattern:
        return (f"{_kind_of(value)} is not a group reference",
                "write a group id such as `executive`, or `hips/executive` for another partnership's group")
    suggestion = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
    return (f"{_kind_of(value)} is not a valid id for {name}",
            f"use lowercase letters, digits and hyphens only, e.g. `{suggestion or 'case-review'}`")
