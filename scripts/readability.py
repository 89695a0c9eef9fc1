"""Print the Flesch reading ease of the pages families read first: the home page and each overview.

Usage: python scripts/readability.py [SITE_DIR]   (default: build the bundled site into a temporary folder)

Flesch reading ease: 60-70 is plain English, most adults read it easily; below 50 is hard.
The words measured are the page's article text, without the help panel and the menus,
since those are the same on every page.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import textstat

REPO = Path(__file__).resolve().parents[1]
TARGET = 60


def article_text(page: Path) -> str:
    markup = page.read_text(encoding="utf-8")
    markup = markup[markup.index("<article"):markup.index("</article>")]
    for block in ("script", "style", "pre", "code", "table", "nav", "figure", "aside"):
        markup = re.sub(rf"<{block}\b.*?</{block}>", " ", markup, flags=re.S)
    markup = re.sub(r'<div class="(help-panel|admonition)[^"]*".*?</div>', " ", markup, flags=re.S)
    # Why: a heading or list item is a sentence to a reader, so end each one with a full stop.
    markup = re.sub(r"</(h[1-6]|li|dt|dd|p)>", ". ", markup)
    text = html.unescape(re.sub(r"<[^>]+>", " ", markup))
    return re.sub(r"\s*\.(\s*\.)+", ".", " ".join(text.replace("¶", " ").split()))


def pages(site: Path) -> list[tuple[str, Path]]:
    found = [("home", site / "index.html")]
    for overview in sorted(site.glob("*/index.html")):
        if (overview.parent / "structure" / "index.html").exists():
            found.append((f"{overview.parent.name} overview", overview))
    return found


def main() -> int:
    if len(sys.argv) > 1:
        site = Path(sys.argv[1])
    else:
        site = Path(tempfile.mkdtemp(prefix="readability-")) / "site"
        subprocess.run([sys.executable, str(REPO / "scripts" / "build_site.py"), "--out", str(site)], check=True,
                       cwd=REPO)
    print(f"{'page':<32} {'Flesch':>7}  {'words':>6}")
    below = 0
    for name, path in pages(site):
        text = article_text(path)
        score = textstat.flesch_reading_ease(text)
        below += score < TARGET
        print(f"{name:<32} {score:7.1f}  {len(text.split()):6d}{'  below ' + str(TARGET) if score < TARGET else ''}")
    print(f"target: {TARGET} or more; {below} page(s) below")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
