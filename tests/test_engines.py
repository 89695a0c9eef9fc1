"""Both engines build the same site: MkDocs (today's default) and Zensical (Material's successor).

Both build from the pages `arrangements generate` writes out (`scripts/build_site.py`,
as `make site` and `make site ENGINE=zensical` run it). For every page both
engines write, the article's words and the addresses its links resolve to must
be the same.

Known differences, left out of the comparison on purpose:
- the "Edit this page" button of a hand-written page: Zensical joins `repo_url` and
  `edit_uri` with a double slash (on pages from the data both open the data file);
- the search index (MkDocs: search/search_index.json; Zensical: search.json);
- MiniJinja writes `/` in attributes as `&#x2f;`, which browsers read as `/`;
- a news excerpt's "Continue reading" link: Zensical adds the post's title for screen readers
  (Material's MkDocs blog has no title yet when it renders the excerpt).
"""

from __future__ import annotations

import html
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from conftest import REPO, build_site

ZENSICAL = Path(sys.executable).parent / "zensical"


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not ZENSICAL.exists():
        pytest.fail("Zensical is not installed: run `make install` (requirements.txt pins it)")
    site = tmp_path_factory.mktemp("zensical") / "site"
    build = build_site(site, engine="zensical")
    assert build.returncode == 0, build.stdout + build.stderr
    return site


def test_both_engines_open_the_data_file_to_edit_a_page_from_the_data(built_site: Path, zensical_site: Path) -> None:
    for site in (built_site, zensical_site):
        page = html.unescape((site / "north-somerset" / "groups").glob("*/index.html").__next__().read_text("utf-8"))
        assert re.search(r'href="https://github\.com/[^"]+/edit/main/data/partnerships/north-somerset/arrangements/'
                         r'2022\.yml" title="Edit this page"', page)
        assert 'title="Edit this page"' not in (site / "partnerships" / "index.html").read_text("utf-8")


def article(page: Path, root: Path) -> tuple[str, list[str]] | None:
    """The article's visible words and the addresses of its links, resolved from the page's own address."""
    markup = page.read_text(encoding="utf-8")
    if "<article" not in markup:
        return None
    markup = markup[markup.index("<article"):markup.index("</article>")].replace("&#x2f;", "/")
    markup = re.sub(r"<a[^>]*md-content__button[^>]*>.*?</a>", " ", markup, flags=re.S)
    markup = re.sub(r'(Continue reading)<span class="visually-hidden">[^<]*</span>', r"\1", markup)
    base = "http://site/" + page.relative_to(root).as_posix()
    links = [urljoin(base, html.unescape(href)) for href in re.findall(r'href="([^"#]*)', markup)]
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split()), links


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_both_engines_write_the_same_pages(built_site: Path, zensical_site: Path) -> None:
    assert pages(built_site) == pages(zensical_site)
    assert len(pages(built_site)) > 100


def test_every_page_says_the_same_and_links_to_the_same_places(built_site: Path, zensical_site: Path) -> None:
    different = [uri for uri in sorted(pages(built_site))
                 if article(built_site / uri, built_site) != article(zensical_site / uri, zensical_site)]
    assert not different, different[:10]
    north_somerset = article(zensical_site / "north-somerset/index.html", zensical_site)
    assert north_somerset and "Who is accountable" in north_somerset[0]


def test_open_data_and_feed_are_written_for_either_engine(zensical_site: Path) -> None:
    assert (zensical_site / "data" / "index.json").exists()
    assert (zensical_site / "news" / "feed.xml").exists()


def test_generate_writes_only_what_changed(tmp_path: Path) -> None:
    """What makes `make serve` quick with any engine: a data edit rewrites only the pages it changes."""
    from arrangements.core import load_dataset
    from arrangements.engines.generate import generate

    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    out, config = tmp_path / "docs", REPO / f".mkdocs.test-{tmp_path.name}.yml"
    try:
        first = generate(load_dataset(data), out, config)
        assert len(first.changed) > 100 and (out / "north-somerset" / "index.md").is_file()
        assert generate(load_dataset(data), out, config).changed == []
        file = data / "partnerships" / "north-somerset" / "arrangements" / "2022.yml"
        file.write_text(file.read_text(encoding="utf-8").replace("summary: >-\n", "summary: >-\n  Hello.\n", 1),
                        encoding="utf-8")
        changed = generate(load_dataset(data), out, config).changed
        assert "north-somerset/index.md" in changed
        assert not [uri for uri in changed if uri.startswith("southampton/")]
        assert "Hello." in (out / "north-somerset" / "index.md").read_text(encoding="utf-8")
    finally:
        config.unlink(missing_ok=True)
