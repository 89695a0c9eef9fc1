"""The accessibility statement, generated from data/site/accessibility.yml.

UK public sector websites must publish one (2018 regulations); keeping it
as data means the comms team updates it after each audit without code.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from arrangements.data.dataset import Dataset
from arrangements.data.load import read_document
from arrangements.data.model import DateText, Line, Strict, Text
from arrangements.data.paths import LINK_HINT, link_problem
from arrangements.data.phone import UkPhone, dial_digits
from arrangements.data.problems import Problem, ProblemList
from arrangements.data.schema import validate_document
from arrangements.data.structure import Field, StringConstraints
from arrangements.data.validate import dataset_check
from arrangements.rendering.dates import long_date
from arrangements.rendering.pages import Page, call, page_maker, renderer
from arrangements.rendering.text import TBC, block, escape, inline, link


class StatementContact(Strict):
    email: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$",
                                            max_length=200)] | None = Field(
        description="Team address people write to about accessibility. Blank until you have one: the statement "
                    "shows To be confirmed, never an address that is not yours.")
    phone: UkPhone | None = Field(None, description="Team phone number, if any.")
    response_days: int = Field(5, ge=1, le=60, description="Working days within which you reply.")


class KnownIssue(Strict):
    issue: Text = Field(description="What does not meet the standard, in plain words.")
    plan: Text = Field(description="What we do about it, and by when.")


class AccessibilityStatement(Strict):
    organisation: Line
    contact: StatementContact
    standard: Line
    compliance: Literal["fully", "partially", "not"]
    compliance_note: Text
    known_issues: list[KnownIssue] = Field(default_factory=list)
    alternative_formats: Text
    enforcement: Text
    how_tested: Text
    prepared: DateText
    last_tested: DateText | None = Field(
        description="When this site's pages were last tested. Blank: the statement says they have not been yet.")


STATEMENT_FILE = Path("site") / "accessibility.yml"
_COMPLIANCE = {"fully": "fully compliant", "partially": "partially compliant", "not": "not compliant"}


@lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> tuple[AccessibilityStatement | None, tuple[Problem, ...]]:
    problems = ProblemList()
    doc = read_document(path, f"data/{STATEMENT_FILE}", problems)
    statement = validate_document(doc, AccessibilityStatement, problems)
    return statement, tuple(problems)


def statement(dataset: Dataset) -> AccessibilityStatement | None:
    path = dataset.root / STATEMENT_FILE
    if not path.exists() or link_problem(path, dataset.root):
        return None
    return _load(path, path.stat().st_mtime)[0]


@dataset_check
def check_statement(dataset: Dataset) -> None:
    """Problems in the statement file are reported with all the others."""
    path = dataset.root / STATEMENT_FILE
    if reason := path.exists() and link_problem(path, dataset.root):
        dataset.problems.add(f"data/{STATEMENT_FILE}", 1, 1, reason, LINK_HINT)
    elif path.exists():
        dataset.problems.extend(_load(path, path.stat().st_mtime)[1])


@page_maker
def statement_page(dataset: Dataset) -> Iterator[Page]:
    if (dataset.root / STATEMENT_FILE).exists():
        yield Page("accessibility.md", "Accessibility statement", call("accessibility_statement"),
                   section=("About this site",), data_file=f"data/{STATEMENT_FILE}", order=90)


@renderer("accessibility_statement")
def render_statement(dataset: Dataset) -> str:
    data = statement(dataset)
    if data is None:
        return ""
    contact = data.contact
    phone = f" or call {link(contact.phone, 'tel:' + dial_digits(contact.phone))}" if contact.phone else ""
    email = link(contact.email, f"mailto:{contact.email}") if contact.email else TBC
    tested = (f"The website was last tested on {escape(long_date(data.last_tested))}." if data.last_tested
              else "This website's own pages have not been tested yet.")
    issues = "\n\n".join(f"**{inline(item.issue)}**\n\n{block(item.plan)}" for item in data.known_issues)
    return f"""This statement covers this website, published by {inline(data.organisation)}.
We want as many people as possible to be able to use it: you should be able to zoom in to 400%
without text spilling off the screen, move around using just a keyboard, and use a screen reader.

## How accessible this website is

The standard we test against is {inline(data.standard)}. This website is
**{_COMPLIANCE[data.compliance]}**. {block(data.compliance_note)}

## What does not work yet

{issues or "We know of no problems. Tell us if you find one."}

## Getting information in another format

{block(data.alternative_formats)}

Email {email}{phone}. We reply within {contact.response_days} working days.

## Reporting a problem with this website

If you find a problem that is not listed here, or think we are not meeting the requirements,
email {email}.

## Enforcement

{block(data.enforcement)}

## How we tested this website

{block(data.how_tested)}

This statement was prepared on {escape(long_date(data.prepared))}.
{tested}
"""
