"""Files written beside the built pages: open data and the news feed."""

from __future__ import annotations

from pathlib import Path

from arrangements.data.dataset import Dataset
from arrangements.features.news import read_posts, write_feed, write_news_sitemap
from arrangements.features.opendata import write_open_data


def after_build(dataset: Dataset, site_dir: Path, site_url: str, site_name: str) -> None:
    write_open_data(dataset, site_dir, site_url or None)
    write_feed(read_posts(), site_url, site_dir / "news" / "feed.xml", site_name)
    write_news_sitemap(site_dir)
