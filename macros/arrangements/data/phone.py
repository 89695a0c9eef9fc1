"""UK phone numbers: a number in the data becomes a `tel:` link that a worried
adult taps, so it must be a number a UK phone can dial.

Why here and not in model.py: the rule is shared by every record with a phone
(contacts, the accessibility statement) and applied with one line each.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

# Emergency and national short numbers: 999, 112, police 101, NHS 111, power cut 105, 119,
# and the European harmonised 116 xxx numbers (116 000, 116 111, 116 123).
_SHORT = re.compile(r"999|112|101|111|105|119|116\d{3}")
# Ordinary numbers: 0 then 9 or 10 digits; 0800 1111 (Childline) is the one shorter freephone.
_NATIONAL = re.compile(r"0\d{9,10}|0800\d{4}")
EXAMPLES = "999, 101, 111, 116 123, 0800 1111, 01234 567890 or +44 1234 567890"


def dial_digits(number: str) -> str:
    """What a phone dials: `+44 (0)1234 567-890` → `01234567890`."""
    digits = re.sub(r"[\s\-().]", "", number)
    if digits.startswith("+44"):
        digits = "0" + digits[3:].removeprefix("0")
    elif digits.startswith("0044"):
        digits = "0" + digits[4:].removeprefix("0")
    return digits


def uk_phone(value: str) -> str:
    """The number as written, if a UK phone can dial it; else a clear error."""
    digits = dial_digits(value)
    if not (_SHORT.fullmatch(digits) or _NATIONAL.fullmatch(digits)):
        raise ValueError(f"'{value}' is not a UK phone number; write it as people dial it, e.g. {EXAMPLES}")
    return value


UkPhone = Annotated[
    str,
    StringConstraints(max_length=40),
    AfterValidator(uk_phone),
    Field(description=f"A UK phone number as people dial it, e.g. {EXAMPLES}."),
]
