"""Open data: the JSON files read back into the same model and validate against the published schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from agency_data import small_dataset
from arrangements.core import Dataset, load_dataset
from arrangements.data.model import Arrangements
from arrangements.data.reference import Schedule
from arrangements.features.opendata import (
    INDEX_PATH,
    SCHEDULE_PATH,
    SCHEMA_PATH,
    current_path,
    export,
    version_path,
    write_open_data,
)
from jsonschema import Draft202012Validator

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module", params=["small", "bundled"])
def dataset(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    if request.param == "small":
        return small_dataset(tmp_path_factory.mktemp("opendata"))
    data = load_dataset(REPO / "data")
    if not data.partnerships:
        pytest.skip("no bundled partnerships yet")
    return data


def _check_round_trip(files: dict[str, Any], dataset: Dataset) -> None:
    validator = Draft202012Validator(files[SCHEMA_PATH])
    for pid, partnership in dataset.partnerships.items():
        current = files[current_path(pid)]
        assert current["meta"]["version"] == partnership.current.id
        assert Arrangements.model_validate(current["arrangements"]) == partnership.data
        for version in partnership.versions:
            document = files[version_path(pid, version.id)]
            errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document["arrangements"])]
            assert not errors, f"{pid}/{version.id}: {errors}"
            assert Arrangements.model_validate(document["arrangements"]) == version.arrangements


def test_every_version_round_trips_and_validates(dataset: Dataset) -> None:
    files = json.loads(json.dumps(export(dataset)))  # through real JSON text, as a reader gets it
    Draft202012Validator.check_schema(files[SCHEMA_PATH])
    _check_round_trip(files, dataset)


def test_index_lists_partnerships_and_versions(dataset: Dataset) -> None:
    index = export(dataset)[INDEX_PATH]
    assert [p["id"] for p in index["partnerships"]] == list(dataset.partnerships)
    for entry in index["partnerships"]:
        partnership = dataset.partnerships[entry["id"]]
        assert entry["name"] == partnership.data.name and entry["areas"] == partnership.data.areas
        assert entry["json"] == current_path(entry["id"])
        assert [v["version"] for v in entry["versions"]] == [v.id for v in partnership.versions]
        assert sum(v["current"] for v in entry["versions"]) == 1
    assert index["schema"] == SCHEMA_PATH


def test_full_addresses_when_the_site_url_is_known(tmp_path: Path) -> None:
    dataset = small_dataset(tmp_path)
    index = export(dataset, "https://example.org/site/")[INDEX_PATH]
    assert index["partnerships"][0]["json"] == "https://example.org/site/data/northtown.json"
    assert index["partnerships"][0]["versions"][0]["json"] == "https://example.org/site/data/northtown/2022.json"


def test_schedule_is_published(tmp_path: Path) -> None:
    dataset = small_dataset(tmp_path)
    assert Schedule.model_validate(export(dataset)[SCHEDULE_PATH]) == dataset.schedule


def test_write_open_data(tmp_path: Path) -> None:
    dataset = small_dataset(tmp_path)
    written = write_open_data(dataset, tmp_path / "site")
    assert {p.relative_to(tmp_path / "site").as_posix() for p in written} == set(export(dataset))
    older = json.loads((tmp_path / "site" / "data" / "northtown" / "2022.json").read_text(encoding="utf-8"))
    assert older["arrangements"]["status"] == "superseded"


def test_built_site_publishes_the_data(built_site: Path) -> None:
    """The files in the built site read back into the model the site was built from."""
    bundled = load_dataset(REPO / "data")
    files = {path: json.loads((built_site / path).read_text(encoding="utf-8")) for path in export(bundled)}
    _check_round_trip(files, bundled)


def test_every_published_file_validates_against_its_published_schema_with_a_third_party_validator(
        built_site: Path) -> None:
    """What a consumer would do: fetch a file and its schema (the `$id` is the schema's real address)
    and check one against the other with check-jsonschema, not with our own code."""
    import subprocess
    import sys

    from arrangements.engines.generate import site_settings

    site_url = site_settings()["site_url"].rstrip("/") + "/"
    folder = built_site / "data" / "schema"
    schemas = sorted(folder.glob("*.schema.json"))
    assert {s.name for s in schemas} >= {"arrangements.schema.json", "partnership.schema.json",
                                         "index.schema.json", "relevant-agency-schedule.schema.json"}
    for schema in schemas:
        assert json.loads(schema.read_text(encoding="utf-8"))["$id"] == site_url + f"data/schema/{schema.name}"
    checker = [str(Path(sys.executable).parent / "check-jsonschema")]
    metaschema = subprocess.run([*checker, "--check-metaschema", *map(str, schemas)], capture_output=True, text=True)
    assert metaschema.returncode == 0, metaschema.stdout + metaschema.stderr
    data = built_site / "data"
    which = {"index.schema.json": [data / "index.json"],
             "relevant-agency-schedule.schema.json": [data / "reference" / "relevant-agency-schedule.json"],
             "partnership.schema.json": [*data.glob("*.json"), *data.glob("*/[0-9]*.json")]}
    which["partnership.schema.json"].remove(data / "index.json")
    assert len(which["partnership.schema.json"]) >= 14
    for name, files in which.items():
        # Why --base-uri: the relative $ref (arrangements.schema.json) is read from the built site, not the web.
        result = subprocess.run([*checker, "--base-uri", (folder / name).as_uri(), "--schemafile", str(folder / name),
                                 *map(str, files)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
    # And it can fail: a file that breaks its schema is refused.
    broken = built_site.parent / "broken.json"
    document = json.loads((data / "southampton.json").read_text(encoding="utf-8"))
    document["arrangements"]["kind"] = "not a kind"
    broken.write_text(json.dumps(document), encoding="utf-8")
    refused = subprocess.run([*checker, "--base-uri", (folder / "partnership.schema.json").as_uri(), "--schemafile",
                              str(folder / "partnership.schema.json"), str(broken)], capture_output=True, text=True)
    assert refused.returncode != 0 and "kind" in refused.stdout + refused.stderr
