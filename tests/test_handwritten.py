"""A hand-written page can show what the data holds, with either engine.

The comms team writes some pages by hand; the macros they may call
(docs/contributing.md) must work under MkDocs and under Zensical alike.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import build_copy, copy_repo

PAGE = """---
title: Our campaign
---

# Our campaign

## Who to call in Southampton

{{ contacts('southampton') }}

## The latest yearly report

{{ latest_report('north-somerset') }}

## Who is in the partnership

{{ partnership_list() }}
"""


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_hand_written_page_shows_contacts_the_latest_report_and_the_partnerships(
        tmp_path: Path, engine: str) -> None:
    root = copy_repo(tmp_path)
    (root / "docs" / "campaign.md").write_text(PAGE, encoding="utf-8")
    result = build_copy(root, tmp_path / "site", engine)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    page = (tmp_path / "site" / "campaign" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", page)
    assert "{{" not in text
    # The contacts, most urgent first, each with a number to call or a website.
    assert re.search(r'href="tel:999"', page)
    assert text.index("999") < text.index("101")
    # The newest report, linked where the report page really is.
    assert re.search(r'href="\.\./north-somerset/reports/2024-25/"', page)
    assert "Southampton" in text and "North Somerset" in text
