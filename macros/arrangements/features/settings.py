"""Site settings: what a partnership sets once, in data/site/settings.yml.

The name shown, the logo and favicon, the colours, the web address, the
footer's publisher line, the site-wide contacts, the quick-exit destination
and which partnerships the site is for. A communications officer edits this
file, never `mkdocs.yml`: `arrangements generate` writes what the engines
need from it (see engine.py), and `make validate` checks it with the data,
each problem as `file:line:column: what is wrong — what to do`.

Nothing here invents a fact: a blank is left out of the site (no footer
line, no logo) or the engine's neutral default is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from arrangements.data.dataset import Dataset
from arrangements.data.load import Document, read_document
from arrangements.data.model import Contact, Id, Strict
from arrangements.data.paths import LINK_HINT, link_problem
from arrangements.data.problems import Problem, ProblemList, did_you_mean
from arrangements.data.schema import describe, validate_partial
from arrangements.data.structure import Field, StringConstraints
from arrangements.data.validate import dataset_check

SETTINGS_FILE = Path("site") / "settings.yml"      # under data/
SHOWN = f"data/{SETTINGS_FILE.as_posix()}"
# Why a fixed folder: the loader reads only inside data/, and a logo is data the comms team owns.
ASSETS_DIR = Path("site")
MAX_IMAGE_BYTES = 1_000_000

# Guides for whoever maintains the site: kept in docs/ for the repository, out of the public site.
MAINTAINER_GUIDES = ("accessibility-audit.md", "architecture.md", "contributing.md", "data-format.md",
                     "performance.md", "robustness.md", "setup.md", "yearly-reports.md")

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}\Z"),
                   Field(description="A colour as # and six hex digits, e.g. `#1d4f91`.")]
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%/-]*)?\Z",
                                            max_length=300)]
ImageFile = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*\.(svg|png|jpg|jpeg|webp|ico)\Z",
                                             max_length=100)]
# Why no < > " ` or character references: the theme prints the name both as HTML and as escaped
# text, so only a name that reads the same either way can be shown safely in both.
DisplayText = Annotated[str, StringConstraints(pattern=r"^(?!.*&[#A-Za-z0-9]+;)[^<>\"`\\{}]+\Z", max_length=120)]


class Colours(Strict):
    """The site's colours. Each pair is checked for contrast (WCAG 2.2 AA, 4.5:1) in light and dark."""

    header: Colour | None = Field(None, description="Background of the top bar, in light and dark.")
    header_text: Colour | None = Field(None, description="Text on the top bar (default white, `#ffffff`).")
    link: Colour | None = Field(None, description="Links on the light (white) background.")
    link_dark: Colour | None = Field(None, description="Links on the dark background (`#1e2129`).")


class SiteSettings(Strict):
    """data/site/settings.yml: one file a partnership sets once."""

    name: DisplayText | None = Field(
        None, description="The site's name, in the top bar and the browser tab. Blank: a single partnership's "
                          "site takes the partnership's name.")
    short_name: DisplayText | None = Field(None, description="Short name, e.g. `NSSCP`: the news feed's title.")
    shape: Literal["single", "multi-area", "directory"] | None = Field(
        None, description="`single` (the home page is the partnership), `multi-area` (several partnerships "
                          "working together) or `directory` (many). Blank: one partnership in the data is a "
                          "single partnership's site, several a multi-area site.")
    partnerships: list[Id] = Field(
        default_factory=list, description="Ids (folder names under data/partnerships/) of the partnerships this "
                                          "site is for. Blank: every partnership in the data.")
    logo: ImageFile | None = Field(None, description="Logo file in data/site/, e.g. `logo.svg`.")
    favicon: ImageFile | None = Field(None, description="Browser tab icon file in data/site/, e.g. `favicon.png`.")
    colours: Colours | None = Field(None, description="The site's colours. Blank: the theme's own, already checked.")
    address: HttpsUrl | None = Field(
        None, description="The site's web address, e.g. `https://www.example-scp.org.uk/`. A custom domain gets "
                          "a CNAME file for GitHub Pages.")
    repository: HttpsUrl | None = Field(
        None, description="The site's repository on GitHub, e.g. `https://github.com/exampleshire/scp-site`: "
                          "each page's Edit button opens its file there. Blank: no Edit button, no repository link.")
    publisher: DisplayText | None = Field(
        None, description="Who publishes the site, for the footer: `Published by ...`. Blank: no footer line.")
    quick_exit: HttpsUrl | None = Field(
        None, description="Where the Exit this page button goes, e.g. `https://www.bbc.co.uk/weather`.")
    contacts: list[Contact] = Field(
        default_factory=list, description="Contacts shown on pages that belong to no partnership (the home page, "
                                          "news), e.g. 999, 101 and the NSPCC helpline.")


@dataclass(frozen=True)
class Loaded:
    settings: SiteSettings | None
    doc: Document | None


# --- Contrast (WCAG 2.2 relative luminance) ---------------------------------

WHITE, DARK_BACKGROUND = "#ffffff", "#1e2129"   # Material's page backgrounds, light and dark
MIN_CONTRAST = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colour_pairs(colours: Colours) -> list[tuple[str, str, str, str]]:
    """(field, text colour, background, what it is): the pairs a reader sees, with defaults filled in."""
    pairs = []
    if colours.header or colours.header_text:
        pairs.append(("header" if colours.header else "header_text", colours.header_text or WHITE,
                      colours.header or "#4051b5", "text on the top bar, light and dark"))
    if colours.link:
        pairs.append(("link", colours.link, WHITE, "links on the white page"))
    if colours.link_dark:
        pairs.append(("link_dark", colours.link_dark, DARK_BACKGROUND, "links on the dark page"))
    return pairs


# --- Reading and checking ----------------------------------------------------

@lru_cache(maxsize=4)
def _read(path: Path, mtime: float) -> tuple[Loaded, tuple[Problem, ...]]:
    problems = ProblemList()
    doc = read_document(path, SHOWN, problems)
    if doc.data is None and not problems:
        return Loaded(SiteSettings.model_validate({}), doc), ()  # an empty file: every setting blank
    # Why partial: a broken value is blanked, so the other checks (files, contrast) still run.
    return Loaded(validate_partial(doc, SiteSettings, problems)[0], doc), tuple(problems)


def load(root: Path) -> tuple[Loaded, tuple[Problem, ...]]:
    path = root / SETTINGS_FILE
    if not path.exists():
        return Loaded(None, None), ()
    if reason := link_problem(path, root):
        return Loaded(None, None), (Problem(SHOWN, 1, 1, reason, LINK_HINT),)
    return _read(path, path.stat().st_mtime)


def settings_of(dataset: Dataset) -> SiteSettings:
    """The settings, or all blank when the file is missing or has errors (a build stops on those anyway)."""
    return dataset.memo("site-settings", lambda: load(dataset.root)[0].settings or SiteSettings.model_validate({}))


@dataset_check
def check_settings(dataset: Dataset) -> None:
    """Every problem in the settings is reported with the data's, in one run."""
    loaded, problems = load(dataset.root)
    dataset.problems.extend(problems)
    settings, doc = loaded.settings, loaded.doc
    if settings is None or doc is None:
        return

    def add(loc: tuple, message: str, hint: str) -> None:
        line, column = doc.mark(loc)
        dataset.problems.add(SHOWN, line, column, message, hint, where=describe(loc, doc.data))

    for field in ("logo", "favicon"):
        name = getattr(settings, field)
        if name:
            path = dataset.root / ASSETS_DIR / name
            if not path.is_file():
                add((field,), f"there is no file data/site/{name}",
                    f"put the {field} file in data/site/ with exactly this name, or leave `{field}:` blank")
            elif reason := link_problem(path, dataset.root):
                add((field,), reason, LINK_HINT)
            elif path.stat().st_size > MAX_IMAGE_BYTES:
                add((field,), f"data/site/{name} is larger than 1 MB",
                    "use a smaller image (an SVG, or a PNG under 200 KB)")
    known = sorted({*dataset.partnerships, *dataset.unloaded})  # a folder with errors is still known
    for index, pid in enumerate(settings.partnerships):
        if pid not in known:
            add(("partnerships", index), f"there is no partnership '{pid}' in data/partnerships/",
                join(did_you_mean(pid, known), "use a folder name under data/partnerships/ (" + ", ".join(known) + ")"))
    if settings.shape == "single" and len(for_site_ids(dataset, settings)) > 1:
        add(("shape",), "`shape: single` but the site holds several partnerships",
            "list the one partnership under `partnerships:`, or write `shape: multi-area`")
    if settings.colours:
        for field, text, background, what in colour_pairs(settings.colours):
            ratio = contrast(text, background)
            if ratio < MIN_CONTRAST:
                add(("colours", field), f"{text} on {background} ({what}) has a contrast of {ratio:.2f}:1, "
                    f"below {MIN_CONTRAST}:1, so many people cannot read it",
                    "choose a darker colour for text on a light background, a lighter one on a dark background "
                    "(check with a contrast checker such as WebAIM's)")


def join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


# --- What the settings decide ----------------------------------------------

def for_site_ids(dataset: Dataset, settings: SiteSettings) -> list[str]:
    return [p for p in settings.partnerships if p in dataset.partnerships] or sorted(dataset.partnerships)


def shape(dataset: Dataset) -> str:
    settings = settings_of(dataset)
    if settings.shape:
        return settings.shape
    # Why the settings first: a site for one partnership may publish another it links to (its multi-area one).
    return "single" if len(settings.partnerships) == 1 or len(dataset.partnerships) == 1 else "multi-area"


def home_partnership(dataset: Dataset) -> str | None:
    """The partnership whose site this is, on a single partnership's site."""
    if shape(dataset) != "single" or not dataset.partnerships:
        return None
    wanted = settings_of(dataset).partnerships
    return wanted[0] if wanted and wanted[0] in dataset.partnerships else next(iter(sorted(dataset.partnerships)))


def custom_domain(address: str | None) -> str | None:
    """`www.example-scp.org.uk` for a custom domain; None for a github.io address or none."""
    if not address:
        return None
    host = re.sub(r"^https://", "", address).split("/", 1)[0].split(":", 1)[0].lower()
    return None if host.endswith(".github.io") else host


def default_panel(dataset: Dataset, panels: dict[str, dict]) -> dict[str, dict]:
    """The help panel on pages of no partnership: the site's own partnership's, else the settings' contacts."""
    home = home_partnership(dataset)
    if home and home in panels:
        return {"_default": panels[home]}
    contacts = [c for c in settings_of(dataset).contacts if c.phone or c.url]
    if contacts:
        return {"_default": {"name": "", "contacts": [c.model_dump(exclude_none=False) for c in contacts]}}
    return {}
