"""Four real partnerships, written from their published web pages alone, then built and read as a reader would.

tests/fixtures/field holds Gloucestershire, City & Hackney, Shropshire and
Windsor & Maidenhead, each taken only from the research notes on their pages
(/work/research): what the pages do not say is blank. The notes' gaps and the
facts the format could not say are listed in the YAML comments (`could not
say`). One real strict build; the words asserted are the words on the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from arrangements.core import load_dataset
from conftest import build_site, data_with
from test_site_pages import article, text_of

FIXTURE = Path(__file__).parent / "fixtures" / "field"
IDS = {"gloucestershire", "city-and-hackney", "shropshire", "windsor-and-maidenhead"}


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return data_with(tmp_path_factory, FIXTURE, "field")


@pytest.fixture(scope="module")
def build(data: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    out = tmp_path_factory.mktemp("field-site")
    result = build_site(out, data)
    log = result.stdout + result.stderr
    unexpected = [line for line in log.splitlines() if line.startswith("WARNING")]
    if unexpected or not (out / "windsor-and-maidenhead" / "index.html").exists():
        pytest.fail(log[-4000:])
    return out, result.returncode


@pytest.fixture(scope="module")
def site(build: tuple[Path, int]) -> Path:
    return build[0]


def words(site: Path, url: str) -> str:
    return text_of(article(site, url))


def test_the_four_load_without_errors(data: Path) -> None:
    dataset = load_dataset(data)
    assert dataset.ok, "\n".join(str(p) for p in dataset.problems.sorted())
    assert set(dataset.partnerships) == IDS
    assert [v.id for v in dataset.partnerships["city-and-hackney"].versions] == ["2019", "2021", "2024"]


def test_strict_build_passes(build: tuple[Path, int]) -> None:
    assert build[1] == 0


def test_city_and_hackney_two_councils_two_forces_one_blank_health_partner(site: Path) -> None:
    overview = words(site, "city-and-hackney")
    accountable = overview[overview.index("Who is accountable"):overview.index("Who chairs")]
    for partner in ("Local authority Hackney Council", "Local authority The City of London Corporation",
                    "Police The Metropolitan Police Service (MPS)", "Police The City of London Police",
                    "Health (NHS) To be confirmed"):
        assert partner in accountable
    assert "Independent Safeguarding Children Commissioner" in overview
    hackney = words(site, "city-and-hackney/groups/hackney-board")
    assert "Quarterly" in hackney and "Nominated safeguarding partner representative" in hackney


def test_city_and_hackney_vice_chair_rotates_annually_in_the_earlier_version(site: Path) -> None:
    slt = words(site, "city-and-hackney/versions/2019/groups/slt")
    assert "This is not the current version" in slt
    assert "Vice chair Nominated safeguarding partner representative; rotates every year" in slt
    assert "A minimum of three times per year" in slt
    executive = words(site, "city-and-hackney/versions/2019/groups/executive")
    assert "Bi-monthly" in executive and "Other relevant agencies (invited)" in executive


def test_gloucestershire_districts_accountable_to_the_adults_board(site: Path) -> None:
    districts = words(site, "gloucestershire/groups/districts")
    assert ("Accountable to Gloucestershire Safeguarding Children Partnership (the partnership as a whole) and "
            "Gloucestershire Safeguarding Adults Board (outside the partnership)") in districts
    assert "At least four of the six districts must attend." in districts
    structure = words(site, "gloucestershire/structure")
    assert "Bodies outside the partnership" in structure


def test_gloucestershire_meeting_rules_and_member_classes(site: Path) -> None:
    management = words(site, "gloucestershire/groups/management")
    assert ("If a meeting is not quorate The chair decides which items on the agenda can go ahead, "
            "or cancels the meeting.") in management
    assert "Nominated Chair; nominated by GSCP Executive" in management
    executive = words(site, "gloucestershire/groups/executive")
    assert "Director of Education, Gloucestershire County Council (executive member)" in executive
    assert "Independent Scrutineer (non-executive member)" in executive
    assert "(associate member)" in words(site, "gloucestershire/groups/education")
    overview = words(site, "gloucestershire")
    assert "Gloucestershire Safeguarding Children Executive (GSCE) (from 15 July 2019)" in overview


def test_shropshire_also_the_adults_board_and_community_safety_partnership(site: Path) -> None:
    overview = words(site, "shropshire")
    assert "Children and adults safeguarding partnership covering Shropshire" in overview
    assert ("The partnership also acts as the Safeguarding Adult Board for Shropshire and the Community Safety "
            "Partnership for Shropshire.") in overview
    assert "Shropshire Safeguarding Partnership (from 2019, until March 2020)" in overview
    assert "Chief Nursing Officer" in overview and "Local Commander Shropshire" in overview
    forum = words(site, "shropshire/groups/lsp-forum")
    assert "Twice a year" in forum and "Shared with Telford and Wrekin Safeguarding Partnership" in forum
    assert "Independent Scrutineers (in attendance)" in forum
    shropshire_2020 = words(site, "shropshire/versions/2020")
    assert "Independent Chair" in shropshire_2020
    assert "the reason given was the withdrawal of Public Health funding" in shropshire_2020


def test_windsor_and_maidenhead_led_by_partners_scrutiny_partly_by_aidhour(site: Path) -> None:
    overview = words(site, "windsor-and-maidenhead")
    assert "The arrangements name no chair. The safeguarding partners lead the partnership together." in overview
    assert "Police Thames Valley Police Chief Constable" in overview
    governance = words(site, "windsor-and-maidenhead/governance")
    assert "Who External agency, Aidhour; independent of the partners" in governance
    assert "partly provided through the appointment of an external agency, Aidhour" in governance
    steering = words(site, "windsor-and-maidenhead/groups/executive-steering")
    assert "Reports to Lead Safeguarding Partners" in steering
    assert "Quarterly" in words(site, "windsor-and-maidenhead/groups/lead-partners")
