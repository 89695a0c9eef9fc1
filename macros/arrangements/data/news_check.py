"""News posts are data too: their front matter is checked like a data file,
and their body may hold Markdown but never HTML or a script link.

Posts are written by comms teams and arrive through pull requests like the
data, so a post is read with the project's own safe YAML loader (no aliases,
tags or duplicate keys; size and depth limits) and every problem names the
file, line and column. The build refuses a post with problems, so nothing
here has to be trusted later. Jinja is never run in a post (see engines/handwritten.py).
"""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path
from typing import Any

from arrangements.data.load import MAX_BYTES, parse_text
from arrangements.data.problems import ProblemList, did_you_mean
from arrangements.data.sense import invisible_characters

# Why a copy: mkdocs.yml's `categories_allowed` (a test keeps the two the same).
CATEGORIES = ("Arrangements", "Yearly report", "Learning from reviews", "Training and events", "Partnership news")
KEYS = {
    "date": "the day it is published, e.g. `2026-11-20`",
    "title": "plain words (the `# heading` under the front matter is usual instead)",
    "description": "one plain sentence for search engines",
    "categories": "a list from: " + ", ".join(CATEGORIES),
    "partnerships": "a list of partnership folder names whose home page shows the post",
    "draft": "`true` to keep it off the site",
    "mermaid": "`true` when the post shows a structure chart",
}
# The one page-building call a post may make, on a line of its own; any other `{{ … }}` stays text.
CHART_CALL = re.compile(r"^\{\{ *structure_chart\( *'([a-z0-9-]+)' *\) *\}\}[ \t]*$", re.MULTILINE)
MAX_TITLE = 200
MAX_DESCRIPTION = 300
EXCERPT_MARK = "<!-- more -->"
ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")

_OPEN = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
_FENCE = re.compile(r"^\s*(```|~~~)")
# Raw HTML: a tag, a comment, a processing instruction or a declaration.
_HTML = re.compile(r"<(?=[A-Za-z/!?])")
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]*>")
# Link destinations: inline `[x](dest)`, images, and reference definitions `[x]: dest`.
# Why `<…>` whole: inside angle brackets an address may hold a tab (`<java\tscript:…>`), which browsers drop.
_INLINE_DEST = re.compile(r"\]\(\s*(<[^>\n]*>|[^)\s]*)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*(<[^>\n]*>|\S*)")
_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]*)")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_PLAIN_ONLY = re.compile(r"[<>]|\]\(|\{\{|\{%|\{#")


def check_post_files(folder: Path, partnerships: set[str] | None, display_root: Path) -> ProblemList:
    """Every problem in every post under `folder`, as file:line:column messages.

    `partnerships`: the ids posts may name (None: do not check the names)."""
    problems = ProblemList()
    if not folder.is_dir():
        return problems
    # Why every level: the blog plugin publishes posts from sub-folders too. Links are not followed.
    for path in sorted(folder.rglob("*")):
        if path.name.startswith(".") or not (path.name.endswith(".md") or path.is_symlink()):
            continue
        try:
            display = path.relative_to(display_root).as_posix()
        except ValueError:
            display = path.name
        if path.is_symlink() and not path.name.endswith(".md"):
            problems.add(display, 1, 1, "a link (symlink) among the news posts",
                         "replace it with the files themselves: posts are read only from docs/news/posts")
            continue
        check_post(path, display, partnerships, problems)
    return problems


def check_post(path: Path, display: str, partnerships: set[str] | None, problems: ProblemList) -> None:
    if path.is_symlink() or not path.is_file():
        problems.add(display, 1, 1, "a news post must be an ordinary file, not a link or a folder",
                     "replace it with the post's own text")
        return
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        problems.add(display, 1, 1, f"the post is too large ({len(raw):,} bytes; the limit is {MAX_BYTES:,})",
                     "a news post should be a few kilobytes; link to long documents instead")
        return
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems.add(display, raw[: error.start].count(b"\n") + 1, 1, "the post is not UTF-8 text",
                     "save it with UTF-8 encoding")
        return
    invisible_characters(text, display, problems)
    opened = _OPEN.match(text)
    close = _CLOSE.search(text, opened.end()) if opened else None
    if not opened or not close:
        problems.add(display, 1, 1, "the post has no front matter between two `---` lines",
                     "start the file with `---`, then `date: YYYY-MM-DD` and `categories: [...]`, then `---`")
        return
    # Why a blank first line: the YAML's line numbers are then the file's line numbers.
    doc = parse_text("\n" + text[opened.end():close.start()], display, problems)
    body, body_line = text[close.end():], text[: close.end()].count("\n") + 2
    body = body[2:] if body.startswith("\r\n") else body[1:]
    if isinstance(doc.data, dict):
        _check_meta(doc, display, partnerships, problems)
    elif doc.data is not None:
        problems.add(display, 2, 1, "the front matter must be `key: value` lines", "see docs/news/posts for examples")
    _check_body(body, body_line, display, problems)
    for call in CHART_CALL.finditer(body):
        line = body_line + body[: call.start()].count("\n")
        if partnerships is not None and call.group(1) not in partnerships:
            problems.add(display, line, 1, f"there is no partnership '{call.group(1)}' for this chart",
                         "; ".join(filter(None, [did_you_mean(call.group(1), partnerships),
                                                 "use a partnership folder name"])))
        elif not (isinstance(doc.data, dict) and doc.data.get("mermaid") is True):
            problems.add(display, line, 1, "a structure chart needs `mermaid: true` in the front matter",
                         "add `mermaid: true` between the `---` lines")


def _check_meta(doc: Any, display: str, partnerships: set[str] | None, problems: ProblemList) -> None:
    meta: dict[str, Any] = doc.data

    def add(key: str, message: str, hint: str, *, index: int | None = None, on_key: bool = False) -> None:
        loc = (key,) if index is None else (key, index)
        problems.add(display, *doc.mark(loc, key=on_key), message, hint, where=key)

    for key in meta:
        if key not in KEYS:
            add(key, f"'{key}' is not a front-matter key for news posts",
                "; ".join(filter(None, [did_you_mean(key, KEYS), "use: " + ", ".join(KEYS)])), on_key=True)
    if "date" not in meta:
        problems.add(display, 1, 1, "the post has no `date:`", "add `date: YYYY-MM-DD` to the front matter")
    else:
        _check_date(meta["date"], add)
    for key, limit in (("title", MAX_TITLE), ("description", MAX_DESCRIPTION)):
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            add(key, f"`{key}` must be text", f"write {KEYS[key]}")
        elif len(value) > limit:
            add(key, f"`{key}` is {len(value)} characters long (the limit is {limit})", "shorten it")
        elif _PLAIN_ONLY.search(value):
            add(key, f"`{key}` must be plain words: no HTML, links or `{{{{ … }}}}`",
                "remove the `<`, `>`, `](` or braces")
    for key, allowed in (("categories", CATEGORIES), ("partnerships", None)):
        value = meta.get(key)
        if value is None:
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            add(key, f"`{key}` must be a list of names", f"write `{key}: [first, second]`")
            continue
        if allowed is None and partnerships is None:
            continue
        known = allowed if allowed is not None else sorted(partnerships or ())
        for index, item in enumerate(value):
            if item not in known:
                what = "category" if allowed else "partnership"
                add(key, f"'{item}' is not a {what} on this site",
                    "; ".join(filter(None, [did_you_mean(item, known), "use one of: " + ", ".join(known)])),
                    index=index)
    for key in ("draft", "mermaid"):
        if key in meta and not isinstance(meta[key], bool):
            add(key, f"`{key}` must be `true` or `false`", f"write `{key}: true` or remove the line")


def _check_date(value: Any, add: Any) -> None:
    if isinstance(value, dict):
        for part, day in value.items():
            if part not in ("created", "updated"):
                add("date", f"'{part}' is not part of a post's date", "use `created:` and `updated:`")
            elif not _real_day(day):
                add("date", f"'{day}' is not a date", "write the date as YYYY-MM-DD, e.g. 2026-11-20")
    elif not _real_day(value):
        add("date", f"'{value}' is not a date", "write the date as YYYY-MM-DD, e.g. 2026-11-20")


def _real_day(value: Any) -> bool:
    try:
        return isinstance(value, str) and bool(date.fromisoformat(value)) and len(value) == 10
    except ValueError:
        return False


def _check_body(body: str, first_line: int, display: str, problems: ProblemList) -> None:
    fenced = False
    for number, line in enumerate(body.splitlines(), start=first_line):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue  # Why: Markdown shows code as text, so HTML there is harmless
        # Why blanks, not removal: columns in messages stay those of the file.
        visible = _CODE_SPAN.sub(lambda m: " " * len(m.group()), line.replace(EXCERPT_MARK, " " * len(EXCERPT_MARK)))
        visible = _AUTOLINK.sub(lambda m: " " * len(m.group()), visible)
        if tag := _HTML.search(visible):
            problems.add(display, number, tag.start() + 1, "raw HTML is not allowed in news posts",
                         "use Markdown (`**bold**`, `[words](https://…)`), or write `&lt;` for a `<` in text")
        for match in [*_INLINE_DEST.finditer(line), *_REF_DEF.finditer(line)]:
            _check_destination(match.group(1), number, match.start(1) + 1, display, problems)
        for match in _IMAGE.finditer(line):
            if _SCHEME.match(match.group(1).strip().lower()) or match.group(1).startswith("//"):
                problems.add(display, number, match.start(1) + 1, "an image from another website is not allowed",
                             "save the image in docs/ beside the post and link to it by its file name")


def _check_destination(dest: str, line: int, column: int, display: str, problems: ProblemList) -> None:
    # Why: browsers decode entities and ignore tabs and newlines in addresses,
    # so `java&#115;cript:` and `java\tscript:` are still script links.
    plain = re.sub(r"[\x00-\x20]", "", html.unescape(dest.removeprefix("<").removesuffix(">"))).lower()
    scheme = _SCHEME.match(plain)
    if scheme and scheme.group(1) not in ALLOWED_SCHEMES:
        problems.add(display, line, column, f"a link to a `{scheme.group(1)}:` address is not allowed",
                     "link only to https://, mailto: or tel: addresses, or to another page of this site")
