"""MkDocs hooks: turn the data into pages. Thin; the work is in arrangements/.

on_startup note whether this is `mkdocs serve`, which keeps unchanged pages.
on_config  load and validate the data once; stop the build with every
           problem listed if anything is wrong (nothing half-published);
           keep only the partnerships asked for in a preview (ONLY=...);
           give the theme each partnership's help contacts; build the nav.
on_env     keep compiled theme templates between `mkdocs serve` rebuilds,
           and pick the generated pages whose HTML is unchanged (page_cache).
on_files   add one virtual page per generated Page, already rendered to Markdown.
on_pre_page, on_page_context, on_post_page  reuse or store pages during serve.
on_page_markdown  point "edit this page" at the data file behind the page.
on_post_build     write the open data files and the news feed.
on_build_error    a failed build stores no pages for the next serve rebuild.
"""

from __future__ import annotations

import gc
import html
import logging
import sys
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkPage

sys.path.insert(0, str(Path(__file__).resolve().parent))

from arrangements.commands import print_problems  # noqa: E402
from arrangements.data.dataset import Dataset  # noqa: E402
from arrangements.engines import csp  # noqa: E402
from arrangements.engines.current import current_dataset, pin  # noqa: E402
from arrangements.engines.frontmatter import handwritten_pages, help_panels, page_source  # noqa: E402
from arrangements.engines.preview import preview, wanted  # noqa: E402
from arrangements.rendering import pages as registry  # noqa: E402
from page_cache import PAGES  # noqa: E402
from template_cache import CACHE  # noqa: E402

log = logging.getLogger("mkdocs.hooks.arrangements")
_generated: list[registry.Page] = []
_generated_uris: set[str] = set()


def on_startup(command: str, dirty: bool) -> None:
    PAGES.start(command)
    if command == "serve":
        _allow_live_reload()


def _allow_live_reload() -> None:
    """`mkdocs serve` adds an inline live-reload script to each page as it sends it, different
    every time; the page's Content-Security-Policy would refuse it. Add that script's own hash
    as it is sent, so the preview reloads and the built files stay exactly as published.
    If MkDocs changes this (private) method, the preview just stops reloading: it fails closed.
    """
    from mkdocs.livereload import LiveReloadServer

    original = LiveReloadServer._inject_js_into_html
    if getattr(original, "allows_csp", False):
        return

    def inject(self: LiveReloadServer, content: bytes, epoch: int) -> bytes:
        page = original(self, content, epoch)
        end = page.rfind(b"</script>")
        start = page.rfind(b"<script>", 0, end)
        if start < 0:
            return page
        hashed = csp.digest(page[start + len(b"<script>"):end].decode("utf-8")).encode("ascii")
        return page.replace(b"script-src 'self'", b"script-src 'self' " + hashed, 1)

    inject.allows_csp = True  # type: ignore[attr-defined]
    LiveReloadServer._inject_js_into_html = inject  # type: ignore[method-assign]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    pin(None)  # a new build (or a `mkdocs serve` rebuild) looks at the files again
    gc.unfreeze()  # and the last build's data may be collected
    dataset = current_dataset()
    dataset.new_build()
    pin(dataset)
    if not dataset.ok:
        print_problems(dataset.problems.sorted(), stream=sys.stderr)
        raise Abort(f"{len(dataset.problems.errors)} problem(s) in the data: nothing was built. "
                    "Fix them (file:line above) and build again.")
    for problem in dataset.problems.sorted():
        log.info(str(problem))
    if wanted():
        dataset = _preview(dataset, config)
        pin(dataset)
    _generated[:] = registry.all_pages(dataset)
    _generated_uris.clear()
    _generated_uris.update(page.uri for page in _generated)
    # Why: the dataset lives for the whole build; frozen, the garbage collector
    # stops re-scanning it while MkDocs renders every page.
    gc.freeze()
    config.extra["help_panels"] = {**config.extra.get("help_panels", {}), **help_panels(dataset)}
    config.nav = registry.navigation(_generated, handwritten_pages(Path(config.docs_dir)), len(dataset.partnerships))
    PAGES.begin(config)
    return config


def _preview(dataset: Dataset, config: MkDocsConfig) -> Dataset:
    try:
        shown = preview(dataset, wanted())
    except ValueError as error:
        raise Abort(f"ONLY: {error}") from None
    # Why: hand-written pages (news, the home page) may link to partnerships
    # left out of the preview; those links are checked by the full build.
    config.validation.links.not_found = logging.INFO
    log.info(f"Preview of {', '.join(shown.partnerships)} only: links to other partnerships are not "
                "checked here. The published build checks everything.")
    return shown


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = CACHE
    pages = [file.page for file in files.documentation_pages() if file.page is not None]
    PAGES.pick_stored(pages, [page for page in pages if page.file.src_uri in _generated_uris], env)
    return env


def on_files(files: Files, config: MkDocsConfig) -> Files:
    dataset = current_dataset()
    for page in _generated:
        if files.get_file_from_path(page.uri) is None:
            files.append(File.generated(config, page.uri, content=page_source(page, dataset)))
    PAGES.files(files)
    return files


def on_pre_page(page: MkPage, config: MkDocsConfig, files: Files) -> MkPage:
    if page.file.src_uri in _generated_uris:
        PAGES.render_from_cache(page)
    return page


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
    # Why: the theme prints a front-matter title and description (news posts) as raw HTML in
    # its header; overrides/main.html makes them plain text in <title> and <meta>.
    for key in ("title", "description", "author"):
        value = page.meta.get(key)
        if isinstance(value, str) and ("<" in value or ">" in value):
            page.meta[key] = html.escape(value, quote=False)
    PAGES.context(context, page)
    return context


def on_post_page(output: str, page: MkPage, config: MkDocsConfig) -> str:
    output = csp.apply(output)
    PAGES.written(page, output)
    return output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return csp.apply(output)  # 404.html


def on_build_error(error: Exception) -> None:
    PAGES.abandon()


def on_post_build(config: MkDocsConfig) -> None:
    from arrangements.engines.publish import after_build

    after_build(current_dataset(), Path(config.site_dir), config.site_url or "", config.site_name)
    if PAGES.enabled:
        log.info(f"{PAGES.end()} unchanged page(s) reused from the last build.")
