"""`python -m arrangements documents`: write every document, in parallel, reusing unchanged ones.

The documents themselves are composed and written in documents.py; this
module decides which to make, runs them side by side (the workers share the
loaded data), keeps a cache keyed by everything that decides a file's bytes,
and turns any failure into one line that says what to do.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from arrangements import REPO
from arrangements.commands import command
from arrangements.data.dataset import Dataset
from arrangements.features.documents import DocumentError, arrangements_document, yearly_report_document
from arrangements.features.documents_files import make_documents
from arrangements.features.documents_pdf import check_tools
from arrangements.rendering.text import file_link

# --- The command ---------------------------------------------------------------------

def _arguments(parser: argparse.ArgumentParser) -> None:
    from arrangements.commands import DEFAULT_DATA

    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the data folder (default: data/)")
    parser.add_argument("--only", metavar="ID", help="one partnership's documents only")
    parser.add_argument("--out", type=Path, required=True, help="where to write <ID>/documents/")
    parser.add_argument("--jobs", type=int, default=JOBS, help="documents written at the same time (default: up to 4)")
    parser.add_argument("--cache", type=Path, default=CACHE,
                        help="reuse files whose content has not changed from here (default: .cache/documents)")
    parser.add_argument("--no-cache", dest="cache", action="store_const", const=None, help="always write afresh")


def _write_batch(tasks: list[tuple[str, str, str | None]]) -> list[Path]:
    dataset, out, cache = _WORK
    documents = [(arrangements_document(dataset, pid, key) if kind == "arrangements"
                  else yearly_report_document(dataset, pid, key or ""), out / pid / "documents")
                 for pid, kind, key in tasks]
    return make_documents(documents, cache)


def _warm_up() -> None:
    """Load Typst and python-docx once, before the workers fork, so each worker does not load them again."""
    try:
        import docx  # noqa: F401
        import typst  # noqa: F401
    except ImportError:
        return  # the worker that needs the tool says what is missing


# ARRANGEMENTS_DOCUMENTS_CACHE moves it (the benchmark starts from an empty one).
CACHE = Path(os.environ.get("ARRANGEMENTS_DOCUMENTS_CACHE") or REPO / ".cache"
             / "documents")
_WORK: tuple[Dataset, Path, Path | None] = (None, Path(), None)  # type: ignore[assignment]  # set before forking
JOBS = min(4, os.cpu_count() or 1)
BATCH = 16


def build(dataset: Dataset, out: Path, only: str | None = None, jobs: int = 1,
          cache: Path | None = None, prune: bool = False) -> list[Path]:
    """Every document of every partnership (or one), written in parallel when `jobs` > 1.

    `prune`: remove from the cache what this build did not use; only for a build of the whole site
    (a preview or `ONLY=` uses only some of the files).
    """
    global _WORK
    if only and only not in dataset.partnerships:
        raise DocumentError(f"no partnership called '{only}' (known: {', '.join(sorted(dataset.partnerships))})")
    tasks = [(pid, "arrangements", version.id) for pid in ([only] if only else sorted(dataset.partnerships))
             for version in dataset.partnerships[pid].versions]
    tasks += [(pid, "report", year) for pid in ([only] if only else sorted(dataset.partnerships))
              for year in sorted(dataset.partnerships[pid].reports)]
    # Why: a document never links to documents (the pages rendered into it would, after a first build),
    # and its bytes, so its cache key, must not depend on the sizes of other files.
    dataset.documents = None
    _WORK = (dataset, out, cache)
    started = time.time()
    if tasks:
        check_tools()  # Why now: not after minutes of work
    written = _write_batch(tasks) if jobs <= 1 or len(tasks) <= 1 else _in_parallel(tasks, jobs, cache)
    if cache is not None and prune and not only:
        _prune(cache, started)
    return written


def _prune(cache: Path, started: float) -> None:
    """Remove the cached files this build did not use: the documents of data that has since changed."""
    for kept in cache.glob("*.*"):
        if kept.stat().st_mtime < started - 1:
            kept.unlink(missing_ok=True)


def _in_parallel(tasks: list[tuple[str, str, str | None]], jobs: int, cache: Path | None) -> list[Path]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Why fork: the workers share the loaded data, and the tools loaded once here, instead of loading them again.
    if cache is None or not any(cache.glob("*.pdf")):
        _warm_up()  # (a build that finds a filled cache mostly copies: no tool is needed then)
    # Why batches of about sixteen: each batch starts pandoc once (measured: 16 a batch is 9% quicker than 8,
    # and 32 is 10% slower: with fewer, larger batches one worker waits for the other at the end).
    count = min(len(tasks), max(jobs * 3, -(-len(tasks) // BATCH)))
    batches = [tasks[start::count] for start in range(count)]
    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
    try:
        return [path for paths in pool.map(_write_batch, batches) for path in paths]
    finally:
        # Why cancel: after a failure the build stops now, not once every other document is written.
        pool.shutdown(cancel_futures=True)


def one_line(error: Exception) -> str:
    """What went wrong, in one line: a DocumentError already says what to do; anything else is named."""
    if isinstance(error, DocumentError):
        return str(error)
    first = (str(error).strip().splitlines() or [""])[0]
    return f"could not write the documents ({type(error).__name__}: {first})"


@command("documents", "write each partnership's arrangements and yearly reports as PDF and Word files", _arguments)
def documents_command(args: argparse.Namespace) -> int:
    from arrangements.commands import load_or_report

    started = time.perf_counter()
    dataset, status = load_or_report(args.data)
    if status:
        print("documents: the data has errors (listed above); no documents were written.", file=sys.stderr)
        return 1
    try:
        written = build(dataset, args.out, args.only, args.jobs, args.cache, prune=not args.only)
    except Exception as error:  # noqa: BLE001  Why: a build must end with one clear line, never a traceback
        print(f"documents: {one_line(error)}", file=sys.stderr)
        return 1
    size = sum(path.stat().st_size for path in written)
    pdfs = sum(1 for path in written if path.suffix == ".pdf")
    print(f"wrote {pdfs} documents as PDF and Word ({len(written)} files, {size / 1024:,.0f} KB) into {args.out} "
          f"in {time.perf_counter() - started:.1f} s")
    return 0


# --- Links from the pages ---------------------------------------------------------------

MEDIA_TYPES = (("pdf", "PDF", "application/pdf"),
               ("docx", "Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))


def file_size(size: int) -> str:
    """A file size the way GOV.UK writes it for attachments: 240 KB, 1.2 MB."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def download_links(folder: Path, stem: str, what: str, href: str) -> list[str]:
    """Markdown list items linking a page to its documents, with format and size in the link text.

    `folder` holds the written files (`<docs>/<pid>/documents`), `stem` names them (`arrangements-2024`),
    `what` says what they are ("the arrangements"; data text is welcome, it is shown as plain words),
    `href` is the path from the page's Markdown file to `folder`. The files sit in the engine's docs folder,
    so a Markdown link is checked and rewritten by the engine like any other link. Only files that exist
    are linked, with the size they have: [] for a document that was not made.
    """
    items = []
    for suffix, kind, media_type in MEDIA_TYPES:
        path = folder / f"{stem}.{suffix}"
        if path.exists():
            words = f"Download {what} ({kind}, {file_size(path.stat().st_size)})"
            items.append(f"- {file_link(words, f'{href}{stem}.{suffix}', media_type)}")
    return items


def downloads(dataset: Dataset, pid: str, stem: str, what: str, page_uri: str) -> list[str]:
    """The download links of one document for the page at `page_uri` (`<pid>/...`), from the files this build
    wrote; none when it wrote none (`generate --no-documents`): never a link to a missing file or a wrong size."""
    if dataset.documents is None:
        return []
    href = "../" * (page_uri.count("/") - 1) + "documents/"
    return download_links(dataset.documents / pid / "documents", stem, what, href)


def download_section(dataset: Dataset, pid: str, documents: list[tuple[str, str]], page_uri: str, intro: str,
                     heading: str | None = "## Download {#download}") -> list[str]:
    """A page's links to PDF and Word files, (file stem, what it is) each, with format and size in the link
    text; nothing when the build made no documents. (The class: a printed page leaves the links out.)"""
    items = [item for stem, what in documents for item in downloads(dataset, pid, stem, what, page_uri)]
    if not items:
        return []
    return ['<div class="downloads" markdown>', "", *([heading, ""] if heading else []), intro, "", *items, "",
            "</div>", ""]
