"""Safeguarding partnership arrangements: data model, validation and rendering.

This package has no MkDocs imports, so it can be tested alone and moved to
another site generator; the MkDocs layer lives in macros/main.py and
macros/hooks.py.
"""
