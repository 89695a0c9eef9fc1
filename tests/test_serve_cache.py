"""`mkdocs serve` reuses unchanged pages between rebuilds (macros/page_cache.py).

A reused page must be exactly the page a fresh `mkdocs build --strict`
writes, so each test rebuilds the way `mkdocs serve` does (one process,
the config loaded again on each save) and compares every output file,
byte for byte, with a real fresh build of the same data.
"""

from __future__ import annotations

import filecmp
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from arrangements.core import load_dataset
from arrangements.rendering import pages
from conftest import NORTH_SOMERSET, REPO, build_site
from mkdocs.commands.build import build
from mkdocs.config import load_config

Rebuild = Callable[[], int]


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    monkeypatch.setenv("ARRANGEMENTS_DATA", str(folder))
    monkeypatch.setenv("ARRANGEMENTS_ONLY", "")
    return folder


@pytest.fixture
def serving(tmp_path: Path, data: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, Rebuild]]:
    """A site folder and a function that rebuilds it as one `mkdocs serve` process does."""
    monkeypatch.chdir(REPO)
    site = tmp_path / "served"
    started: list[bool] = []

    def rebuild() -> int:
        config = load_config(str(REPO / "mkdocs.yml"), site_dir=str(site))
        if not started:
            config.plugins.on_startup(command="serve", dirty=False)
            started.append(True)
        build(config, serve_url="http://127.0.0.1:8000/")
        from page_cache import PAGES  # importable once the hooks have run

        return PAGES.last_reused

    yield site, rebuild
    from page_cache import PAGES

    PAGES.start("build")  # later builds in this process render every page


def differences(served: Path, fresh: Path) -> list[str]:
    """Files that differ or exist on one side only, as paths under the site."""
    found: list[str] = []

    def walk(compare: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in compare.left_only + compare.right_only + compare.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(compare.left, compare.right, compare.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in compare.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(served, fresh), "")
    return found


def fresh_build(tmp_path: Path, data: Path) -> Path:
    out = tmp_path / "fresh"
    result = build_site(out, data)
    assert result.returncode == 0, result.stderr[-3000:]
    return out


def generated(data: Path) -> int:
    """How many pages the data makes (the ones the cache may reuse)."""
    return len(pages.all_pages(load_dataset(data)))


def edit(data: Path, old: str, new: str) -> None:
    path = data / NORTH_SOMERSET
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edit_reuses_unchanged_pages_and_the_site_matches_a_fresh_build(
        tmp_path: Path, data: Path, serving: tuple[Path, Rebuild]) -> None:
    site, rebuild = serving
    assert rebuild() == 0  # the first build has nothing to reuse
    edit(data, "neglect and exploitation.\n", "neglect and exploitation and harm online.\n")
    reused = rebuild()

    overview = (site / "north-somerset" / "index.html").read_text(encoding="utf-8")
    assert "exploitation and harm online." in overview
    # Most pages are another partnership's, or this one's without the summary.
    assert generated(data) // 2 < reused < generated(data)
    assert differences(site, fresh_build(tmp_path, data)) == []


def test_a_new_partnership_name_renders_every_page_again(
        tmp_path: Path, data: Path, serving: tuple[Path, Rebuild]) -> None:
    site, rebuild = serving
    rebuild()
    edit(data, "name: North Somerset Safeguarding Children Partnership",
         "name: North Somerset Children's Safeguarding Partnership")
    # Why none: the name is in the menu, and the menu is on every page.
    assert rebuild() == 0
    assert "North Somerset Children&#39;s Safeguarding Partnership" in (
        site / "index.html").read_text(encoding="utf-8").replace("'", "&#39;")
    assert differences(site, fresh_build(tmp_path, data)) == []


def test_a_rebuild_with_no_change_reuses_every_generated_page(
        data: Path, serving: tuple[Path, Rebuild]) -> None:
    site, rebuild = serving
    rebuild()
    before = {path: path.read_bytes() for path in site.rglob("*.html")}
    reused = rebuild()
    assert reused == generated(data)
    assert {path: path.read_bytes() for path in site.rglob("*.html")} == before
