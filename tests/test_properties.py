"""Property-based tests: whatever YAML arrives, the loader and validator give
either a valid model or clean problems with a line number. Never an
exception, never a hang.

Budget: a fixed seed and a fixed number of examples keep this well under two
minutes; on failure Hypothesis prints the failing example and how to replay it.
"""

from __future__ import annotations

import contextlib
import copy
import random
import re
import shutil
import tempfile
import time
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from arrangements.core import load_dataset
from arrangements.data.load import parse_text
from arrangements.data.model import Arrangements
from arrangements.data.problems import ProblemList
from arrangements.data.schema import validate_document
from arrangements.rendering import text
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[1]
SEED = 20261122
BUNDLED = sorted((REPO / "data" / "partnerships").glob("*/arrangements/*.yml"))
# Why generous: a guard against runaway input (alias bombs), not a benchmark; CI machines are shared.
PER_CALL_SECONDS = 10.0

# YAML-ish fragments: structure characters, traps and hostile strings.
FRAGMENTS = ["\n", "  ", "- ", ": ", "name: ", "groups:", "- id: x", "&a ", "*a", "!!python/object ", "---",
             '"', "'", "{", "}", "[", "]", "#", "|", ">-", "\t", "no", "1:30", "0123", "2023-02-30",
             "<script>", "{{ config }}", "é", "\u202e", "\x00", "%", "@", "`", "~", "null", "true", "0x1F", "1e9"]
yamlish = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map("".join)


def _checked(text: str) -> ProblemList:
    problems = ProblemList()
    started = time.perf_counter()
    doc = parse_text(text, "demo.yml", problems)
    validate_document(doc, Arrangements, problems)
    assert time.perf_counter() - started < PER_CALL_SECONDS
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1
        assert problem.message and " — " in str(problem)
    return problems


@seed(SEED)
@settings(max_examples=300, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow])
@given(yamlish)
def test_any_text_gives_a_model_or_clean_problems(text: str) -> None:
    _checked(text)


# --- Mutations of the bundled files ---------------------------------------------

def _paths(value: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [loc] if loc else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*loc, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*loc, index))
    return found


def _parent(doc: Any, loc: tuple[Any, ...]) -> Any:
    for step in loc[:-1]:
        doc = doc[step]
    return doc


REPLACEMENTS: list[Any] = [None, "", "tbc", 0, -1, 3.5, True, [], {}, ["x"], {"a": 1}, "x" * 30_000,
                           "\u202e\u0000é" * 10, "<script>alert(1)</script>", "{{ config }}", [[[[["deep"]]]]],
                           "2023-02-30", "../../etc/passwd", "executive", "hips/executive", "nope/nothing"]


def mutate(doc: Any, rng: random.Random) -> Any:
    doc = copy.deepcopy(doc)
    for _ in range(rng.randint(1, 4)):
        paths = _paths(doc)
        if not paths:
            break
        loc = rng.choice(paths)
        parent, key = _parent(doc, loc), loc[-1]
        action = rng.choice(["delete", "replace", "swap", "nest"])
        if action == "delete":
            del parent[key]
        elif action == "replace":
            parent[key] = copy.deepcopy(rng.choice(REPLACEMENTS))
        elif action == "swap":
            other = rng.choice(paths)
            other_parent = _parent(doc, other)
            with contextlib.suppress(KeyError, IndexError, TypeError):  # the other path may be gone
                parent[key], other_parent[other[-1]] = other_parent[other[-1]], parent[key]
        else:
            parent[key] = {"nested": [parent[key]]}
    return doc


_TEMP = Path(tempfile.mkdtemp(prefix="mutations-"))
shutil.copytree(REPO / "data" / "reference", _TEMP / "data" / "reference")
_ORIGINALS = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in BUNDLED]


@seed(SEED)
@settings(max_examples=150, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=len(BUNDLED) - 1), st.randoms(use_true_random=False))
def test_mutated_bundled_files_give_a_model_or_clean_problems(which: int, rng: random.Random) -> None:
    mutated = mutate(_ORIGINALS[which], rng)
    text = yaml.safe_dump(mutated, allow_unicode=True, sort_keys=False)
    folder = _TEMP / "data" / "partnerships" / "demo" / "arrangements"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "2024.yml").write_text(text, encoding="utf-8")
    started = time.perf_counter()
    dataset = load_dataset(_TEMP / "data")  # full pipeline: shape, meaning, privacy
    assert time.perf_counter() - started < PER_CALL_SECONDS
    for problem in dataset.problems:
        assert problem.line >= 1 and " — " in str(problem)
    if dataset.ok:
        assert "demo" in dataset.partnerships


# --- Renderers: data text stays text --------------------------------------------

MD_FRAGMENTS = ["[z]: javascript:alert(1)", "[click][z]", "[z]", "]: ", "](", "(", ")", "[", "]", "<", ">", "&",
                "&lt;", "&#60;", "<script>", "<img src=x onerror=alert(1)>", "javascript:", "data:", "https://x.org",
                "tel:", "mailto:", "{: onclick=alert(1)}", "{", "}", "!", "`", "\\", "# ", "> ", "| ", ": ", "- ",
                "1. ", "===", "---", "\n", "    ", "{{ 6*7 }}", "{% raw %}", "<https://x.org>", "<!--", "-->", "%%"]
mdish = st.lists(st.one_of(st.sampled_from(MD_FRAGMENTS), st.text(max_size=8)), max_size=30).map("".join)
_ALLOWED_TAGS = {"p", "ul", "ol", "li", "a", "em", "strong", "br"}
_SAFE_HREF = re.compile(r"(https://|mailto:|tel:\+?[0-9]+$)")


def _site_markdown() -> Any:
    import markdown

    config = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_MkDocsLoader)
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name != "pymdownx.superfences":  # its custom fence needs MkDocs' object tags
            names.append(name)
            configs[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


class _MkDocsLoader(yaml.SafeLoader):
    pass


_MkDocsLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


_MD = _site_markdown()


@seed(SEED)
@settings(max_examples=300, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow])
@given(mdish, st.sampled_from(["inline", "block", "bullet_list"]))
def test_data_text_renders_as_the_same_text_and_makes_nothing(value: str, how: str) -> None:
    """Random text through the shared helpers and the site's own Markdown: no element but the
    allowed few, no link but https/mailto/tel digits, and (when no link formed and no emphasis
    was written) exactly the same visible words."""
    source = {"inline": lambda: text.inline(value), "block": lambda: text.block(value),
              "bullet_list": lambda: text.bullet_list([value])}[how]()
    _MD.reset()
    parser = _Tags()
    parser.feed(_MD.convert(source))
    for tag, attrs in parser.tags:
        assert tag in _ALLOWED_TAGS, (tag, source)
        assert set(attrs) <= {"href"}, (attrs, source)
        if tag == "a":
            assert _SAFE_HREF.match(attrs["href"] or ""), (attrs, source)
    if how == "inline" and value.strip() and not {"a", "em", "strong"} & {t for t, _ in parser.tags} \
            and not set("*_") & set(value):
        # Why without control characters: the loader refuses them before any page is made.
        def visible(words: str) -> str:
            # Why glyphs only: Markdown drops some control characters and turns others into spaces.
            return "".join(c for c in words if not c.isspace() and unicodedata.category(c) != "Cc")

        assert visible("".join(parser.text)) == visible(value), source


# --- Random text in any free-text field: kept as written, or a message ---------------------

def _text_locations() -> list[tuple[Any, ...]]:
    from hostile import INVISIBLE, plant_invalid

    doc = yaml.safe_load((REPO / "tests" / "broken" / "_base.yml").read_text(encoding="utf-8"))
    return [loc for loc in plant_invalid(doc, Arrangements) if _parent(doc, loc)[loc[-1]].startswith(INVISIBLE)]


_BASE_DOC = yaml.safe_load((REPO / "tests" / "broken" / "_base.yml").read_text(encoding="utf-8"))
_TEXT_LOCS = _text_locations()


@seed(SEED)
@settings(max_examples=200, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_TEXT_LOCS), mdish)
def test_any_text_in_any_field_is_kept_or_refused_with_a_message(loc: tuple[Any, ...], value: str) -> None:
    doc = copy.deepcopy(_BASE_DOC)
    _parent(doc, loc)[loc[-1]] = value
    problems = ProblemList()
    parsed = parse_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "demo.yml", problems)
    record = validate_document(parsed, Arrangements, problems)
    for problem in problems:
        assert problem.line >= 1 and " — " in str(problem)
    if record is None or problems.errors:
        return
    kept: Any = record
    for step in loc:
        if isinstance(step, int):
            kept = kept[step] if isinstance(kept, list) else kept  # one post written without a list
        else:
            kept = kept[0] if isinstance(kept, list) else kept
            kept = getattr(kept, {f.alias: n for n, f in type(kept).model_fields.items()}[step])
    assert kept is None or kept == value.strip() or " ".join(str(kept).split()) == " ".join(value.split()), (kept,
                                                                                                            value)


@seed(SEED)
@settings(max_examples=200, deadline=None, print_blob=True, suppress_health_check=[HealthCheck.too_slow])
@given(yamlish, mdish)
def test_any_news_post_gives_clean_problems(front: str, body: str) -> None:
    """A post with any front matter and any body: problems with a line and advice, never an exception."""
    from arrangements.data.news_check import check_post_files

    folder = _TEMP / "posts"
    folder.mkdir(exist_ok=True)
    (folder / "post.md").write_text(f"---\n{front}\n---\n\n{body}\n", encoding="utf-8")
    started = time.perf_counter()
    problems = check_post_files(folder, {"southampton"}, _TEMP)
    assert time.perf_counter() - started < PER_CALL_SECONDS
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and " — " in str(problem), str(problem)
