"""The `arrangements` subcommands: a registry, and the ones about the data itself.

Every subcommand prints problems as `file:line:column: message — what to do`
and, in GitHub Actions (or with CI=true), also as `::error` annotations so a
pull request shows them on the exact line.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from arrangements import REPO
from arrangements.data.dataset import Dataset
from arrangements.data.problems import Problem
from arrangements.data.validate import load_dataset

DEFAULT_DATA = REPO / "data"
SCHEMA_PATH = REPO / "schema" / "arrangements.schema.json"

Command = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[str, Command, Callable[[argparse.ArgumentParser], None]]] = {}


def command(name: str, help_text: str, arguments: Callable[[argparse.ArgumentParser], None] = lambda p: None):
    """Register a subcommand; feature modules add theirs the same way."""

    def register(func: Command) -> Command:
        COMMANDS[name] = (help_text, func, arguments)
        return func

    return register


def annotations_wanted() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true" or os.environ.get("CI", "").lower() == "true"


def print_problems(problems: list[Problem], *, annotate: bool | None = None, stream=sys.stdout) -> None:
    annotate = annotations_wanted() if annotate is None else annotate
    for problem in problems:
        print(problem, file=stream)
    if annotate:
        for problem in problems:
            print(problem.annotation(), file=stream)


def load_or_report(data: Path, stream=sys.stdout) -> tuple[Dataset, int]:  # noqa: ANN001 - a text stream
    """The data, with every problem printed (to `stream`: stderr when stdout carries JSON).

    Commands run through `cli.main`, which has imported every feature, so the
    dataset holds the features' records (reports) and checks.
    """
    dataset = load_dataset(data)
    problems = dataset.problems.sorted()
    print_problems(problems, stream=stream)
    errors = [p for p in problems if p.severity == "error"]
    return dataset, 1 if errors else 0


def _data_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder (default: data/)")


@command("validate", "check every data file and report all problems at once", _data_arg)
def validate(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    dataset, status = load_or_report(args.data)
    errors = len(dataset.problems.errors)
    warnings = len(dataset.problems) - errors
    versions = sum(len(p.versions) for p in dataset.partnerships.values())
    elapsed = time.perf_counter() - started
    if status:
        print(f"{errors} error(s), {warnings} warning(s) in the data. Nothing was published.", file=sys.stderr)
    else:
        print(f"OK: {len(dataset.partnerships)} partnerships, {versions} versions of arrangements checked "
              f"in {elapsed:.2f} s ({warnings} warning(s)).")
    return status


@command("schema", "write schema/arrangements.schema.json from the model")
def schema(args: argparse.Namespace) -> int:
    from arrangements.data.schema import schema_text

    SCHEMA_PATH.parent.mkdir(exist_ok=True)
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH.relative_to(REPO)}")
    return 0
