"""`make check` (`arrangements check`): every partnership against the statutory checklists.

Prints what is covered, to be confirmed or missing, and the yearly reports'
deadlines; `--format json` for tools, `--format github` for annotations on a
pull request. The checks themselves are in checklist.py.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from arrangements.commands import DEFAULT_DATA, command, load_or_report
from arrangements.data.dataset import Dataset
from arrangements.data.load import Document
from arrangements.data.problems import Problem
from arrangements.features.checklist import (
    COVERED,
    MISSING,
    TBC,
    check_report,
    check_version,
    deadlines,
)
from arrangements.features.report import report_document, report_path


def full_report(dataset: Dataset, today: date) -> list[dict[str, Any]]:
    """Everything the checker found, as plain data (the JSON output)."""
    blocks: list[dict[str, Any]] = []
    for partnership in dataset.partnerships.values():
        for version in partnership.versions:
            current = " (current)" if version is partnership.current else ""
            blocks.append({"partnership": partnership.id, "kind": "arrangements", "version": version.id,
                           "current": version is partnership.current, "path": version.source_path,
                           "title": f"{version.arrangements.name}: {version.label}{current}",
                           "results": [asdict(r) for r in check_version(dataset, partnership, version)]})
        for year, report in sorted(partnership.reports.items()):
            if report.covers == "adults":
                continue  # the Care Act 2014 applies, not Working Together
            found = deadlines(report, today)
            blocks.append({"partnership": partnership.id, "kind": "report", "year": year, "sample": report.sample,
                           "path": report_path(dataset, partnership.id, year),
                           "title": f"{partnership.data.name}: yearly report {year}",
                           "results": [asdict(r) for r in check_report(dataset, partnership, year)],
                           "deadlines": [{**asdict(d), "due": d.due and d.due.isoformat(),
                                          "done": d.done and d.done.isoformat()} for d in found]})
    return blocks


def annotations(dataset: Dataset, blocks: list[dict[str, Any]]) -> Iterator[Problem]:
    """Each gap and missed deadline as a warning on the line of the data file that needs it."""
    for block in blocks:
        for result in block["results"]:
            if result["status"] != COVERED:
                yield Problem(result["path"], result["line"], 1, f"{result['title']}: {result['status']}",
                              result["detail"], severity="warning")
        docs: dict[str, Document] = {}
        for deadline in block.get("deadlines", []):
            if deadline["status"] in ("late", "overdue"):
                doc = docs.setdefault(block["path"], report_document(dataset, block["partnership"], block["year"]))
                line = doc.mark((deadline["key"],), key=True)[0]
                yield Problem(block["path"], line, 1, f"{deadline['what']}: {deadline['status']}",
                              f"due {deadline['due'] or '7 days after publication'}", severity="warning")


def _text_output(blocks: list[dict[str, Any]]) -> None:
    for block in blocks:
        counts = {s: sum(1 for r in block["results"] if r["status"] == s) for s in (COVERED, TBC, MISSING)}
        print(f"\n{block['title']} ({block['path']})\n  {counts[COVERED]} covered, {counts[TBC]} to be confirmed, "
              f"{counts[MISSING]} missing")
        for result in block["results"]:
            if result["status"] != COVERED:
                print(f"  [{result['status']}] {result['title']} (line {result['line']}). {result['detail']}")
        for deadline in block.get("deadlines", []):
            due = deadline["due"] or "7 days after publication"
            print(f"  [deadline: {deadline['status']}] {deadline['what']}, due {due}")


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder (default: data/)")
    parser.add_argument("--format", choices=["text", "json", "github"], default="text",
                        help="text for people, json for tools, github for pull-request annotations")
    parser.add_argument("--today", type=date.fromisoformat, default=None,
                        help="judge deadlines as on this date, YYYY-MM-DD (default: today)")


@command("check", "check arrangements and yearly reports against the statutory checklists", _check_arguments)
def check_command(args: argparse.Namespace) -> int:
    """Exit 0 with gaps (they are published honestly); 1 only when the data itself is invalid."""
    dataset, status = load_or_report(args.data, stream=sys.stderr if args.format == "json" else sys.stdout)
    if status:
        return status
    blocks = full_report(dataset, args.today or date.today())
    if args.format == "json":
        json.dump(blocks, sys.stdout, indent=2, ensure_ascii=False)
        print()
    elif args.format == "github":
        for problem in annotations(dataset, blocks):
            print(problem.annotation())
    else:
        _text_output(blocks)
    return 0


# --- Public page -----------------------------------------------------------------------
