"""A partnership's own site, made as docs/setup.md says, looked at as a visitor sees it.

From a clean copy of the repository's files: the set-up command from
docs/setup.md, the partnership's data filled in (a small made-up
partnership), a logo, colours and a custom domain in data/site/settings.yml,
a strict build (`make site`'s script), then a rename of a group and of the
partnership's folder and another build.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest
from conftest import AXE, REPO, serve
from test_accessibility import _describe, run_axe

FIXTURE = REPO / "tests" / "fixtures" / "own-site"
SETUP_DOC = REPO / "docs" / "setup.md"
# Every example partnership's id and name words: none may appear on a partnership's own site.
EXAMPLES = ("southampton", "north-somerset", "north somerset", "hips", "sussex", "brighton", "hampshire",
            "portsmouth", "isle of wight")
GUIDES = ("data-format", "contributing", "performance", "robustness", "accessibility-audit", "architecture",
          "setup", "yearly-reports")


def tracked_copy(into: Path) -> Path:
    """The repository's files as a fresh clone has them (tracked, or new and not ignored)."""
    root = into / "repo"
    names = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"], cwd=REPO,
                           capture_output=True, text=True, check=True).stdout.split("\0")
    for name in filter(None, names):
        source = REPO / name
        if source.is_file():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)  # Why copy2: make must see requirements.txt as older than .venv
    (root / ".venv").symlink_to(REPO / ".venv")
    # Why: make reinstalls when these are newer than the install stamp; the linked .venv is installed already.
    stamp = (REPO / ".venv" / ".installed").stat().st_mtime
    for name in ("requirements.txt", "pyproject.toml"):
        os.utime(root / name, (stamp - 1, stamp - 1))
    return root


def run(root: Path, command: str, *, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("ARRANGEMENTS_") and k not in {"CI", "GITHUB_ACTIONS"}}
    env["PYTHONPATH"] = str(root / "macros")  # the copy's own code, not the repository's installed one
    result = subprocess.run(shlex.split(command), cwd=root, env=env, capture_output=True, text=True, timeout=600)
    if check and result.returncode != 0:
        pytest.fail(f"`{command}` failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def documented_setup() -> str:
    """The set-up command exactly as docs/setup.md gives it."""
    match = re.search(r"^make setup ID=.*$", SETUP_DOC.read_text(encoding="utf-8"), re.MULTILINE)
    assert match, "docs/setup.md must give the `make setup ...` command"
    return match.group(0)


def build(root: Path, out: Path) -> str:
    """`make site`'s build (generate, then MkDocs, then the pages' script hashes), without the PDF files."""
    return run(root, f"{sys.executable} scripts/build_site.py --out {out} --no-documents").stdout


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def own_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    root = tracked_copy(tmp_path_factory.mktemp("own-site"))
    setup = run(root, documented_setup())
    data = root / "data"
    # Step 4: the partnership's arrangements filled in (the scaffold's file, replaced by a filled-in one).
    [scaffold] = sorted((data / "partnerships" / "exampleshire" / "arrangements").glob("*.yml"))
    shutil.copyfile(FIXTURE / "arrangements.yml", scaffold)
    # Step 5: logo and colours.
    shutil.copyfile(FIXTURE / "logo.svg", data / "site" / "logo.svg")
    settings = data / "site" / "settings.yml"
    edit(settings, "logo:\nfavicon:\n", "logo: logo.svg\nfavicon: logo.svg\n")
    edit(settings, "colours:\n", 'colours:\n  header: "#1d4f91"\n  link: "#1d4f91"\n  link_dark: "#9cc3ff"\n')
    run(root, "make validate")
    first = build(root, root / "site-before")
    # Step 7: rename a group and the partnership's folder, keeping the old ids.
    folder = data / "partnerships" / "exampleshire"
    new_folder = folder.with_name("exampleshire-scp")
    folder.rename(new_folder)
    [arrangements] = sorted((new_folder / "arrangements").glob("*.yml"))
    edit(arrangements, "  - id: training\n", "  - id: learning-and-improvement\n    former_ids: [training]\n")
    edit(arrangements, "short_name: ESCP\n", "short_name: ESCP\nformer_ids: [exampleshire]\n")
    edit(settings, 'partnerships: ["exampleshire"]', 'partnerships: ["exampleshire-scp"]')
    out = root / "site"
    second = build(root, out)
    yield {"root": root, "site": out, "before": root / "site-before", "setup": setup.stdout,
           "generate": first + second}


def html(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_setup_removes_the_examples_and_says_what_it_did(own_site: dict[str, object]) -> None:
    root = own_site["root"]
    assert sorted(p.name for p in (root / "data" / "partnerships").iterdir()) == ["exampleshire-scp"]
    assert not list((root / "docs" / "news" / "posts").glob("*.md"))
    assert "Removed the example partnership data/partnerships/southampton/" in own_site["setup"]
    assert "address https://www.exampleshire-scp.org.uk/" in own_site["setup"]


def test_name_logo_colours_and_domain(own_site: dict[str, object]) -> None:
    site = own_site["site"]
    home = html(site / "index.html")
    name = "Exampleshire Safeguarding Children Partnership"
    assert f"<title>{name}</title>" in home
    header = re.search(r'<div class="md-header__topic">\s*<span class="md-ellipsis">\s*(.*?)\s*</span>', home, re.S)
    assert header and header.group(1) == name
    assert 'src="assets/site/logo.svg"' in home and (site / "assets" / "site" / "logo.svg").is_file()
    assert '<link rel="icon" href="assets/site/logo.svg">' in home
    assert (site / "CNAME").read_text(encoding="utf-8") == "www.exampleshire-scp.org.uk\n"
    assert 'href="assets/site/colours.css"' in home
    assert "--md-primary-fg-color: #1d4f91;" in html(site / "assets" / "site" / "colours.css")
    assert f"Published by {name}." in re.sub(r"\s+", " ", home)
    assert "https://www.exampleshire-scp.org.uk/" in html(site / "sitemap.xml")
    assert "Custom domain www.exampleshire-scp.org.uk: wrote CNAME" in own_site["generate"]


def test_home_page_is_the_partnership(own_site: dict[str, object]) -> None:
    site = own_site["site"]
    home = html(site / "index.html")
    # Why unescape: an apostrophe may be written &#39; or &#x27; depending on the escaper.
    for words in ("Who is accountable", "Pat Example", "Latest news", "Yearly report",
                  "Exampleshire Children's Front Door"):
        assert words in unescape(home), words
    # The help panel on every page is the partnership's own, the home page included.
    assert "01632 960 001" in home.replace("\u00a0", " ")  # phone numbers keep together with no-break spaces
    assert "Partnerships on this site" not in home and "All partnerships" not in home
    assert not (site / "partnerships").exists()


def test_no_other_partnership_anywhere(own_site: dict[str, object]) -> None:
    site = own_site["site"]
    found = []
    for path in site.rglob("*"):
        # Why not the schema: the data format's field descriptions give examples, e.g. `hips/executive`.
        if path.suffix in {".html", ".json", ".xml", ".txt"} and path.parent.name != "schema":
            text = path.read_text(encoding="utf-8").lower()
            found += [f"{path.relative_to(site)}: {word}" for word in EXAMPLES
                      if re.search(rf"(?<![a-z]){re.escape(word)}(?![a-z])", text)]
    assert not found, found[:20]


def test_no_maintainer_guides(own_site: dict[str, object]) -> None:
    site = own_site["site"]
    for guide in GUIDES:
        assert not (site / guide).exists(), guide
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', html(site / "index.html"), re.S)
    assert nav
    for guide in GUIDES:
        assert f"{guide}/" not in nav.group(0), guide
    for kept in ("glossary/", "open-data/", "accessibility/", "about/", "news/"):
        assert kept in nav.group(0), kept


def test_accessibility_statement_claims_nothing_untested(own_site: dict[str, object]) -> None:
    page = re.sub(r"\s+", " ", html(own_site["site"] / "accessibility" / "index.html"))
    assert "published by Exampleshire Safeguarding Children Partnership" in page
    assert "This website&#39;s own pages have not been tested yet." in page or \
        "This website's own pages have not been tested yet." in page
    assert "example.org" not in page and "To be confirmed" in page  # no address that is not theirs


def _refresh_target(page: Path, site: Path) -> Path:
    match = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', html(page))
    assert match, page
    return (page.parent / unescape(match.group(1))).resolve() / "index.html"


def test_old_addresses_redirect_after_a_rename(own_site: dict[str, object]) -> None:
    site, before = own_site["site"], own_site["before"]
    assert (before / "exampleshire" / "groups" / "training" / "index.html").is_file()  # the address people saved
    for old, new in [("exampleshire/groups/training", "exampleshire-scp/groups/learning-and-improvement"),
                     ("exampleshire", "exampleshire-scp"),
                     ("exampleshire/structure", "exampleshire-scp/structure"),
                     ("exampleshire-scp/groups/training", "exampleshire-scp/groups/learning-and-improvement")]:
        page = site / old / "index.html"
        assert page.is_file(), old
        assert _refresh_target(page, site) == (site / new / "index.html").resolve(), old
        assert (site / new / "index.html").is_file(), new
        assert "default-src 'none'" in html(page)  # loads nothing, runs nothing
        assert f"Redirect /{old}/ → /{new}/" in own_site["generate"]


@pytest.mark.browser
def test_screenshots_of_the_home_page(own_site: dict[str, object], chromium_browser: object) -> None:
    """Screenshots at phone and desktop widths, to look at (kept in build/screenshots/); axe finds nothing."""
    server, url = serve(own_site["site"])
    shots = REPO / "build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    try:
        for width in (390, 1280):
            context = chromium_browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
            if AXE.exists():
                context.add_init_script(path=str(AXE))
            page = context.new_page()
            page.goto(url)
            assert "Exampleshire Safeguarding Children Partnership" in page.title()
            page.screenshot(path=str(shots / f"own-site-home-{width}.png"), full_page=True)
            if AXE.exists():  # the partnership's colours and logo pass the same gate as the example site
                violations = run_axe(page)
                assert not violations, _describe(violations)
            context.close()
    finally:
        server.shutdown()


BAD_SETTINGS = """name: Exampleshire Safeguarding Children Partnership
partnerships: [exampleshir]
logo: missing-logo.svg
colours:
  header: "#ffdd00"
  link_dark: "#223344"
"""


def test_bad_settings_give_file_and_line(tmp_path_factory: pytest.TempPathFactory) -> None:
    root = tracked_copy(tmp_path_factory.mktemp("bad-settings"))
    run(root, documented_setup())
    (root / "data" / "site" / "settings.yml").write_text(BAD_SETTINGS, encoding="utf-8")
    # A data problem in the same run: every problem at once.
    [scaffold] = (root / "data" / "partnerships" / "exampleshire" / "arrangements").glob("*.yml")
    edit(scaffold, "\nstatus: draft\n", "\nstatus: drafty\n")
    result = run(root, "make validate", check=False)
    assert result.returncode != 0
    out = result.stdout
    assert re.search(r"^data/site/settings\.yml:2:\d+: partnerships\[1\]: there is no partnership 'exampleshir' "
                     r"in data/partnerships/ — did you mean 'exampleshire'\?", out, re.M), out
    assert re.search(r"^data/site/settings\.yml:3:\d+: logo: there is no file data/site/missing-logo\.svg", out, re.M)
    assert re.search(r"^data/site/settings\.yml:5:\d+: colours\.header: #ffffff on #ffdd00 .* contrast of 1\.\d\d:1",
                     out, re.M)
    assert re.search(r"^data/site/settings\.yml:6:\d+: colours\.link_dark: #223344 on #1e2129 ", out, re.M)
    assert re.search(r"^data/partnerships/exampleshire/arrangements/\d{4}\.yml:\d+:\d+: .*drafty", out, re.M)


def test_bundled_data_is_still_a_multi_area_site(tmp_path_factory: pytest.TempPathFactory) -> None:
    root = tracked_copy(tmp_path_factory.mktemp("bundled"))
    out = root / "site"
    build(root, out)
    home = html(out / "index.html")
    assert "Partnerships on this site" in home
    assert re.search(r"<title>[^<]*Safeguarding children partnerships</title>", home)
    for pid in ("southampton", "hips", "pan-sussex", "north-somerset"):
        assert f'href="{pid}/"' in home, pid
    assert not (out / "CNAME").exists() and not (out / "data-format").exists()
    assert "Published by the safeguarding partnerships listed on this site." in re.sub(r"\s+", " ", home)


def _dataset_with(tmp_path: Path, settings: str, partnerships: tuple[str, ...]):  # noqa: ANN202 - a Dataset
    from arrangements.core import load_dataset

    data = tmp_path / "data"
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    shutil.copytree(REPO / "data" / "site", data / "site")
    (data / "site" / "settings.yml").write_text(settings, encoding="utf-8")
    for pid in partnerships:
        folder = data / "partnerships" / pid
        if pid == "exampleshire":
            (folder / "arrangements").mkdir(parents=True)
            shutil.copyfile(FIXTURE / "arrangements.yml", folder / "arrangements" / "2026.yml")
        else:
            shutil.copytree(REPO / "data" / "partnerships" / pid, folder)
    return load_dataset(data)


@pytest.mark.parametrize(("settings", "partnerships", "shape", "home"), [
    ("shape:\n", ("north-somerset",), "single", "north-somerset"),               # one partnership: its own site
    ("shape: multi-area\n", ("north-somerset",), "multi-area", None),    # unless the settings say otherwise
    ("shape:\n", ("north-somerset", "exampleshire"), "multi-area", None),
    ("partnerships: [exampleshire]\nshape: single\n", ("north-somerset", "exampleshire"), "single", "exampleshire"),
    ("shape: directory\n", ("north-somerset", "exampleshire"), "directory", None),
    ("partnerships: [exampleshire]\n", ("north-somerset", "exampleshire"), "single", "exampleshire"),
])
def test_the_data_chooses_the_shape(tmp_path: Path, settings: str, partnerships: tuple[str, ...], shape: str,
                                    home: str | None) -> None:
    from arrangements.engines.site_config import site_dataset
    from arrangements.features import settings as site_settings
    from arrangements.features.home import nav_size
    from arrangements.rendering.pages import COMPACT_NAV_ABOVE

    dataset = _dataset_with(tmp_path, settings, partnerships)
    # Why only the settings' problems: the bundled news posts name partnerships left out here.
    assert not [p for p in dataset.problems.errors if "settings" in p.path]
    assert site_settings.shape(dataset) == shape
    assert site_settings.home_partnership(dataset) == home
    assert (nav_size(dataset) > COMPACT_NAV_ABOVE) == (shape == "directory")
    published = site_dataset(dataset).partnerships
    assert sorted(published) == ([home] if "partnerships:" in settings else sorted(partnerships))


def test_a_former_id_in_use_is_refused(tmp_path: Path) -> None:
    from arrangements.core import load_dataset

    _dataset_with(tmp_path, "shape:\n", ("north-somerset", "exampleshire"))
    path = tmp_path / "data" / "partnerships" / "exampleshire" / "arrangements" / "2026.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\nkind:", "\nformer_ids: [north-somerset]\nkind:", 1)
    text = text.replace("  - id: training\n", "  - id: training\n    former_ids: [executive]\n", 1)
    path.write_text(text, encoding="utf-8")
    messages = [str(p) for p in load_dataset(tmp_path / "data").problems.errors]
    assert any(re.match(r"data/partnerships/exampleshire/arrangements/2026\.yml:\d+:\d+: former_ids\[1\]: "
                        "'north-somerset' is a partnership folder on this site today", m) for m in messages), messages
    assert any(re.match(r"data/partnerships/exampleshire/arrangements/2026\.yml:\d+:\d+: "
                        r"groups\[training\]\.former_ids\[1\]: 'executive' is the id of a group", m)
               for m in messages), messages


def test_settings_text_cannot_carry_markup(tmp_path: Path) -> None:
    """Values that would read differently as HTML are refused; the rest reach the page escaped."""
    from arrangements.engines.site_config import site_engine

    hostile = ('name: "<script>alert(1)</script>"\npublisher: "A &amp; B"\n'
               'quick_exit: "https://x.org/\\" onmouseover=\\"alert(1)"\ncolours:\n  header: "red;}body{"\n')
    dataset = _dataset_with(tmp_path, hostile, ("north-somerset",))
    errors = [p for p in dataset.problems.errors if "settings" in p.path]
    assert sorted(p.line for p in errors) == [1, 2, 3, 5], [str(p) for p in errors]
    dataset = _dataset_with(tmp_path / "ok", 'name: "Brighton & Hove"\npublisher: "Brighton & Hove"\n',
                            ("north-somerset",))
    engine: dict[str, object] = {"extra": {}}
    site_engine(engine, dataset, [])
    assert engine["site_name"] == "Brighton & Hove"  # the theme escapes it where it must; & alone reads the same
    assert engine["copyright"] == "Published by Brighton &amp; Hove."  # printed as HTML by the theme


def test_setup_refuses_without_changing_anything(tmp_path: Path) -> None:
    from arrangements.features.adopt import SetupError, setup

    data = tmp_path / "data"
    shutil.copytree(REPO / "data", data)
    posts = tmp_path / "posts"
    shutil.copytree(REPO / "docs" / "news" / "posts", posts)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    for pid, name, domain in [("Exampleshire", "Exampleshire SCP", None), ("exampleshire", "<b>SCP</b>", None),
                              ("exampleshire", "Exampleshire SCP", "not a domain")]:
        with pytest.raises(SetupError):
            setup(pid, name, data, domain, posts=posts)
        assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    setup("exampleshire", "Exampleshire SCP", data, posts=posts)
    with pytest.raises(SetupError, match="set up already"):  # a second run would remove the partnership's own data
        setup("other", "Other SCP", data, posts=posts)
    assert (data / "partnerships" / "exampleshire").is_dir()


@pytest.mark.parametrize(("address", "domain"), [
    ("https://www.exampleshire-scp.org.uk/", "www.exampleshire-scp.org.uk"),
    ("https://Example.org/sub/", "example.org"),
    ("https://exampleshire.github.io/scp-site/", None),   # GitHub's own address needs no CNAME
    (None, None),
])
def test_custom_domain(address: str | None, domain: str | None) -> None:
    from arrangements.features.settings import custom_domain

    assert custom_domain(address) == domain


def test_workflows_are_valid_and_keep_form_text_out_of_the_shell() -> None:
    import yaml

    setup_flow = yaml.safe_load((REPO / ".github" / "workflows" / "setup.yml").read_text(encoding="utf-8"))
    publish = yaml.safe_load((REPO / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    assert "workflow_call" in publish[True] and setup_flow["jobs"]["publish"]["uses"].endswith("publish.yml")
    for step in setup_flow["jobs"]["setup"]["steps"]:
        assert "${{" not in step.get("run", ""), step  # inputs reach the shell only as environment variables
