"""mkdocs-macros entry point: exposes the core renderers to every page.

Thin on purpose: the data is loaded once per build (macros/hooks.py) and
every macro just asks the core to render. A renderer returns Markdown that
the macros plugin inserts as it is, never re-reading it as a template, so
braces or Jinja in data text stay inert.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from arrangements import pages  # noqa: E402
from arrangements.build import current_dataset  # noqa: E402


def define_env(env) -> None:  # noqa: ANN001 - the macros plugin's own object
    @env.macro
    def render(name: str, *args: str, **kwargs: str) -> str:
        """`{{ render('structure', 'southampton') }}`: any registered renderer."""
        return pages.render(current_dataset(), name, *args, **kwargs)

    @env.macro
    def structure_chart(partnership: str) -> str:
        """A partnership's structure chart with its text equivalent, for any page."""
        return pages.render(current_dataset(), "structure", partnership)

    @env.macro
    def partnership_list() -> str:
        return pages.render(current_dataset(), "partnership_list")
