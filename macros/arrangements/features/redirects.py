"""Addresses that last: a renamed group or partnership folder keeps its old address working.

The data names the ids a thing had before (`former_ids:` on a group or on the
arrangements); the generate step writes a small HTML page at each old
address that sends the reader on to the new one. It is a static file, so
both engines copy it as it is and any host serves it: a `<meta refresh>`
plus an ordinary link, with a Content-Security-Policy that lets it load
nothing at all.
"""

from __future__ import annotations

import posixpath

from arrangements.data.dataset import Dataset, Partnership
from arrangements.data.validate import dataset_check
from arrangements.rendering.pages import Page
from arrangements.rendering.text import escape


def url_of(uri: str) -> str:
    """`a/b.md` → `a/b/`, `a/index.md` → `a/` (directory URLs, as both engines write them)."""
    stem = uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def _moves(partnership: Partnership) -> dict[str, str]:
    """Old page path → new page path, for this partnership's pages (without the partnership folder)."""
    moves = {}
    for group in partnership.data.groups:
        for old in group.former_ids:
            moves[f"groups/{old}.md"] = f"groups/{group.id}.md"
    return moves


def redirects(dataset: Dataset, pages: list[Page]) -> dict[str, str]:
    """Old URL (`old-id/structure/`) → new URL, for every page whose address changed."""
    taken = {url_of(p.uri) for p in pages}
    found: dict[str, str] = {}
    for pid, partnership in sorted(dataset.partnerships.items()):
        folders = [pid, *partnership.data.former_ids]
        moves = _moves(partnership)
        for page in pages:
            if not page.uri.startswith(f"{pid}/"):
                continue
            rest = page.uri.removeprefix(f"{pid}/")
            olds = [rest, *[old for old, new in moves.items() if new == rest]]
            for folder in folders:
                for old in olds:
                    url = url_of(f"{folder}/{old}")
                    if url not in taken:
                        found.setdefault(url, url_of(page.uri))
    return dict(sorted(found.items()))


def page_html(old: str, new: str, site_url: str | None) -> str:
    target = posixpath.relpath(new, old) + "/" if new != old else "./"
    target = target.replace("//", "/")
    canonical = f'\n<link rel="canonical" href="{escape(site_url.rstrip("/") + "/" + new)}">' if site_url else ""
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">
<meta http-equiv="refresh" content="0; url={escape(target)}">
<meta name="robots" content="noindex">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>This page has moved</title>{canonical}
</head>
<body>
<main>
<h1>This page has moved</h1>
<p><a href="{escape(target)}">Go to the page at its new address</a>.</p>
</main>
</body>
</html>
"""


@dataset_check
def check_former_ids(dataset: Dataset) -> None:
    """A former id that is some other thing's id today would send readers to the wrong page."""
    from arrangements.data.validate import _add

    for pid, partnership in dataset.partnerships.items():
        version = partnership.current
        data = version.arrangements
        for index, old in enumerate(data.former_ids):
            if old == pid or old in dataset.partnerships or old in dataset.unloaded:
                _add(dataset, version, ("former_ids", index),
                     f"'{old}' is a partnership folder on this site today, so it cannot also lead here",
                     "remove it from `former_ids:` (list only folder names no longer in use)")
        ids = {g.id for g in data.groups}
        for g_index, group in enumerate(data.groups):
            for index, old in enumerate(group.former_ids):
                if old in ids:
                    _add(dataset, version, ("groups", g_index, "former_ids", index),
                         f"'{old}' is the id of a group in this file today, so it cannot also lead to '{group.id}'",
                         "remove it from `former_ids:` (list only ids no longer in use)")
