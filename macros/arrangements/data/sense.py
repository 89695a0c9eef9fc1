"""Sense checks: values that have the right shape but cannot be right.

- invisible and direction-changing characters (the text a reader sees would
  differ from the text in the file), with the line and column;
  (checks that need the whole data set are in cross_checks.py).

Phone numbers are checked where they are read (phone.py).
"""

from __future__ import annotations

import unicodedata

from arrangements.data.problems import ProblemList

# Zero-width and joiner characters, direction marks, embeddings, overrides and
# isolates, invisible operators, the byte-order mark inside text, and others that
# show nothing: each can make the words a reader sees differ from the file's.
INVISIBLE = {
    **{chr(c): None for c in range(0x200B, 0x2010)},  # zero width space .. right-to-left mark
    **{chr(c): None for c in range(0x202A, 0x202F)},  # embeddings and overrides
    **{chr(c): None for c in range(0x2060, 0x2065)},  # word joiner, invisible operators
    **{chr(c): None for c in range(0x2066, 0x206A)},  # isolates
    **{chr(c): None for c in range(0x206A, 0x2070)},  # deprecated format characters
    "\u00ad": None, "\u034f": None, "\u061c": None, "\u115f": None, "\u1160": None, "\u17b4": None,
    "\u17b5": None, "\u180e": None, "\u3164": None, "\ufeff": None, "\uffa0": None,
}


def _name(char: str) -> str:
    return unicodedata.name(char, f"U+{ord(char):04X}").lower()


def invisible_characters(text: str, display: str, problems: ProblemList) -> None:
    """Each invisible or direction-changing character, on its line and column."""
    if not any(char in INVISIBLE for char in text):
        return
    for number, line in enumerate(text.splitlines(), start=1):
        for column, char in enumerate(line, start=1):
            if char in INVISIBLE and not (number == 1 and column == 1 and char == "\ufeff"):
                problems.add(display, number, column,
                             f"an invisible character ({_name(char)}, U+{ord(char):04X}) is in the text",
                             "delete it: it changes what readers see (often pasted from a web page or a PDF)")
