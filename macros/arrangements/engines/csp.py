"""A Content-Security-Policy on every page: a second wall behind the escaping.

A static host sets no headers, so the policy is a `<meta http-equiv>` tag,
the first thing in `<head>` (overrides/main.html). It lets scripts run only
from the site's own files and, of inline scripts, only the theme's own: after
a page is rendered, each inline script is hashed if and only if it is one of
the scripts in the installed theme's `partials/javascripts/` templates (read
from the theme itself, so the hashes stay right when the theme changes). A
script planted through data that slipped past the escaping matches none of
them, so it gets no hash and the browser refuses to run it.

If this step does not run (another generator), the marker stays in the
policy as an unknown word and no inline script runs: it fails closed.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from pathlib import Path

MARKER = "'theme-script-hashes'"
_SCRIPT = re.compile(r"<script\b(?P<attrs>[^>]*)>(?P<body>.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JS_TYPES = {"", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript"}
# Why `[./]*`: the only value the theme fills into its inline scripts is the relative base URL.
_JINJA_VALUE = re.compile(r"\{\{.*?\}\}", re.S)


def _theme_partials() -> Path:
    import material

    return Path(material.__file__).resolve().parent / "templates" / "partials" / "javascripts"


@lru_cache(maxsize=1)
def theme_scripts() -> tuple[re.Pattern[str], ...]:
    """Patterns for the theme's inline scripts, read from its own templates."""
    patterns = []
    for template in sorted(_theme_partials().glob("*.html")):
        for match in _SCRIPT.finditer(template.read_text(encoding="utf-8")):
            if "src=" in match.group("attrs") or "{%" in match.group("body"):
                continue
            parts = _JINJA_VALUE.split(match.group("body"))
            patterns.append(re.compile(r"[./]*".join(re.escape(part) for part in parts)))
    return tuple(patterns)


def _executable(attrs: str) -> bool:
    kind = _TYPE.search(attrs)
    return "src=" not in attrs.lower() and (kind is None or kind.group(1).lower() in _JS_TYPES)


def digest(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def apply(html: str) -> str:
    """Fill the page's policy with the hashes of the theme's inline scripts on this page."""
    if MARKER not in html:
        return html
    allowed = theme_scripts()
    hashes = sorted({digest(m.group("body")) for m in _SCRIPT.finditer(html)
                     if _executable(m.group("attrs")) and any(p.fullmatch(m.group("body")) for p in allowed)})
    return html.replace(MARKER, " ".join(hashes), 1)
