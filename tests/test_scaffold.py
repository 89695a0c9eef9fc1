"""`arrangements new`: a new partnership that validates (and builds) at once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from arrangements.cli import main
from arrangements.commands import DEFAULT_DATA, SCHEMA_PATH
from arrangements.core import load_dataset
from arrangements.data.load import parse_text
from arrangements.data.problems import ProblemList
from arrangements.features.scaffold import SCHEMA_LINE, ScaffoldError, create
from conftest import build_site


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the real data folder (reference lists and partnerships), so checks see real context."""
    copy = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA, copy)
    return copy


def test_new_partnership_validates_at_once(data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "exampleshire", "--data", str(data), "--year", "2026"]) == 0
    path = data / "partnerships" / "exampleshire" / "arrangements" / "2026.yml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == SCHEMA_LINE
    assert "Created" in capsys.readouterr().out
    dataset = load_dataset(data)
    assert not dataset.problems.errors, [str(p) for p in dataset.problems.errors]
    new = dataset.partnerships["exampleshire"].data
    assert new.status == "draft" and new.name == "Exampleshire Safeguarding Children Partnership"
    phones = {c.phone for c in new.contacts}
    assert {"999", "101", "0808 800 5000", "0800 1111"} <= phones
    # Blank means "to be confirmed", so the gaps are there to see rather than missing.
    assert new.chair is None and new.partners[0].lead is None and new.topics.education is None


def test_the_editor_schema_accepts_the_new_file(tmp_path: Path) -> None:
    path = create("north-exampleshire", tmp_path, name="North Exampleshire Partnership", year=2027)
    doc = parse_text(path.read_text(encoding="utf-8"), str(path), ProblemList())
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validate(doc.data, schema)  # what VS Code checks while typing
    assert doc.data["name"] == "North Exampleshire Partnership"
    assert doc.data["areas"] == ["North Exampleshire"]


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    path = create("exampleshire", tmp_path, year=2026)
    path.write_text(path.read_text() + "# edited\n")
    for year in (2026, 2027):  # neither the same file nor a second "new" partnership over it
        with pytest.raises(ScaffoldError, match="already exists"):
            create("exampleshire", tmp_path, year=year)
    assert path.read_text().endswith("# edited\n")


@pytest.mark.parametrize(("bad", "suggestion"), [("Exampleshire", "exampleshire"), ("North Somerset", "north-somerset"),
                                                  ("../etc", "etc")])
def test_bad_ids_get_a_friendly_message(tmp_path: Path, bad: str, suggestion: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", bad, "--data", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "lowercase letters, digits and hyphens" in err and f"Try: {suggestion}" in err
    assert not (tmp_path / "partnerships").exists()


def test_new_partnership_builds(data: Path, tmp_path: Path) -> None:
    create("exampleshire", data, year=2026)
    site = tmp_path / "site"
    result = build_site(site, data)
    assert result.returncode == 0, result.stderr[-3000:]
    page = (site / "exampleshire" / "index.html").read_text(encoding="utf-8")
    assert "Exampleshire Safeguarding Children Partnership" in page
    assert "0808\u00a0800\u00a05000" in page.replace("&nbsp;", "\u00a0")  # a number never breaks across lines
