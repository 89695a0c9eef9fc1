"""Which pages the data produces, and the renderers that fill them.

Feature modules register page makers (what pages exist) and renderers (the
Markdown of a page or fragment). A page's body is data: text and calls to
renderers (`call('structure', 'southampton')`), rendered when the page is
written out; hand-written pages call the same renderers as macros
(`{{ render('structure', 'southampton') }}`).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from arrangements.data.dataset import Dataset


@dataclass(frozen=True)
class Call:
    """One renderer and its arguments: a part of a page's body, rendered when the page is written."""
    name: str
    args: tuple[str, ...] = ()


# A page's body: Markdown written by our own code, and calls to renderers, in order.
Body = tuple["str | Call", ...]


@dataclass(frozen=True)
class Page:
    uri: str                                 # e.g. "southampton/structure.md"
    title: str
    body: Body                               # Markdown and renderer calls (see `call`)
    partnership: str | None = None           # whose help panel and edit link the page shows
    section: tuple[str, ...] = ()            # where it sits in the navigation; () = not listed
    mermaid: bool = False                    # load Mermaid on this page only when true
    data_file: str | None = None             # the YAML file behind the page, for "edit this page"
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    order: int = 50                          # position within its section


PageMaker = Callable[[Dataset], Iterable[Page]]
Renderer = Callable[..., str]

PAGE_MAKERS: list[PageMaker] = []
RENDERERS: dict[str, Renderer] = {}

def page_maker(func: PageMaker) -> PageMaker:
    PAGE_MAKERS.append(func)
    return func


def renderer(name: str) -> Callable[[Renderer], Renderer]:
    def register(func: Renderer) -> Renderer:
        RENDERERS[name] = func
        return func

    return register


def all_pages(dataset: Dataset) -> list[Page]:
    # Why registration order: `arrangements.features` imports every feature in one fixed order
    # (whichever feature a caller imports first), so every build writes the same sitemap and index.
    return [page for maker in PAGE_MAKERS for page in maker(dataset)]


def render(dataset: Dataset, name: str, *args: Any, **kwargs: Any) -> str:
    if name not in RENDERERS:
        raise KeyError(f"no renderer called '{name}' (known: {', '.join(sorted(RENDERERS))})")
    return RENDERERS[name](dataset, *args, **kwargs)


def call(name: str, *args: str) -> Body:
    """A body that is one renderer's output; bodies join with `+`."""
    return (Call(name, args),)


def expand(dataset: Dataset, body: Body) -> str:
    """A generated page's Markdown: its text as written, each call replaced by what it renders.

    Why data, not macro text: a page's body never passes through a template
    engine, so braces in data stay inert, and nothing is parsed back.
    """
    return "".join(part if isinstance(part, str) else render(dataset, part.name, *part.args) for part in body)


NavItem = dict[str, Any]


# Above this many partnerships, each page's menu would grow with the site, so
# the menu lists one "All partnerships" page and each partnership's pages
# carry their own in-page menu instead (HTML per page stays flat as N grows).
COMPACT_NAV_ABOVE = 12


def navigation(pages: list[Page], handwritten: list[tuple[str, str]], partnerships: int = 0) -> list[NavItem]:
    """The site navigation: home, news, one section per partnership, then the rest.

    `handwritten` is (title, uri) of pages written by hand in docs/.
    Sections come from Page.section; within a section pages sort by order then title.
    """
    compact = partnerships > COMPACT_NAV_ABOVE
    tree: dict[str, Any] = {}
    # Why: a page with no section (e.g. an older version) is linked, not listed.
    listed = (p for p in pages if p.section and not (compact and p.partnership))
    for page in sorted(listed, key=lambda p: (p.order, p.title)):
        node = tree
        for name in page.section:
            node = node.setdefault(html.escape(name, quote=False), {})
        # Why escape: MkDocs themes print nav titles as raw HTML, and titles come from data.
        node.setdefault("\0pages", []).append({html.escape(page.title, quote=False): page.uri})
    top = [{title: uri} for title, uri in handwritten if uri in {"index.md", "news/index.md"}]
    about = [{title: uri} for title, uri in handwritten if uri not in {"index.md", "news/index.md"}]
    nav = top + _nav_from_tree(tree)
    about_node = next((item for item in nav if "About this site" in item), None)
    if about_node is not None:
        about_node["About this site"].extend(about)
    elif about:
        nav.append({"About this site": about})
    return nav


def _nav_from_tree(tree: dict[str, Any]) -> list[NavItem]:
    items: list[NavItem] = list(tree.get("\0pages", []))
    for name, child in tree.items():
        if name != "\0pages":
            items.append({name: _nav_from_tree(child)})
    return items
