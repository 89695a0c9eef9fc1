"""Measure the time from saving a data file to the preview showing the change, with each engine.

Copies a data folder (data/ by default) to a temporary folder, starts
`arrangements serve` (what `make serve` runs) with MkDocs and then with
Zensical, changes the wording of one partnership's summary (a real one-line
edit that shows on its overview), and times until the served overview page
carries the new words: save → regenerate → the engine rebuilds → a reload
would show it. Prints figures; asserts nothing.

Usage: python scripts/serve_rebuild.py [--runs 3] [--data FOLDER] [--only ID[,ID]] [--edit ID]
       [--engine mkdocs|zensical|both]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_text(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own local server
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for_text(url: str, words: str, timeout: float) -> float:
    """Seconds until the page at `url` contains `words`."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if words in page_text(url):
            return time.monotonic() - started
        time.sleep(0.05)
    raise TimeoutError(f"{url} did not show {words!r} within {timeout} s")


def edit_summary(target: Path, words: str) -> None:
    """Add words to the summary, as a comms officer would: the first line of its text."""
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    if lines[at].rstrip().endswith((">-", ">", "|", "|-")):
        at += 1  # a folded block: its text starts on the next line
    lines[at] = f"{lines[at].rstrip()} {words}\n"
    target.write_text("".join(lines), encoding="utf-8")


def measure(engine: str, runs: int, source: Path = REPO / "data", only: str = "",
            edit: str = "north-somerset") -> list[float]:
    """Seconds from saving a data file to the served page showing the change, per run."""
    work = Path(tempfile.mkdtemp(prefix="serve-"))
    data = work / "data"
    shutil.copytree(source, data)
    port = free_port()
    url = f"http://127.0.0.1:{port}/{edit}/"
    command = [sys.executable, "-m", "arrangements", "serve", "--engine", engine, "--port", str(port),
               "--data", str(data), *(["--only", only] if only else [])]
    log = (work / "serve.log").open("w")
    server = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    results = []
    try:
        target = sorted((data / "partnerships" / edit / "arrangements").glob("*.yml"))[-1]
        wait_for_text(url, "</html>", 180)
        for run in range(runs + 1):  # the first is a warm-up, not counted
            time.sleep(1.5)  # let the watchers settle between edits
            words = f"Edit number {run} of {engine}."
            edit_summary(target, words)
            took = wait_for_text(url, words, 120)
            if run:
                results.append(took)
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
        shutil.rmtree(work, ignore_errors=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=REPO / "data", help="the data folder to copy")
    parser.add_argument("--only", default="", help="preview these partnerships only, as `make serve ONLY=...`")
    parser.add_argument("--edit", default="north-somerset", help="the partnership whose file is changed")
    parser.add_argument("--engine", choices=("mkdocs", "zensical", "both"), default="both")
    args = parser.parse_args()
    for engine in ("mkdocs", "zensical") if args.engine == "both" else (args.engine,):
        times = measure(engine, args.runs, args.data, args.only, args.edit)
        shown = ", ".join(f"{t:.2f}" for t in times)
        print(f"{engine:<9} save -> page shows the change: min {min(times):.2f} s, median "
              f"{sorted(times)[len(times) // 2]:.2f} s ({shown})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
