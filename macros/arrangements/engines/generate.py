"""Generate, then build: every data-driven page written out as a Markdown file.

Why: Material for MkDocs reaches end of life on 5 May 2027. Its successor,
Zensical, reads `mkdocs.yml` but runs no MkDocs hooks, so it cannot see the
virtual pages the MkDocs layer adds. This step writes what the hooks would
add (the pages, the navigation, the help panels, the open data and the news
feed) into `.generated/`, a git-ignored folder, plus a small engine config
that inherits `mkdocs.yml`. Any engine that reads Markdown files builds it:
`make site ENGINE=zensical`.

Hand-written pages are copied unchanged; a hand-written page wins over a
generated one at the same address, as it does in the MkDocs build.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from arrangements.commands import DEFAULT_DATA, REPO, command, load_or_report
from arrangements.data.dataset import Dataset
from arrangements.engines.frontmatter import handwritten_pages, help_panels, page_source
from arrangements.engines.site_config import apply, nav_size, site_dataset, site_pages
from arrangements.features.news import read_posts, write_feed
from arrangements.features.opendata import write_open_data
from arrangements.rendering import pages as registry

OUT = REPO / ".generated"
CONFIG = REPO / "mkdocs.generated.yml"


@dataclass(frozen=True)
class Generated:
    docs: Path          # the folder an engine builds from
    config: Path        # the engine config that inherits mkdocs.yml
    pages: int          # how many data-driven pages were written
    notes: tuple[str, ...] = ()   # what the site settings added (domain, redirects)


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml for a few plain settings, leaving its `!!python/name:` tags alone."""


_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_settings(config: Path = REPO / "mkdocs.yml") -> dict[str, Any]:
    return yaml.load(config.read_text(encoding="utf-8"), Loader=_Tolerant) or {}  # noqa: S506 - safe loader


def generate(dataset: Dataset, out: Path = OUT, config: Path = CONFIG, site_dir: str = "site") -> Generated:
    """Write the site's sources into `out/docs` and the engine config beside mkdocs.yml."""
    dataset = site_dataset(dataset)  # only the partnerships the site settings name, and those they link to
    settings = site_settings()
    docs = out / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(REPO / "docs", docs)
    written = 0
    generated = site_pages(dataset, registry.all_pages(dataset))
    for page in generated:
        target = docs / page.uri
        if target.exists():
            continue  # a hand-written page at the same address wins
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_source(page, dataset), encoding="utf-8")
        written += 1
    engine: dict[str, Any] = {
        "INHERIT": "mkdocs.yml",
        "docs_dir": str(docs.relative_to(config.parent)),
        "site_dir": site_dir,
        # Why: Zensical's default look is "modern"; "classic" is Material's, so both engines match.
        "theme": {"variant": "classic"},
        "nav": registry.navigation(generated, handwritten_pages(REPO / "docs"), nav_size(dataset)),
        # The partnerships' panels and the site-wide one from the settings (mkdocs.yml has none to merge with).
        "extra": {"help_panels": help_panels(dataset)},
    }
    notes = apply(engine, dataset, docs, generated)  # the site settings (data/site/settings.yml)
    site_url = engine.get("site_url") or settings.get("site_url") or ""
    write_open_data(dataset, docs, site_url or None)
    write_feed(read_posts(), site_url, docs / "news" / "feed.xml",
               engine["extra"].get("short_name") or engine.get("site_name") or settings.get("site_name", "News"))
    # Why JSON: it is valid YAML, and no data text can become a YAML tag or anchor this way.
    config.write_text("# Written by `arrangements generate`; do not edit.\n" + json.dumps(engine, indent=1,
                      ensure_ascii=False) + "\n", encoding="utf-8")
    return Generated(docs, config, written, tuple(notes))


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder (default: data/)")
    parser.add_argument("--site-dir", default="site", help="where the engine writes the site (default: site)")


@command("generate", "write every data-driven page as Markdown into .generated/ for any engine", _arguments)
def generate_command(args: argparse.Namespace) -> int:
    dataset, status = load_or_report(args.data)
    if status:
        print("The data has errors (above): nothing was generated.", file=sys.stderr)
        return status
    result = generate(dataset, site_dir=args.site_dir)
    for note in result.notes:
        print(note)
    print(f"Generated {result.pages} pages into {result.docs.relative_to(REPO)}; engine config "
          f"{result.config.relative_to(REPO)}")
    return 0
