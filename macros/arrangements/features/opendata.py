"""Open data: every partnership's arrangements as JSON, at stable addresses in the built site.

Inspectors, the national panel, researchers and other councils can read the
same data the pages are made from, without scraping HTML:

    data/index.json                           every partnership, its versions and file addresses
    data/<id>.json                            the current arrangements
    data/<id>/<version>.json                  each version (e.g. data/southampton/2022.json)
    data/reference/relevant-agency-schedule.json
    data/schema/*.schema.json                 a JSON Schema (Draft 2020-12) for each kind of file above,
                                              its `$id` its own address (opendata_schemas.py)

Each partnership file is `{"meta": {...}, "arrangements": {...}}`: `arrangements` is
exactly the validated model (`model_dump(mode="json")`), so it validates against the
schema and reads back into the same model; `meta` says where it came from.
docs/open-data.md documents the fields; keep it in step with FORMAT_VERSION.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from arrangements.data.dataset import Dataset, Partnership, Version
from arrangements.features.opendata_schemas import ARRANGEMENTS, schemas

DATA_DIR = "data"
SCHEMA_PATH = ARRANGEMENTS
SCHEDULE_PATH = f"{DATA_DIR}/reference/relevant-agency-schedule.json"
INDEX_PATH = f"{DATA_DIR}/index.json"
# Why: consumers can tell when the file layout (not the data) changes in a way that breaks them.
FORMAT_VERSION = 1


def current_path(pid: str) -> str:
    return f"{DATA_DIR}/{pid}.json"


def version_path(pid: str, version: str) -> str:
    return f"{DATA_DIR}/{pid}/{version}.json"


def _url(path: str, site_url: str | None) -> str:
    """A site-relative path, or a full address when the site's address is known."""
    return site_url.rstrip("/") + "/" + path if site_url else path


def _version_entry(partnership: Partnership, version: Version, site_url: str | None) -> dict[str, Any]:
    data = version.arrangements
    return {
        "version": version.id,
        "title": version.label,
        "status": data.status,
        "current": version is partnership.current,
        "agreed": data.dates.agreed,
        "effective": data.dates.effective,
        "json": _url(version_path(partnership.id, version.id), site_url),
    }


def _meta(partnership: Partnership, version: Version, site_url: str | None) -> dict[str, Any]:
    return {
        "format_version": FORMAT_VERSION,
        "partnership": partnership.id,
        "version": version.id,
        "current": version is partnership.current,
        "source_file": version.source_path,
        "page": _url(f"{partnership.id}/", site_url),
        "schema": _url(SCHEMA_PATH, site_url),
        "versions": [_version_entry(partnership, v, site_url) for v in partnership.versions],
    }


def _document(partnership: Partnership, version: Version, site_url: str | None) -> dict[str, Any]:
    return {"meta": _meta(partnership, version, site_url),
            "arrangements": version.arrangements.model_dump(mode="json")}


def export(dataset: Dataset, site_url: str | None = None) -> dict[str, Any]:
    """{path in the built site: JSON-able value} for every open-data file."""
    files: dict[str, Any] = dict(schemas(lambda path: _url(path, site_url)))
    index: list[dict[str, Any]] = []
    for partnership in dataset.partnerships.values():
        data = partnership.data
        index.append({
            "id": partnership.id,
            "name": data.name,
            "short_name": data.short_name,
            "kind": data.kind,
            "status": data.status,
            "areas": data.areas,
            "multi_area": data.multi_area,
            "page": _url(f"{partnership.id}/", site_url),
            "json": _url(current_path(partnership.id), site_url),
            "current_version": partnership.current.id,
            "versions": [_version_entry(partnership, v, site_url) for v in partnership.versions],
        })
        files[current_path(partnership.id)] = _document(partnership, partnership.current, site_url)
        for version in partnership.versions:
            files[version_path(partnership.id, version.id)] = _document(partnership, version, site_url)
    if dataset.schedule is not None:
        files[SCHEDULE_PATH] = dataset.schedule.model_dump(mode="json")
    files[INDEX_PATH] = {
        "format_version": FORMAT_VERSION,
        "schema": _url(SCHEMA_PATH, site_url),
        "relevant_agency_schedule": _url(SCHEDULE_PATH, site_url) if dataset.schedule else None,
        "partnerships": index,
    }
    return files


def dumps(value: Any) -> str:
    # Why unsorted: the files mirror the YAML order. Why no indent: browsers and
    # tools lay JSON out themselves, and Python's fast encoder only writes it compact.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def export_text(dataset: Dataset, site_url: str | None = None) -> dict[str, str]:
    """The same files as text, for a build step that adds them as generated files."""
    return {path: dumps(value) for path, value in export(dataset, site_url).items()}


def write_open_data(dataset: Dataset, site_dir: Path, site_url: str | None = None) -> list[Path]:
    """Write every open-data file under the built site (the post-build hook calls this)."""
    written = []
    for path, text in export_text(dataset, site_url).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
