"""The JSON Schemas of the open-data files, each published at the address its `$id` names.

Why every file has one: a consumer (an inspector's script, another council's
site) can check what it downloads before trusting it, with any validator.
Each `$id` is the schema's real address in the built site, so a relative
`$ref` (a partnership file's `arrangements` → arrangements.schema.json) resolves
to the published file. The arrangements and schedule schemas are written from
the records themselves, so they never drift from what the build accepts.
"""

from __future__ import annotations

from typing import Any

from arrangements.data.reference import Schedule
from arrangements.data.schema import json_schema

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "data/schema"
ARRANGEMENTS = f"{FOLDER}/arrangements.schema.json"
PARTNERSHIP = f"{FOLDER}/partnership.schema.json"
INDEX = f"{FOLDER}/index.schema.json"
SCHEDULE = f"{FOLDER}/relevant-agency-schedule.schema.json"

_TEXT = {"type": "string"}
_TEXT_OR_NULL = {"type": ["string", "null"]}
_VERSION = {
    "type": "object", "additionalProperties": False,
    "required": ["version", "title", "status", "current", "agreed", "effective", "json"],
    "properties": {"version": _TEXT, "title": _TEXT, "status": _TEXT, "current": {"type": "boolean"},
                   "agreed": _TEXT_OR_NULL, "effective": _TEXT_OR_NULL,
                   "json": {**_TEXT, "description": "Address of this version's file."}},
}


def _wrap(schema: dict[str, Any], path: str, url: str, title: str) -> dict[str, Any]:
    body = {key: value for key, value in schema.items() if key not in {"$schema", "$id"}}
    return {"$schema": DRAFT, "$id": url(path), "title": title, **body}


def schemas(url: Any) -> dict[str, dict[str, Any]]:  # noqa: ANN401 - url: Callable[[str], str]
    """{path in the built site: schema}; `url(path)` gives a path's address (absolute when the site's is known)."""
    return {
        ARRANGEMENTS: _wrap(json_schema(), ARRANGEMENTS, url, "A partnership's arrangements"),
        SCHEDULE: _wrap(json_schema(Schedule), SCHEDULE, url, "The relevant-agency schedule"),
        PARTNERSHIP: {
            "$schema": DRAFT, "$id": url(PARTNERSHIP), "title": "One version of a partnership's arrangements",
            "type": "object", "additionalProperties": False, "required": ["meta", "arrangements"],
            "properties": {
                "meta": {
                    "type": "object", "additionalProperties": False,
                    "required": ["format_version", "partnership", "version", "current", "source_file", "page",
                                 "schema", "versions"],
                    "properties": {"format_version": {"type": "integer"}, "partnership": _TEXT, "version": _TEXT,
                                   "current": {"type": "boolean"}, "source_file": _TEXT, "page": _TEXT,
                                   "schema": _TEXT, "versions": {"type": "array", "items": _VERSION}},
                },
                "arrangements": {"$ref": "arrangements.schema.json"},
            },
        },
        INDEX: {
            "$schema": DRAFT, "$id": url(INDEX), "title": "Every partnership on this site",
            "type": "object", "additionalProperties": False,
            "required": ["format_version", "schema", "relevant_agency_schedule", "partnerships"],
            "properties": {
                "format_version": {"type": "integer"}, "schema": _TEXT, "relevant_agency_schedule": _TEXT_OR_NULL,
                "partnerships": {"type": "array", "items": {
                    "type": "object", "additionalProperties": False,
                    "required": ["id", "name", "page", "json", "current_version", "versions"],
                    "properties": {
                        "id": _TEXT, "name": _TEXT, "short_name": _TEXT_OR_NULL, "kind": _TEXT_OR_NULL,
                        "status": _TEXT_OR_NULL, "areas": {"type": "array", "items": _TEXT},
                        "multi_area": {"type": ["array", "null"], "items": _TEXT}, "page": _TEXT, "json": _TEXT,
                        "current_version": _TEXT, "versions": {"type": "array", "items": _VERSION}}}},
            },
        },
    }
