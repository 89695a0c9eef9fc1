"""Where a generated page comes from and how fresh it is.

Readers (and inspectors) trust a page more when it says when it was last
reviewed by the partnership and when its data last changed. "Last reviewed"
is a fact the team records (`dates.last_reviewed`); "last changed" comes from
Git, so nobody has to remember to update it. The "edit this page" link of a
generated page opens the data file behind it, not a page nobody can edit.
"""

from __future__ import annotations

import subprocess
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from arrangements.data.dataset import Dataset, Version
from arrangements.rendering.dates import long_date
from arrangements.rendering.pages import renderer
from arrangements.rendering.text import escape


@lru_cache(maxsize=8)
def git_dates(folder: Path) -> dict[str, str]:
    """{path relative to `folder`: date of the last commit that touched it} for every file under it.

    Why one call: asking Git once per file costs a process per page; one `git log`
    over the folder, newest first, gives every file's last change at once.
    Empty when `folder` is not inside a Git checkout (or Git is missing).
    """
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "log", "--format=%x1e%cs", "--name-only", "--relative", "--", "."],
            capture_output=True, text=True, check=True, timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    current = ""
    # Why split("\n"): str.splitlines() would also split at the \x1e marker itself.
    for line in result.stdout.split("\n"):
        if line.startswith("\x1e"):
            current = line[1:].strip()
        elif line.strip() and current:
            dates.setdefault(line.strip(), current)  # newest first: keep the first date seen
    return dates


def last_changed(path: Path, folder: Path | None = None) -> str | None:
    """`YYYY-MM-DD` of the last commit touching `path`; its modification time outside Git."""
    path = path.resolve()
    folder = (folder or path.parent).resolve()
    try:
        key = path.relative_to(folder).as_posix()
    except ValueError:
        key = None
    found = git_dates(folder).get(key) if key else None
    if found:
        return found
    try:
        # Why: a new file not yet committed, or a copy outside Git, still has a sensible date.
        return datetime.fromtimestamp(path.stat().st_mtime).date().isoformat()
    except OSError:
        return None


def data_file_path(dataset: Dataset, version: Version) -> Path:
    """The file a version was read from (dataset paths are shown relative to the repository)."""
    shown = Path(version.source_path)
    if shown.is_absolute():
        return shown
    base = dataset.root.parent if dataset.root.name == "data" else dataset.root
    return base / shown


def _time(value: str | None) -> str:
    words = long_date(value)
    # Why <em>: Markdown is not read inside an HTML block, so the usual *To be confirmed* would show stars.
    return f'<time datetime="{escape(value)}">{escape(words)}</time>' if value and words else "<em>To be confirmed</em>"


@renderer("page_history")
def page_history(dataset: Dataset, pid: str) -> str:
    """One line for the foot of a partnership's generated pages."""
    version = dataset.partnerships[pid].current
    path = data_file_path(dataset, version)
    changed = dataset.memo(f"changed:{path}", lambda: last_changed(path, dataset.root))
    reviewed = version.arrangements.dates.last_reviewed
    # Why HTML: a `<time>` element gives machines the date and people the words.
    return (f'<p class="page-history"><small>Last reviewed: {_time(reviewed)} · '
            f"Last changed: {_time(changed)}</small></p>")


def edit_url(repo_url: str | None, data_file: str, edit_uri: str | None = "edit/main/docs/",
             docs_dir: str = "docs") -> str | None:
    """The "edit this page" address for a data file, e.g. `…/edit/main/data/partnerships/x/arrangements/2024.yml`.

    Derived from the site's own `edit_uri` (which points into docs/), so a change of
    branch name in mkdocs.yml carries over to data files too.
    """
    if not repo_url or not edit_uri:
        return None
    base = edit_uri.strip("/")
    if base.endswith("/" + docs_dir.strip("/")):
        base = base[: -len(docs_dir.strip("/")) - 1]
    return f"{repo_url.rstrip('/')}/{base}/{data_file.lstrip('/')}"
