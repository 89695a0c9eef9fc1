"""What a YAML mistake is, in words a communications officer can act on.

PyYAML's own messages are for programmers ("mapping values are not allowed
here"); load.py asks this module for a sentence and a hint instead.
"""

from __future__ import annotations

import yaml

from arrangements.data.problems import ProblemList

# Why: PyYAML's own wording is for programmers; these say what to do.
_FRIENDLY = [
    ("mapping values are not allowed", "a colon here breaks the layout", "put text that contains ': ' in quotes"),
    ("cannot start any token", "a tab or special character cannot start a value here",
     "indent with spaces, not tabs; put text starting with @ or ` in quotes"),
    ("could not find expected ':'", "a line is missing the colon after its key, or the indentation is off",
     "write `key: value` and line keys of the same level up"),
    ("expected <block end>", "the indentation is inconsistent here", "line up keys of the same level exactly"),
    ("while scanning a quoted scalar", "a quote is opened but never closed", "close the quote on the same value"),
    ("expected a single document", "the file holds more than one YAML document",
     "remove the `---` line: one file is one document"),
    ("found another document", "the file holds more than one YAML document",
     "remove the `---` line: one file is one document"),
]



def control_character(text: str, error: yaml.reader.ReaderError, display: str, problems: ProblemList) -> None:
    """Control characters (often pasted from a PDF) are refused by the YAML reader."""
    position = error.position if isinstance(error.position, int) else 0
    bad = next((i for i, c in enumerate(text) if ord(c) < 32 and c not in "\t\n\r"), position)
    line = text[:bad].count("\n") + 1
    code = ord(text[bad]) if bad < len(text) else 0
    problems.add(display, line, 1, f"the file contains a control character (code {code})",
                 "delete it: it is usually invisible, pasted from a PDF or a word processor")


def unclosed_quote(text: str, before: int) -> int | None:
    """The last line before an error with an odd number of double quotes, if any."""
    for number in range(min(before, len(text.splitlines())), 0, -1):
        line = text.splitlines()[number - 1].replace('\\"', "")
        if line.count('"') % 2:
            return number
    return None


def friendly(problem: str) -> tuple[str, str]:
    for needle, message, hint in _FRIENDLY:
        if needle in problem:
            return message, hint
    return f"this is not valid YAML ({problem})", "compare the line with the examples in docs/data-format.md"
