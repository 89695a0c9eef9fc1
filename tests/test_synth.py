"""The synthetic national dataset is deterministic and valid."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from arrangements.core import load_dataset

REPO = Path(__file__).resolve().parents[1]


def _generate(out: Path, n: int = 10, seed: int = 7) -> dict[str, str]:
    subprocess.run([sys.executable, "scripts/synth.py", "--n", str(n), "--seed", str(seed), "--out", str(out)],
                   cwd=REPO, check=True, capture_output=True)
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.yml"))}


def test_same_seed_same_files(tmp_path: Path) -> None:
    assert _generate(tmp_path / "a") == _generate(tmp_path / "b")
    assert _generate(tmp_path / "c", seed=8) != _generate(tmp_path / "a")


def test_generated_data_validates_and_is_shaped_like_the_real_ones(tmp_path: Path) -> None:
    _generate(tmp_path / "data")
    dataset = load_dataset(tmp_path / "data")
    assert dataset.ok, [str(p) for p in dataset.problems][:5]
    assert len(dataset.partnerships) == 10
    multi = [p for p in dataset.partnerships.values() if p.data.kind == "multi-area"]
    assert len(multi) == 2 and all(len(p.data.members) == 4 for p in multi)
    member = dataset.partnerships[multi[0].data.members[0].partnership]
    assert member.data.groups[0].reports_to == [f"{multi[0].id}/executive"]


def test_a_national_size_site_builds_strictly_with_a_menu_that_does_not_grow(tmp_path: Path) -> None:
    """Above 12 partnerships the site menu lists one "All partnerships" page, not every partnership's pages."""
    from conftest import build_site

    _generate(tmp_path / "data", n=15)
    site = tmp_path / "site"
    result = build_site(site, tmp_path / "data")
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    assert "WARNING -" not in result.stderr
    everyone = (site / "partnerships" / "index.html").read_text(encoding="utf-8")
    ids = sorted(p.name for p in (tmp_path / "data" / "partnerships").iterdir())
    assert all(f"{pid}/" in everyone for pid in ids)
    page = (site / ids[1] / "structure" / "index.html").read_text(encoding="utf-8")
    assert 'class="partnership-menu"' in page
    others = [pid for pid in ids if f'href="../../{pid}/' in page or f'href="../../{pid}/"' in page]
    assert len(others) <= 5, f"a page links to {len(others)} partnerships: the menu grows with the site"
