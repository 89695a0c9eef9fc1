"""Benchmark: the documents' (PDF and Word) share of the site build, for the bundled and synthetic data.

For each dataset it times, as `make site` runs them: the pages alone
(`build_site.py --no-documents`), the documents alone from an empty cache
(every file written afresh), and the whole build (pages and documents at the
same time) from an empty cache and again with the cache filled (no data
changed). The documents' share is (whole build - pages alone) / whole build;
the budget is at most a half. Prints figures; asserts nothing.

Usage: python scripts/bench_documents.py [--sizes 150] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{(result.stdout + result.stderr)[-2000:]}")
    return time.perf_counter() - started


def figures(name: str, data: Path, work: Path, jobs: int) -> None:
    cache = work / f"cache-{name}"
    env = {**os.environ, "ARRANGEMENTS_DATA": str(data), "ARRANGEMENTS_DOCUMENTS_CACHE": str(cache),
           "PYTHONPATH": str(REPO / "macros")}
    site = [sys.executable, "scripts/build_site.py", "--out", str(work / f"site-{name}")]
    pages = timed([*site, "--no-documents"], env)
    alone = timed([sys.executable, "-m", "arrangements", "documents", "--data", str(data), "--out",
                   str(work / f"docs-{name}"), "--no-cache", "--jobs", str(jobs)], env)
    shutil.rmtree(cache, ignore_errors=True)
    cold = timed(site, env)
    warm = timed(site, env)
    count = len(list((work / f"site-{name}").glob("*/documents/*")))
    share = lambda whole: max(0.0, whole - pages) / whole  # noqa: E731
    print(f"{name:>8}: {count:4d} files | pages alone {pages:6.1f} s | documents alone {alone:6.1f} s "
          f"({alone / max(1, count):.2f} s a file) | whole build: empty cache {cold:6.1f} s "
          f"(documents' share {share(cold):4.0%}), unchanged data {warm:6.1f} s (share {share(warm):4.0%})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[150])
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-documents-"))
    try:
        print(f"Documents ({os.cpu_count()} cores, {args.jobs} at a time):")
        figures("bundled", REPO / "data", work, args.jobs)
        for n in args.sizes:
            data = work / f"data-{n}"
            subprocess.run([sys.executable, "scripts/synth.py", "--n", str(n), "--seed", "1", "--out", str(data)],
                           cwd=REPO, check=True, capture_output=True)
            figures(f"N={n}", data, work, args.jobs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
