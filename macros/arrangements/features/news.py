"""News posts: the latest updates on a partnership's home page, and an Atom feed.

Posts are ordinary Markdown files in docs/news/posts/ that Material's blog
plugin publishes. This module reads only their front matter and first
paragraph (no MkDocs), so the home-page list and the feed work the same in
tests, in the build and after a move to another generator.

A post's front matter:

    ---
    date: 2026-11-20
    categories: [Arrangements]
    partnerships: [southampton]     # whose home page lists it (optional)
    ---
    # Title
    First paragraph: the summary shown in lists and the feed.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from arrangements import REPO
from arrangements.data.dataset import Dataset
from arrangements.data.load import parse_text
from arrangements.data.news_check import check_post_files
from arrangements.data.problems import ProblemList
from arrangements.data.validate import dataset_check
from arrangements.features.history import long_date
from arrangements.rendering.pages import renderer
from arrangements.rendering.text import inline

POSTS_DIR = REPO / "docs" / "news" / "posts"
POSTS_URI = "news/posts"  # where posts sit under docs/, for links between pages
# Why fixed: must match the blog plugin's `post_url_format: "{file}"` in mkdocs.yml, so the
# feed can give each post its address (file names start with the date: unique and stable).
POST_URL = "news/{file}/"
EXCERPT_MARK = "<!-- more -->"

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.DOTALL)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_MARKS = re.compile(r"[*_`]+")
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Post:
    file: str                         # file name without .md, e.g. `2026-11-new-dsp`
    title: str
    date: date
    summary: str                      # first paragraph, as written (Markdown)
    categories: tuple[str, ...] = ()
    partnerships: tuple[str, ...] = ()

    @property
    def src_uri(self) -> str:
        return f"{POSTS_URI}/{self.file}.md"

    @property
    def url(self) -> str:
        return POST_URL.format(file=self.file)


def _post_date(value: Any) -> date | None:
    # Why: Material accepts `date: 2026-11-20` and `date: {created: 2026-11-20}`.
    if isinstance(value, dict):
        value = value.get("created")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _as_tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)


def parse_post(path: Path) -> Post | None:
    """A post from its file, or None for drafts and files without a usable date."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None  # reported by check_news with its file and line
    match = _FRONT.match(text)
    # Why the project's loader: no aliases (an alias bomb), tags or YAML 1.1 surprises; problems are
    # reported by check_news, so a broken post is simply left out here.
    meta = (parse_text(match.group(1), path.name, ProblemList()).data if match else None) or {}
    if not isinstance(meta, dict):
        return None
    when = _post_date(meta.get("date"))
    if when is None or meta.get("draft") is True:
        return None
    body = text[match.end():] if match else text
    title = meta.get("title")
    paragraphs: list[str] = []
    for chunk in re.split(r"\n\s*\n", body.split(EXCERPT_MARK)[0]):
        chunk = chunk.strip()
        if chunk.startswith("# ") and not title:
            title = chunk.splitlines()[0][2:].strip()
            chunk = "\n".join(chunk.splitlines()[1:]).strip()
        if chunk and not chunk.startswith(("#", "!!!", "<", "---")):
            paragraphs.append(" ".join(chunk.split()))
    return Post(path.stem, str(title or path.stem), when, paragraphs[0] if paragraphs else "",
                _as_tuple(meta.get("categories")), _as_tuple(meta.get("partnerships")))


def read_posts(folder: Path = POSTS_DIR) -> list[Post]:
    """Every published post, newest first."""
    posts = [p for f in sorted(folder.glob("*.md")) if (p := parse_post(f))] if folder.is_dir() else []
    return sorted(posts, key=lambda p: (p.date, p.file), reverse=True)


def posts_for(partnership: str, posts: list[Post]) -> list[Post]:
    return [p for p in posts if partnership in p.partnerships]


@renderer("latest_news")
def latest_news(dataset: Dataset, pid: str, limit: int = 3, page_uri: str | None = None,
                posts_dir: Path | None = None) -> str:
    """The newest posts tagged with this partnership, as a list of dated links."""
    folder = posts_dir or POSTS_DIR
    posts = posts_for(pid, dataset.memo(f"posts:{folder}", lambda: read_posts(folder)))[: int(limit)]
    here = page_uri or f"{pid}/index.md"
    if not posts:
        return f"No news yet. [All news]({_rel('news/index.md', here)})"
    # Why source paths: MkDocs turns links to .md files into the post's real address.
    lines = [f"- **{long_date(p.date)}**: [{inline(p.title)}]({_rel(p.src_uri, here)})" for p in posts]
    return "\n".join([*lines, "", f"[All news]({_rel('news/index.md', here)})"])


def _rel(target: str, page_uri: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page_uri) or ".")


def plain(markdown: str) -> str:
    """Markdown to plain words for the feed (feed readers show text, not Markdown)."""
    return _MD_MARKS.sub("", _MD_LINK.sub(r"\1", markdown)).strip()


def feed_xml(posts: list[Post], site_url: str, title: str = "News") -> bytes:
    """Atom 1.0 for `posts`, newest first; ElementTree escapes every value."""
    base = site_url.rstrip("/") + "/"
    ordered = sorted(posts, key=lambda p: (p.date, p.file), reverse=True)
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "title", title)
    sub(feed, "id", base + "news/")
    sub(feed, "link", href=base + "news/feed.xml", rel="self", type="application/atom+xml")
    sub(feed, "link", href=base + "news/", rel="alternate", type="text/html")
    sub(feed, "updated", _stamp(ordered[0].date if ordered else date.today()))
    sub(sub(feed, "author"), "name", title)
    for post in ordered:
        entry = sub(feed, "entry")
        sub(entry, "title", post.title)
        sub(entry, "id", base + post.url)
        sub(entry, "link", href=base + post.url, rel="alternate", type="text/html")
        sub(entry, "updated", _stamp(post.date))
        sub(entry, "published", _stamp(post.date))
        for category in post.categories:
            sub(entry, "category", term=category)
        sub(entry, "summary", plain(post.summary), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _stamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def check_posts(posts: list[Post], dataset: Dataset) -> list[str]:
    """Posts tagged with a partnership id the data does not have (they would show nowhere)."""
    known = set(dataset.partnerships)
    return [f"{POSTS_URI}/{p.file}.md: no partnership '{pid}' (known: {', '.join(sorted(known))})"
            for p in posts for pid in p.partnerships if pid not in known]


@dataset_check
def check_news(dataset: Dataset) -> None:
    """News posts are checked with the data: `make validate` and the build refuse the same posts."""
    # Why: the posts name the repository's own partnerships; another data folder (tests, benchmarks)
    # is checked for everything but those names.
    own = dataset.root.resolve() == (REPO / "data").resolve()
    known = set(dataset.partnerships) | dataset.unloaded if own else None
    dataset.problems.extend(check_post_files(POSTS_DIR, known, REPO))
