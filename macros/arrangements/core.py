"""The data with every feature's records and checks: what entry points load.

Why a module of its own: the data core (`data/`) knows nothing of features;
features register what they add (the yearly report's record, site-wide
checks, pages, renderers) when imported. Importing `arrangements.features`
imports them all, in a fixed order, so every build writes the same files.
"""

from __future__ import annotations

from arrangements import features  # noqa: F401 - registers every feature
from arrangements.data.dataset import Dataset
from arrangements.data.validate import load_dataset

__all__ = ["Dataset", "load_dataset"]
