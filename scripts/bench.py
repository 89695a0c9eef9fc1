"""Benchmark: validation and build at national scale, against a plain control.

For the bundled data and synthetic datasets of N partnerships it prints:
validation time, full strict build time, peak memory, pages, output bytes
and HTML bytes per page; and, in the same run, a CONTROL build: plain
mkdocs-material (no macros plugin, no hook) of exactly the Markdown our
macros produce, written to files first. The ratio build/control is the data
layer's overhead. Prints figures; asserts nothing.

Usage: python scripts/bench.py [--sizes 10 50 150] [--quick]
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


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, int, str]:
    """Wall seconds and peak resident memory (kB) of a child process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True)
    peak = 0
    status = Path(f"/proc/{process.pid}/status")
    while process.poll() is None:
        try:
            match = re.search(r"VmHWM:\s+(\d+)", status.read_text())
            peak = max(peak, int(match.group(1))) if match else peak
        except OSError:
            pass
        time.sleep(0.05)
    output = process.stdout.read() if process.stdout else ""
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output[-3000:]}")
    return time.perf_counter() - started, peak, output


def site_figures(site: Path) -> dict[str, float]:
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    group = sorted(site.glob("*/groups/*/index.html"))
    return {"pages": len(pages), "bytes": total, "html_median": statistics.median(pages),
            "group_page": group[0].stat().st_size if group else 0}


def control_docs(data: Path, docs: Path) -> list[object]:
    """Render every page to plain Markdown files, as the macros would; return the nav."""
    os.environ["ARRANGEMENTS_DATA"] = str(data)
    from arrangements import pages as registry
    from arrangements.build import current_dataset, pin
    from arrangements.frontmatter import handwritten_pages, page_source

    pin(None)
    dataset = current_dataset(data)
    pin(dataset)
    import jinja2

    env = jinja2.Environment()
    env.globals.update(render=lambda name, *a: registry.render(dataset, name, *a),
                       partnership_list=lambda: registry.render(dataset, "partnership_list"))
    shutil.copytree(REPO / "docs", docs)
    for path in docs.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if "render_macros: false" not in text:
            path.write_text(env.from_string(text).render(), encoding="utf-8")
    generated = registry.all_pages(dataset)
    for page in generated:
        target = docs / page.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_source(page, dataset), encoding="utf-8")
    pin(None)
    return registry.navigation(generated, handwritten_pages(docs), len(dataset.partnerships))


def control_config(docs: Path, nav: list[object], help_panels: dict[str, object]) -> Path:
    config = REPO / f".bench-control-{os.getpid()}.yml"
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # Same theme, extensions and plugins, minus the macros plugin and our hook.
    text = re.sub(r"  - macros:\n(    .*\n)+", "", text)
    text = re.sub(r"hooks:\n  - macros/hooks.py\n", "", text)
    text += f"\ndocs_dir: {docs}\nnav: {json.dumps(nav)}\n"
    config.write_text(text, encoding="utf-8")
    del help_panels  # the theme's default panel is used; the difference is a few hundred bytes per page
    return config


def bench(label: str, data: Path, work: Path, repeat: int) -> dict[str, object]:
    env = {**os.environ, "ARRANGEMENTS_DATA": str(data), "PYTHONPATH": str(REPO / "macros")}
    validate_s, _, output = run_measured([sys.executable, "-m", "arrangements", "validate", "--data", str(data)], env)
    inner = float(re.search(r"in ([0-9.]+) s", output).group(1))
    site = work / f"site-{label}"
    docs = work / f"control-docs-{label}"
    nav = control_docs(data, docs)
    config = control_config(docs, nav, {})
    control_site = work / f"control-site-{label}"
    ours = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)]
    plain = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(control_site)]
    # Why alternate and keep the fastest: this machine is shared and its speed
    # drifts by 10-20% from minute to minute; the fastest of several runs of
    # each, interleaved, is the figure least disturbed by that.
    builds, controls = [], []
    try:
        for _ in range(repeat):
            builds.append(run_measured(ours, env))
            controls.append(run_measured(plain, env))
    finally:
        config.unlink(missing_ok=True)
    build_s, build_kb = min(b[0] for b in builds), max(b[1] for b in builds)
    control_s, control_kb = min(c[0] for c in controls), max(c[1] for c in controls)
    figures = site_figures(site)
    return {"data": label, "validate_s": inner, "validate_cli_s": validate_s, "build_s": build_s,
            "build_peak_mb": build_kb / 1024, "control_s": control_s, "control_peak_mb": control_kb / 1024,
            "overhead": build_s / control_s - 1, **figures,
            "control_html_median": site_figures(control_site)["html_median"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10, 50, 150])
    parser.add_argument("--quick", action="store_true", help="bundled data and N=10 only")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each build; the fastest counts")
    args = parser.parse_args()
    # Why: start-up should not be charged for compiling our modules afresh in each
    # run (some machines set PYTHONDONTWRITEBYTECODE); the theme's are compiled already.
    compileall.compile_dir(REPO / "macros", quiet=1)
    sizes = [10] if args.quick else args.sizes
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    rows = [bench("bundled", REPO / "data", work, args.repeat)]
    for n in sizes:
        data = work / f"data-{n}"
        subprocess.run([sys.executable, "scripts/synth.py", "--n", str(n), "--seed", "1", "--out", str(data)],
                       cwd=REPO, check=True, capture_output=True)
        rows.append(bench(f"N={n}", data, work, args.repeat))
    header = (f"{'data':<9} {'validate':>9} {'build':>8} {'control':>8} {'overhead':>9} {'peak MB':>8} "
              f"{'pages':>6} {'output MB':>10} {'HTML/page':>10} {'group page':>11}")
    print(header)
    for r in rows:
        print(f"{r['data']:<9} {r['validate_s']:>8.2f}s {r['build_s']:>7.1f}s {r['control_s']:>7.1f}s "
              f"{r['overhead']:>8.0%} {r['build_peak_mb']:>8.0f} {r['pages']:>6} {r['bytes'] / 1e6:>10.1f} "
              f"{r['html_median'] / 1e3:>9.0f}k {r['group_page'] / 1e3:>10.0f}k")
    print("validate: in-process time for the whole data folder; build: `mkdocs build --strict` wall time,")
    print(f"fastest of {args.repeat} runs interleaved with the control's;")
    print("control: plain mkdocs-material build of the same rendered Markdown (no macros, no hook).")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
