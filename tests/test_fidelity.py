"""The bundled partnerships say what their source documents say, and nothing more.

Read as a visitor would: the built pages a reader opens (overview, structure,
group pages, scrutiny and funding, for agencies, what changed). Each test
names the seed document and the line of it that settles the fact. An
invented fact is worse than a blank: the absences are asserted as firmly as
the facts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_site_pages import article, page, text_of


def words(site: Path, url: str) -> str:
    """Visible words of a page's article, without the headings' permalink marks."""
    return " ".join(text_of(article(site, url)).replace("¶", " ").split())


def between(text: str, start: str, end: str) -> str:
    """The words of one section of a page."""
    return text[text.index(start): text.index(end, text.index(start))]


def chart(site: Path, url: str) -> str:
    import html

    return html.unescape(re.search(r'<pre class="mermaid"><code>(.*?)</code></pre>', page(site, url), re.S).group(1))


# --- Seed 000: Southampton SCASP proposed terms of reference, August 2024 --------------------

SCASP = "southampton/versions/2024"


def test_scasp_proposal_is_not_shown_as_part_of_hips(built_site: Path) -> None:
    # The proposal only says Southampton keeps links with Portsmouth, Hampshire and the Isle of Wight.
    overview = words(built_site, SCASP)
    assert "This partnership is part of" not in overview
    assert "Hampshire, Isle of Wight, Portsmouth and Southampton" not in overview
    assert "keep links with Portsmouth, Hampshire and the Isle of Wight" in overview
    assert "Status: Proposed" in overview and "Date agreed To be confirmed" in overview


def test_scasp_names_no_lead_partner_and_cites_its_author(built_site: Path) -> None:
    overview = words(built_site, SCASP)
    accountable = between(overview, "Who is accountable", "Who chairs the partnership")
    assert "Chief Executive" not in accountable  # no lead partner is named; the council's CE chairs the Executive
    assert "Who chairs the partnership To be confirmed" in overview
    versions = words(built_site, "southampton/versions")
    assert "by Rebecca Holdsworth, 8 August 2024" in versions
    assert "published by Southampton City Council" not in versions


def test_scasp_groups_have_no_invented_reporting_lines(built_site: Path) -> None:
    structure = words(built_site, f"{SCASP}/structure")
    for group in ("Partnership Review Group (review group", "Learning and Development Group (subgroup",
                  "Practice and Performance Improvement Group (QA) (subgroup", "Task and finish groups (task"):
        assert group in structure
    assert between(structure, "Structure in words", "In the chart").count("reporting line to be confirmed") == 4
    drawn = chart(built_site, f"{SCASP}/structure")
    assert "--> g_systems_board" not in drawn
    assert "g_systems_board --> g_executive" in drawn  # it gives assurance to the Executive
    task = words(built_site, f"{SCASP}/groups/task-and-finish")
    assert "monitor progress quarterly through the Business Groups" in task
    assert "Reports to To be confirmed" in task


def test_scasp_systems_board_and_subgroup_rules(built_site: Path) -> None:
    board = words(built_site, f"{SCASP}/groups/systems-board")
    assert "Members Chairs of the subgroups Other key partners" in board
    # (the first DSP on a page is spelled out: see test_abbreviations.py)
    assert "Chair Independent Scrutineer / delegated safeguarding partner ( DSP )" in board
    assert "How often it meets To be confirmed" in board
    assert "a representative attends on their behalf" in board
    assert "Each group decides how often it needs to meet" in board
    learning = words(built_site, f"{SCASP}/groups/learning-development")
    assert "The proposal calls it a joint subgroup." in learning
    assert "for children and adults" not in learning  # joint with whom, the proposal does not say
    assert "Analyse and evidence the impact of the learning and development strategy." in learning


def test_what_changed_invents_no_rename(built_site: Path) -> None:
    changes = words(built_site, "southampton/changes")
    assert " renamed " not in changes
    assert "Listed for the first time: Practice and Performance Improvement Group (QA)" in changes
    assert "Integrated Care Board is now" not in changes  # the proposal does not name the ICB: not a change


# --- Seed 001: Southampton Safeguarding Children Partnership arrangements 2022 ----------------

def test_sscp_approvals_are_signed_off_by_on_the_overview(built_site: Path) -> None:
    overview = words(built_site, "southampton")
    signed = between(overview, "Signed off by", "Who chairs the partnership")
    assert "Southampton City Council: Rob Henderson , Executive Director Wellbeing" in signed
    assert "Maggie MacIsaac , Chief Executive of the Integrated Care Board ( ICB )" in signed
    assert "Phil Lamb , District Commander" in signed
    assert '"HIOWS ICS, Accountable Officer"' in signed
    accountable = between(overview, "Who is accountable", "Signed off by")
    assert "Chief Constable" not in accountable and "Chief Officer of Police" in accountable
    assert "Southampton's representative at the HIPS Executive Group" in accountable
    assert "Date agreed To be confirmed" in overview  # titled 2022, but no date of agreement is given


def test_sscp_chair_and_scrutineer_duties(built_site: Path) -> None:
    overview = words(built_site, "southampton")
    chair = between(overview, "Who chairs the partnership", "Area covered")
    assert "Independent Chair; also Independent Scrutineer" in chair
    for duty in ("work well for children", "strong, independent leadership", "challenges the statutory partners",
                 "Hampshire-wide safeguarding system", "champions the safeguarding of children in Southampton"):
        assert duty in chair
    governance = words(built_site, "southampton/governance")
    assert "accountable to the chief executives of the local authorities" in governance


def test_sscp_agencies_as_named(built_site: Path) -> None:
    agencies = words(built_site, "southampton/for-agencies")
    assert "Southampton Standing Advisory Committee for Religious Education (SACRE)" in agencies
    assert "Advisory Council on Religious Education" not in agencies
    assert ("For academies, independent and free schools, representation through the local authority "
            "Education Services representative will be agreed.") in agencies
    assert "are represented through the same route" not in agencies
    residential = between(agencies, "Independent residential units", "The local authority and Integrated")
    assert "children's homes" in residential and "childcare" not in residential


def test_sscp_rapid_review_escalation_is_either_or(built_site: Path) -> None:
    governance = words(built_site, "southampton/governance")
    disagree = between(governance, "When agencies disagree", "Reviewing the arrangements")
    assert "about the outcome of a rapid review" in disagree
    assert ("either to their own senior safeguarding partner representative or to the SSCP Safeguarding "
            "Partners Executive") in disagree
    assert " first " not in disagree and " then " not in disagree
    assert "Disagreements at a group" not in disagree


def test_sscp_links_with_hips_executive_and_invented_group_facts_are_gone(built_site: Path) -> None:
    partnership = words(built_site, "southampton/groups/partnership")
    assert "Links with HIPS Executive Group" in partnership
    assert "Reports to None: it is the top group" in partnership
    assert "g_partnership --> x_hips_executive" not in chart(built_site, "southampton/structure")
    business = words(built_site, "southampton/groups/business-group")
    for blank in ("Members To be confirmed", "Quorum (when it can make decisions) To be confirmed",
                  "Reports to To be confirmed"):
        assert blank in business
    assert "Shared with Southampton Safeguarding Adults Board" in business
    learning = words(built_site, "southampton/groups/serious-incidents-learning")
    assert "Members To be confirmed" in learning
    assert "delegated to each partner's representative at the group" in learning


def test_hips_says_only_what_southampton_says_of_it(built_site: Path) -> None:
    overview = words(built_site, "hips")
    for invented in ("Hampshire Safeguarding Children Partnership", "Portsmouth Safeguarding Children Partnership",
                     "Isle of Wight Safeguarding Children Partnership", "Hampshire County Council",
                     "Portsmouth City Council", "Isle of Wight Council"):
        assert invented not in overview, invented
    accountable = between(overview, "Who is accountable", "Who chairs the partnership")
    assert "Director of Children's Services" not in accountable and "Chief Superintendent" not in accountable
    health = words(built_site, "hips/groups/health")
    assert "Core members of the Isle of Wight Health Subgroup, including its chair" in health
    assert "Health safeguarding leads" not in health
    assert "Links with Isle of Wight Health Subgroup" in health
    # "The HIPS Executive is chaired by an Independent Chair": the Executive's chair, not the arrangement's.
    assert "Who chairs the partnership To be confirmed" in overview
    executive = words(built_site, "hips/groups/executive")
    assert "Chair Independent Chair" in executive
    assert "Robert Henderson, Matthew Richardson and Phil Lamb" in executive
    assert "Regional Schools Commissioner, invited by the safeguarding partners, to represent academies" in executive


# --- Seed 002: North Somerset SCP structure, May 2022 ---------------------------------------

def test_north_somerset_names_no_partner_organisation(built_site: Path) -> None:
    overview = words(built_site, "north-somerset")
    for invented in ("North Somerset Council", "Avon and Somerset",
                     "Bristol, North Somerset and South Gloucestershire"):
        assert invented not in overview, invented
    assert "Date agreed To be confirmed" in overview
    governance = words(built_site, "north-somerset/governance")
    assert "Who To be confirmed" in governance  # the structure never says who scrutinises


def test_north_somerset_case_reviews_link_with_the_adults_board(built_site: Path) -> None:
    group = words(built_site, "north-somerset/groups/case-reviews")
    assert "Links with Adult Safeguarding Board" in group
    assert "Shared with" not in group and "North Somerset Safeguarding Adults Board" not in group
    structure = words(built_site, "north-somerset/structure")
    assert "(links with Adult Safeguarding Board)" in structure and "joint with" not in structure
    assert 'g_case_reviews -.-|"links with"| o_adults_board' in chart(built_site, "north-somerset/structure")


def test_north_somerset_invented_group_facts_are_gone(built_site: Path) -> None:
    executive = words(built_site, "north-somerset/groups/executive")
    assert "Members To be confirmed" in executive
    for group in ("neglect", "exploitation"):
        assert "Chair To be confirmed" in words(built_site, f"north-somerset/groups/{group}")
    operational = words(built_site, "north-somerset/groups/operational-planning")
    assert "Board of" not in operational
    assert "Reports to To be confirmed" in operational


def test_north_somerset_agencies_and_subgroups_as_the_source_says(built_site: Path) -> None:
    agencies = words(built_site, "north-somerset/for-agencies")
    assert agencies.count("Members of the subgroups and relevant action groups.") == 10
    learning = words(built_site, "north-somerset/groups/learning-development")
    assert "The safeguarding partners Relevant agencies that play a critical role" in learning
    assert "Reports to Executive Leadership Group" in learning
    comms = words(built_site, "north-somerset/groups/communications-engagement")
    assert "Evaluate the effectiveness of campaigns" in comms


# --- Seed 004: Pan-Sussex proposal, May 2024 ------------------------------------------------

SUSSEX = ["pan-sussex", "brighton-and-hove", "east-sussex", "west-sussex"]


@pytest.mark.parametrize("pid", SUSSEX)
def test_sussex_proposal_is_not_agreed(built_site: Path, pid: str) -> None:
    overview = words(built_site, pid)
    assert "Status: Proposed" in overview
    assert "Date agreed To be confirmed" in overview and "Agreed May 2024" not in overview
    assert "Takes effect 1 September 2024" in overview
    for invented in ("Brighton & Hove City Council", "East Sussex County Council", "West Sussex County Council"):
        assert invented not in overview, invented


@pytest.mark.parametrize("pid", SUSSEX[1:])
def test_sussex_area_groups_have_no_invented_lines_or_partners(built_site: Path, pid: str) -> None:
    overview = words(built_site, pid)
    accountable = between(overview, "Who is accountable", "Who chairs the partnership")
    assert "Director of Children's Services" not in accountable  # the DCS chairs; it is not named DSP
    partnership = words(built_site, f"{pid}/groups/partnership")
    assert "Reports to None: it is the top group" in partnership
    assert "lead safeguarding partners (and delegated safeguarding partners)" in partnership
    engagement = words(built_site, f"{pid}/groups/engagement-group")
    assert "Reports to To be confirmed" in engagement
    assert "replaces all the current boards, steering groups and local liaison groups" in engagement
    assert "Build understanding, trust and mutual regard between local agencies." in engagement
    governance = words(built_site, f"{pid}/governance")
    assert "When agencies disagree To be confirmed" in governance


def test_sussex_executive_and_subgroups_as_proposed(built_site: Path) -> None:
    executive = words(built_site, "pan-sussex/groups/executive")
    assert "Chair Rotates between Sussex Police and NHS Sussex Integrated Care Board" in executive
    assert "Delegated Safeguarding Partner of Sussex Police or NHS Sussex" not in executive
    assert "Investment decisions are for each agency" in executive
    for group, invented in (("policies-procedures", "Keeps the shared Sussex"),
                            ("learning-development", "Plans and delivers")):
        text = words(built_site, f"pan-sussex/groups/{group}")
        assert "Purpose To be confirmed" in text and invented not in text
    governance = words(built_site, "pan-sussex/governance")
    disagree = between(governance, "When agencies disagree", "Reviewing the arrangements")
    assert "consensus" not in disagree and "To be confirmed" in disagree
    overview = words(built_site, "pan-sussex")
    assert "Who chairs the partnership To be confirmed" in overview


def test_checklist_names_unnamed_partners_by_what_they_are(built_site: Path) -> None:
    # Blanking an organisation the source does not name must not put an id on the page instead.
    checklist = words(built_site, "pan-sussex/checklist")
    assert "brighton-and-hove-council" not in checklist
    assert "Local authority (partner 3)" in checklist


def test_what_changed_does_not_say_a_group_or_agency_was_dropped(built_site: Path) -> None:
    # Seed 000 does not describe the Business Group (it mentions "the Business Groups" once) and lists
    # no relevant agencies: it does not say either was dropped.
    changes = words(built_site, "southampton/changes")
    assert "Not listed in the later version: Business Group (the later version does not describe it)." in changes
    assert "Not named in the later version: CAFCASS." in changes
    assert "no longer in the arrangements" not in changes and "No longer named" not in changes
