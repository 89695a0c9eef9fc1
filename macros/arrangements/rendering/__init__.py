"""Shared rendering helpers: escaped Markdown, dates and words, charts, the page registry."""
