"""Benchmark: validation and build at national scale, against a plain control.

For the bundled data and synthetic datasets of N partnerships it prints:
validation time, full strict build time, peak memory, pages, output bytes
and HTML bytes per page; and, in the same run, a CONTROL build: a plain
`mkdocs build` of exactly the Markdown and settings `arrangements generate`
writes, generated once beforehand. The ratio build/control is what the data
layer adds to a build (generating, and each page's security policy). Then
`make serve` rebuild times after a one-line change, for the whole site and
for a one-partnership preview. Prints figures; asserts nothing.

Usage: python scripts/bench.py [--sizes 10 50 150] [--repeat 3] [--quick]
(sites of up to 12 partnerships get three times as many runs: they are quick and the noisiest)
"""

from __future__ import annotations

import argparse
import compileall
import json
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
sys.path.insert(0, str(REPO / "macros"))
sys.path.insert(0, str(REPO / "scripts"))


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds (user + system) and peak resident memory (kB) of a child process."""
    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=output, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{text[-3000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, text


def site_figures(site: Path) -> dict[str, float]:
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    group = sorted(site.glob("*/groups/*/index.html"))
    return {"pages": len(pages), "bytes": total, "html_median": statistics.median(pages),
            "group_page": group[0].stat().st_size if group else 0}


def control_docs(data: Path, docs: Path) -> dict[str, object]:
    """The Markdown an engine builds from (`arrangements generate`: the hand-written pages' macros are
    rendered there too); return the engine settings `generate` wrote (navigation, help panels, the look)."""
    os.environ["ARRANGEMENTS_DATA"] = str(data)
    from arrangements.core import load_dataset
    from arrangements.engines.generate import generate

    config = REPO / f".mkdocs.bench-{os.getpid()}.yml"
    try:
        generate(load_dataset(data), docs, config)
        return json.loads(config.read_text(encoding="utf-8").split("\n", 1)[1])
    finally:
        config.unlink(missing_ok=True)


def control_config(docs: Path, engine: dict[str, object]) -> Path:
    """The control's config: mkdocs.yml plus what `generate` added (navigation, help panels, the site's
    look), so both builds make the same pages with the same theme and plugins."""
    config = REPO / f".bench-control-{os.getpid()}.yml"
    config.write_text(json.dumps({**engine, "docs_dir": str(docs)}), encoding="utf-8")
    return config


def bench(label: str, data: Path, work: Path, repeat: int) -> dict[str, object]:
    env = {**os.environ, "ARRANGEMENTS_DATA": str(data), "PYTHONPATH": str(REPO / "macros")}
    validate = [sys.executable, "-m", "arrangements", "validate", "--data", str(data)]
    try:
        validate_s, _, _, output = run_measured(validate, env)
    except KeyboardInterrupt:
        print(f"{label:<9} interrupted while validating: nothing measured for it", flush=True)
        raise
    inner = float(re.search(r"in ([0-9.]+) s", output).group(1))
    site = work / f"site-{label}"
    docs = work / f"control-docs-{label}"
    config = control_config(docs, control_docs(data, docs))
    control_site = work / f"control-site-{label}"
    ours = [sys.executable, "scripts/build_site.py", "--no-documents", "--out", str(site)]
    plain = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(control_site)]
    # Why pairs, alternating which goes first, and both the fastest and the
    # median of the pairs' ratios: this machine is shared and its speed drifts
    # by 10-20% from minute to minute. A build and its control run back to back
    # see nearly the same machine, so their ratio cancels most of the drift.
    # Small sites are quick to build and the noisiest, so they get more pairs.
    pairs = repeat * 3 if len(list((data / "partnerships").iterdir())) <= 12 else repeat
    builds, controls = [], []
    try:
        for index in range(pairs):
            for command in ((ours, plain) if index % 2 == 0 else (plain, ours)):
                (builds if command is ours else controls).append(run_measured(command, env))
    except KeyboardInterrupt:
        # Why: an interrupted run still says what it measured of this data set.
        control = f", control fastest {min(c[0] for c in controls):.1f}s" if controls else ""
        fastest = f": build fastest {min(b[0] for b in builds):.1f}s" if builds else ""
        print(f"{label:<9} validate {inner:.2f}s; interrupted after {len(builds)} build(s) and "
              f"{len(controls)} control(s){fastest}{control}", flush=True)
        raise
    finally:
        config.unlink(missing_ok=True)
    # The data layer's own work, timed without MkDocs: a figure the machine's drift disturbs less.
    layer = min(sum(json.loads(run_measured([sys.executable, "scripts/layer_time.py", str(data)], env)[3]).values())
                for _ in range(repeat))
    build_s, build_cpu, build_kb = (min(b[0] for b in builds), min(b[1] for b in builds),
                                    max(b[2] for b in builds))
    control_s, control_cpu, control_kb = (min(c[0] for c in controls), min(c[1] for c in controls),
                                          max(c[2] for c in controls))
    figures = site_figures(site)
    return {"data": label, "validate_s": inner, "validate_cli_s": validate_s, "build_s": build_s,
            "build_peak_mb": build_kb / 1024, "control_s": control_s, "control_peak_mb": control_kb / 1024,
            "overhead": build_s / control_s - 1, "cpu_overhead": build_cpu / control_cpu - 1,
            "paired": statistics.median(b[1] / c[1] - 1 for b, c in zip(builds, controls, strict=True)), "pairs": pairs,
            "layer_s": layer, "layer_share": layer / control_s,
            "spread": (max(b[0] for b in builds) - build_s) / build_s, **figures,
            "control_html_median": site_figures(control_site)["html_median"]}


def serve_figures(folders: dict[str, Path], largest: int, quick: bool) -> None:
    """`make serve` with each engine: seconds from saving a one-line change until the page shows it."""
    from serve_rebuild import measure

    cases = [("bundled", "whole site", "", "north-somerset", 3),
             ("bundled", "ONLY=north-somerset", "north-somerset", "north-somerset", 3)]
    if largest and not quick:
        # p-001 is a local partnership of the multi-area area-000, so its preview holds five.
        cases += [(f"N={largest}", "ONLY=p-001", "p-001", "p-001", 3),
                  (f"N={largest}", "whole site", "", "p-001", 2)]
    print(f"{'serve':<9} {'what':<22} {'mkdocs':>8} {'zensical':>9}   (save -> page shows it, median seconds)")
    for label, what, only, edit, runs in cases:
        mkdocs, zensical = (statistics.median(measure(engine, runs, folders[label], only, edit))
                            for engine in ("mkdocs", "zensical"))
        print(f"{label:<9} {what:<22} {mkdocs:>7.2f}s {zensical:>8.2f}s", flush=True)
    print("the edit adds words to one partnership's summary; a preview (make serve ONLY=...) holds the")
    print("partnership and those it links to.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 50, 150])
    parser.add_argument("--quick", action="store_true", help="bundled data and N=10 only")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each build; the fastest counts")
    parser.add_argument("--serve-only", action="store_true", help="only the `make serve` figures")
    args = parser.parse_args()
    # Why: start-up should not be charged for compiling our modules afresh in each
    # run (some machines set PYTHONDONTWRITEBYTECODE); the theme's are compiled already.
    compileall.compile_dir(REPO / "macros", quiet=1)
    sizes = [10] if args.quick else args.sizes
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    folders = {"bundled": REPO / "data"}
    try:
        for n in sizes:
            folders[f"N={n}"] = work / f"data-{n}"
            subprocess.run([sys.executable, "scripts/synth.py", "--n", str(n), "--seed", "1", "--out",
                            str(folders[f"N={n}"])], cwd=REPO, check=True, capture_output=True)
        if not args.serve_only:
            build_figures(folders, work, args.repeat)
            print()
        serve_figures(folders, max(sizes, default=0), args.quick)
    except KeyboardInterrupt:
        print("\nInterrupted: the figures above are what was measured before Ctrl-C.", flush=True)
        return 130
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def build_figures(folders: dict[str, Path], work: Path, repeat: int) -> None:
    print(HEADER, flush=True)
    rows = []
    # Why a row as soon as it is measured: an interrupted run keeps what it has.
    for label, data in folders.items():
        rows.append(bench(label, data, work, repeat))
        _print_row(rows[-1])
    _print_legend(rows)


HEADER = (f"{'data':<9} {'validate':>9} {'build':>8} {'control':>8} {'overhead':>9} {'CPU over':>9} {'paired':>7} "
          f"{'spread':>7} {'layer':>7} {'of ctl':>7} {'peak MB':>8} {'pages':>6} {'output MB':>10} "
          f"{'HTML/page':>10} {'group page':>11}")


def _print_row(r: dict[str, object]) -> None:
    print(f"{r['data']:<9} {r['validate_s']:>8.2f}s {r['build_s']:>7.1f}s {r['control_s']:>7.1f}s "
          f"{r['overhead']:>8.0%} {r['cpu_overhead']:>9.0%} {r['paired']:>7.0%} {r['spread']:>7.0%} "
          f"{r['layer_s']:>6.2f}s "
          f"{r['layer_share']:>7.0%} {r['build_peak_mb']:>8.0f} "
          f"{r['pages']:>6} {r['bytes'] / 1e6:>10.1f} {r['html_median'] / 1e3:>9.0f}k "
          f"{r['group_page'] / 1e3:>10.0f}k", flush=True)


def _print_legend(rows: list[dict[str, object]]) -> None:
    print("validate: in-process time for the whole data folder; build: `make site DOCUMENTS=no` (generate, then")
    print("a strict MkDocs build, then each page's security policy) wall time,")
    print(f"fastest of {rows[-1]['pairs']} runs ({rows[0]['pairs']} for small sites) interleaved with the control's;")
    print("CPU over: the same ratio in CPU time (user + system); paired: median over the back-to-back pairs of")
    print("build CPU / control CPU, the figure least moved by the machine's drift; spread: slowest of our runs")
    print("over the fastest; layer: the data layer's own work")
    print("(import, load and check, render every page, open data) timed without MkDocs, and as a share of the control;")
    print("control: plain mkdocs-material build of the same generated Markdown and settings.")


if __name__ == "__main__":
    raise SystemExit(main())
