"""Compiled theme templates, kept between `mkdocs serve` rebuilds.

Why: MkDocs makes a new Jinja environment for every rebuild, so every theme
template was compiled again each time a data file was saved (about a sixth
of a rebuild). Jinja checks each template's source before using the cached
code, so an edited template in overrides/ is still compiled afresh.
This module is imported once per process, so the cache outlives the hooks
module, which MkDocs loads again on each rebuild.
"""

from __future__ import annotations

import jinja2
from jinja2.bccache import Bucket


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


CACHE = MemoryBytecodeCache()
