"""Previewing a few partnerships (`make serve ONLY=...`): the right pages, fast rebuilds, clear errors."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from arrangements.core import load_dataset
from arrangements.engines.preview import preview
from conftest import REPO, build_site

DATA = REPO / "data"


@pytest.fixture(scope="module")
def dataset():  # noqa: ANN201 - the core's Dataset
    return load_dataset(DATA)


def test_a_partnership_with_no_links_is_previewed_alone(dataset) -> None:  # noqa: ANN001
    assert sorted(preview(dataset, ["north-somerset"]).partnerships) == ["north-somerset"]


def test_a_local_partnership_brings_its_multi_area_arrangement_and_the_other_members(dataset) -> None:  # noqa: ANN001
    shown = sorted(preview(dataset, ["east-sussex"]).partnerships)
    assert shown == ["brighton-and-hove", "east-sussex", "pan-sussex", "west-sussex"]
    assert sorted(preview(dataset, ["hips"]).partnerships) == ["hips", "southampton"]


def test_an_unknown_id_is_refused_with_a_suggestion(dataset) -> None:  # noqa: ANN001
    with pytest.raises(ValueError, match=r"no partnership called 'north-sommerset'.*did you mean 'north-somerset'"):
        preview(dataset, ["north-sommerset"])


def test_a_preview_build_has_the_partnership_and_not_the_others(tmp_path: Path) -> None:
    result = build_site(tmp_path, only="north-somerset")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Preview of north-somerset only" in result.stderr
    overview = (tmp_path / "north-somerset" / "index.html").read_text(encoding="utf-8")
    assert "North Somerset Safeguarding Children Partnership" in overview
    assert not (tmp_path / "southampton").exists()
    home = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "north-somerset/" in home and "southampton/" not in home


def test_a_mistyped_preview_stops_with_a_sentence_not_a_traceback(tmp_path: Path) -> None:
    result = build_site(tmp_path, only="nort-somerset")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "no partnership called 'nort-somerset'" in output
    assert "did you mean 'north-somerset'" in output
    assert "Traceback" not in output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait(predicate, timeout: float = 90) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_serve_preview_shows_a_saved_change_and_keeps_the_last_good_page_on_a_mistake(
        tmp_path: Path, engine: str) -> None:
    """The comms officer's loop: `make serve ONLY=...`, save the data file, see the change, with either engine."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "arrangements", "serve", "--engine", engine, "--port",
                                   str(port), "--data", str(data), "--only", "north-somerset"],
                                  cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    page = f"http://127.0.0.1:{port}/north-somerset/"

    def shown(url: str = page) -> str:
        try:
            return urllib.request.urlopen(url, timeout=10).read().decode()
        except OSError:
            return ""

    try:
        _wait(lambda: "</html>" in shown(), 300)
        assert "Quarterly hello" not in shown()
        file = data / "partnerships" / "north-somerset" / "arrangements" / "2022.yml"
        text = file.read_text(encoding="utf-8")
        file.write_text(text.replace("summary: >-\n", "summary: >-\n  Quarterly hello.\n", 1), encoding="utf-8")
        _wait(lambda: "Quarterly hello" in shown(), 180)
        # Only the pages whose text changed were written again.
        changed = [int(n) for n in re.findall(r"(\d+) file\(s\) changed", log.read_text())]
        assert changed[-1] < 10
        # A mistake: every problem printed, file:line; the last good page stays on screen.
        time.sleep(1)
        file.write_text(file.read_text(encoding="utf-8").replace("kind: emergency", "kind: emergancy", 1),
                        encoding="utf-8")
        _wait(lambda: "the preview still shows the last good version" in log.read_text(), 120)
        assert "2022.yml:" in log.read_text() and "Traceback" not in log.read_text()
        assert "Quarterly hello" in shown()
        structure = urllib.request.urlopen(page + "structure/", timeout=10).read().decode()
        assert "North Somerset Safeguarding Children Partnership" in structure and "</html>" in structure
        # Fixed, and a help-panel contact renamed: the panel is in the engine's settings, not in any page
        # file, so every page is rebuilt, not only the pages whose files changed (the checklist shows it).
        time.sleep(1)
        file.write_text(file.read_text(encoding="utf-8").replace("kind: emergancy", "kind: emergency", 1)
                        .replace("name: Childline, for children and young people", "name: Childline, renamed"),
                        encoding="utf-8")
        _wait(lambda: "Childline, renamed" in shown(page + "checklist/"), 180)
        # The home page is hand-written and lists the partnerships with a macro: it shows a new name too.
        time.sleep(1)
        file.write_text(file.read_text(encoding="utf-8").replace(
            "name: North Somerset Safeguarding Children Partnership", "name: North Somerset Partnership Renamed", 1),
            encoding="utf-8")
        _wait(lambda: "North Somerset Partnership Renamed" in shown(f"http://127.0.0.1:{port}/"), 180)
    finally:
        server.terminate()
        server.wait(timeout=20)
