"""The house keeps its shape: layers import downwards only, no circles, small files.

Why tests: "no import circle" and "no MkDocs outside the adapter" are easy to
break with one convenient import; a maintainer learns it here, not in a
review months later.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "macros" / "arrangements"
# Each layer may import the layers before it in this list, never those after
# (`arrangements/__init__.py` holds only the repository's path; anyone may import it).
LAYERS = ["data", "rendering", "commands", "features", "core", "engines", "cli", "__main__"]


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The arrangements modules a file imports (at any depth, local imports included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("arrangements"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("arrangements"))
    return found


def _graph() -> dict[str, set[str]]:
    files = {_module(path): path for path in PACKAGE.rglob("*.py")}
    return {name: {m for m in _imports(path) if m in files and m != name} for name, path in files.items()}


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else -1


def test_each_layer_imports_only_the_layers_below_it() -> None:
    wrong = [f"{module} imports {other}" for module, imported in _graph().items() for other in imported
             if _layer(other) > _layer(module)]
    assert wrong == []


def test_no_module_is_part_of_an_import_circle() -> None:
    graph = _graph()
    circles = []
    # Why a depth-first search from every module: the package is small, and the message names the circle.
    for start in graph:
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    circles.append(" -> ".join([*path, start]))
                elif nxt not in path and len(path) < 12:
                    stack.append((nxt, [*path, nxt]))
    assert circles == []


def test_only_the_engine_adapters_know_the_engine() -> None:
    # Why `material` is allowed in engines/: the page security policy reads the theme's own scripts.
    users = [str(path.relative_to(REPO)) for path in PACKAGE.rglob("*.py")
             if any(name.split(".")[0] == "mkdocs" or name.split(".")[0] == "material" and "engines" not in path.parts
                    for name in _all_imports(path))]
    assert users == []


def _all_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_source_file_is_over_400_lines() -> None:
    long = {str(path.relative_to(REPO)): n for path in [*PACKAGE.rglob("*.py"), *(REPO / "macros").glob("*.py")]
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_page_order_does_not_depend_on_which_feature_was_imported_first() -> None:
    # Why: a serve process (or a test run) that imported one feature early would otherwise
    # register its pages first and write a sitemap in another order.
    script = ("import sys, {first}\nfrom arrangements.core import load_dataset\n"
              "from arrangements.rendering import pages\n"
              "print('\\n'.join(p.uri for p in pages.all_pages(load_dataset(__import__('pathlib').Path('data')))))")
    orders = [subprocess.run([sys.executable, "-c", script.format(first=first)], cwd=REPO, capture_output=True,
                             text=True, check=True).stdout
              for first in ("arrangements.features.news", "arrangements.features.site", "arrangements.core")]
    assert orders[0] == orders[1] == orders[2] and orders[0].count("\n") > 50
