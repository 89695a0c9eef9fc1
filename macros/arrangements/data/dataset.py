"""The whole data folder: every partnership, its versions, and the reference lists.

Layout (one small file per thing, so a pull request touches one file):

    data/reference/relevant-agency-schedule.yml
    data/reference/arrangements-checklist.yml
    data/reference/yearly-report-checklist.yml
    data/partnerships/<id>/arrangements/<version>.yml
    data/partnerships/<id>/reports/<yyyy-yy>.yml
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from arrangements.data.fields import Record
from arrangements.data.load import Document, read_document
from arrangements.data.model import Arrangements, Group
from arrangements.data.paths import LINK_HINT, duplicate_stems, id_problem, link_problem, shown
from arrangements.data.problems import ProblemList
from arrangements.data.reference import Checklist, Schedule
from arrangements.data.schema import describe, validate_document, validate_partial

# Why `\Z`: `$` also matches before a final newline (a folder name can end in one).
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\Z")
VERSION_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.-]*\Z")
T = TypeVar("T")


@dataclass
class Version:
    """One file of arrangements: a partnership as agreed (or proposed) at one time."""

    id: str
    arrangements: Arrangements
    doc: Document
    source_path: str

    @property
    def label(self) -> str:
        return self.arrangements.title or f"Arrangements {self.id}"


@dataclass
class Partnership:
    id: str
    versions: list[Version] = field(default_factory=list)
    reports: dict[str, Any] = field(default_factory=dict)

    @property
    def current(self) -> Version:
        """The version in force; if none is (e.g. only a proposal exists), the newest."""
        # Why a loop, not a list: every renderer asks, thousands of times per build.
        for version in reversed(self.versions):
            if version.arrangements.status == "in-force":
                return version
        return self.versions[-1]

    @property
    def data(self) -> Arrangements:
        return self.current.arrangements

    def group(self, group_id: str) -> Group | None:
        return next((g for g in self.data.groups if g.id == group_id), None)


@dataclass
class Dataset:
    root: Path
    partnerships: dict[str, Partnership] = field(default_factory=dict)
    schedule: Schedule | None = None
    checklists: dict[str, Checklist] = field(default_factory=dict)
    problems: ProblemList = field(default_factory=ProblemList)
    # Partnerships whose files exist but have errors: references to them are
    # not reported again, so one typo does not cascade into many messages.
    unloaded: set[str] = field(default_factory=set)
    # Versions with shape errors, read with the broken parts blanked: never
    # published, only checked, so one run reports every problem in a file.
    partial: list[tuple[Partnership, Version]] = field(default_factory=list)
    # Where this build wrote the PDF and Word files (<documents>/<id>/documents/<stem>.pdf), so the
    # pages link to them with their real sizes; None when it made none (a quick preview): no links.
    documents: Path | None = None
    # Why: some facts are asked for by every page (news posts, Git dates); they
    # are worked out once per build. They come from outside the data folder, so
    # a build that reuses an unchanged dataset (`mkdocs serve`) forgets them.
    _memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.problems.errors

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """`compute()`, worked out once per build of this dataset."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def new_build(self) -> None:
        """Forget the facts memoised for the last build: a news post may have been added since."""
        self._memo.clear()

    def resolve_group(self, partnership_id: str, ref: str) -> tuple[str, Group | None]:
        """(`partnership id`, group) for `executive` or `hips/executive`."""
        owner, _, group_id = ref.rpartition("/")
        owner = owner or partnership_id
        partnership = self.partnerships.get(owner)
        return owner, partnership.group(group_id) if partnership else None


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent if root.name == "data" else root))
    except ValueError:
        return str(path)


def _load(path: Path, root: Path, model: type[Record], problems: ProblemList) -> tuple[Any, Document]:
    if reason := link_problem(path, root):
        problems.add(_display(path, root), 1, 1, reason, LINK_HINT)
        return None, Document(_display(path, root))
    doc = read_document(path, _display(path, root), problems)
    return validate_document(doc, model, problems), doc


# Why: report models live with the report feature; the dataset only needs a hook.
REPORT_MODEL: type[Record] | None = None


def read_dataset(root: Path) -> Dataset:
    """Read and shape-check everything under `root`; `validate.load_dataset` adds the checks of meaning."""
    dataset = Dataset(root)
    problems = dataset.problems
    reference = root / "reference"
    schedule_path = reference / "relevant-agency-schedule.yml"
    if schedule_path.exists():
        dataset.schedule, _ = _load(schedule_path, root, Schedule, problems)
    for name in ("arrangements", "yearly-report"):
        path = reference / f"{name}-checklist.yml"
        if path.exists():
            checklist, _ = _load(path, root, Checklist, problems)
            if checklist:
                dataset.checklists[name] = checklist
    folder = root / "partnerships"
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.name.startswith(".") or not path.is_dir():
            continue
        _load_partnership(dataset, path)
    return dataset


def _load_partnership(dataset: Dataset, path: Path) -> None:
    problems, root = dataset.problems, dataset.root
    display = _display(path, root)
    link = link_problem(path, root)
    if wrong := id_problem(path.name) or (link and (link, LINK_HINT)):
        problems.add(shown(display), 1, 1, *wrong)  # a newline in a name must not break the report
        dataset.unloaded.add(path.name)
        return
    files = sorted((path / "arrangements").glob("*.yml")) + sorted((path / "arrangements").glob("*.yaml"))
    duplicates = duplicate_stems(files)
    for same in duplicates.values():
        names = " and ".join(f.name for f in same)
        for file in same:
            problems.add(_display(file, root), 1, 1, f"two files for one version: {names}",
                         "keep one of them (use .yml), or rename one to another version")
        files = [f for f in files if f not in same]
    if not files and not duplicates:
        problems.add(display, 1, 1, "this partnership has no arrangements file",
                     f"add {display}/arrangements/<year>.yml (run `make new-partnership ID={path.name}`)")
        return
    partnership = Partnership(path.name)
    for file in sorted(files, key=lambda f: f.stem):
        if wrong := id_problem(file.stem, "version name", version=True):
            problems.add(shown(_display(file, root)), 1, 1, *wrong)
            continue
        doc = read_document(file, _display(file, root), problems)
        model, whole = validate_partial(doc, Arrangements, problems)
        if model is not None and whole:
            partnership.versions.append(Version(file.stem, model, doc, doc.path))
        elif model is not None:
            dataset.partial.append((partnership, Version(file.stem, model, doc, doc.path)))
    for file in sorted((path / "reports").glob("*.yaml")):
        problems.add(_display(file, root), 1, 1, "a report file must end in .yml",
                     f"rename it to {file.stem}.yml (a .yaml report would not be published)")
    for file in sorted((path / "reports").glob("*.yml")) if REPORT_MODEL else []:
        if wrong := id_problem(file.stem, "report file name", version=True):
            problems.add(shown(_display(file, root)), 1, 1, *wrong)
            continue
        report, _ = _load(file, root, REPORT_MODEL, problems)
        if report is not None:
            partnership.reports[file.stem] = report
    if partnership.versions:
        dataset.partnerships[partnership.id] = partnership
    else:
        dataset.unloaded.add(partnership.id)


def add_problem(dataset: Dataset, version: Version, loc: tuple, message: str, hint: str = "", *, key: bool = False,
         severity: str = "error") -> None:
    line, column = version.doc.mark(loc, key=key)
    dataset.problems.add(version.source_path, line, column, message, hint,
                         where=describe(loc, version.doc.data), severity=severity)
