"""Build the site strictly into a temporary folder, then swap it into place.

Why: a failed build must never leave a half-written or mixed site/ that
could be deployed. The old site/ stays untouched unless the whole build
succeeds; the swap is two renames on the same disk. The PDF and Word
documents (`python -m arrangements documents`) are part of the build: they
are written at the same time as the pages, into <id>/documents/, and a
build that cannot make them fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def _pages_and_documents(staging: Path, papers: Path, extra: list[str],
                         documents: bool) -> tuple[subprocess.CompletedProcess[str], int]:
    """Build the pages and write the documents at the same time; the pages' result and the documents' status.

    Why at the same time: the PDF and Word files do not need the site, and the page build is single-threaded.
    The documents' output is shown only once the pages have built (else data problems would show twice).
    """
    data = ["--data", os.environ["ARRANGEMENTS_DATA"]] if os.environ.get("ARRANGEMENTS_DATA") else []
    with tempfile.TemporaryFile("w+") as log:
        writer = subprocess.Popen([sys.executable, "-m", "arrangements", "documents", "--out", str(papers), *data],
                                  stdout=log, stderr=subprocess.STDOUT, text=True) if documents else None
        result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging),
                                 *extra])
        status = writer.wait() if writer else 0
        log.seek(0)
        report = log.read().strip()
    if result.returncode == 0 and report:
        print(report, file=sys.stderr if status else sys.stdout)
    return result, status


def build(out: Path, extra: list[str], documents: bool = True) -> int:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    papers = Path(tempfile.mkdtemp(prefix=f".{out.name}-documents-", dir=out.parent))
    result, papers_status = _pages_and_documents(staging, papers, extra, documents)
    if result.returncode != 0 or papers_status != 0:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(papers, ignore_errors=True)
        what = "The build failed" if result.returncode else "The documents (PDF and Word) could not be made"
        print(f"{what}, so {out} was left as it was. Fix the problems above and build again.", file=sys.stderr)
        return result.returncode or papers_status
    for folder in sorted(papers.glob("*/documents")):
        target = staging / folder.parent.name
        target.mkdir(exist_ok=True)
        folder.rename(target / "documents")
    shutil.rmtree(papers, ignore_errors=True)
    previous = out.with_name(f".{out.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if out.exists():
        out.rename(previous)
    staging.rename(out)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Built {out}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("site"))
    parser.add_argument("--no-documents", action="store_true", help="skip the PDF and Word files (quicker)")
    args, extra = parser.parse_known_args()
    return build(args.out, extra, documents=not args.no_documents)


if __name__ == "__main__":
    raise SystemExit(main())
