"""Build the site strictly into a temporary folder, then swap it into place.

Why: a failed build must never leave a half-written or mixed site/ that
could be deployed. The old site/ stays untouched unless the whole build
succeeds; the swap is two renames on the same disk.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build(out: Path, extra: list[str]) -> int:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(staging), *extra])
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"The build failed, so {out} was left as it was. Fix the problems above and build again.",
              file=sys.stderr)
        return result.returncode
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
    args, extra = parser.parse_known_args()
    return build(args.out, extra)


if __name__ == "__main__":
    raise SystemExit(main())
