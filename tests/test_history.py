"""Last reviewed / last changed, and the edit link of generated pages."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from arrangements.core import load_dataset
from arrangements.features.history import (
    edit_url,
    git_dates,
    last_changed,
    long_date,
    page_history,
)
from arrangements.features.scaffold import create


def _commit(repo: Path, day: str, message: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00"}
    git = ["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org",
           "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "add", "-A"], check=True, env=env)
    subprocess.run([*git, "commit", "-q", "-m", message], check=True, env=env)


def test_last_changed_comes_from_git_for_committed_files(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    data = tmp_path / "data"
    first, second = data / "a" / "2024.yml", data / "b" / "2024.yml"
    first.parent.mkdir(parents=True)
    second.parent.mkdir(parents=True)
    first.write_text("name: a\n")
    second.write_text("name: b\n")
    _commit(tmp_path, "2024-03-05", "add a and b")
    first.write_text("name: a, changed\n")
    _commit(tmp_path, "2025-07-01", "change a")

    dates = git_dates(data.resolve())
    assert dates == {"a/2024.yml": "2025-07-01", "b/2024.yml": "2024-03-05"}
    assert last_changed(second, data) == "2024-03-05"
    assert last_changed(first, data) == "2025-07-01"


def test_last_changed_falls_back_to_file_time_outside_git(tmp_path: Path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("x: 1\n")
    os.utime(path, (1_700_000_000, 1_700_000_000))  # 14 November 2023
    assert last_changed(path, tmp_path) == "2023-11-14"


def test_long_dates() -> None:
    assert long_date("2026-11-22") == "22 November 2026"
    assert long_date("2026-03") == "March 2026"
    assert long_date("2026") == "2026"
    assert long_date(None) is None


def test_page_history_footer(tmp_path: Path) -> None:
    data = tmp_path / "data"
    path = create("exampleshire", data, year=2026)
    os.utime(path, (1_700_000_000, 1_700_000_000))
    dataset = load_dataset(data)
    footer = page_history(dataset, "exampleshire")
    assert "Last reviewed: <em>To be confirmed</em>" in footer  # blank stays visible, never vanishes
    assert 'Last changed: <time datetime="2023-11-14">14 November 2023</time>' in footer


def test_edit_url_opens_the_data_file() -> None:
    url = edit_url("https://github.com/org/site/", "data/partnerships/x/arrangements/2026.yml", "edit/main/docs/")
    assert url == "https://github.com/org/site/edit/main/data/partnerships/x/arrangements/2026.yml"
    assert edit_url(None, "data/x.yml") is None
