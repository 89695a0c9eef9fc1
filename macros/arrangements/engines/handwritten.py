"""The macros of hand-written pages, rendered by `arrangements generate` for every engine.

A communications officer may show what the data holds on a page they write
(docs/contributing.md): `{{ contacts('southampton') }}`, `{{ latest_report('id') }}`,
`{{ partnership_list() }}`, `{{ structure_chart('id') }}`, or any renderer with
`{{ render('name', ...) }}`. Why here and not in an engine plugin: the engine then
builds plain Markdown, whichever engine it is; the data is loaded once per
generate, not again inside the engine; and a page whose macros draw on the data
is rewritten when the data changes, so a preview that rebuilds only changed
files (`mkdocs serve --dirty`) shows it.

Why a sandbox with nothing in it but the macros: a page is a template, and a pull
request may be hostile. No `config`, no attribute tricks, no includes. What a
macro returns is Markdown made by the core from escaped data text, inserted as
it is and never read as a template again.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable

from jinja2 import FunctionLoader, StrictUndefined, TemplateError, TemplateSyntaxError
from jinja2.sandbox import SandboxedEnvironment

from arrangements.data.dataset import Dataset
from arrangements.data.problems import did_you_mean
from arrangements.engines.frontmatter import split_front_matter
from arrangements.rendering.pages import RENDERERS, render
from arrangements.rendering.text import expand_abbreviations, inline

MACROS = ("contacts", "latest_report", "partnership_list", "structure_chart", "render")
MERMAID_FENCE = "``` mermaid"  # how the chart renderers open a chart (structure_pages.chart_with_words)
# Why a marker: a page that shows macro calls as examples (the glossary could) asks to be left as written;
# news posts get it from news_post_source, so a post is never a template.
NOT_A_TEMPLATE = "render_macros: false"


class PageError(Exception):
    """A hand-written page whose macros cannot be rendered: the file, the line and what to do."""


def render_page(text: str, uri: str, dataset: Dataset, terms: dict[str, str], preview: bool = False) -> str:
    """The page with each macro call replaced by what it renders; a page with no call is returned as it is.

    `uri` is the page's address in docs/ (`campaign.md`), for links relative to it and for messages;
    in a preview (`preview`), a call about a partnership outside it says so on the page instead of failing.
    """
    head, body = split_front_matter(text)
    if NOT_A_TEMPLATE in head or ("{{" not in body and "{%" not in body):
        return text
    offset = head.count("\n")
    where = f"docs/{uri}"
    # Why a loader that gives only this page, once: its name is the file in messages and tracebacks,
    # and an `{% include %}` finds nothing, not another file and not the page itself again.
    served: list[str] = []

    def load(name: str) -> tuple[str, str, Callable[[], bool]] | None:
        if name != where or served:
            return None
        served.append(name)
        return body, name, lambda: True

    env = SandboxedEnvironment(loader=FunctionLoader(load), cache_size=0,
                               undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
    charts: list[str] = []
    env.globals.update(_macros(dataset, uri, terms, preview, charts))
    try:
        rendered = env.get_template(where).render()
    except TemplateSyntaxError as error:
        raise PageError(f"{where}, line {(error.lineno or 1) + offset}: {error.message}. A macro call is written "
                        "like {{ contacts('southampton') }}: see docs/contributing.md.") from None
    except (TemplateError, PageError, TypeError) as error:
        line = _template_line(error, where)
        at = f", line {line + offset}" if line else ""
        message = str(error).rstrip(".")
        if isinstance(error, TemplateError) and "is undefined" in message:
            message += f" (a page may call only {', '.join(MACROS)})"
        end = "" if message.endswith("?") else "."
        raise PageError(f"{where}{at}: {message}{end} See docs/contributing.md for what a page may call.") from None
    return _with_mermaid(head) + rendered if charts else head + rendered


def _with_mermaid(head: str) -> str:
    """The front matter with `mermaid: true`, which loads the chart drawing script on the page.

    Why: an author who adds a chart should not also have to know that the page needs the script.
    """
    if re.search(r"^mermaid:", head, re.MULTILINE):
        return head
    return "---\nmermaid: true\n" + (head[4:] if head else "---\n")


def _template_line(error: BaseException, where: str) -> int | None:
    """The page's line that was being rendered when the error happened (Jinja keeps it in the traceback)."""
    lines = [frame.lineno for frame in traceback.extract_tb(error.__traceback__) if frame.filename == where]
    return lines[-1] if lines else None


def _hint(message: str, hint: str) -> str:
    return f"{message}: {hint}" if hint else message


def _macros(dataset: Dataset, uri: str, terms: dict[str, str], preview: bool,
            charts: list[str]) -> dict[str, Callable[..., str]]:
    """The five macros; each chart drawn is noted in `charts` (the page then needs Mermaid)."""
    def rendered(name: str, *args: str) -> str:
        markdown = render(dataset, name, *args)
        if MERMAID_FENCE in markdown:
            charts.append(name)
        # Why: spelled out at their first use in what the macro adds, as on generated pages.
        return expand_abbreviations(markdown, terms)

    def about(pid: object, name: str, *more: str) -> str:
        pid = str(pid)
        if pid in dataset.partnerships:
            return rendered(name, pid, *more)
        if preview:
            return f"*{inline(pid)} is not part of this preview.*\n"
        raise PageError(_hint(f"{name}() names a partnership '{pid}' that is not in the data",
                              did_you_mean(pid, list(dataset.partnerships))))

    def any_renderer(name: object, *args: object) -> str:
        if str(name) not in RENDERERS:
            raise PageError(_hint(f"render() names '{name}', which is not a renderer",
                                  did_you_mean(str(name), sorted(RENDERERS))))
        return rendered(str(name), *(str(arg) for arg in args))

    return {
        "render": any_renderer,
        "structure_chart": lambda pid: about(pid, "structure_chart", uri),
        "partnership_list": lambda: rendered("partnership_list"),
        "contacts": lambda pid: about(pid, "contacts"),
        "latest_report": lambda pid: about(pid, "latest_report", uri),
    }
