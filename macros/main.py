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

from arrangements.data.news_check import CHART_CALL  # noqa: E402
from arrangements.engines.current import current_dataset  # noqa: E402
from arrangements.rendering import pages  # noqa: E402


def define_env(env) -> None:  # noqa: ANN001 - the macros plugin's own object
    @env.macro
    def render(name: str, *args: str, **kwargs: str) -> str:
        """`{{ render('structure', 'southampton') }}`: any registered renderer."""
        return pages.render(current_dataset(), name, *args, **kwargs)

    @env.macro
    def structure_chart(partnership: str) -> str:
        """A partnership's structure chart with its text equivalent, for any page.

        The page must set `mermaid: true` in its front matter to load Mermaid.
        """
        return pages.render(current_dataset(), "structure_chart", partnership, env.page.file.src_uri)

    @env.macro
    def partnership_list() -> str:
        return pages.render(current_dataset(), "partnership_list")


# Why: the macros plugin renders a page title as a template when it contains
# `{{` or `{%`. Titles come from data (a group's name), so hide the title
# while macros run and put it back, exactly as written, afterwards.
_TITLE_KEY = "_title_as_written"


def on_pre_page_macros(env) -> None:  # noqa: ANN001
    page = env.page
    # Why: news posts are text from the comms team, not templates; `{{ config }}` in a post stays as
    # written. The one call a post may make is a structure chart, recognised exactly and run here.
    if page.file.src_uri.startswith("news/posts/"):
        page.meta["render_macros"] = False
        env.markdown = CHART_CALL.sub(lambda m: _chart(m.group(1), page.file.src_uri), env.markdown)
    if page.title:
        page.meta[_TITLE_KEY] = page.title
        page.title = "untitled"


def on_post_page_macros(env) -> None:  # noqa: ANN001
    page = env.page
    if _TITLE_KEY in page.meta:
        page.title = page.meta.pop(_TITLE_KEY)


def _chart(pid: str, page_uri: str) -> str:
    dataset = current_dataset()
    if pid not in dataset.partnerships:  # a preview (ONLY=...) without that partnership
        return f"*The structure chart of {pid} is not part of this preview.*"
    return pages.render(dataset, "structure_chart", pid, page_uri)
