"""Generate, then build: every data-driven page written out as a Markdown file.

Why: Material for MkDocs reaches end of life on 5 May 2027, and its successor,
Zensical, runs no MkDocs hooks. So no engine is asked to invent pages: this
step writes every page the data makes (with front matter), the navigation,
the help panels, the open data and the news feed into a git-ignored folder,
plus a small engine config that inherits `mkdocs.yml`. MkDocs and Zensical
both build from it (`make site`, `make site ENGINE=zensical`).

Hand-written pages are copied with their macros rendered (engines/handwritten.py)
and abbreviations spelled out; a hand-written page wins over a generated one at
the same address. Only files whose content changed are
written, so an engine's file watcher (`make serve`) rebuilds after a data
edit without being told.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from arrangements import REPO
from arrangements.commands import DEFAULT_DATA, command, load_or_report
from arrangements.data.dataset import Dataset
from arrangements.engines.frontmatter import handwritten_source, help_panels, news_post_source, page_source, terms
from arrangements.engines.handwritten import PageError, render_page
from arrangements.engines.preview import preview
from arrangements.engines.site_config import site_dataset, site_engine, site_files, source_settings
from arrangements.features.home import site_pages
from arrangements.features.news import feed_xml, read_posts
from arrangements.features.opendata import export_text
from arrangements.features.settings import MAINTAINER_GUIDES
from arrangements.rendering import pages as registry

OUT = REPO / ".generated" / "docs"
POSTS = "news/posts/"
CONFIG = REPO / "mkdocs.generated.yml"


@dataclass(frozen=True)
class Generated:
    docs: Path          # the folder an engine builds from
    config: Path        # the engine config that inherits mkdocs.yml
    pages: int          # how many data-driven pages the data makes
    changed: list[str]  # the files written or removed this time (relative to `docs`)
    notes: tuple[str, ...] = ()   # what the site settings added (custom domain, redirects)


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml for a few plain settings, leaving its `!!python/name:` tags alone."""


_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_settings(config: Path = REPO / "mkdocs.yml") -> dict[str, Any]:
    return yaml.load(config.read_text(encoding="utf-8"), Loader=_Tolerant) or {}  # noqa: S506 - safe loader


def sources(dataset: Dataset, settings: dict[str, Any], generated: list[registry.Page],
            handwritten: Path = REPO / "docs", preview: bool = False) -> dict[str, bytes]:
    """Every file the engine builds from, by address: hand-written first (their macros rendered, raising
    PageError for a call that cannot be), then what the data makes."""
    files = {path.relative_to(handwritten).as_posix(): path.read_bytes()
             for path in sorted(handwritten.rglob("*")) if path.is_file()}
    words = terms(dataset)
    # Why not the maintainer guides: they stay in the repository, never on the site (site_files drops them).
    for uri in [uri for uri in files if uri.endswith(".md") and uri not in MAINTAINER_GUIDES]:
        text = files[uri].decode("utf-8")
        if uri.startswith(POSTS):
            text = news_post_source(text, uri, dataset)
        text = handwritten_source(text, words)
        # Why after the abbreviations: a macro's output is spelled out by the macro itself.
        files[uri] = render_page(text, uri, dataset, words, preview).encode("utf-8")
    site_url = settings.get("site_url") or ""
    edit_base = f"{settings['repo_url'].rstrip('/')}/edit/main/" if settings.get("repo_url") else ""
    for page in generated:
        files.setdefault(page.uri, page_source(page, dataset, edit_base, words).encode("utf-8"))
    for path, text in export_text(dataset, site_url or None).items():
        files[path] = text.encode("utf-8")
    files["news/feed.xml"] = feed_xml(read_posts(), site_url, settings.get("site_name", "News"))
    return files


def sync(folder: Path, files: dict[str, bytes]) -> list[str]:
    """Make `folder` hold exactly `files`, writing only what differs; the addresses changed."""
    changed = []
    for uri, content in files.items():
        target = folder / uri
        if target.is_file() and target.read_bytes() == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        changed.append(uri)
    for path in sorted(folder.rglob("*"), reverse=True) if folder.is_dir() else []:
        uri = path.relative_to(folder).as_posix()
        if path.is_file() and uri not in files:
            path.unlink()
            changed.append(uri)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def engine_config(dataset: Dataset, docs: Path, config: Path, site_dir: str, previewing: bool,
                  live: bool = False) -> dict[str, Any]:
    """What the engine is told beyond mkdocs.yml: where the files are and the help panels
    (the navigation and the site's own settings are added by `site_config.site_engine`)."""
    engine: dict[str, Any] = {
        "INHERIT": "mkdocs.yml",
        "docs_dir": str(docs.relative_to(config.parent)) if docs.is_relative_to(config.parent) else str(docs),
        "site_dir": site_dir,
        # Why: Zensical's default look is "modern"; "classic" is Material's, so both engines match.
        "theme": {"variant": "classic"},
        # The partnerships' panels and the site-wide one from the settings (mkdocs.yml has none to merge with).
        "extra": {"help_panels": help_panels(dataset), "live_preview": live},
    }
    if live:
        # Why: the preview server rebuilds only the pages that changed (serve.py), which MkDocs warns about,
        # and a warning must not stop a preview; the published build stays strict.
        engine["strict"] = False
    if previewing:
        # Why: hand-written pages (news, the home page) may link to partnerships left out of a
        # preview; the published build checks those links.
        engine["validation"] = {"links": {"not_found": "info"}}
    return engine


def generate(dataset: Dataset, out: Path = OUT, config: Path = CONFIG, site_dir: str = "site",
             only: list[str] | None = None, live: bool = False, documents: bool = False) -> Generated:
    """Write the site's sources into `out` and the engine config beside mkdocs.yml.

    `only`: a preview of these partnerships (and those they link to); `live`: for a preview server;
    `documents`: the PDF and Word files too (raises DocumentError when they cannot be made), made first so
    the pages link to them with their sizes.
    """
    dataset = site_dataset(dataset)  # the partnerships data/site/settings.yml names (and those they link to)
    settings = {**site_settings(), **source_settings(dataset)}
    if only:
        dataset = preview(dataset, only)
    with tempfile.TemporaryDirectory(prefix="documents-", dir=out.parent if out.parent.is_dir() else None) as made:
        papers = write_documents(dataset, Path(made), documents, whole=not only)
        # Why once: the pages are listed here and handed to every step that needs them.
        generated = registry.all_pages(dataset)
        files = sources(dataset, settings, generated, preview=bool(only))
    files.update(papers)
    published = site_pages(dataset, generated)
    notes = site_files(dataset, files, published)  # logo, colours, CNAME, the home page's shape, redirects
    changed = sync(out, files)
    engine = engine_config(dataset, out, config, site_dir, bool(only), live)
    site_engine(engine, dataset, published)  # name, address, footer, logo, colours, quick exit, navigation
    # Why JSON: it is valid YAML, and no data text can become a YAML tag or anchor this way.
    text = ("# Written by `arrangements generate`; do not edit.\n"
            + json.dumps(engine, indent=1, ensure_ascii=False) + "\n")
    if not config.is_file() or config.read_text(encoding="utf-8") != text:
        config.write_text(text, encoding="utf-8")
    return Generated(out, config, len(generated), changed, tuple(notes))


def write_documents(dataset: Dataset, folder: Path, wanted: bool = True, whole: bool = True) -> dict[str, bytes]:
    """Every PDF and Word file, by address (`<id>/documents/<name>`), made into `folder` before any page is
    rendered: the pages link to the files found there, with their real sizes, and the engine copies them
    into the site like any other file.

    Unchanged documents come from the cache (.cache/documents). Without `wanted` (a quick preview) there are
    none, and the pages show no links: never a link to a missing file or a wrong size. A `whole` site's
    build also removes from the cache the files it did not use.
    """
    from arrangements.features.documents_build import CACHE, JOBS, DocumentError, build, one_line

    dataset.documents = None
    if not wanted:
        return {}
    started = time.perf_counter()
    try:
        written = build(dataset, folder, jobs=JOBS, cache=CACHE, prune=whole)
    except Exception as error:  # noqa: BLE001  Why: a build ends with one line that says what to do
        raise DocumentError(one_line(error)) from error
    dataset.documents = folder
    # (scripts/bench_documents.py reads the time)
    print(f"Wrote {len(written)} documents (PDF and Word) in {time.perf_counter() - started:.1f} s")
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in written}


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder (default: data/)")
    parser.add_argument("--out", type=Path, default=OUT, help="where the pages go (default: .generated/docs)")
    parser.add_argument("--config", type=Path, default=CONFIG, help="the engine config to write "
                        "(default: mkdocs.generated.yml; it must sit beside mkdocs.yml)")
    parser.add_argument("--site-dir", default="site", help="where the engine writes the site (default: site)")
    parser.add_argument("--only", default="", help="preview these partnerships (ids, comma-separated) and those "
                        "they link to")
    parser.add_argument("--no-documents", dest="documents", action="store_false",
                        help="skip the PDF and Word files and the links to them (a quicker preview)")


@command("generate", "write every data-driven page as Markdown into .generated/ for any engine", _arguments)
def generate_command(args: argparse.Namespace) -> int:
    dataset, status = load_or_report(args.data, stream=sys.stderr)
    if status:
        print(f"{len(dataset.problems.errors)} problem(s) in the data (above): nothing was generated or built. "
              "Fix them (file:line above) and build again.", file=sys.stderr)
        return status
    only = [part for part in args.only.replace(" ", ",").split(",") if part]
    from arrangements.features.documents_build import DocumentError

    try:
        result = generate(dataset, args.out.resolve(), args.config.resolve(), args.site_dir, only,
                          documents=args.documents)
    except ValueError as error:  # an unknown partnership in --only
        print(f"ONLY: {error}", file=sys.stderr)
        return 2
    except PageError as error:
        print(f"generate: a hand-written page cannot be built, so nothing was built: {error}", file=sys.stderr)
        return 1
    except DocumentError as error:
        print(f"generate: the documents (PDF and Word) could not be made, so nothing was built: {error}",
              file=sys.stderr)
        return 1
    if only:
        print(f"Preview of {', '.join(only)} only (with the partnerships they link to): links to other "
              "partnerships are not checked here. The published build checks everything.", file=sys.stderr)
    for note in result.notes:
        print(note)
    print(f"Generated {result.pages} pages; {len(result.changed)} file(s) changed in "
          f"{_shown(result.docs)}; engine config {_shown(result.config)}")
    return 0


def _shown(path: Path) -> str:
    return str(path.relative_to(REPO)) if path.is_relative_to(REPO) else str(path)
