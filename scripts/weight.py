"""Print page weight figures for a built site: HTML bytes per page and the
bytes a browser loads on first view of a page without a diagram.

Usage: python scripts/weight.py [SITE_DIR]   (default: builds into a temp dir)
The budgets these figures are held to live in tests/test_accessibility.py.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def html_sizes(site: Path) -> dict[str, int]:
    return {str(p.relative_to(site)): p.stat().st_size for p in site.rglob("*.html")}


def first_view_bytes(site: Path, page: Path) -> tuple[int, list[str]]:
    """Bytes of the page plus every same-site asset it references directly."""
    import re

    html = page.read_text(encoding="utf-8")
    total = len(html.encode())
    assets: list[str] = []
    for ref in re.findall(r'(?:src|href)="([^"#?]+\.(?:js|css|svg|png|woff2?))"', html):
        target = (page.parent / ref).resolve()
        if target.is_file() and site.resolve() in target.parents:
            total += target.stat().st_size
            assets.append(ref)
    return total, assets


def main() -> int:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp(prefix="weight-"))
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=REPO,
                       check=True)
    sizes = html_sizes(site)
    values = sorted(sizes.values())
    print(f"pages: {len(values)}  HTML total: {sum(values):,} bytes")
    print(f"HTML per page: median {statistics.median(values):,.0f}  max {values[-1]:,}  min {values[0]:,}")
    for name in sorted(sizes, key=sizes.get, reverse=True)[:5]:
        print(f"  {sizes[name]:>9,}  {name}")
    overview = site / "southampton" / "index.html"
    if overview.exists():
        total, assets = first_view_bytes(site, overview)
        print(f"first view of southampton/ (no diagram): {total:,} bytes in {len(assets) + 1} files "
              "(page, scripts, styles; the search index loads later, on first search)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
