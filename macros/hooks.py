"""MkDocs hooks: turn the data into pages. Thin; the work is in arrangements/.

on_config  load and validate the data once; stop the build with every
           problem listed if anything is wrong (nothing half-published);
           give the theme each partnership's help contacts; build the nav.
on_files   add one virtual page per generated Page, already rendered to Markdown.
on_page_markdown  point "edit this page" at the data file behind the page.
on_post_build     write the open data files and the news feed.
"""

from __future__ import annotations

import gc
import html
import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

sys.path.insert(0, str(Path(__file__).resolve().parent))

from arrangements import pages as registry  # noqa: E402
from arrangements.build import current_dataset, pin  # noqa: E402
from arrangements.cli import print_problems  # noqa: E402
from arrangements.frontmatter import handwritten_pages, help_panels, page_source  # noqa: E402

log = logging.getLogger("mkdocs.hooks.arrangements")
_generated: list[registry.Page] = []


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    pin(None)  # a new build (or a `mkdocs serve` rebuild) looks at the files again
    gc.unfreeze()  # and the last build's data may be collected
    dataset = current_dataset()
    pin(dataset)
    if not dataset.ok:
        print_problems(dataset.problems.sorted(), stream=sys.stderr)
        raise Abort(f"{len(dataset.problems.errors)} problem(s) in the data: nothing was built. "
                    "Fix them (file:line above) and build again.")
    for problem in dataset.problems.sorted():
        log.info(str(problem))
    _generated[:] = registry.all_pages(dataset)
    # Why: the dataset lives for the whole build; frozen, the garbage collector
    # stops re-scanning it while MkDocs renders every page.
    gc.freeze()
    config.extra["help_panels"] = {**config.extra.get("help_panels", {}), **help_panels(dataset)}
    config.nav = registry.navigation(_generated, handwritten_pages(Path(config.docs_dir)), len(dataset.partnerships))
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    dataset = current_dataset()
    for page in _generated:
        if files.get_file_from_path(page.uri) is None:
            files.append(File.generated(config, page.uri, content=page_source(page, dataset)))
    return files


def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
    data_file = page.meta.get("data_file")
    if data_file and config.repo_url:
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{data_file}"
    return markdown


def on_page_context(context: dict, page: MkPage, config: MkDocsConfig, nav: object) -> dict:
    # Why: a page outside the nav takes its title from its H1, unescaped; themes
    # print titles as raw HTML, so data text must not reach them as markup.
    if page.title and ("<" in page.title or ">" in page.title):
        page.title = html.escape(page.title, quote=False)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    from arrangements.publish import after_build

    after_build(current_dataset(), Path(config.site_dir), config.site_url or "", config.site_name)
