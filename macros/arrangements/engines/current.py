"""One dataset per build, shared by the hook and the macros.

Why: loading and validating once per build (not per page) keeps the data
layer's cost flat as pages grow; the cache key is the data folder's file
times, so `mkdocs serve` reloads only when a data file really changed.
"""

from __future__ import annotations

import os
from pathlib import Path

from arrangements import REPO
from arrangements.core import Dataset, load_dataset

_cache: dict[str, tuple[tuple[tuple[str, float], ...], Dataset]] = {}
# Why: during a build every macro call asks for the dataset; checking file
# times each time cost more than the pages. The hook pins one per build.
_pinned: list[Dataset] = []


def data_root() -> Path:
    """The data folder: ARRANGEMENTS_DATA if set (tests, benchmarks), else data/."""
    return Path(os.environ.get("ARRANGEMENTS_DATA") or REPO / "data").resolve()


# Why the posts too: they are checked with the data (news_check.py), so an edited post during
# `mkdocs serve` must be checked again, not served from the last dataset.
POSTS = REPO / "docs" / "news" / "posts"


def _fingerprint(root: Path) -> tuple[tuple[str, float], ...]:
    files = [*root.rglob("*.y*ml"), *(POSTS.rglob("*") if POSTS.is_dir() else [])]
    return tuple(sorted((str(p), p.lstat().st_mtime) for p in files if p.is_file() or p.is_symlink()))


def pin(dataset: Dataset | None) -> None:
    """Use this dataset until unpinned (the MkDocs hook pins one per build)."""
    _pinned[:] = [dataset] if dataset is not None else []


def current_dataset(root: Path | None = None) -> Dataset:
    if _pinned and root is None:
        return _pinned[0]
    root = root or data_root()
    key = str(root)
    stamp = _fingerprint(root)
    cached = _cache.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    dataset = load_dataset(root)
    _cache[key] = (stamp, dataset)
    return dataset
