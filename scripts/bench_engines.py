"""Benchmark the two engines: generate, then MkDocs or Zensical, building the same files.

For the bundled data and a synthetic national dataset it prints, each the
fastest of --repeat runs, in one run:
- generate: writing every data-driven page, the navigation, open data and feed into .generated/
  (without the documents: scripts/bench_documents.py times those);
- mkdocs: `mkdocs build` of the generated files (what `make site` runs after generate);
- zensical: `zensical build` of the same files (`make site ENGINE=zensical`);
- the totals with generate, and Zensical's time as a share of MkDocs'.
The plain-Material control (no macros, no data layer) is in scripts/bench.py. Prints figures; asserts nothing.

Usage: python scripts/bench_engines.py [--n 150] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from bench_documents import timed  # noqa: E402 - the same timing as the documents' bench

ZENSICAL = Path(sys.executable).parent / "zensical"


def fastest(command: list[str], env: dict[str, str], repeat: int) -> float:
    return min(timed(command, env) for _ in range(repeat))


def measure(label: str, data: Path, work: Path, repeat: int) -> None:
    env = {**os.environ, "ARRANGEMENTS_DATA": str(data), "PYTHONPATH": str(REPO / "macros"),
           "NO_MKDOCS_2_WARNING": "1"}
    site = ".generated/bench-site"
    generate = fastest([sys.executable, "-m", "arrangements", "generate", "--no-documents", "--data", str(data),
                        "--site-dir", site],
                       env, repeat)
    zensical = fastest([str(ZENSICAL), "build", "-f", "mkdocs.generated.yml"], env, repeat)
    pages = sum(1 for _ in (REPO / site).rglob("*.html"))
    mkdocs = fastest([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "mkdocs.generated.yml",
                      "--site-dir", str(work / "mkdocs")], env, repeat)
    shutil.rmtree(REPO / site, ignore_errors=True)
    print(f"{label:<10} {pages:6d} {generate:9.2f} {mkdocs:9.2f} {zensical:9.2f} {generate + mkdocs:9.2f}"
          f" {generate + zensical:9.2f} {zensical / mkdocs:9.2f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=150, help="partnerships in the synthetic dataset (0: none)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step; the fastest counts")
    args = parser.parse_args()
    if not ZENSICAL.exists():
        print("Zensical is not installed: run `make install`.", file=sys.stderr)
        return 1
    work = Path(tempfile.mkdtemp(prefix="bench-engines-"))
    folders = {"bundled": REPO / "data"}
    try:
        if args.n:
            folders[f"N={args.n}"] = work / "data"
            subprocess.run([sys.executable, "scripts/synth.py", "--n", str(args.n), "--seed", "1", "--out",
                            str(folders[f"N={args.n}"])], cwd=REPO, check=True, capture_output=True)
        print(f"{'data':<10} {'pages':>6} {'generate':>9} {'mkdocs':>9} {'zensical':>9} {'gen+mkd':>9}"
              f" {'gen+zens':>9} {'zens/mkd':>9}   (seconds, fastest of {args.repeat})")
        for label, data in folders.items():
            measure(label, data, work, args.repeat)
    except KeyboardInterrupt:
        print("\nInterrupted: the rows above are what was measured.", flush=True)
        return 130
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
