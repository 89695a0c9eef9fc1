"""The dataset the macros of hand-written pages render from, during a build or a preview.

Why a cache: an engine's preview server keeps the macros module loaded
between rebuilds; the cache key is the data folder's file times, so the data
is loaded again only when a data file (or a news post) really changed.
ARRANGEMENTS_DATA and ARRANGEMENTS_ONLY say which data and which
partnerships, as they did for `arrangements generate` (the build passes them on).
"""

from __future__ import annotations

import os
from pathlib import Path

from arrangements import REPO
from arrangements.core import Dataset, load_dataset
from arrangements.engines.preview import preview, wanted

_cache: dict[str, tuple[tuple[tuple[str, float], ...], Dataset]] = {}


def data_root() -> Path:
    """The data folder: ARRANGEMENTS_DATA if set (tests, benchmarks), else data/."""
    return Path(os.environ.get("ARRANGEMENTS_DATA") or REPO / "data").resolve()


# Why the posts too: they are checked with the data (news_check.py), so an edited post during
# `mkdocs serve` must be checked again, not served from the last dataset.
POSTS = REPO / "docs" / "news" / "posts"


def _fingerprint(root: Path) -> tuple[tuple[str, float], ...]:
    files = [*root.rglob("*.y*ml"), *(POSTS.rglob("*") if POSTS.is_dir() else [])]
    return tuple(sorted((str(p), p.lstat().st_mtime) for p in files if p.is_file() or p.is_symlink()))


def current_dataset(root: Path | None = None) -> Dataset:
    root = root or data_root()
    key = f"{root}\0{','.join(wanted())}"
    stamp = _fingerprint(root)
    cached = _cache.get(key)
    if cached and cached[0] == stamp:
        return cached[1]
    dataset = load_dataset(root)
    if wanted() and dataset.ok:
        dataset = preview(dataset, wanted())
    _cache[key] = (stamp, dataset)
    return dataset
