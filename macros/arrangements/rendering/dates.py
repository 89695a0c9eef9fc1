"""Dates as people write them: `15 July 2019`, `September 2024`, never `2019-07-15`.

The data keeps ISO dates (sortable, comparable); every page and document
shows them through these helpers. "Today" is read once per process and can
be fixed with ARRANGEMENTS_TODAY, so tests and rebuilds agree on who holds
a post now.
"""

from __future__ import annotations

import os
from datetime import date

from arrangements.rendering.text import TBC

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def long_date(value: str | date | None) -> str | None:
    """`2026-11-22` -> `22 November 2026`; `2026-11` -> `November 2026`; `2026` stays `2026`."""
    if value is None:
        return None
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"


def date_or_tbc(value: str | None) -> str:
    """A date in words, or *To be confirmed* when the source gives none."""
    return long_date(value) or TBC


def today() -> str:
    """Today as YYYY-MM-DD (ARRANGEMENTS_TODAY overrides it, for tests and reproducible builds)."""
    return os.environ.get("ARRANGEMENTS_TODAY") or date.today().isoformat()
