"""Read one YAML data file safely, remembering where every value came from.

PyYAML alone is not enough for data written by hand:
- it silently keeps the last of two duplicate keys;
- it follows YAML 1.1, where `no` means false and `1:30` is a number;
- it expands aliases without limit (an "alias bomb" can exhaust memory);
- its errors are written for programmers.
So we build values straight from the parser's events ourselves (YAML 1.2
core types only), reject aliases and duplicate keys, and record the line and
column of every value, which lets later checks point at the exact line a
person must fix.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from arrangements.data.problems import Problem, ProblemList
from arrangements.data.sense import invisible_characters
from arrangements.data.yaml_errors import control_character, friendly, unclosed_quote

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


class _PureLoader(Reader, Scanner, Parser, _Resolver):
    """PyYAML's pure-Python parser: a stream of events, no composer (see _Builder)."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _Resolver.__init__(self)


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    # Why: libyaml's C parser is about five times faster on large data sets.
    class _FastLoader(CParser, _Resolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _Resolver.__init__(self)

    _Loader: type[Any] = _FastLoader
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
        loc = as_written(loc, self.data)
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        while loc:
            if loc in self.marks:
                return self.marks[loc]
            loc = loc[:-1]
        return self.marks.get((), (1, 1))


def as_written(loc: Loc, data: Any) -> Loc:
    """The location in the file: `chair.0.role` is `chair.role` when one chair was written without a list."""
    out: list[Any] = []
    node = data
    for step in loc:
        if isinstance(step, int) and not isinstance(node, list):
            continue  # a single value the record read as a list of one
        out.append(step)
        if isinstance(node, list) and isinstance(step, int):
            node = node[step] if step < len(node) else None
        else:
            node = node.get(step) if isinstance(node, dict) else None
    return tuple(out)


class _StopWalk(Exception):
    pass


# Why: `mkdocs serve` loads the data folder again after every save; a file
# whose bytes are unchanged is not parsed again. Nothing changes a Document
# after it is read, so sharing it between loads is safe.
_parsed: dict[tuple[str, bytes], tuple[Document, tuple[Problem, ...]]] = {}
_PARSED_LIMIT = 5000


def read_document(path: Path, display: str, problems: ProblemList) -> Document:
    """Parse one file into a Document; every problem is added to `problems`."""
    if path.is_symlink():  # Why: a link could publish any file on the machine (folders: paths.py)
        problems.add(display, 1, 1, "the file is a link (symlink) to somewhere else", "replace it with the file itself")
        return Document(display)
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_BYTES else b""
    except OSError as error:
        problems.add(display, 1, 1, f"cannot read the file ({error.strerror})", "check the file exists and is readable")
        return Document(display)
    if size > MAX_BYTES:
        problems.add(display, 1, 1, f"the file is too large ({size:,} bytes; the limit is {MAX_BYTES:,})",
                     "a data file should be a few kilobytes: split it, or remove pasted documents")
        return Document(display)
    key = (display, hashlib.blake2b(raw, digest_size=16).digest())
    if key not in _parsed:
        if len(_parsed) >= _PARSED_LIMIT:
            _parsed.clear()
        found = ProblemList()
        _parsed[key] = (_decode_and_parse(raw, display, found), tuple(found))
    doc, found_before = _parsed[key]
    problems.extend(found_before)
    return doc


def _decode_and_parse(raw: bytes, display: str, problems: ProblemList) -> Document:
    doc = Document(display)
    if b"\x00" in raw:
        problems.add(display, 1, 1, "this is not a text file", "save it as plain UTF-8 text (YAML)")
        return doc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.add(display, line, 1, "the file is not UTF-8 text", "save it with UTF-8 encoding")
        return doc
    invisible_characters(text, display, problems)
    return parse_text(text, display, problems, doc)


def parse_text(text: str, display: str, problems: ProblemList, doc: Document | None = None) -> Document:
    doc = doc or Document(display)
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        control_character(text, error, display, problems)
        return doc
    # Why a separate list: a file that does not parse reports only its syntax
    # error, not the half-read values before it.
    found = ProblemList()
    try:
        present, data = _Builder(loader, doc, found).document()
    except _StopWalk:
        present, data = True, None
    except yaml.MarkedYAMLError as error:
        doc.marks.clear()
        doc.key_marks.clear()
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message, hint = friendly(f"{error.problem or ''} {error.context or ''}".strip() or "not valid YAML")
        opened = unclosed_quote(text, line)
        if opened:
            # Why: the parser notices a missing closing quote lines later; point where it opened.
            column = text.splitlines()[opened - 1].index('"') + 1
            message = f"a quote opened here is not closed (the layout breaks on line {line})"
            line, hint = opened, 'close the quote at the end of the value, or remove the opening "'
        problems.add(display, line, column, message, hint)
        return doc
    except yaml.reader.ReaderError as error:
        control_character(text, error, display, problems)
        return doc
    except yaml.YAMLError as error:
        problems.add(display, 1, 1, "this is not valid YAML", str(error).splitlines()[0])
        return doc
    except RecursionError:
        problems.add(display, 1, 1, "the data is nested too deeply", f"use at most {MAX_DEPTH} levels of indentation")
        return doc
    finally:
        loader.dispose()
    problems.extend(found)
    if not present:
        problems.add(display, 1, 1, "the file is empty", "start from an example file, or remove this one")
        return doc
    doc.data = data
    return doc


_TAG = "tag:yaml.org,2002:"
_COLLECTION_TAGS = {None, "!", _TAG + "map", _TAG + "seq"}


def _mark(event: Event) -> tuple[int, int]:
    return event.start_mark.line + 1, event.start_mark.column + 1


class _Builder:
    """Turns the parser's events into plain Python values, recording positions.

    Why events, not PyYAML's composer: composing a node tree in Python and
    then walking it took longer than parsing; one pass over the events does
    both jobs, and sees each alias where it is written.
    """

    def __init__(self, loader: Any, doc: Document, problems: ProblemList) -> None:
        self.loader = loader
        self.doc = doc
        self.problems = problems
        self.count = 0

    def document(self) -> tuple[bool, Any]:
        """(whether the file holds a document, its value); refuses a second document."""
        get, check = self.loader.get_event, self.loader.check_event
        get()  # the stream starts
        if check(StreamEndEvent):
            return False, None
        start = get()  # the document starts
        value = self.value(get(), ())
        get()  # the document ends
        if not check(StreamEndEvent):
            raise ComposerError("expected a single document in the stream", start.start_mark,
                                "but found another document", get().start_mark)
        return True, value

    def value(self, event: Event, loc: Loc) -> Any:
        self.count += 1
        mark = _mark(event)
        if self.count > MAX_NODES:
            self.problems.add(self.doc.path, *mark, "the file has too many values",
                              "a data file should describe one partnership; split it")
            raise _StopWalk
        if len(loc) > MAX_DEPTH:
            self.problems.add(self.doc.path, *mark, "the data is nested too deeply",
                              f"use at most {MAX_DEPTH} levels of indentation")
            raise _StopWalk
        self.doc.marks[loc] = mark
        if isinstance(event, ScalarEvent):
            return self._scalar(event, mark)
        if isinstance(event, AliasEvent):
            self._alias(mark)
            return None
        if event.tag not in _COLLECTION_TAGS:
            self._tag(event.tag, mark)
        if isinstance(event, MappingStartEvent):
            return self._mapping(loc)
        items: list[Any] = []
        while not self.loader.check_event(SequenceEndEvent):
            items.append(self.value(self.loader.get_event(), (*loc, len(items))))
        self.loader.get_event()
        return items

    def _mapping(self, loc: Loc) -> dict[str, Any]:
        get, check = self.loader.get_event, self.loader.check_event
        result: dict[str, Any] = {}
        seen: dict[str, int] = {}
        while not check(MappingEndEvent):
            key_event = get()
            line, column = _mark(key_event)
            if not isinstance(key_event, ScalarEvent):
                if isinstance(key_event, AliasEvent):
                    self._alias((line, column))
                else:
                    self.problems.add(self.doc.path, line, column, "a key must be a plain word",
                                      "write `key: value`")
                    self._skip(key_event)
                self._skip(get())
                continue
            key = key_event.value
            if key == "<<":
                self.problems.add(self.doc.path, line, column, "merge keys (`<<`) are not allowed in data files",
                                  "write the values out in full")
                self._skip(get())
                continue
            if key in seen:
                self.problems.add(self.doc.path, line, column, f"'{key}' appears twice in the same block",
                                  f"keep one (the first is on line {seen[key]}); the second would silently win")
                self._skip(get())
                continue
            seen[key] = line
            self.doc.key_marks[(*loc, key)] = (line, column)
            result[key] = self.value(get(), (*loc, key))
        get()
        return result

    def _skip(self, event: Event) -> None:
        """Read past a value that is not kept, still reporting any alias inside it."""
        depth = 1 if isinstance(event, CollectionStartEvent) else 0
        if isinstance(event, AliasEvent):
            self._alias(_mark(event))
        while depth:
            event = self.loader.get_event()
            if isinstance(event, AliasEvent):
                self._alias(_mark(event))
            elif isinstance(event, CollectionStartEvent):
                depth += 1
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                depth -= 1

    def _alias(self, mark: tuple[int, int]) -> None:
        self.problems.add(self.doc.path, *mark, "aliases (`*name`) are not allowed in data files",
                          "write the value out in full where it is needed")

    def _tag(self, tag: str, mark: tuple[int, int]) -> None:
        written = "!!" + tag[len(_TAG):] if tag.startswith(_TAG) else tag  # as the person typed it
        self.problems.add(self.doc.path, *mark, f"the tag '{written}' is not allowed in data files",
                          "remove the `!…` tag and write a plain value")

    def _scalar(self, event: ScalarEvent, mark: tuple[int, int]) -> Any:
        tag, value = event.tag, event.value
        if tag is None or tag == "!":
            tag = self.loader.resolve(ScalarNode, value, event.implicit)
        if tag == _TAG + "str":
            return value
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return value.lower() == "true"
        try:
            if tag == _TAG + "int":
                return int(value)
            if tag == _TAG + "float":
                return float(value)
        except ValueError:
            self.problems.add(self.doc.path, *mark, f"'{value}' is not a number",
                              "remove the `!!` tag, or write a number")
            return None
        self._tag(tag, mark)
        return None
