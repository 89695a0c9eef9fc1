"""Benchmark: the documents' (PDF and Word) share of the site build, for the bundled and synthetic data.

The build is "generate, then build" (`scripts/build_site.py`, as `make site` runs it): `arrangements
generate` makes the documents first (the pages link to them with their sizes), then the pages, and MkDocs
builds the site from them. For each dataset it times, with a document cache of its own:

- the pages alone: `generate --no-documents`, then the engine;
- the whole build from an empty document cache (every file written afresh), then again with the cache
  filled and no data changed (every file copied from the cache);
- with --jobs-compare, the documents alone one at a time and side by side (`documents --no-cache --jobs`),
  to show what building them in parallel processes gains on this machine.

The documents' share is (whole build - pages alone) / whole build; the budget is at most a half.
Prints figures; asserts nothing.

Each figure is the median of --rounds rounds (default 3); a share is printed with its lowest and highest.

Usage: python scripts/bench_documents.py [--sizes 150] [--rounds 3] [--jobs-compare]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """(seconds, what it printed); stops the benchmark if the command fails."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{(result.stdout + result.stderr)[-2000:]}")
    return time.perf_counter() - started, result.stdout


def timed(command: list[str], env: dict[str, str]) -> float:
    """Seconds a command takes in the repository (scripts/bench_engines.py times the same way)."""
    return run(command, REPO, env)[0]


def build(site: Path, env: dict[str, str], documents: bool) -> tuple[float, float]:
    """One whole build as `make site` runs it: (seconds, of which the documents took)."""
    seconds, out = run([sys.executable, "scripts/build_site.py", "--out", str(site),
                        *([] if documents else ["--no-documents"])], REPO, env)
    found = re.search(r"documents \(PDF and Word\) in ([\d.]+) s", out)
    return seconds, float(found.group(1)) if found else 0.0


def figures(name: str, data: Path, work: Path, jobs_compare: bool, rounds: int) -> None:
    """Each round: the pages alone, the whole build from an empty cache, then again with the cache filled.

    Why rounds, and the median of each round's share: this machine's speed drifts by 10 to 20% from one
    minute to the next; a round's three builds run back to back, so their share cancels most of the drift.
    """
    cache = work / f"cache-{name}"
    env = {key: value for key, value in os.environ.items() if not key.startswith("ARRANGEMENTS_")}
    env |= {"ARRANGEMENTS_DATA": str(data), "ARRANGEMENTS_DOCUMENTS_CACHE": str(cache),
            "PYTHONPATH": str(REPO / "macros")}
    site = work / f"site-{name}"
    build(site, env, documents=False)  # (a first build, not counted: files and caches of the machine)
    rows = []
    for _ in range(rounds):
        pages, _ = build(site, env, documents=False)
        shutil.rmtree(cache, ignore_errors=True)
        cold, cold_documents = build(site, env, documents=True)
        warm, warm_documents = build(site, env, documents=True)
        rows.append((pages, cold, cold_documents, warm, warm_documents))
    count = len(list(site.glob("*/documents/*")))
    medians = (statistics.median(column) for column in zip(*rows, strict=True))
    pages, cold, cold_documents, warm, warm_documents = medians
    cold_shares = [max(0.0, c - p) / c for p, c, _, _, _ in rows]
    warm_shares = [max(0.0, w - p) / w for p, _, _, w, _ in rows]
    spread = lambda shares: f"{statistics.median(shares):4.0%} ({min(shares):.0%}-{max(shares):.0%})"  # noqa: E731
    print(f"{name:>8}: {count:4d} files | pages alone {pages:6.1f} s | whole build, empty cache {cold:6.1f} s "
          f"(documents {cold_documents:5.1f} s, {cold_documents / max(1, count // 2):.2f} s a document; "
          f"share {spread(cold_shares)}) | unchanged data {warm:6.1f} s (documents {warm_documents:5.1f} s; "
          f"share {spread(warm_shares)})", flush=True)
    if jobs_compare:
        for jobs in (1, 2, 4):
            alone, _ = run([sys.executable, "-m", "arrangements", "documents", "--data", str(data), "--out",
                            str(work / f"docs-{name}-{jobs}"), "--no-cache", "--jobs", str(jobs)], REPO, env)
            print(f"{'':>8}  documents alone, empty cache, {jobs} at a time: {alone:6.1f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[150])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of builds; medians are printed")
    parser.add_argument("--jobs-compare", action="store_true",
                        help="also time the bundled documents alone at 1, 2 and 4 at a time")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-documents-"))
    try:
        print(f"Documents, generate then build ({os.cpu_count()} cores, "
              f"load {os.getloadavg()[0]:.1f}):", flush=True)
        figures("bundled", REPO / "data", work, args.jobs_compare, args.rounds)
        for n in args.sizes:
            data = work / f"data-{n}"
            subprocess.run([sys.executable, "scripts/synth.py", "--n", str(n), "--seed", "1", "--out", str(data)],
                           cwd=REPO, check=True, capture_output=True)
            figures(f"N={n}", data, work, False, args.rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
