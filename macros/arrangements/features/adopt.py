"""`make setup`: turn a fresh copy of this project into one partnership's own site.

It removes the example partnerships and example news that come with the
project, writes the partnership's name (and web address) into the site
settings, and starts an empty arrangements file for the partnership with
`make new-partnership`'s scaffold. It never removes anything else: once the
data holds a partnership of your own, it refuses to run.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from datetime import date
from pathlib import Path

from arrangements.commands import DEFAULT_DATA, REPO, command
from arrangements.data.paths import id_problem
from arrangements.features.scaffold import ScaffoldError, create
from arrangements.features.settings import SETTINGS_FILE

# The example partnerships and news posts that ship with the project.
EXAMPLE_PARTNERSHIPS = ("brighton-and-hove", "east-sussex", "hips", "north-somerset", "pan-sussex", "southampton",
                        "west-sussex")
EXAMPLE_POSTS = ("2026-09-30-southampton-yearly-report.md", "2026-10-14-southampton-new-dsp.md",
                 "2026-11-02-training-programme.md")
STATEMENT_FILE = Path("site") / "accessibility.yml"
_DOMAIN = re.compile(r"^(?=.{4,253}\Z)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\Z")


class SetupError(Exception):
    """A reason not to set up, worded for the person who ran the command."""


def _set(text: str, key: str, value: object) -> str:
    """Replace the value of a top-level `key:` line (None: blank); JSON strings are valid YAML, safely quoted."""
    written = f"{key}:" if value is None else f"{key}: {json.dumps(value, ensure_ascii=False)}"
    # Why the indented lines too: a value written as a block (`>-` and lines under it) goes with its key.
    line = re.compile(rf"^{key}:.*(?:\n[ \t]+.*)*$", re.MULTILINE)
    if not line.search(text):
        return text + written + "\n"
    return line.sub(lambda _: written, text, count=1)


def setup(pid: str, name: str, data: Path = DEFAULT_DATA, domain: str | None = None,
          repository: str | None = None, posts: Path = REPO / "docs" / "news" / "posts") -> list[str]:
    """Do the setup; returns what was done, one line each."""
    if any(c in name for c in '<>"`\\{}') or not name.strip():
        raise SetupError("NAME must be the partnership's name in plain words (no < > \" ` \\ { or })")
    name = " ".join(name.split())
    if wrong := id_problem(pid, "ID"):
        raise SetupError(f"{wrong[0]}: {wrong[1]}")
    if domain is not None:
        domain = domain.strip().lower().removeprefix("https://").rstrip("/")
        if not _DOMAIN.match(domain):
            raise SetupError(f"'{domain}' is not a web address's domain: write it like www.example-scp.org.uk")
    if repository is not None and not re.fullmatch(r"https://[A-Za-z0-9.-]+(/[A-Za-z0-9._-]+){2}/?", repository):
        raise SetupError(f"'{repository}' is not a repository's address: write it like https://github.com/owner/name")
    folder = data / "partnerships"
    own = sorted(p.name for p in folder.iterdir() if p.is_dir() and p.name not in EXAMPLE_PARTNERSHIPS) \
        if folder.is_dir() else []
    if own:
        raise SetupError(f"this site is set up already: data/partnerships/ holds {', '.join(own)}. "
                         "`make setup` only replaces the example partnerships; to add another partnership, "
                         "run `make new-partnership ID=...`")
    done: list[str] = []
    for example in EXAMPLE_PARTNERSHIPS:
        if (folder / example).is_dir():
            shutil.rmtree(folder / example)
            done.append(f"Removed the example partnership data/partnerships/{example}/")
    for post in EXAMPLE_POSTS:
        if (posts / post).is_file():
            (posts / post).unlink()
            done.append(f"Removed the example news post docs/news/posts/{post}")
    try:
        path = create(pid, data, name)
    except ScaffoldError as error:
        raise SetupError(str(error)) from None
    done.append(f"Created {path.relative_to(data.parent)}: your partnership's arrangements, to fill in")
    settings = data / SETTINGS_FILE
    text = settings.read_text(encoding="utf-8") if settings.exists() else ""
    text = _set(text, "name", name)
    text = _set(text, "partnerships", [pid])
    text = _set(text, "publisher", name)
    if domain:
        text = _set(text, "address", f"https://{domain}/")
    # Why always: the example repository's address must not stay on a partnership's site.
    text = _set(text, "repository", repository)
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text(text, encoding="utf-8")
    done.append(f"Wrote {settings.relative_to(data.parent)}: name, partnership, publisher"
                + (f", address https://{domain}/" if domain else ""))
    statement = data / STATEMENT_FILE
    if statement.exists():
        statement.write_text(_statement(statement.read_text(encoding="utf-8"), name), encoding="utf-8")
        done.append(f"Wrote your name into {statement.relative_to(data.parent)}: add your team's email there")
    return done


def _statement(text: str, name: str) -> str:
    """The accessibility statement, saying only what is true of a new site: its own pages are not tested yet."""
    text = _set(text, "organisation", name)
    text = re.sub(r"^  email:.*$", "  email:", text, count=1, flags=re.MULTILINE)  # the example's address is not yours
    text = _set(text, "compliance_note", COMPLIANCE_NOTE)
    text = _set(text, "how_tested", HOW_TESTED)
    text = _set(text, "prepared", date.today().isoformat())
    return _set(text, "last_tested", None)


COMPLIANCE_NOTE = ("This is what tests of the software this site is built with found, on its example pages. "
                   "This site's own pages have not been tested yet.")
HOW_TESTED = ("The software this site is built with is checked with axe-core in Chromium at desktop and mobile "
              "widths, in light and dark colour schemes, on its example pages. This site's own pages have not "
              "been tested yet.")


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--id", required=True, help="your partnership's id, e.g. exampleshire (its web address)")
    parser.add_argument("--name", required=True, help="your partnership's full name")
    parser.add_argument("--domain", help="your site's own domain, e.g. www.exampleshire-scp.org.uk (optional)")
    parser.add_argument("--repository", help="your site's repository, e.g. https://github.com/owner/name (optional)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder (default: data/)")


@command("setup", "make this copy your partnership's own site: remove the examples, start your data", _arguments)
def setup_command(args: argparse.Namespace) -> int:
    try:
        done = setup(args.id, args.name, args.data, args.domain, args.repository)
    except SetupError as error:
        print(f"Nothing was changed: {error}", file=sys.stderr)
        return 1
    print("\n".join(done))
    print(f"\nNext: run `make validate`, then `make serve` and open http://127.0.0.1:8000/ to see your site.\n"
          f"Fill in data/partnerships/{args.id}/arrangements/ (see docs/setup.md, step 4).")
    return 0
