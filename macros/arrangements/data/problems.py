"""Problems found in the data, and how they are shown to the people who fix them.

A problem always names the file, the line and column, what is wrong and what
to do, so a communications officer can fix it without a developer.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str
    hint: str = ""
    severity: str = field(default="error", compare=False)
    where: str = field(default="", compare=False)

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        hint = f" — {self.hint}" if self.hint else ""
        label = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.path}:{self.line}:{self.column}: {label}{where}{self.message}{hint}"

    def annotation(self) -> str:
        """A GitHub Actions workflow command that marks the line in a pull request."""
        kind = "error" if self.severity == "error" else "warning"
        text = str(self).split(": ", 1)[1].replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path},line={self.line},col={self.column}::{text}"


class ProblemList(list[Problem]):
    """Collects every problem of a run, so all are reported at once."""

    def add(self, path: str, line: int, column: int, message: str, hint: str = "", *, where: str = "",
            severity: str = "error") -> None:
        self.append(Problem(path, line, column, message, hint, severity, where))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity == "error"]

    def sorted(self) -> list[Problem]:
        return sorted(set(self))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`did you mean 'police'?` when a near name exists, else an empty string."""
    near = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f"did you mean '{near[0]}'?" if near else ""


def join_hint(*parts: str) -> str:
    return "; ".join(p for p in parts if p)
