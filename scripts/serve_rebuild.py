"""Measure how long `mkdocs serve` takes to rebuild after a one-line data change.

Copies data/ to a temporary folder, starts `mkdocs serve` on a free local
port watching it, appends a comment line to one partnership file, and
prints the time until the rebuild is done. Prints figures; asserts nothing.
Usage: python scripts/serve_rebuild.py [--runs 3]
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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(log: Path, count: int, timeout: float) -> list[float]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [float(x) for x in BUILT.findall(log.read_text(errors="replace"))]
        if len(found) >= count:
            return found
        time.sleep(0.02)
    raise TimeoutError(f"no rebuild seen in {timeout} s; log: {log}")


def measure(runs: int) -> list[tuple[float, float]]:
    work = Path(tempfile.mkdtemp(prefix="serve-"))
    data = work / "data"
    shutil.copytree(REPO / "data", data)
    log = work / "serve.log"
    env = {**os.environ, "ARRANGEMENTS_DATA": str(data)}
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{free_port()}", "--watch", str(data)]
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    results = []
    try:
        wait_for(log, 1, 120)
        target = data / "partnerships" / "north-somerset" / "arrangements" / "2022.yml"
        for run in range(1, runs + 1):
            time.sleep(2.0)  # let the watcher settle between edits
            started = time.monotonic()
            with target.open("a", encoding="utf-8") as handle:
                handle.write(f"# edit {run}\n")
            built = wait_for(log, run + 1, 60)
            results.append((time.monotonic() - started, built[-1]))
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for wall, build in measure(args.runs):
        print(f"one-line change -> page reloadable: {wall:.2f} s wall (build itself {build:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
