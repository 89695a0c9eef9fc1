"""A failed build never leaves a half-written or mixed site that could be deployed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO


def _build(out: Path, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ARRANGEMENTS_DATA": str(data), "PYTHONPATH": str(REPO / "macros")}
    return subprocess.run([sys.executable, "scripts/build_site.py", "--out", str(out)], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=600)


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("previous good site", encoding="utf-8")
    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    broken = data / "partnerships" / "hips" / "arrangements" / "2022.yml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("kind: multi-area", "kind: multi-areas"))
    result = _build(out, data)
    assert result.returncode != 0
    assert "data/partnerships/hips/arrangements/2022.yml:4:1: kind:" in result.stderr
    assert "did you mean 'multi-area'?" in result.stderr
    assert "1 problem(s) in the data" in result.stdout + result.stderr  # no cascade from files that refer to hips
    assert "Traceback" not in result.stdout + result.stderr
    assert "left as it was" in result.stderr
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text(encoding="utf-8") == "previous good site"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")], "no staging folder left behind"


def test_good_build_replaces_the_site_whole(tmp_path: Path) -> None:
    out = tmp_path / "site"
    out.mkdir()
    (out / "stale.html").write_text("from an old build", encoding="utf-8")
    result = _build(out, REPO / "data")
    assert result.returncode == 0, result.stderr[-2000:]
    assert not (out / "stale.html").exists()
    assert (out / "southampton" / "index.html").exists()
