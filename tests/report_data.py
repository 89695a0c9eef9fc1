"""Helpers for the report, checklist and changes tests: a copy of the bundled data to edit."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from arrangements.core import Dataset, load_dataset

REPO = Path(__file__).resolve().parents[1]
TODAY = date(2026, 11, 22)
SAMPLE = Path("partnerships/north-somerset/reports/2024-25.yml")


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    return data


def edited(tmp_path: Path, relative: Path, change: Callable[[str], str]) -> Dataset:
    """Load a copy of the bundled data with one file changed by `change`."""
    data = copy_data(tmp_path)
    path = data / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    after = change(before)
    assert after != before, "the edit changed nothing"
    path.write_text(after, encoding="utf-8")
    return load_dataset(data)


def line_of(dataset: Dataset, relative: Path, text: str) -> int:
    """1-based line of the first line containing `text`."""
    lines = (dataset.root / relative).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)
