"""The macros plugin's entry point: the core renderers, for hand-written pages.

Both engines run it (MkDocs through mkdocs-macros, Zensical through its own
support for `define_env`); pages written from the data need no macros, they
are plain Markdown already. Thin on purpose: the data is loaded once and kept
while its files are unchanged (engines/current.py), and every macro just asks
the core to render. A renderer returns Markdown that
the macros plugin inserts as it is, never re-reading it as a template, so
braces or Jinja in data text stay inert.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from arrangements.engines.current import current_dataset  # noqa: E402
from arrangements.engines.frontmatter import terms  # noqa: E402
from arrangements.rendering import pages  # noqa: E402
from arrangements.rendering.text import expand_abbreviations  # noqa: E402


def _rendered(name: str, *args: str, **kwargs: str) -> str:
    """A renderer's Markdown with abbreviations spelled out at their first use in it, as on generated pages."""
    dataset = current_dataset()
    return expand_abbreviations(pages.render(dataset, name, *args, **kwargs), terms(dataset))


def define_env(env) -> None:  # noqa: ANN001 - the macros plugin's own object
    @env.macro
    def render(name: str, *args: str, **kwargs: str) -> str:
        """`{{ render('structure', 'southampton') }}`: any registered renderer."""
        return _rendered(name, *args, **kwargs)

    @env.macro
    def structure_chart(partnership: str) -> str:
        """A partnership's structure chart with its text equivalent, for any page.

        The page must set `mermaid: true` in its front matter to load Mermaid.
        """
        return _rendered("structure_chart", partnership, _page_uri(env.page))

    @env.macro
    def partnership_list() -> str:
        return _rendered("partnership_list")

    @env.macro
    def contacts(partnership: str) -> str:
        """Who to call about a child in the partnership's area, most urgent first."""
        return _rendered("contacts", partnership)

    @env.macro
    def latest_report(partnership: str) -> str:
        """A link to the partnership's newest yearly report, with its summary."""
        return _rendered("latest_report", partnership, _page_uri(env.page))



# Why: the macros plugin renders a page title as a template when it contains
# `{{` or `{%`. Titles come from data (a group's name), so hide the title
# while macros run and put it back, exactly as written, afterwards.
_TITLE_KEY = "_title_as_written"


def on_pre_page_macros(env) -> None:  # noqa: ANN001
    # News posts are never templates: `arrangements generate` marks them so (frontmatter.news_post_source).
    page = env.page
    if page.title:
        page.meta[_TITLE_KEY] = page.title
        page.title = "untitled"


def on_post_page_macros(env) -> None:  # noqa: ANN001
    page = env.page
    if _TITLE_KEY in page.meta:
        page.title = page.meta.pop(_TITLE_KEY)


def _page_uri(page) -> str:  # noqa: ANN001 - either engine's page object
    """The page's source address, e.g. `news/posts/x.md`: MkDocs says `page.file.src_uri`, Zensical `page.path`."""
    file = getattr(page, "file", None)
    return str(getattr(file, "src_uri", None) or page.path).replace("\\", "/")
