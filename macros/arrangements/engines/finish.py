"""What every built site gets after the engine has written it, whichever engine it is.

Why a module of its own, importing only `csp`: the build script runs it after the engine, and
importing the features for it would cost a third of a second on every build.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from arrangements.engines import csp


def finish(site: Path) -> None:
    """Each page's security policy, then the news folder's sitemap."""
    secure_pages(site)
    write_news_sitemap(site)


def secure_pages(site: Path) -> None:
    """Every page gets its Content-Security-Policy with the hashes of the theme's inline scripts."""
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        secured = csp.apply(text)
        if secured != text:
            page.write_text(secured, encoding="utf-8")


SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def write_news_sitemap(site_dir: Path) -> Path | None:
    """Write news/sitemap.xml: the site's sitemap entries for the news pages.

    Why: Material's script fetches `sitemap.xml` beside every `link rel=alternate`
    on a page (meant for other languages), so the feed link in each page's head
    made every page ask for news/sitemap.xml and get a 404. A sitemap in a folder
    may list that folder's pages, so this one is a real sitemap, not a stub.
    """
    main = site_dir / "sitemap.xml"
    if not main.is_file():
        return None
    ET.register_namespace("", SITEMAP)
    root = ET.fromstring(main.read_bytes())
    news = ET.Element(f"{{{SITEMAP}}}urlset")
    for url in root.findall(f"{{{SITEMAP}}}url"):
        loc = url.findtext(f"{{{SITEMAP}}}loc", "")
        if "/news/" in loc.split("://", 1)[-1]:
            news.append(url)
    if not len(news):
        return None
    out = site_dir / "news" / "sitemap.xml"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(ET.tostring(news, encoding="utf-8", xml_declaration=True))
    return out
