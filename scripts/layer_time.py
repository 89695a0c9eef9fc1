"""The data layer's own work for one data folder, timed in a fresh process.

Everything the hook and macros add to a build, without MkDocs: importing
the core, loading and checking the data, listing and rendering every page,
and the open-data files. Printed as JSON seconds, for scripts/bench.py.
Usage: python scripts/layer_time.py DATA_FOLDER
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

started = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "macros"))

from arrangements.core import load_dataset  # noqa: E402
from arrangements.engines.frontmatter import help_panels, page_source  # noqa: E402
from arrangements.features.opendata import export_text  # noqa: E402
from arrangements.rendering import pages as registry  # noqa: E402


def main() -> int:
    times = {"import": time.perf_counter() - started}
    mark = time.perf_counter()
    dataset = load_dataset(Path(sys.argv[1]))
    times["load and check"] = time.perf_counter() - mark
    mark = time.perf_counter()
    for page in registry.all_pages(dataset):
        page_source(page, dataset)
    help_panels(dataset)
    times["render pages"] = time.perf_counter() - mark
    mark = time.perf_counter()
    export_text(dataset)
    times["open data"] = time.perf_counter() - mark
    print(json.dumps(times))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
