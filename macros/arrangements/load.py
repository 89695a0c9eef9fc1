"""Read one YAML data file safely, remembering where every value came from.

PyYAML alone is not enough for data written by hand:
- it silently keeps the last of two duplicate keys;
- it follows YAML 1.1, where `no` means false and `1:30` is a number;
- it expands aliases without limit (an "alias bomb" can exhaust memory);
- its errors are written for programmers.
So we compose the node tree ourselves (YAML 1.2 core types only), reject
aliases and duplicate keys, and record the line and column of every value,
which lets later checks point at the exact line a person must fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .problems import ProblemList

MAX_BYTES = 1_000_000
MAX_DEPTH = 40
MAX_NODES = 200_000

Loc = tuple[Any, ...]


class _Resolver(BaseResolver):
    """YAML 1.2 core schema: only true/false are booleans, no sexagesimal numbers, no timestamps."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# Why: a leading zero (a phone number, `0123`) must stay text, so it is not an int here.
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*))$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class _PureLoader(Reader, Scanner, Parser, Composer, _Resolver):
    """A composer that refuses aliases instead of expanding them."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _Resolver.__init__(self)
        self.alias_marks: list[tuple[int, int]] = []

    def compose_node(self, parent: Node | None, index: object) -> Node:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.get_event()
            self.alias_marks.append((event.start_mark.line + 1, event.start_mark.column + 1))
            return ScalarNode("tag:yaml.org,2002:null", "", event.start_mark, event.end_mark)
        return super().compose_node(parent, index)

    def single_node(self) -> Node | None:
        return Composer.get_single_node(self)


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    # Why: libyaml's C parser is about five times faster on large data sets;
    # composition stays in Python (ours), so aliases are still refused.
    class _FastLoader(CParser, _PureLoader):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            _Resolver.__init__(self)
            self.alias_marks = []

    _Loader: type[_PureLoader] = _FastLoader
else:  # pragma: no cover - every supported platform ships libyaml wheels
    _Loader = _PureLoader


@dataclass
class Document:
    """The data of one file plus the position of each value and key in it."""

    path: str
    data: Any = None
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def mark(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Line and column for a location, falling back to the nearest enclosing value."""
        loc = tuple(loc)
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        while loc:
            if loc in self.marks:
                return self.marks[loc]
            loc = loc[:-1]
        return self.marks.get((), (1, 1))


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


class _StopWalk(Exception):
    pass


def read_document(path: Path, display: str, problems: ProblemList) -> Document:
    """Parse one file into a Document; every problem is added to `problems`."""
    doc = Document(display)
    try:
        size = path.stat().st_size
    except OSError as error:
        problems.add(display, 1, 1, f"cannot read the file ({error.strerror})", "check the file exists and is readable")
        return doc
    if size > MAX_BYTES:
        problems.add(display, 1, 1, f"the file is too large ({size:,} bytes; the limit is {MAX_BYTES:,})",
                     "a data file should be a few kilobytes: split it, or remove pasted documents")
        return doc
    raw = path.read_bytes()
    if b"\x00" in raw:
        problems.add(display, 1, 1, "this is not a text file", "save it as plain UTF-8 text (YAML)")
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(display, line, 1, "the file is not UTF-8 text", "save it with UTF-8 encoding")
        return doc
    return parse_text(text, display, problems, doc)


def parse_text(text: str, display: str, problems: ProblemList, doc: Document | None = None) -> Document:
    doc = doc or Document(display)
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        _control_character(text, error, display, problems)
        return doc
    try:
        node = loader.single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message, hint = _friendly(f"{error.problem or ''} {error.context or ''}".strip() or "not valid YAML")
        opened = _unclosed_quote(text, line)
        if opened:
            # Why: the parser notices a missing closing quote lines later; point where it opened.
            column = text.splitlines()[opened - 1].index('"') + 1
            message = f"a quote opened here is not closed (the layout breaks on line {line})"
            line, hint = opened, 'close the quote at the end of the value, or remove the opening "'
        problems.add(display, line, column, message, hint)
        return doc
    except yaml.reader.ReaderError as error:
        _control_character(text, error, display, problems)
        return doc
    except yaml.YAMLError as error:
        problems.add(display, 1, 1, "this is not valid YAML", str(error).splitlines()[0])
        return doc
    except RecursionError:
        problems.add(display, 1, 1, "the data is nested too deeply", f"use at most {MAX_DEPTH} levels of indentation")
        return doc
    finally:
        loader.dispose()
    for line, column in loader.alias_marks:
        problems.add(display, line, column, "aliases (`*name`) are not allowed in data files",
                     "write the value out in full where it is needed")
    if node is None:
        problems.add(display, 1, 1, "the file is empty", "start from an example file, or remove this one")
        return doc
    walker = _Walker(doc, problems)
    try:
        doc.data = walker.walk(node, ())
    except _StopWalk:
        doc.data = None
    return doc


def _control_character(text: str, error: yaml.reader.ReaderError, display: str, problems: ProblemList) -> None:
    """Control characters (often pasted from a PDF) are refused by the YAML reader."""
    position = error.position if isinstance(error.position, int) else 0
    bad = next((i for i, c in enumerate(text) if ord(c) < 32 and c not in "\t\n\r"), position)
    line = text[:bad].count("\n") + 1
    code = ord(text[bad]) if bad < len(text) else 0
    problems.add(display, line, 1, f"the file contains a control character (code {code})",
                 "delete it: it is usually invisible, pasted from a PDF or a word processor")


def _unclosed_quote(text: str, before: int) -> int | None:
    """The last line before an error with an odd number of double quotes, if any."""
    for number in range(min(before, len(text.splitlines())), 0, -1):
        line = text.splitlines()[number - 1].replace('\\"', "")
        if line.count('"') % 2:
            return number
    return None


def _friendly(problem: str) -> tuple[str, str]:
    for needle, message, hint in _FRIENDLY:
        if needle in problem:
            return message, hint
    return f"this is not valid YAML ({problem})", "compare the line with the examples in docs/data-format.md"


class _Walker:
    """Turns composed nodes into plain Python values, recording positions."""

    def __init__(self, doc: Document, problems: ProblemList) -> None:
        self.doc = doc
        self.problems = problems
        self.count = 0

    def _mark(self, node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def walk(self, node: Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            self.problems.add(self.doc.path, *self._mark(node), "the file has too many values",
                              "a data file should describe one partnership; split it")
            raise _StopWalk
        if len(loc) > MAX_DEPTH:
            self.problems.add(self.doc.path, *self._mark(node), "the data is nested too deeply",
                              f"use at most {MAX_DEPTH} levels of indentation")
            raise _StopWalk
        self.doc.marks[loc] = self._mark(node)
        if isinstance(node, MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, SequenceNode):
            return [self.walk(item, (*loc, index)) for index, item in enumerate(node.value)]
        return self._scalar(node)

    def _mapping(self, node: MappingNode, loc: Loc) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            line, column = self._mark(key_node)
            if not isinstance(key_node, ScalarNode):
                self.problems.add(self.doc.path, line, column, "a key must be a plain word",
                                  "write `key: value`")
                continue
            key = str(key_node.value)
            if key == "<<":
                self.problems.add(self.doc.path, line, column, "merge keys (`<<`) are not allowed in data files",
                                  "write the values out in full")
                continue
            if key in seen:
                self.problems.add(self.doc.path, line, column, f"'{key}' appears twice in the same block",
                                  f"keep one (the first is on line {seen[key]}); the second would silently win")
                continue
            seen[key] = line
            self.doc.key_marks[(*loc, key)] = (line, column)
            result[key] = self.walk(value_node, (*loc, key))
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        tag, value = node.tag, node.value
        if tag == "tag:yaml.org,2002:null":
            return None
        if tag == "tag:yaml.org,2002:bool":
            return value.lower() == "true"
        if tag == "tag:yaml.org,2002:str":
            return value
        try:
            if tag == "tag:yaml.org,2002:int":
                return int(value)
            if tag == "tag:yaml.org,2002:float":
                return float(value)
        except ValueError:
            self.problems.add(self.doc.path, *self._mark(node), f"'{value}' is not a number",
                              "remove the `!!` tag, or write a number")
            return None
        self.problems.add(self.doc.path, *self._mark(node), f"the tag '{tag}' is not allowed in data files",
                          "remove the `!…` tag and write a plain value")
        return None
