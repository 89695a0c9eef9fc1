"""Files and names: the data folder is read only from itself, and every name
makes a portable web address. `make validate` refuses what the build refuses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from arrangements.core import load_dataset
from conftest import REPO, build_site

BASE = (REPO / "tests" / "broken" / "_base.yml").read_text(encoding="utf-8")


def _data(tmp_path: Path, name: str = "demo") -> Path:
    data = tmp_path / "data"
    (data / "partnerships" / name / "arrangements").mkdir(parents=True)
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    (data / "partnerships" / name / "arrangements" / "2024.yml").write_text(BASE, encoding="utf-8")
    return data


def _messages(data: Path) -> list[str]:
    return [str(p) for p in load_dataset(data).problems.errors]


def _outside(tmp_path: Path) -> Path:
    secret = tmp_path / "elsewhere" / "secret.yml"
    secret.parent.mkdir()
    secret.write_text(BASE.replace("Demo", "Secret-7f3a"), encoding="utf-8")
    return secret


def test_the_base_data_is_clean(tmp_path: Path) -> None:
    assert _messages(_data(tmp_path)) == []


def test_a_symlinked_version_file_is_refused(tmp_path: Path) -> None:
    data = _data(tmp_path)
    (data / "partnerships" / "demo" / "arrangements" / "2025.yml").symlink_to(_outside(tmp_path))
    messages = _messages(data)
    expected = "data/partnerships/demo/arrangements/2025.yml:1:1: the file is a link (symlink)"
    assert any(m.startswith(expected) for m in messages), messages


def test_a_symlinked_partnership_folder_is_refused(tmp_path: Path) -> None:
    data = _data(tmp_path)
    other = tmp_path / "elsewhere-partnership"
    shutil.copytree(data / "partnerships" / "demo", other)
    (data / "partnerships" / "linked").symlink_to(other, target_is_directory=True)
    messages = _messages(data)
    assert any(m.startswith("data/partnerships/linked:1:1: the folder is a link") for m in messages), messages
    assert "linked" not in load_dataset(data).partnerships


def test_a_symlinked_reference_file_is_refused(tmp_path: Path) -> None:
    data = _data(tmp_path)
    schedule = data / "reference" / "relevant-agency-schedule.yml"
    target = tmp_path / "schedule.yml"
    shutil.move(schedule, target)
    schedule.symlink_to(target)
    assert any("data/reference/relevant-agency-schedule.yml:1:1: the file is a link" in m for m in _messages(data))


def test_a_linked_site_folder_is_refused(tmp_path: Path) -> None:
    data = _data(tmp_path)
    elsewhere = tmp_path / "site-elsewhere"
    elsewhere.mkdir()
    shutil.copy(REPO / "data" / "site" / "accessibility.yml", elsewhere / "accessibility.yml")
    (data / "site").symlink_to(elsewhere, target_is_directory=True)
    messages = _messages(data)
    assert any(m.startswith("data/site/accessibility.yml:1:1: the folder 'site' is a link") for m in messages), messages


def test_a_report_folder_linked_elsewhere_is_refused(tmp_path: Path) -> None:
    data = _data(tmp_path)
    elsewhere = tmp_path / "reports-elsewhere"
    elsewhere.mkdir()
    (data / "partnerships" / "demo" / "reports").symlink_to(elsewhere, target_is_directory=True)
    report = REPO / "data" / "partnerships" / "north-somerset" / "reports" / "2024-25.yml"
    shutil.copy(report, elsewhere / "2024-25.yml")
    assert any("data/partnerships/demo/reports/2024-25.yml:1:1: the folder 'partnerships/demo/reports' is a link" in m
               for m in _messages(data)), _messages(data)


def test_one_version_in_two_extensions_is_refused(tmp_path: Path) -> None:
    data = _data(tmp_path)
    (data / "partnerships" / "demo" / "arrangements" / "2024.yaml").write_text(BASE, encoding="utf-8")
    messages = _messages(data)
    for name in ("2024.yml", "2024.yaml"):
        assert any(m.startswith(f"data/partnerships/demo/arrangements/{name}:1:1: two files for one version")
                   for m in messages), messages


@pytest.mark.parametrize("name, words", [
    ("demo\n", "'demo\\n' is not a valid partnership folder name"),
    ("Demo", "is not a valid partnership folder name"),
    ("con", "Windows reserves"),
    ("aux", "Windows reserves"),
    ("lpt1", "Windows reserves"),
    ("x" * 61, "61 characters long (the limit is 60)"),
])
def test_folder_names_that_make_no_portable_address(tmp_path: Path, name: str, words: str) -> None:
    messages = _messages(_data(tmp_path, name))
    assert any(words in m and "rename" in m for m in messages), messages
    assert all("\n" not in m for m in messages)  # one problem, one line of output


@pytest.mark.parametrize("stem", ["nul", "2024\n"])
def test_version_names_that_make_no_portable_address(tmp_path: Path, stem: str) -> None:
    data = _data(tmp_path)
    (data / "partnerships" / "demo" / "arrangements" / f"{stem}.yml").write_text(BASE, encoding="utf-8")
    assert any("rename" in m for m in _messages(data))


def test_validate_and_the_build_refuse_a_symlink_alike(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    (data / "partnerships" / "demo").mkdir()
    (data / "partnerships" / "demo" / "arrangements").mkdir()
    (data / "partnerships" / "demo" / "arrangements" / "2024.yml").symlink_to(_outside(tmp_path))
    env = {**os.environ, "PYTHONPATH": str(REPO / "macros")}
    validate = subprocess.run([sys.executable, "-m", "arrangements", "validate", "--data", str(data)],
                              env=env, capture_output=True, text=True, timeout=120)
    build = build_site(tmp_path / "site", data)
    for result in (validate, build):
        output = result.stdout + result.stderr
        assert result.returncode != 0 and "Traceback" not in output
        assert "data/partnerships/demo/arrangements/2024.yml:1:1: the file is a link" in output
    assert not (tmp_path / "site" / "demo").exists()
