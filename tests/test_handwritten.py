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


@pytest.fixture(scope="module")
def dataset() -> object:
    from arrangements.core import load_dataset
    from conftest import REPO

    return load_dataset(REPO / "data")


def _page(dataset: object, text: str, preview: bool = False) -> str:
    from arrangements.engines.frontmatter import terms
    from arrangements.engines.handwritten import render_page

    return render_page(text, "campaign.md", dataset, terms(dataset), preview)  # type: ignore[arg-type]


@pytest.mark.parametrize(("body", "line", "words"), [
    # Line numbers count the front matter (3 lines), as the author sees the file.
    ("Hello\n\n{{ config.site_name }}\n", 6, "'config' is undefined (a page may call only contacts"),
    ("Hello\n{{ contacts('southampton' }}\n", 5, "A macro call is written like {{ contacts('southampton') }}"),
    ("{{ contacts('southamptn') }}\n", 4, "contacts() names a partnership 'southamptn' that is not in the data: "
                                          "did you mean 'southampton'?"),
    ("\n{{ render('agency_lokup') }}\n", 5, "render() names 'agency_lokup', which is not a renderer"),
    # The sandbox: no way from a page to Python's objects or the engine's settings.
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}\n", 4,
     "access to attribute '__class__' of 'str' object is unsafe"),
    ("\n{% include 'mkdocs.yml' %}\n", 5, "mkdocs.yml"),
    ("{% include 'docs/campaign.md' %}\n", 4, "docs/campaign.md"),
])
def test_a_page_that_cannot_be_rendered_says_file_line_and_what_to_do(dataset: object, body: str, line: int,
                                                                       words: str) -> None:
    from arrangements.engines.handwritten import PageError

    with pytest.raises(PageError) as caught:
        _page(dataset, "---\ntitle: Our campaign\n---\n" + body)
    message = str(caught.value)
    assert message.startswith(f"docs/campaign.md, line {line}: "), message
    assert words in message and "docs/contributing.md" in message, message
    assert "Traceback" not in message


def test_macros_render_into_the_page_and_a_guide_may_opt_out(dataset: object) -> None:
    page = _page(dataset, "---\ntitle: T\n---\n# T\n\n{{ latest_report('north-somerset') }}\n")
    assert page.startswith("---\ntitle: T\n---\n# T\n") and "](north-somerset/reports/2024-25.md)" in page
    as_written = "---\nrender_macros: false\n---\nCall `{{ contacts('id') }}`.\n"
    assert _page(dataset, as_written) == as_written
    assert _page(dataset, "No calls here.\n") == "No calls here.\n"


def test_a_preview_without_the_partnership_says_so_on_the_page(dataset: object) -> None:
    from arrangements.engines.preview import preview

    small = preview(dataset, ["north-somerset"])  # type: ignore[arg-type]
    page = _page(small, "{{ contacts('southampton') }}\n", preview=True)
    assert page.strip() == "*southampton is not part of this preview.*"


def test_generate_refuses_a_broken_page_in_one_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = copy_repo(tmp_path)
    (root / "docs" / "campaign.md").write_text("# Campaign\n\n{{ contacts('nowhere') }}\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARRANGEMENTS_")}
    env["PYTHONPATH"] = str(root / "macros")
    result = subprocess.run([sys.executable, "-m", "arrangements", "generate", "--no-documents", "--out",
                             str(tmp_path / "out"), "--config", str(root / "mkdocs.generated.yml")],
                            cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert ("generate: a hand-written page cannot be built, so nothing was built: docs/campaign.md, line 3: "
            "contacts() names a partnership 'nowhere' that is not in the data.") in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_a_page_with_a_chart_loads_mermaid_without_being_told(dataset: object) -> None:
    """An author who adds a chart need not know the page needs the drawing script (`mermaid: true`)."""
    bare = _page(dataset, "# Our area\n\n{{ structure_chart('north-somerset') }}\n")
    assert bare.startswith("---\nmermaid: true\n---\n# Our area\n") and "``` mermaid" in bare
    titled = _page(dataset, "---\ntitle: T\n---\n{{ render('structure_chart', 'southampton', 'campaign.md') }}\n")
    assert titled.startswith("---\nmermaid: true\ntitle: T\n---\n")
    told = "---\nmermaid: true\n---\n{{ structure_chart('southampton') }}\n"
    assert _page(dataset, told).count("mermaid: true") == 1
    assert "mermaid" not in _page(dataset, "{{ contacts('southampton') }}\n").split("\n", 1)[0]
