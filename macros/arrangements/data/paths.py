"""Which files and names the data may use: its own files, and names that make
portable web addresses and file names.

Why: a pull request can add a symlink as easily as a file. A link to
`/etc/passwd` or another user's file must never be read and published, and a
folder named `con`, `aux` or `north-somerset\\n` must not reach a build that
then fails (or a Windows checkout that cannot hold it). `make validate` and the
build use the same rules, so the check refuses exactly what the build would.
"""

from __future__ import annotations

import re
from pathlib import Path

# Why `\Z`-style full matches: `$` also matches before a final newline.
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_VERSION = re.compile(r"[0-9A-Za-z][0-9A-Za-z.-]*")
MAX_ID = 60
# Names Windows reserves for devices, with or without an extension.
RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def shown(name: str) -> str:
    """A name as people can see it: invisible characters written out (`north-somerset\\n`)."""
    return name.encode("unicode_escape").decode("ascii")


def id_problem(name: str, what: str = "partnership folder name", *, version: bool = False) -> tuple[str, str] | None:
    """(message, what to do) when `name` would not make a portable address or file name, else None."""
    pattern = _VERSION if version else _ID
    example = "2024" if version else "north-somerset"
    if not pattern.fullmatch(name):
        allowed = "letters, digits, dots and hyphens" if version else "lowercase letters, digits and hyphens"
        return (f"'{shown(name)}' is not a valid {what}",
                f"rename it using {allowed} only (no spaces, line breaks or other characters), e.g. {example}")
    if len(name) > MAX_ID:
        return (f"the {what} '{name[:20]}…' is {len(name)} characters long (the limit is {MAX_ID})",
                "rename it to a shorter name: it becomes part of every web address")
    if name.lower().split(".")[0] in RESERVED:
        return (f"'{name}' is a name Windows reserves for a device, so the site could not be checked out there",
                f"rename it, e.g. {name}-area")
    return None


def link_problem(path: Path, root: Path) -> str | None:
    """Why `path` must not be read (a symlink on the way, or outside `root`), else None."""
    try:
        relative = path.absolute().relative_to(root.absolute())
    except ValueError:
        return f"the file is outside the data folder {root}"
    current = root.absolute()
    for part in relative.parts:
        current = current / part
        if current.is_symlink():
            if current == path.absolute():
                return f"the {'folder' if path.is_dir() else 'file'} is a link (symlink) to somewhere else"
            folder = current.relative_to(root.absolute()).as_posix()
            return f"the folder '{folder}' is a link (symlink) to somewhere else"
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return f"the file resolves to a place outside the data folder {root}"
    return None


LINK_HINT = "replace the link with the file itself: data files are read only from inside the data folder"


def duplicate_stems(files: list[Path]) -> dict[str, list[Path]]:
    """Files that share a name but differ in extension (`2022.yml` and `2022.yaml`)."""
    by_stem: dict[str, list[Path]] = {}
    for file in files:
        by_stem.setdefault(file.stem.lower(), []).append(file)
    return {stem: found for stem, found in by_stem.items() if len(found) > 1}
