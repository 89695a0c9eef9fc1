"""The JSON Schema of a record type: pydantic's, plus the two shortcuts the build accepts.

Editors (VS Code's YAML extension, for one) read it to underline a wrong
key and show each field's description while a file is typed; open-data
users validate the published JSON against it. Being generated from the
records, it cannot drift from what the build accepts, except where a
record reads a shortcut before its fields are checked, which pydantic
cannot see: those two are added here.
"""

from __future__ import annotations

from typing import Any

from arrangements.data.fields import Record, accepts_text, listed, record_in


def record_schema(model: type[Record]) -> dict[str, Any]:
    """The schema of `model` with every record type it contains under `$defs`."""
    schema = model.model_json_schema()
    records = {record.__name__: record for record in _contained(model, set())}
    for name, record in records.items():
        properties = (schema if record is model else schema["$defs"][name])["properties"]
        for field in _one_or_many_fields(record):
            # Why: `chair: Independent Chair` (one) and a list of co-chairs are both valid.
            prop = properties[field]
            if "anyOf" not in prop:
                prop["anyOf"] = [{"items": prop.pop("items"), "type": prop.pop("type")}]
            prop["anyOf"].insert(1, prop["anyOf"][0]["items"])
    texts = {f"#/$defs/{name}" for name, record in records.items() if accepts_text(record)}
    return _with_text(schema, texts)


def _contained(model: type[Record], seen: set[type[Record]]) -> set[type[Record]]:
    """`model` and every record type inside it."""
    seen.add(model)
    for field in model.model_fields.values():
        if (inner := record_in(field.annotation)) and inner not in seen:
            _contained(inner, seen)
    return seen


def ecma(pattern: str) -> str:
    """A Python pattern as JSON Schema reads it (ECMA-262): `\\Z` ("end of text") is `$` there."""
    return pattern.replace("\\Z", "$")


def _one_or_many_fields(model: type[Record]) -> list[str]:
    names = {n: f.alias or n for n, f in model.model_fields.items()}
    return [names[field] for hook in model.__pydantic_decorators__.field_validators.values()
            if getattr(hook.func, "__func__", hook.func) is listed for field in hook.info.fields]


def _with_text(schema: Any, texts: set[str]) -> Any:
    """Where a record that may be written as a line of text is expected, text is valid too.

    Why: `chair: Independent Chair` and `frequency: monthly` are written as one line of text.
    """
    if isinstance(schema, list):
        return [_with_text(item, texts) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if schema.get("$ref") in texts and len(schema) == 1:
        return {"anyOf": [schema, {"type": "string"}]}
    result = {key: ecma(value) if key == "pattern" else _with_text(value, texts) for key, value in schema.items()}
    if "anyOf" in result:  # one list of alternatives, not one inside another
        result["anyOf"] = [option for item in result["anyOf"]
                           for option in (item["anyOf"] if set(item) == {"anyOf"} else [item])]
    return result
