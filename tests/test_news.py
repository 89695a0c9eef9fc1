"""News posts: parsing, the Atom feed, and the latest updates on a home page."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from arrangements.data.dataset import Dataset
from arrangements.features.news import (
    ATOM,
    POSTS_DIR,
    Post,
    check_posts,
    feed_xml,
    latest_news,
    read_posts,
)

NS = {"a": ATOM}


def _post(folder: Path, name: str, day: str, title: str, partnerships: str = "", extra: str = "") -> None:
    meta = f"date: {day}\ncategories: [Arrangements]\n" + (f"partnerships: [{partnerships}]\n" if partnerships else "")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.md").write_text(f"---\n{meta}{extra}---\n\n# {title}\n\nFirst *paragraph* of {name}.\n\n"
                                       "<!-- more -->\n\nMore.\n", encoding="utf-8")


@pytest.fixture
def posts_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "posts"
    _post(folder, "a", "2026-01-10", "Oldest", "southampton")
    _post(folder, "b", "2026-03-01", "Adults & <children>", "southampton, hips")
    _post(folder, "c", "2026-02-01", "Other area", "north-somerset")
    _post(folder, "d", "2026-04-01", "Newest", "southampton")
    _post(folder, "e", "2026-05-01", "Draft", "southampton", extra="draft: true\n")
    _post(folder, "f", "2026-01-01", "Oldest of all", "southampton")
    return folder


def test_posts_are_read_newest_first_without_drafts(posts_dir: Path) -> None:
    posts = read_posts(posts_dir)
    assert [p.file for p in posts] == ["d", "b", "c", "a", "f"]
    assert posts[0].summary == "First *paragraph* of d."
    assert posts[1].partnerships == ("southampton", "hips")


def test_feed_is_valid_atom_in_date_order(posts_dir: Path) -> None:
    root = ET.fromstring(feed_xml(read_posts(posts_dir), "https://example.org/site"))
    assert root.tag == f"{{{ATOM}}}feed"
    entries = root.findall("a:entry", NS)
    updated = [e.findtext("a:updated", namespaces=NS) for e in entries]
    assert updated == sorted(updated, reverse=True) and len(entries) == 5
    assert root.findtext("a:updated", namespaces=NS) == updated[0]
    assert entries[1].findtext("a:title", namespaces=NS) == "Adults & <children>"  # escaped, not broken
    assert entries[0].find("a:link", NS).get("href") == "https://example.org/site/news/d/"
    assert entries[0].find("a:category", NS).get("term") == "Arrangements"
    assert entries[0].findtext("a:summary", namespaces=NS) == "First paragraph of d."


def test_feed_sorts_whatever_order_it_is_given() -> None:
    posts = [Post("old", "Old", date(2025, 1, 1), ""), Post("new", "New", date(2026, 1, 1), "")]
    root = ET.fromstring(feed_xml(posts, "https://example.org/"))
    assert [e.findtext("a:title", namespaces=NS) for e in root.findall("a:entry", NS)] == ["New", "Old"]


def test_latest_news_lists_three_newest_for_the_partnership(posts_dir: Path, tmp_path: Path) -> None:
    text = latest_news(Dataset(tmp_path), "southampton", posts_dir=posts_dir)
    items = [line for line in text.splitlines() if line.startswith("- ")]
    assert items == [
        "- **1 April 2026**: [Newest](../news/posts/d.md)",
        "- **1 March 2026**: [Adults &amp; &lt;children&gt;](../news/posts/b.md)",
        "- **10 January 2026**: [Oldest](../news/posts/a.md)",
    ]
    assert "Other area" not in text and "Draft" not in text
    assert "[All news](../news/index.md)" in text


def test_a_post_added_while_serving_shows_at_the_next_build(posts_dir: Path, tmp_path: Path) -> None:
    # Why: `mkdocs serve` keeps an unchanged dataset between rebuilds; a new post is not in the data folder.
    dataset = Dataset(tmp_path)
    assert "Added later" not in latest_news(dataset, "southampton", posts_dir=posts_dir)
    _post(posts_dir, "g", "2026-06-01", "Added later", "southampton")
    dataset.new_build()
    assert "[Added later](../news/posts/g.md)" in latest_news(dataset, "southampton", posts_dir=posts_dir)


def test_latest_news_for_a_partnership_without_posts(posts_dir: Path, tmp_path: Path) -> None:
    assert latest_news(Dataset(tmp_path), "exampleshire", posts_dir=posts_dir).startswith("No news yet.")


def test_the_example_posts_parse() -> None:
    posts = read_posts(POSTS_DIR)
    assert posts, "docs/news/posts should hold the example posts"
    assert all(p.categories and p.summary and p.title for p in posts)


def test_unknown_partnership_tags_are_reported(posts_dir: Path, tmp_path: Path) -> None:
    problems = check_posts(read_posts(posts_dir), Dataset(tmp_path))
    assert any("no partnership 'north-somerset'" in p for p in problems)
