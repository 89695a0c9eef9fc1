"""`arrangements serve`: a live preview that regenerates what changed and lets the engine reload.

How: the pages are generated once into `.generated/serve/`, the engine's own
server (`mkdocs serve` or `zensical serve`) watches that folder, and this
process watches `data/` and `docs/`. When a file changes, the data is loaded
and checked again and only the generated files whose text changed are
rewritten (`generate.sync`), so the engine rebuilds and reloads the browser
by itself. MkDocs runs with `--dirty` (its own option): it rebuilds only the
files that changed, and when the settings change (the menu, a title, a help
panel) every page file is marked changed. No engine internals are patched.

A data file with a mistake keeps the last good preview on screen and prints
every problem, file:line; fixing it brings the preview back. The preview has
no Content-Security-Policy (the engines' reload script is inline); the
published build (`make site`) adds it to every page.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from arrangements import REPO
from arrangements.commands import DEFAULT_DATA, command, print_problems
from arrangements.core import load_dataset
from arrangements.engines.generate import generate

SERVE = REPO / ".generated" / "serve"
CONFIG = REPO / ".mkdocs.serve.yml"


def fingerprint(*folders: Path) -> tuple[tuple[str, float], ...]:
    """Every file's path and modification time: a change to any of them is an edit to regenerate."""
    files = [path for folder in folders if folder.is_dir() for path in folder.rglob("*") if path.is_file()]
    return tuple(sorted((str(path), path.stat().st_mtime) for path in files))


def regenerate(data: Path, only: list[str]) -> bool:
    """Load, check and write the changed pages; False (with every problem printed) when the data is wrong."""
    started = time.perf_counter()
    dataset = load_dataset(data)
    if not dataset.ok:
        print_problems(dataset.problems.sorted(), stream=sys.stderr)
        print(f"{len(dataset.problems.errors)} problem(s) in the data: the preview still shows the last good "
              "version. Fix them (file:line above) and save again.", file=sys.stderr, flush=True)
        return False
    settings = CONFIG.read_bytes() if CONFIG.is_file() else b""
    result = generate(dataset, SERVE / "docs", CONFIG, str(SERVE / "site"), only, live=True)
    if CONFIG.read_bytes() != settings:
        _touch_all(SERVE / "docs")
    print(f"Regenerated in {time.perf_counter() - started:.2f} s: {len(result.changed)} file(s) changed.", flush=True)
    return True


def _touch_all(folder: Path) -> None:
    """Mark every page changed, so the engine rebuilds them all.

    Why: a page is rebuilt when its file changed; the menu, titles and help panels are in the engine's
    settings, not in the page files, so when those change every page must be built again.
    """
    now = time.time()
    for path in folder.rglob("*.md"):
        os.utime(path, (now, now))


def engine_command(engine: str, port: int) -> list[str]:
    address = f"127.0.0.1:{port}"
    if engine == "zensical":
        return [str(Path(sys.executable).parent / "zensical"), "serve", "-f", str(CONFIG), "-a", address]
    # Why --dirty: MkDocs then rebuilds only the page files that changed since its last build, which is
    # what `regenerate` rewrote (3 s instead of 24 s for a save in a 150-partnership site, docs/performance.md).
    return [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(CONFIG), "-a", address]


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through `finally`, which stops the engine's server too


def serve(data: Path, engine: str, port: int, only: list[str], interval: float = 0.25) -> int:
    # Why: stopped with SIGTERM (a terminal closing, `kill`, a test), the engine's server must not be left running.
    signal.signal(signal.SIGTERM, _stop)
    if not regenerate(data, only):
        return 1
    watched = (data, REPO / "docs")
    seen = fingerprint(*watched)
    # Why no data settings for the engine: it builds the generated files and runs none of our code.
    # No notice about MkDocs 2.0 on each start: scripts/build_site.py says why.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(engine_command(engine, port), cwd=REPO, env=env)
    try:
        while server.poll() is None:
            time.sleep(interval)
            now = fingerprint(*watched)
            if now != seen:
                seen = now
                regenerate(data, only)
        return server.returncode
    except KeyboardInterrupt:
        return 0
    finally:
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder (default: data/)")
    parser.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--only", default="", help="preview these partnerships (ids, comma-separated)")


@command("serve", "preview the site at http://127.0.0.1:8000, regenerating pages as data files change", _arguments)
def serve_command(args: argparse.Namespace) -> int:
    only = [part for part in args.only.replace(" ", ",").split(",") if part]
    return serve(args.data.resolve(), args.engine, args.port, only)
