"""Build the site strictly into a temporary folder, then swap it into place.

How: `arrangements generate` writes every page the data makes as Markdown
(with its engine config), the engine (MkDocs by default, or Zensical with
--engine zensical) builds from those files, and each page gets its
Content-Security-Policy (the hashes of the theme's inline scripts).

Why: a failed build must never leave a half-written or mixed site/ that
could be deployed. The old site/ stays untouched unless the whole build
succeeds; the swap is two renames on the same disk. The PDF and Word
documents are part of the build: `generate` makes them first (unchanged ones
from .cache/documents) and puts them among the pages' sources, in
<id>/documents/, so the pages link to them with their sizes and the engine
copies them; a build that cannot make them fails. --no-documents skips them.

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


# Why: Material prints a long notice about MkDocs 2.0 on every build; this project's answer to it is
# Zensical (docs/architecture.md), and a notice in every log hides the lines that matter.
ENGINE_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _engine_command(engine: str, config: Path, staging: Path) -> list[str]:
    if engine == "zensical":
        return [str(ZENSICAL), "build", "--strict", "-f", str(config)]
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "--site-dir", str(staging)]


def _generate(staging: Path, sources: Path, config: Path, documents: bool) -> int:
    """Write the documents, then the pages the data makes (see macros/arrangements/engines/generate.py);
    0 when the data is good and every document could be made."""
    data = ["--data", os.environ["ARRANGEMENTS_DATA"]] if os.environ.get("ARRANGEMENTS_DATA") else []
    only = ["--only", os.environ["ARRANGEMENTS_ONLY"]] if os.environ.get("ARRANGEMENTS_ONLY") else []
    return subprocess.run([sys.executable, "-m", "arrangements", "generate", "--out", str(sources), "--config",
                           str(config), "--site-dir", str(staging), *data, *only,
                           *([] if documents else ["--no-documents"])]).returncode


def _pages(staging: Path, engine: str, documents: bool) -> int:
    """Generate (the documents first, so the pages link to them with their sizes), then build the pages."""
    sources = REPO / ".generated" / f"build-{os.getpid()}"
    # Why beside mkdocs.yml: the engine config inherits it, and the theme folder is found from there.
    config = REPO / f".mkdocs.build-{os.getpid()}.yml"
    try:
        # Why: Zensical writes only inside the project folder; its output is moved into staging after.
        engine_site = REPO / ".generated" / f"site-{os.getpid()}" if engine == "zensical" else staging
        if status := _generate(engine_site, sources, config, documents):
            return status
        result = subprocess.run(_engine_command(engine, config, staging), cwd=REPO, env=ENGINE_ENV)
        if result.returncode == 0 and engine_site != staging:
            shutil.rmtree(staging)
            shutil.move(engine_site, staging)
    finally:
        shutil.rmtree(sources, ignore_errors=True)
        config.unlink(missing_ok=True)
        if engine == "zensical":
            shutil.rmtree(REPO / ".generated" / f"site-{os.getpid()}", ignore_errors=True)
    if result.returncode == 0:
        from arrangements.engines.finish import finish

        finish(staging)  # each page's security policy; news/sitemap.xml, which the theme asks for
    return result.returncode


def build(out: Path, engine: str = "mkdocs", documents: bool = True) -> int:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    for folder in remove_stale(out):
        print(f"Removed {folder.name}, left by a build that was stopped.", file=sys.stderr)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-{os.getpid()}-", dir=out.parent))
    try:
        if status := _pages(staging, engine, documents):
            print(f"The build failed, so {out} was left as it was. Fix the problems above and build again.",
                  file=sys.stderr)
            return status
        ordinary_permissions(staging)
        previous = out.with_name(f".{out.name}-previous")
        shutil.rmtree(previous, ignore_errors=True)
        if out.exists():
            out.rename(previous)
        staging.rename(out)
        shutil.rmtree(previous, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone already after a good build
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
