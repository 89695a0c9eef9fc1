"""`arrangements new ID`: start a new partnership with a file that already validates.

The new file lists every field the arrangements must cover, blank (shown on
the site as "To be confirmed"), each with the explanation the schema gives,
so the team fills in blanks rather than learning the format first. The
checker then shows what is still missing. The comments come from the model's
field descriptions, so they never drift from what the validator expects.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from arrangements.commands import DEFAULT_DATA, REPO, command
from arrangements.data.dataset import ID_PATTERN
from arrangements.data.fields import Record, keys, record_in
from arrangements.data.model import TBC_WORDS, Arrangements

SCHEMA_LINE = "# yaml-language-server: $schema=../../../../schema/arrangements.schema.json"
PLACEHOLDER = "To be confirmed"  # for text the format cannot leave blank (e.g. an organisation's name)

# Why data, not prose: the same four numbers belong on every partnership's site.
NATIONAL_CONTACTS: list[dict[str, Any]] = [
    {"kind": "emergency", "name": "Emergency services", "phone": "999",
     "description": "If a child is in immediate danger, call 999."},
    {"kind": "police-non-emergency", "name": "Police non-emergency", "phone": "101",
     "description": "To report a concern to the police when it is not an emergency."},
    {"kind": "helpline", "name": "NSPCC Helpline", "phone": "0808 800 5000", "url": "https://www.nspcc.org.uk/",
     "description": "For adults worried about a child. Free and confidential."},
    {"kind": "helpline", "name": "Childline", "phone": "0800 1111", "url": "https://www.childline.org.uk/",
     "hours": "24 hours a day", "description": "For children and young people. Free and confidential."},
]


def title_from_id(pid: str) -> str:
    """`north-somerset` -> `North Somerset` (a first guess at the area's name)."""
    return " ".join(word.capitalize() for word in pid.split("-"))


def suggest_id(text: str) -> str:
    """`North Somerset` -> `north-somerset`."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def skeleton(pid: str, name: str, year: int) -> dict[str, Any]:
    """The new file's content: every required field, blank where the team must decide."""
    area = title_from_id(pid)
    blank_partner = {"lead": None, "delegate": None}
    return {
        "name": name,
        "short_name": None,
        "kind": "children",
        "status": "draft",
        "title": f"Arrangements {year}",
        "areas": [area],
        "summary": "",
        "dates": {"agreed": None, "effective": None, "next_review": None, "last_reviewed": None},
        "principles": [],
        "objectives": [],
        "sources": [{"title": PLACEHOLDER, "publisher": None, "date": None, "url": None}],
        "multi_area": [],
        "contacts": [
            {"kind": "front-door", "name": "Children's services front door", "phone": None, "hours": None},
            {"kind": "out-of-hours", "name": "Out of hours social care", "phone": None},
            *NATIONAL_CONTACTS,
        ],
        "partners": [
            # Why blank organisations: "<Area> Council" would be a guess that validates and gets published.
            {"id": "council", "sector": "local-authority", "organisation": None, **blank_partner},
            {"id": "icb", "sector": "health", "organisation": None, **blank_partner},
            {"id": "police", "sector": "police", "organisation": None, **blank_partner},
        ],
        "chair": None,
        "groups": [{"id": "executive", "name": "Safeguarding Partnership Executive", "kind": "executive",
                    "purpose": None, "chair": None, "membership": None, "frequency": None, "quorum": None,
                    "reports_to": []}],
        "relevant_agencies": [],
        "participants": [],
        "scrutiny": None,
        "funding": None,
        "priorities": [],
        "topics": dict.fromkeys(_fields(Arrangements.model_fields["topics"].annotation)),
    }


def _fields(model: Any) -> list[str]:
    return list(keys(model)) if isinstance(model, type) and issubclass(model, Record) else []


_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ,.'()&/-]*$")


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    # Why quote: `999` would be a number, `tbc`/`true`/`null` would change meaning.
    plain = _PLAIN.match(text) and text.lower() not in TBC_WORDS | {"true", "false", "null"} and ": " not in text
    return text if plain else json.dumps(text, ensure_ascii=False)


def _comment(model: type[Record] | None, key: str, indent: str) -> list[str]:
    info = keys(model).get(key) if model else None
    if not info or not info.description:
        return []
    need = "" if info.is_required() else " (optional)"
    return [indent + "# " + line for line in textwrap.wrap(info.description + need, 100 - len(indent))]


def to_yaml(value: dict[str, Any], model: type[Record] | None, indent: str = "", comments: bool = True) -> list[str]:
    """Block-style YAML with each key explained by its description in `model`."""
    lines: list[str] = []
    for key, item in value.items():
        if comments:
            lines += _comment(model, key, indent)
        inner = record_in(keys(model)[key].annotation) if model and key in keys(model) else None
        if isinstance(item, dict):
            lines += [f"{indent}{key}:", *to_yaml(item, inner, indent + "  ", comments)]
        elif isinstance(item, list) and item:
            lines.append(f"{indent}{key}:")
            for n, element in enumerate(item):
                if isinstance(element, dict):
                    # Why: explain the first item only; repeating it for each would bury the data.
                    body = to_yaml(element, inner, indent + "    ", comments and n == 0)
                    first = next(i for i, line in enumerate(body) if not line.lstrip().startswith("#"))
                    body[first] = f"{indent}  - {body[first].lstrip()}"
                    lines += body
                else:
                    lines.append(f"{indent}  - {_scalar(element)}")
        else:
            text = "[]" if isinstance(item, list) else _scalar(item)
            lines.append(f"{indent}{key}: {text}".rstrip())
    return lines


def scaffold_text(pid: str, name: str, year: int) -> str:
    header = [
        SCHEMA_LINE,
        f"# {name}: arrangements {year}.",
        f"# Started with `make new-partnership ID={pid}`.",
        "# Fill in the blanks. A blank (or `tbc`) shows on the site as \"To be confirmed\",",
        f"# and so does the text \"{PLACEHOLDER}\". `make check` lists what is still missing.",
        "# Change `status: draft` to `in-force` when the partners have agreed the arrangements.",
        "",
    ]
    return "\n".join([*header, *to_yaml(skeleton(pid, name, year), Arrangements)]) + "\n"


class ScaffoldError(Exception):
    """A reason not to create the file, worded for the person who ran the command."""


def create(pid: str, data: Path, name: str | None = None, year: int | None = None) -> Path:
    if not ID_PATTERN.match(pid):
        suggestion = suggest_id(pid)
        hint = f" Try: {suggestion}" if suggestion else ""
        raise ScaffoldError(f"'{pid}' cannot be used as an id: use lowercase letters, digits and hyphens "
                            f"(it becomes the web address, e.g. /north-somerset/).{hint}")
    folder = data / "partnerships" / pid
    year = year or date.today().year
    path = folder / "arrangements" / f"{year}.yml"
    existing = sorted((folder / "arrangements").glob("*.y*ml"))
    if existing:
        # Why refuse: overwriting would silently lose a partnership's published data.
        raise ScaffoldError(f"'{pid}' already exists ({_shown(existing[-1])}). To start a new version, copy that "
                            f"file to {_shown(path.with_name('<year>.yml'))} and edit the copy.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(scaffold_text(pid, name or f"{title_from_id(pid)} Safeguarding Children Partnership", year),
                    encoding="utf-8")
    return path


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(REPO))
    except ValueError:
        return str(path)


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("id", help="the new partnership's id, e.g. north-somerset (used in web addresses)")
    parser.add_argument("--name", help="full name (default: '<Area> Safeguarding Children Partnership')")
    parser.add_argument("--year", type=int, help="the arrangements' year, used as the file name (default: this year)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder (default: data/)")


@command("new", "start a new partnership: data/partnerships/ID/arrangements/YEAR.yml", _arguments)
def new(args: argparse.Namespace) -> int:
    try:
        path = create(args.id, args.data, args.name, args.year)
    except ScaffoldError as error:
        print(f"Not created: {error}", file=sys.stderr)
        return 1
    print(f"Created {_shown(path)}\n"
          f"Next: fill in the blanks, then run `make validate` and `make check`;\n"
          f"preview with `make serve` and open http://127.0.0.1:8000/{args.id}/")
    return 0
