"""The JSON Schema of a record type, from the same classes that check the data.

Editors (VS Code's YAML extension, for one) read it to underline a wrong
key and show each field's description while a file is typed; open-data
users validate the published JSON against it. Being generated from the
records, it cannot drift from what the build accepts.
"""

from __future__ import annotations

import inspect
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from arrangements.data.structure import FieldInfo, Record, StringConstraints

_SCALARS = {str: "string", int: "integer", float: "number", bool: "boolean"}


def ecma(pattern: str | None) -> str | None:
    """A Python pattern as JSON Schema reads it (ECMA-262): `\\Z` ("end of text") is `$` there."""
    return pattern.replace("\\Z", "$") if pattern else pattern


def record_schema(model: type[Record]) -> dict[str, Any]:
    """The schema of `model` with every record type it contains under `$defs`."""
    defs: dict[str, Any] = {}
    schema = _record(model, defs)
    if defs:
        schema["$defs"] = dict(sorted(defs.items()))
    return _sorted(schema)


def _record(model: type[Record], defs: dict[str, Any]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, info in model.model_fields.items():
        properties[name] = _field(name, info, defs)
        if _one_or_many(model, info):
            # Why: `chair: Independent Chair` (one) and a list of co-chairs are both valid.
            field = properties[name]
            if "anyOf" not in field:
                field["anyOf"] = [{"items": field.pop("items"), "type": field.pop("type")}]
            field["anyOf"].insert(1, field["anyOf"][0]["items"])
        if info.is_required():
            required.append(name)
    schema: dict[str, Any] = {"additionalProperties": False, "properties": properties,
                              "title": model.__name__, "type": "object"}
    if model.__doc__ and model.__doc__ is not Record.__doc__:
        schema["description"] = inspect.cleandoc(model.__doc__)
    if required:
        schema["required"] = required
    return schema


def _one_or_many(model: type[Record], info: FieldInfo) -> bool:
    return any(getattr(hook.func, "one_or_many", False) and info.attr in hook.fields for hook in model._hooks)


def _field(name: str, info: FieldInfo, defs: dict[str, Any]) -> dict[str, Any]:
    schema = _type(info.annotation, defs)
    # A field's own limits belong to the value, not to its `null` alternative.
    target = schema["anyOf"][0] if "anyOf" in schema else schema
    for key, limit in (("minimum", info.ge), ("maximum", info.le), ("minItems", info.min_length)):
        if limit is not None:
            target[key] = limit
    if info.description:
        schema["description"] = info.description
    if not _refers(schema):  # a record's title is on its own definition
        schema["title"] = name.replace("_", " ").title()
    if not info.is_required() and info.default_factory is None:
        schema["default"] = info.default
    return schema


def _type(annotation: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *meta = get_args(annotation)
        schema = _type(base, defs)
        for rule in meta:
            if isinstance(rule, StringConstraints):
                schema.update({k: v for k, v in (("maxLength", rule.max_length), ("pattern", ecma(rule.pattern)))
                               if v})
            elif isinstance(rule, FieldInfo) and rule.description:
                schema["description"] = rule.description
        return schema
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in get_args(annotation) if a is not type(None)]
        schema = _type(inner, defs)
        return {"anyOf": [*schema.get("anyOf", [schema]), {"type": "null"}]}
    if origin is list:
        return {"items": _type(get_args(annotation)[0], defs), "type": "array"}
    if origin is Literal:
        return {"enum": list(get_args(annotation)), "type": "string"}
    if isinstance(annotation, type) and issubclass(annotation, Record):
        if annotation.__name__ not in defs:
            defs[annotation.__name__] = {}  # claimed first, so a record that contains itself stops here
            defs[annotation.__name__] = _record(annotation, defs)
        ref = {"$ref": f"#/$defs/{annotation.__name__}"}
        # Why: `chair: Independent Chair` and `frequency: monthly` are written as one line of text.
        return {"anyOf": [ref, {"type": "string"}]} if annotation.accepts_text() else ref
    return {"type": _SCALARS[annotation]}


def _refers(schema: dict[str, Any]) -> bool:
    return "$ref" in schema or any("$ref" in option for option in schema.get("anyOf", []))


def _sorted(schema: Any, properties: bool = False) -> Any:
    """Keys in alphabetical order, as pydantic wrote them, except field order under `properties`."""
    if isinstance(schema, list):
        return [_sorted(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    keys = schema if properties else sorted(schema)
    return {key: _sorted(schema[key], key == "properties" and not properties) for key in keys}
