"""Personal data guard: contact details belong in `contacts`, nowhere else.

The site is public. People appear by name only in public roles (lead and
delegated partners, chairs, the scrutineer): the model has name fields
nowhere else. This check catches the other way personal data leaks: an
email address or phone number typed into free text (a purpose, a note).
`internal_notes` are for the team and are never published, so they are
not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from arrangements.data.dataset import Dataset, Partnership, Version
from arrangements.data.validate import CHECKS

# Why the look-behind: a match may only start where a run of address characters starts, so a long
# word with no @ is scanned once, not once from every letter (20,000 letters took seconds).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(\.[\w-]+)+")
# UK numbers: 01234 567890, 020 7946 0000, +44 7700 900123, 07700900123
PHONE = re.compile(r"(?<!\d)(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")
SKIP = {"contacts", "internal_notes", "sources"}


def _texts(value: Any, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in SKIP:
                yield from _texts(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))
    elif isinstance(value, str):
        yield loc, value


def check_personal_data(dataset: Dataset, partnership: Partnership, version: Version) -> None:
    from arrangements.data.validate import _add

    for loc, text in _texts(version.doc.data, ()):
        if EMAIL.search(text):
            _add(dataset, version, loc, "this text contains an email address",
                 "only `contacts` may hold contact details, and only for services, not people: remove it")
        elif PHONE.search(text):
            _add(dataset, version, loc, "this text contains a phone number",
                 "only `contacts` may hold phone numbers, and only for services, not people: remove it")


CHECKS.append(check_personal_data)
