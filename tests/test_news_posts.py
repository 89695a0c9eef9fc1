"""News posts are data too: front matter checked like a data file, bodies
without HTML or script links, no Jinja, every problem on its file and line."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from arrangements.data.news_check import CATEGORIES, check_post_files
from conftest import REPO, build_copy, copy_repo

GOOD = "---\ndate: 2026-11-20\ncategories: [Arrangements]\npartnerships: [southampton]\n---\n\n# A title\n\nText.\n"


def _problems(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "posts"
    folder.mkdir(exist_ok=True)
    (folder / "2026-11-20-post.md").write_text(text, encoding="utf-8")
    return [str(p) for p in check_post_files(folder, {"southampton", "hips"}, tmp_path)]


def test_a_good_post_and_the_bundled_posts_pass(tmp_path: Path) -> None:
    assert _problems(tmp_path, GOOD) == []
    assert [str(p) for p in check_post_files(REPO / "docs" / "news" / "posts", {"southampton"}, REPO)] == []


def test_categories_match_mkdocs_yml() -> None:
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"categories_allowed: [{', '.join(CATEGORIES)}]" in text


@pytest.mark.parametrize("text, expected", [
    # front matter: syntax, limits, keys, types, values
    (GOOD.replace("categories: [Arrangements]", "categories: [Arrangements"), "posts/2026-11-20-post.md:4:"),
    (GOOD.replace("date: 2026-11-20", "date: 2026-11-20\nx: &a [1]\ny: *a"), ":4:4: aliases"),
    (GOOD.replace("date: 2026-11-20", "date: !!python/object:os.system x"), "the tag '!!python/object:os.system'"),
    (GOOD.replace("date: 2026-11-20", "date: 2026-11-20\ndate: 2026-11-21"), "'date' appears twice"),
    (GOOD.replace("date: 2026-11-20", "dates: 2026-11-20"), ":2:1: dates: 'dates' is not a front-matter key"),
    (GOOD.replace("date: 2026-11-20", "date: 2026-02-30"), ":2:7: date: '2026-02-30' is not a date"),
    (GOOD.replace("[Arrangements]", "[Arangements]"), "did you mean 'Arrangements'"),
    (GOOD.replace("[southampton]", "[southamptn]"), ":4:16: partnerships: 'southamptn' is not a partnership"),
    (GOOD.replace("---\n\n#", "title: Exec </title><script>alert(1)</script>\n---\n\n#"), ":5:8: title: `title` must"),
    (GOOD.replace("---\n\n#", 'description: x"><script>alert(1)</script>\n---\n\n#'), "description: `description`"),
    (GOOD.replace("---\n\n#", "title: '{{ config.site_url }}'\n---\n\n#"), "title: `title` must be plain"),
    (GOOD.replace("---\n\n#", "draft: yes\n---\n\n#"), "`draft` must be `true` or `false`"),
    ("# No front matter\n", ":1:1: the post has no front matter"),
    # body: raw HTML, script links in every disguise, third-party images
    (GOOD + "<script>alert(1)</script>\n", ":10:1: raw HTML is not allowed"),
    (GOOD + "Hello <img src=x onerror=alert(1)>\n", ":10:7: raw HTML"),
    (GOOD.replace("# A title", "# A title </title><script>"), ":7:11: raw HTML"),
    (GOOD + "[x](javascript:alert(1))\n", ":10:5: a link to a `javascript:` address"),
    (GOOD + "[x]( JaVaScRiPt:alert(1))\n", "`javascript:` address"),
    (GOOD + "[x](java&#115;cript:alert(1))\n", "`javascript:` address"),
    (GOOD + "[x](<javascript:alert(1)>)\n", "`javascript:` address"),
    (GOOD + "[x](<java\tscript:alert(1)>)\n", "`javascript:` address"),
    (GOOD + "[x][z]\n\n[z]: <java\tscript:alert(1)>\n", "`javascript:` address"),
    (GOOD + "[x](data:text/html;base64,PHNjcmlwdD4=)\n", "`data:` address"),
    (GOOD + "[x](vbscript:msgbox)\n", "`vbscript:` address"),
    (GOOD + "[x][z]\n\n[z]: javascript:alert(1)\n", ":12:6: a link to a `javascript:` address"),
    (GOOD + "![pixel](https://tracker.example/p.png)\n", "an image from another website"),
    (GOOD + "{{ structure_chart('nowhere') }}\n", ":10:1: there is no partnership 'nowhere' for this chart"),
    (GOOD + "{{ structure_chart('hips') }}\n", ":10:1: a structure chart needs `mermaid: true`"),
])
def test_each_problem_is_named_on_its_line(tmp_path: Path, text: str, expected: str) -> None:
    problems = _problems(tmp_path, text)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("posts/2026-11-20-post.md:") and " — " in p for p in problems)


def test_what_is_allowed_is_allowed(tmp_path: Path) -> None:
    body = ("**Bold**, [a page](../index.md), [site](https://example.org), <https://example.org>, "
            "[mail](mailto:a@example.org), ![chart](chart.png), `<b>` in code, a < b.\n\n"
            "```\n<script>shown as code</script>\n```\n\n<!-- more -->\n\nData: the figures.\n")
    assert _problems(tmp_path, GOOD + body) == []


def test_an_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"] + [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
                                                      for i in range(1, 30)]
    started = time.perf_counter()
    problems = _problems(tmp_path, "---\n" + "\n".join(lines) + "\n---\n\nText.\n")
    assert time.perf_counter() - started < 2
    assert any("aliases" in p for p in problems)


@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_repo(tmp_path_factory.mktemp("news"))


def test_a_broken_post_stops_validate_and_the_build_without_a_traceback(repo_copy: Path, tmp_path: Path) -> None:
    post = repo_copy / "docs" / "news" / "posts" / "2026-11-21-broken.md"
    post.write_text(GOOD.replace("[Arrangements]", "[Arrangements") + "[x](javascript:alert(1))\n", encoding="utf-8")
    try:
        env = {**os.environ, "PYTHONPATH": str(repo_copy / "macros")}
        env.pop("ARRANGEMENTS_DATA", None)
        validate = subprocess.run([sys.executable, "-m", "arrangements", "validate"], cwd=repo_copy, env=env,
                                  capture_output=True, text=True, timeout=120)
        build = build_copy(repo_copy, tmp_path / "site")
    finally:
        post.unlink()
    for result in (validate, build):
        output = result.stdout + result.stderr
        assert result.returncode != 0 and "Traceback" not in output, output[-3000:]
        assert "docs/news/posts/2026-11-21-broken.md:4:" in output
        assert "docs/news/posts/2026-11-21-broken.md:10:5: a link to a `javascript:` address" in output


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_jinja_in_a_post_stays_text(repo_copy: Path, tmp_path: Path, engine: str) -> None:
    post = repo_copy / "docs" / "news" / "posts" / "2026-11-21-jinja.md"
    post.write_text(GOOD.replace("# A title", "# Sum {{ 6*7 }}").replace("---\n\n#", "mermaid: true\n---\n\n#")
                    + "\nSite {{ config.site_url }} {{ 6*7 }}.\n\n{{ structure_chart('southampton') }}\n",
                    encoding="utf-8")
    try:
        result = build_copy(repo_copy, tmp_path / "site", engine)
    finally:
        post.unlink()
    assert result.returncode == 0, result.stderr[-3000:]
    for page in ("news/2026-11-21-jinja/index.html", "news/index.html", "news/archive/2026/index.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert "Site {{ config.site_url }} {{ 6*7 }}." in html, page
        assert "Site https://example.org/" not in html and "Sum 42" not in html, page
    post_html = (tmp_path / "site" / "news/2026-11-21-jinja/index.html").read_text(encoding="utf-8")
    assert "Structure in words" in post_html  # the one call a post may make still works


def test_posts_in_sub_folders_and_linked_posts_are_checked(tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    (folder / "2026").mkdir(parents=True)
    (folder / "2026" / "deep.md").write_text(GOOD + "[x](javascript:alert(1))\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.md").write_text(GOOD, encoding="utf-8")
    (folder / "linked.md").symlink_to(elsewhere / "secret.md")
    (folder / "folder-link").symlink_to(elsewhere, target_is_directory=True)
    problems = [str(p) for p in check_post_files(folder, {"southampton"}, tmp_path)]
    assert any(p.startswith("posts/2026/deep.md:10:5: a link to a `javascript:`") for p in problems), problems
    assert any(p.startswith("posts/linked.md:1:1: a news post must be an ordinary file") for p in problems)
    assert any(p.startswith("posts/folder-link:1:1: a link (symlink)") for p in problems), problems
