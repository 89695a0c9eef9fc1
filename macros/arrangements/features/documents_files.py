"""Make the PDF and Word files of a batch of documents: from the cache, or with one pandoc process.

A document's files are taken from the cache when the same recipe (everything
that decides their bytes) made them before. The rest are converted together:
one pandoc process turns every missing document's HTML into Typst markup and
into Word (documents.lua), then Typst writes each PDF and python-docx
finishes each Word file, and copies are kept in the cache.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from arrangements.features.documents import Document, convert
from arrangements.features.documents_pdf import compile_pdf, pdf_recipe, typst_fields
from arrangements.features.documents_word import finish_word, word_fields

CODE = ("documents.py", "documents_pdf.py", "documents_word.py", "documents_files.py", "documents.lua",
        "documents.typ")
TOOLS = ("typst", "pypandoc_binary", "pikepdf", "python-docx", "markdown", "pymdown-extensions")


@dataclass
class _Missing:
    doc: Document
    path: Path
    kept: Path | None   # where the cache keeps it, once made


def make_documents(documents: list[tuple[Document, Path]], cache: Path | None) -> list[Path]:
    """Write each document's PDF and Word file into its folder (`<folder>/<stem>.pdf|.docx`)."""
    written: list[Path] = []
    pdfs: list[_Missing] = []
    words: list[_Missing] = []
    for doc, folder in documents:
        folder.mkdir(parents=True, exist_ok=True)
        pdf, word = folder / f"{doc.stem}.pdf", folder / f"{doc.stem}.docx"
        written += [pdf, word]
        kept = kept_at(cache, f"pdf {tool_versions()} {pdf_recipe(doc)}", pdf)
        if not reuse(kept, pdf):
            pdfs.append(_Missing(doc, pdf, kept))
        # (the whole Document: the Word file's title block and footer come from its fields, not only the HTML)
        kept = kept_at(cache, f"docx {tool_versions()} {doc!r}", word)
        if not reuse(kept, word):
            words.append(_Missing(doc, word, kept))
    if pdfs or words:
        _make(pdfs, words)
    return written


def _make(pdfs: list[_Missing], words: list[_Missing]) -> None:
    with tempfile.TemporaryDirectory(prefix="documents-") as name:
        work = Path(name)
        # One job a document: pandoc reads its HTML once for both files.
        jobs: dict[Path, dict[str, object]] = {}
        for number, one in enumerate(pdfs):
            jobs.setdefault(one.path.with_suffix(""), _job(one.doc)).update(typst_fields(work / f"{number}.typ"))
        for one in words:
            jobs.setdefault(one.path.with_suffix(""), _job(one.doc)).update(word_fields(one.doc, one.path, work))
        convert(list(jobs.values()))
        for number, one in enumerate(pdfs):
            compile_pdf(one.doc, work / f"{number}.typ", one.path)
            keep(one.kept, one.path)
        for one in words:
            finish_word(one.doc, one.path)
            keep(one.kept, one.path)


def _job(doc: Document) -> dict[str, object]:
    return {"name": doc.stem, "html": f"<body>{doc.body}</body>", "typst": "", "docx": ""}


def kept_at(cache: Path | None, recipe: str, path: Path) -> Path | None:
    """Where the cache keeps the file that `recipe` makes (None without a cache).

    Why a cache: most builds change few documents. The recipe is everything that decides the file's bytes:
    the HTML, the page design, the code and the tools' versions.
    """
    if cache is None:
        return None
    return cache / f"{hashlib.sha256(recipe.encode('utf-8')).hexdigest()}{path.suffix}"


def reuse(kept: Path | None, path: Path) -> bool:
    """Copy the file from the cache when the same recipe made it before; False when it must be made."""
    if kept is None or not kept.exists():
        return False
    shutil.copyfile(kept, path)
    os.utime(kept)  # Why: marks it as used by this build, so pruning keeps it
    return True


def keep(kept: Path | None, path: Path) -> None:
    """A copy of a file just made, in the cache."""
    if kept is None:
        return
    kept.parent.mkdir(parents=True, exist_ok=True)
    partial = kept.with_name(f".{kept.name}.{os.getpid()}")
    shutil.copyfile(path, partial)
    partial.replace(kept)  # Why: another worker may be writing the same file


@functools.cache
def tool_versions() -> str:
    """The tools' versions and a digest of the code that writes the files: part of every recipe."""
    code = hashlib.sha256(b"".join(Path(__file__).with_name(name).read_bytes() for name in CODE)).hexdigest()
    return " ".join([*(f"{name}={_version_of(name)}" for name in TOOLS), code[:12]])


def _version_of(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "none"  # (the tool's own error, when it is needed, says what to do)
