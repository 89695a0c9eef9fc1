"""A failed build never leaves a half-written or mixed site that could be deployed."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
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


def _start(out: Path, data: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "ARRANGEMENTS_DATA": str(data), "PYTHONPATH": str(REPO / "macros")}
    return subprocess.Popen([sys.executable, "scripts/build_site.py", "--out", str(out)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)


def _wait_for_staging(parent: Path, process: subprocess.Popen[str]) -> Path:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        found = [p for p in parent.iterdir() if p.name.startswith(".site-building-") and any(p.iterdir())]
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError("the build never wrote into its staging folder")


def test_a_killed_build_leaves_nothing_after_the_next_build(tmp_path: Path) -> None:
    out = tmp_path / "site"
    process = _start(out, REPO / "data")
    staging = _wait_for_staging(tmp_path, process)
    os.killpg(process.pid, signal.SIGKILL)  # the build and its mkdocs: nothing can clean up
    process.wait()
    assert staging.exists()
    result = _build(out, REPO / "data")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "left by a build that was stopped" in result.stderr
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


def test_a_stopped_build_removes_its_own_staging_folder(tmp_path: Path) -> None:
    out = tmp_path / "site"
    process = _start(out, REPO / "data")
    _wait_for_staging(tmp_path, process)
    process.send_signal(signal.SIGTERM)  # `kill`, as a CI runner does on cancel
    output = process.communicate(timeout=60)[0]
    assert process.returncode != 0 and "Traceback" not in output, output[-2000:]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]
    assert not out.exists()


def test_the_published_site_has_ordinary_permissions(tmp_path: Path) -> None:
    out = tmp_path / "site"
    old = os.umask(0o077)  # even a private umask publishes a readable site
    try:
        result = _build(out, REPO / "data")
    finally:
        os.umask(old)
    assert result.returncode == 0, result.stderr[-2000:]
    modes = {stat.S_IMODE(p.stat().st_mode) for p in [out, *out.rglob("*")] if p.is_dir()}
    assert modes == {0o755}
    modes = {stat.S_IMODE(p.stat().st_mode) for p in out.rglob("*") if p.is_file()}
    assert modes == {0o644}


def test_an_interrupted_bench_prints_what_it_measured(tmp_path: Path) -> None:
    process = subprocess.Popen([sys.executable, "scripts/bench.py", "--quick", "--repeat", "1"], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    first = process.stdout.readline()  # type: ignore[union-attr]  # the table's header: measuring has begun
    time.sleep(4)  # validate and a build or two of the bundled data
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C reaches the whole foreground group
    output = first + process.communicate(timeout=120)[0]
    assert "Traceback" not in output, output[-3000:]
    assert process.returncode == 130, output[-3000:]
    assert "bundled   validate" in output and "build(s)" in output or "interrupted while validating" in output, output
    assert "Interrupted: the figures above are what was measured" in output
