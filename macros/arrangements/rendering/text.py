"""Turn data text into safe Markdown.

Text in the data comes from many hands and ends up on a public site, so it
is never trusted: raw HTML is escaped, only https, mailto and tel links
survive, images are shown as text, and nothing is ever evaluated as a
template (renderers return strings the macros plugin does not re-render).
The allowed subset is what comms teams need: emphasis, links and lists.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

TBC = "*To be confirmed*"

_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
# Why https only: a public safeguarding site sends nobody to an unencrypted page. Why `tel:`
# digits only: `tel:callusmaybe` is no number, and a URL is never a place for words.
_SAFE_URL = re.compile(r"(?:https://[^\s<>\"'`\\]+|mailto:[^\s<>\"'`\\@]+@[^\s<>\"'`\\]+|tel:\+?[0-9]{3,15})",
                       re.IGNORECASE)
_AUTOLINK = re.compile(r"<(https://[^>\s]+)>")
# Characters that start Markdown constructs we do not allow from data:
# headings, block quotes, tables, HTML, reference definitions, attribute lists.
_BLOCK_START = re.compile(r"^(\s*)([#>|]|\[[^\]]*\]:|\{:?)", re.MULTILINE)


def escape(value: object) -> str:
    """Plain text for HTML contexts (attributes, raw HTML blocks)."""
    return html.escape(str(value), quote=True)


def _link(match: re.Match[str]) -> str:
    bang, label, url = match.groups()
    label = _label(label)
    if bang:
        # Why: images from data could load third-party content; show the words only.
        return f"[image: {label}]"
    if _SAFE_URL.fullmatch(url):
        return f"[{label}]({url})"
    return label


def inline(value: object) -> str:
    """One line of data text as safe Markdown (emphasis and safe links kept)."""
    if value is None:
        return TBC
    text = " ".join(str(value).split())
    return _inline(text)


# Why a cache: the same names (agencies, groups, the partnership) appear on
# many pages; the function is pure, so each distinct text is worked out once.
@lru_cache(maxsize=65536)
def _inline(text: str) -> str:
    # Escape HTML first, then keep the links we allow: the URL of a link is
    # checked before it is written, so `javascript:` never reaches the page.
    text = _AUTOLINK.sub(lambda m: f"[{m.group(1)}]({m.group(1)})", text)
    parts: list[str] = []
    last = 0
    for match in _LINK.finditer(text):
        parts.append(_plain(text[last : match.start()]))
        parts.append(_link(match))
        last = match.end()
    parts.append(_plain(text[last:]))
    return _no_block_start("".join(parts))


def _plain(text: str) -> str:
    """Data text as Markdown that shows exactly these characters and makes nothing.

    Why each escape: `[`/`]` would make reference links (`[z]: javascript:…` in one
    list item and `[click][z]` in another), `{`/`}` attribute lists (`{: onclick=…}`),
    backticks code, backslashes escapes (and `![` images); `<` and `&` raw HTML and entities.
    """
    text = html.escape(text, quote=False)
    return text.translate(_PLAIN)


_PLAIN = str.maketrans({"\\": "\\\\", "`": "\\`", "{": "&#123;", "}": "&#125;", "[": "&#91;", "]": "&#93;"})
# Why: text that starts with one of these would become a heading, quote, table, list, definition or rule.
_LEADING = re.compile(r"^(\s*)(?:([#|:=])|([-+*])(?=\s|$)|([-_*])(?=(?:\s*\4){2,}\s*$)|(\d+)([.)])(?=\s|$))")


def _no_block_start(text: str) -> str:
    def neutral(m: re.Match[str]) -> str:
        indent, mark, bullet, rule, number, dot = m.groups()
        if number:
            return f"{indent}{number}&#{ord(dot)};"
        return f"{indent}&#{ord(mark or bullet or rule)};"

    return _LEADING.sub(neutral, text, count=1)


def _label(text: str) -> str:
    """A link's words: the same rules as any other text (the URL is checked separately)."""
    return _plain(text)


def block(value: object) -> str:
    """Multi-line data text (paragraphs and `- ` lists) as safe Markdown."""
    if value is None:
        return TBC
    lines = []
    for raw in str(value).strip().splitlines():
        stripped = raw.strip()
        bullet = re.match(r"^([-*]|\d+[.)])\s+", stripped)
        if bullet:
            lines.append("- " + _inline(stripped[bullet.end():]))
        else:
            lines.append(_BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), _inline(stripped)))
    # Why: a blank line before a list is what Markdown needs to see it as a list.
    out: list[str] = []
    for line in lines:
        if line.startswith("- ") and out and out[-1] and not out[-1].startswith("- "):
            out.append("")
        out.append(line)
    return "\n".join(out)


def link(label: object, url: object) -> str:
    """A link from data: the words, linked only when the address is https, mailto or tel digits.

    Why percent-encoding: a `)` or `]` in an address (`https://x/)[y](javascript:…)`) would end
    the Markdown link early and start another; encoded, the address stays one address.
    """
    words = _no_block_start(_plain(" ".join(str(label).split())))
    address = str(url or "")
    if not _SAFE_URL.fullmatch(address):
        return words
    if address.lower().startswith("tel:"):
        # Why: a phone number split over two lines is misread and mistyped.
        words = words.replace(" ", "\u00a0")
    return f"[{words}]({address.translate(_URL_BRACKETS)})"


_URL_BRACKETS = str.maketrans({"(": "%28", ")": "%29", "[": "%5B", "]": "%5D"})
# Leading `../` only; every other part starts with a letter or digit, so no `..` or hidden name later.
_SITE_PATH = re.compile(r"(?:\.\./)*(?:[A-Za-z0-9][A-Za-z0-9._-]*/)*[A-Za-z0-9][A-Za-z0-9._-]*\Z")


def file_link(words: object, path: str, media_type: str) -> str:
    """A link to a file of this site (a download), its words shown exactly as written (no links or emphasis
    inside a link) and its media type on the link. Only a plain relative path is a path here."""
    if not _SITE_PATH.match(path):
        raise ValueError(f"not a plain relative path to a file of the site: {path!r}")
    label = _no_block_start(_plain(" ".join(str(words).split()))).replace("*", "\\*").replace("_", "\\_")
    return f'[{label}]({path}){{: type="{escape(media_type)}" }}'


def cell(value: object) -> str:
    """Data text inside a Markdown pipe table: `inline`, and a `|` cannot end the cell."""
    return inline(value).replace("|", "&#124;")


def bullet_list(items: list[object], *, empty: str = TBC) -> str:
    if not items:
        return empty
    return "\n".join(f"- {inline(item)}" for item in items)


def or_tbc(value: object) -> str:
    return TBC if value is None or (isinstance(value, (list, str)) and not value) else inline(value)


def attr(value: object) -> str:
    """Text safe inside an HTML attribute in Markdown (`md_in_html`) blocks."""
    return escape(" ".join(str(value).split()))


def facts(rows: list[tuple[str, str]]) -> str:
    """Label and value pairs as a definition list: no empty table header for a screen reader to announce."""
    items = "\n\n".join(f"{label}\n:   " + value.replace("\n", "\n    ") for label, value in rows)
    return f'<div class="facts" markdown>\n\n{items}\n\n</div>\n'


# Terms a reader meets on many pages, in the words the glossary uses. Partnerships'
# own short names (NSSCP, SSCP, ...) are added per build from the data (`abbreviations`).
ABBREVIATIONS = {
    "LSP": "lead safeguarding partner",
    "DSP": "delegated safeguarding partner",
    "ICB": "Integrated Care Board",
    "NSPCC": "National Society for the Prevention of Cruelty to Children",
    "CSPR": "child safeguarding practice review",
}
# Why so strict: only a short name that is an abbreviation (letters, mostly capitals)
# is expanded; "Sussex" or "Engagement group" is a name, not an abbreviation.
_ABBREVIATION = re.compile(r"[A-Z][A-Z&]{1,9}")


def abbreviations(names: dict[str, str]) -> dict[str, str]:
    """ABBREVIATIONS plus each short name (to its full name) that is an abbreviation."""
    found = dict(ABBREVIATIONS)
    for short, full in names.items():
        short = " ".join(str(short).split())
        if _ABBREVIATION.fullmatch(short) and short not in found and full and short != full:
            found[short] = " ".join(str(full).split())
    return found


# Why entities for Markdown's own marks too: an `<abbr>` sits in running Markdown, where
# `[x](y)`, `*`, `_` or a backtick in the title would otherwise be read before the tag.
_MD_MARKS_IN_ATTR = str.maketrans({c: f"&#{ord(c)};" for c in "[]()`*_\\{}|"})


def abbr(short: str, full: str) -> str:
    """An abbreviation marked up with its words in the title; both escaped."""
    title = attr(full).translate(_MD_MARKS_IN_ATTR)
    return f'<abbr title="{title}">{_plain(short)}</abbr>'


def spelled_out(short: str | None, full: str) -> str:
    """HTML for a name: "full words (<abbr>SHORT</abbr>)" when the short name is an abbreviation."""
    if short and _ABBREVIATION.fullmatch(short.strip()) and short.strip() != full:
        return f"{escape(full)} ({abbr(short.strip(), full)})"
    return escape(short or full)


@lru_cache(maxsize=16)
def _terms_pattern(terms: tuple[str, ...], before: str) -> re.Pattern[str]:
    """The abbreviations as one pattern, longest first; made once per set of terms (every page uses it)."""
    return re.compile(before + "(" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
                      + r")(?![\w-])")


def abbr_html(value: object, terms: dict[str, str]) -> str:
    """Plain text as HTML with each abbreviation marked (`<abbr>`), for short labels such as a contact's
    name in the help panel, where spelling it out would make a phone screen longer."""
    text = escape(value)
    if not terms:
        return text
    pattern = _terms_pattern(tuple(terms), r"(?<![\w&#;-])")
    return pattern.sub(lambda match: abbr(match.group(1), terms[match.group(1)]), text)


# What is not running text in a page's Markdown: code, raw HTML elements whose content
# is not prose, any tag, link addresses, attribute lists, headings and table rules.
# Data never makes any of these: `_plain` escapes `<`, `{`, `[`, `` ` `` and line starts.
_NOT_TEXT = re.compile(
    r"```.*?```|~~~.*?~~~|<(pre|script|style|svg|abbr|code)\b.*?</\1>|<[^>\n]*>|`[^`\n]*`"
    r"|\]\([^)\n]*\)|\{[^}\n]*\}|^#{1,6} [^\n]*$|^\|?[ :|-]+\|[ :|-]*$",
    re.DOTALL | re.MULTILINE)


_NAME_GOES_ON = re.compile(r" [A-Z][a-z]")


def expand_abbreviations(markdown: str, terms: dict[str, str]) -> str:
    """A page's Markdown with each abbreviation spelled out at its first use in the text.

    The first use becomes "words (<abbr>ABBR</abbr>)", or only gains the `<abbr>` when
    the words are already just before it ("lead safeguarding partner (LSP)"). Headings
    and link addresses are left alone, so titles stay short. The words come from our
    list or from the data, escaped like any data text (`cell`, `abbr`).
    """
    if not terms:
        return markdown
    pattern = _terms_pattern(tuple(terms), r"(?<![\w&#-])")
    done: set[str] = set()
    out: list[str] = []
    prose: list[str] = [""]  # the running text before the chunk, to see words already there
    last = 0

    def text(chunk: str) -> str:
        def first(match: re.Match[str]) -> str:
            short = match.group(1)
            if short in done:
                return short
            words = terms[short]
            # Why: inside a name ("HIPS Executive Group") spelling it out would break the name;
            # it gains the <abbr> there, and the first use on its own is spelled out.
            if _NAME_GOES_ON.match(chunk, match.end()):
                return abbr(short, words)
            done.add(short)
            before = (prose[0] + chunk[: match.start()]).rstrip(" ([]").lower()
            if before.removesuffix("s").endswith((words.lower(), _plain(words).lower())):
                return abbr(short, words)
            return f"{cell(words)} ({abbr(short, words)})"

        result = pattern.sub(first, chunk) if chunk else chunk
        prose[0] = (prose[0] + chunk)[-200:]
        return result

    for match in _NOT_TEXT.finditer(markdown):
        out.append(text(markdown[last: match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(text(markdown[last:]))
    return "".join(out)
