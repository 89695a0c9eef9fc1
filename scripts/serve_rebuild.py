"""Measure how long `mkdocs serve` takes to rebuild after a one-line data change.

Copies a data folder (data/ by default) to a temporary folder, starts
`mkdocs serve` on a free local port watching it (the whole site, or a
preview of some partnerships with --only, as `make serve ONLY=...` does),
changes the wording of one partnership's summary (a real one-line edit
that shows on its pages), and prints the time until the rebuild is done. Prints figures; asserts nothing.
Usage: python scripts/serve_rebuild.py [--runs 3] [--data FOLDER] [--only ID[,ID]] [--edit ID] [--no-cache]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
SERVING = re.compile(r"Serving on http")
RELOADED = re.compile(r"Reloading browsers")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(log: Path, reloads: int, timeout: float) -> list[float]:
    """Wait until the server has reloaded `reloads` times; the build times it printed so far.

    Why count reloads, not "Documentation built in" lines: MkDocs prints a
    message only once per process, so a rebuild as fast as an earlier one to
    the hundredth of a second prints no time at all.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        # Why wait for "Serving on": files are watched only from then on.
        if SERVING.search(text) and len(RELOADED.findall(text)) >= reloads:
            return [float(x) for x in BUILT.findall(text)]
        time.sleep(0.02)
    kept = Path(tempfile.gettempdir()) / f"serve-rebuild-{os.getpid()}.log"
    shutil.copyfile(log, kept)
    tail = "\n".join(log.read_text(errors="replace").splitlines()[-25:])
    raise TimeoutError(f"no rebuild seen in {timeout} s; the whole log is in {kept}; it ended:\n{tail}")


def edit_summary(target: Path, words: str) -> None:
    """Add words to the summary, as a comms officer would: the first line of its text."""
    lines = target.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    if lines[at].rstrip().endswith((">-", ">", "|", "|-")):
        at += 1  # a folded block: its text starts on the next line
    lines[at] = f"{lines[at].rstrip()} {words}\n"
    target.write_text("".join(lines), encoding="utf-8")


def _warm_up(log: Path, target: Path, tries: int = 5) -> int:
    """Save until a rebuild is seen; the number of reloads so far."""
    for attempt in range(tries):
        time.sleep(1.0)
        edit_summary(target, f"Warm-up {attempt}.")
        try:
            wait_for(log, 1, 20)
            return len(RELOADED.findall(log.read_text(errors="replace")))
        except TimeoutError:
            continue
    raise TimeoutError(f"the server never rebuilt after {tries} saves; log: {log}")


def measure(runs: int, source: Path = REPO / "data", only: str = "", edit: str = "north-somerset",
            cache: bool = True) -> list[tuple[float, float | None]]:
    """(seconds from save to reloadable, seconds MkDocs says the build took, if it said) per run."""
    work = Path(tempfile.mkdtemp(prefix="serve-"))
    data = work / "data"
    shutil.copytree(source, data)
    log = work / "serve.log"
    env = {**os.environ, "ARRANGEMENTS_DATA": str(data), "ARRANGEMENTS_ONLY": only,
           "ARRANGEMENTS_PAGE_CACHE": "on" if cache else "off"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{free_port()}", "--watch", str(data)]
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    results = []
    try:
        wait_for(log, 0, 120)
        target = sorted((data / "partnerships" / edit / "arrangements").glob("*.yml"))[-1]
        # Why a warm-up edit, not measured: right after start-up the file watcher
        # has now and then missed the first save on this machine.
        seen = _warm_up(log, target)
        for run in range(1, runs + 1):
            time.sleep(2.0)  # let the watcher settle between edits
            printed = len(BUILT.findall(log.read_text(errors="replace")))
            started = time.monotonic()
            edit_summary(target, f"Edit {run}.")
            built = wait_for(log, seen + run, 60)
            results.append((time.monotonic() - started, built[-1] if len(built) > printed else None))
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=REPO / "data", help="the data folder to copy")
    parser.add_argument("--only", default="", help="preview these partnerships only, as `make serve ONLY=...`")
    parser.add_argument("--edit", default="north-somerset", help="the partnership whose file is changed")
    parser.add_argument("--no-cache", action="store_true", help="render every page on each save (the control)")
    args = parser.parse_args()
    for wall, build in measure(args.runs, args.data, args.only, args.edit, not args.no_cache):
        said = f"{build:.2f} s" if build is not None else "not printed: the same as an earlier build"
        print(f"one-line change -> page reloadable: {wall:.2f} s wall (build itself {said})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
