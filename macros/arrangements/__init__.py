"""Safeguarding partnership arrangements: data model, validation and rendering.

Subpackages, from the bottom up (each imports only those above it in this list):

- `data`: read, check and model the YAML (no rendering, no engine);
- `rendering`: shared helpers that turn the model into escaped Markdown, charts and words;
- `features`: the pages, documents and checks the site is made of;
- `engines`: what an engine needs (generated Markdown files with hand-written
  pages' macros rendered, the engine config, the preview server); no engine plugin.

`core.load_dataset` loads the data with every feature's records and checks.
"""

from pathlib import Path

# The repository: data/, docs/ and the engine configs sit here.
REPO = Path(__file__).resolve().parents[2]
