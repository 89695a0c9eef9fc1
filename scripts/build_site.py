"""Build the site strictly into a temporary folder, then swap it into place.

How: `arrangements generate` writes every page the data makes as Markdown
(with its engine config), the engine (MkDocs by default, or Zensical with
--engine zensical) builds from those files, and each page gets its
Content-Security-Policy (the hashes of the theme's inline scripts).

Why: a failed build must never leave a half-written or mixed site/ that
could be deployed. The old site/ stays untouched unless the whole build
succeeds; the swap is two renames on the same disk. The PDF and Word
documents (`python -m arrangements documents`) are part of the build: they
are written at the same time as the pages, into <id>/documents/, and a
build that cannot make them fails.

Leftovers: a build that is stopped (Ctrl-C, `kill`) removes its staging
folders; one that is killed outright cannot, so each build first removes
staging folders whose build is no longer running (their process id is in
the name). The published folder gets ordinary permissions (folders 0755,
files 0644): a temporary folder is created private (0700), and a web server
running as another user would answer 403.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "macros"))


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: leave its folder alone
    return True


def remove_stale(out: Path) -> list[Path]:
    """Staging folders left by builds that were killed; returns what was removed."""
    removed = []
    pattern = re.compile(rf"\.{re.escape(out.name)}-(building|documents)-(\d+)-")
    for folder in [*out.parent.glob(f".{out.name}-building-*"), *out.parent.glob(f".{out.name}-documents-*")]:
        match = pattern.match(folder.name)
        if folder.is_dir() and not folder.is_symlink() and (match is None or not _running(int(match.group(2)))):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def ordinary_permissions(folder: Path) -> None:
    """Folders 0755, files 0644, whatever the umask or mkdtemp chose."""
    folder.chmod(0o755)
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o755)
        for name in files:
            os.chmod(os.path.join(root, name), 0o644)


ZENSICAL = Path(sys.executable).parent / "zensical"


def _engine_command(engine: str, config: Path, staging: Path) -> list[str]:
    if engine == "zensical":
        return [str(ZENSICAL), "build", "--strict", "-f", str(config)]
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(staging)]


def _generate(staging: Path, sources: Path, config: Path) -> int:
    """Write the pages the data makes (see macros/arrangements/engines/generate.py); 0 when the data is good."""
    data = ["--data", os.environ["ARRANGEMENTS_DATA"]] if os.environ.get("ARRANGEMENTS_DATA") else []
    only = ["--only", os.environ["ARRANGEMENTS_ONLY"]] if os.environ.get("ARRANGEMENTS_ONLY") else []
    return subprocess.run([sys.executable, "-m", "arrangements", "generate", "--out", str(sources), "--config",
                           str(config), "--site-dir", str(staging), *data, *only]).returncode


def _pages_and_documents(staging: Path, papers: Path, engine: str,
                         documents: bool) -> tuple[int, int]:
    """Generate, build the pages and write the documents; the pages' status and the documents' status.

    Why the documents at the same time: they do not need the site, and the page build is single-threaded.
    The documents' output is shown only once the pages have built (else data problems would show twice).
    """
    data = ["--data", os.environ["ARRANGEMENTS_DATA"]] if os.environ.get("ARRANGEMENTS_DATA") else []
    sources = REPO / ".generated" / f"build-{os.getpid()}"
    # Why beside mkdocs.yml: the engine config inherits it, and the theme folder is found from there.
    config = REPO / f".mkdocs.build-{os.getpid()}.yml"
    try:
        # Why: Zensical writes only inside the project folder; its output is moved into staging after.
        engine_site = REPO / ".generated" / f"site-{os.getpid()}" if engine == "zensical" else staging
        if status := _generate(engine_site, sources, config):
            return status, 0
        with tempfile.TemporaryFile("w+") as log:
            writer = subprocess.Popen([sys.executable, "-m", "arrangements", "documents", "--out", str(papers),
                                       *data], stdout=log, stderr=subprocess.STDOUT, text=True) if documents else None
            try:
                result = subprocess.run(_engine_command(engine, config, staging), cwd=REPO)
                status = writer.wait() if writer else 0
            finally:
                if writer and writer.poll() is None:
                    writer.kill()
            log.seek(0)
            report = log.read().strip()
        if result.returncode == 0 and engine_site != staging:
            shutil.rmtree(staging)
            shutil.move(engine_site, staging)
    finally:
        shutil.rmtree(sources, ignore_errors=True)
        config.unlink(missing_ok=True)
        if engine == "zensical":
            shutil.rmtree(REPO / ".generated" / f"site-{os.getpid()}", ignore_errors=True)
    if result.returncode == 0 and report:
        print(report, file=sys.stderr if status else sys.stdout)
    if result.returncode == 0:
        secure_pages(staging)
        from arrangements.features.news import write_news_sitemap

        write_news_sitemap(staging)  # the theme asks for news/sitemap.xml on every page
    return result.returncode, status


def secure_pages(site: Path) -> None:
    """Every page gets its Content-Security-Policy with the hashes of the theme's inline scripts."""
    from arrangements.engines import csp

    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        secured = csp.apply(text)
        if secured != text:
            page.write_text(secured, encoding="utf-8")


def build(out: Path, engine: str = "mkdocs", documents: bool = True) -> int:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    for folder in remove_stale(out):
        print(f"Removed {folder.name}, left by a build that was stopped.", file=sys.stderr)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-{os.getpid()}-", dir=out.parent))
    papers = Path(tempfile.mkdtemp(prefix=f".{out.name}-documents-{os.getpid()}-", dir=out.parent))
    try:
        pages_status, papers_status = _pages_and_documents(staging, papers, engine, documents)
        if pages_status != 0 or papers_status != 0:
            what = "The build failed" if pages_status else "The documents (PDF and Word) could not be made"
            print(f"{what}, so {out} was left as it was. Fix the problems above and build again.", file=sys.stderr)
            return pages_status or papers_status
        for folder in sorted(papers.glob("*/documents")):
            target = staging / folder.parent.name
            target.mkdir(exist_ok=True)
            folder.rename(target / "documents")
        ordinary_permissions(staging)
        previous = out.with_name(f".{out.name}-previous")
        shutil.rmtree(previous, ignore_errors=True)
        if out.exists():
            out.rename(previous)
        staging.rename(out)
        shutil.rmtree(previous, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already after a good build
        shutil.rmtree(papers, ignore_errors=True)
    print(f"Built {out}")
    return 0


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)  # unwinds through `finally`, which removes the staging folders


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("site"))
    parser.add_argument("--no-documents", action="store_true", help="skip the PDF and Word files (quicker)")
    parser.add_argument("--engine", choices=("mkdocs", "zensical"), default="mkdocs",
                        help="the site engine: MkDocs (Material) or Zensical, Material's successor")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, _stop)
    try:
        return build(args.out, args.engine, documents=not args.no_documents)
    except KeyboardInterrupt:
        print("Stopped: the site was left as it was.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
