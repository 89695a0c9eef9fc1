"""What a site engine needs from the core: Markdown files, the engine config, the current dataset.

The MkDocs adapter itself is `macros/main.py` (the macros plugin's entry point)."""
