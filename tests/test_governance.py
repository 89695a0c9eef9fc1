"""The governance model as a reader sees it: a made-up partnership with every trait the format must say.

tests/fixtures/governance/exampleshire holds co-chairs with a six-monthly
rotation, a chair who left, two councils, education as a fourth partner, a
DSP rota, a joint children and adults partnership, groups that report to the
adults board, are accountable to the ICB and link with a community safety
partnership, meeting rules, an ended group, a changed footprint and an
18-month yearly report. A real strict build; the words asserted are the
words on the page.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, build_site, data_with
from test_site_pages import article, page, text_of

FIXTURE = Path(__file__).parent / "fixtures" / "governance"
TODAY = "2026-01-15"


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return data_with(tmp_path_factory, FIXTURE, "governance")


@pytest.fixture(scope="module")
def site(data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("governance-site")
    os.environ["ARRANGEMENTS_TODAY"] = TODAY
    try:
        result = build_site(out, data)
    finally:
        del os.environ["ARRANGEMENTS_TODAY"]
    if result.returncode != 0:
        pytest.fail(result.stdout[-3000:] + result.stderr[-3000:])
    return out


def words(site: Path, url: str) -> str:
    return text_of(article(site, url))


def test_co_chairs_rotation_and_chair_history(site: Path) -> None:
    overview = words(site, "exampleshire")
    assert "Co-chairs: Co-chair; rotates between NHS Exampleshire Integrated Care Board and Exampleshire Police " \
           "every 6 months; held now by Exampleshire Police; from 1 October 2024" in overview
    assert "Jo South , Director of Adult Services; from South Exampleshire Council; from 1 October 2024" in overview
    markup = article(site, "exampleshire")
    history = markup[markup.index("Earlier and later chairs"):]
    assert "Independent Chair; until 30 September 2024" in text_of(history)
    assert "<details" in markup  # the history is one click away, closed


def test_partners_beyond_three(site: Path) -> None:
    overview = words(site, "exampleshire")
    assert "Local authority North Exampleshire Council" in overview
    assert "Local authority South Exampleshire Council" in overview
    assert "Education Exampleshire Schools Forum" in overview
    # the DSP rota: today's holder in the table, the earlier one in the history
    assert "Director of Education; from 1 July 2025" in overview
    assert "Director of Children's Services; from 1 January 2025; until 30 June 2025" in overview
    assert "South Exampleshire Council: services delivered by Exampleshire Children's Trust." in overview
    assert "The delegation covers children's and adults' safeguarding." in overview
    assert "Signed off by" in overview and "North Exampleshire Council: Alex North , Chief Executive" in overview


def test_footprint_names_and_other_roles(site: Path) -> None:
    overview = words(site, "exampleshire")
    assert "Earlier names: Exampleshire Safeguarding Children Board (until September 2019)." in overview
    assert "The partnership also acts as the Community Safety Partnership for Exampleshire." in overview
    board = words(site, "exampleshire/groups/children-board")
    assert "Board in ECASP , for children, covering South Exampleshire" in board
    assert "North Exampleshire (until March 2024): South Exampleshire joined on 1 April 2024." in \
        words(site, "exampleshire")


def test_groups_say_whom_they_serve_and_relate_to(site: Path) -> None:
    adults = words(site, "exampleshire/groups/adults-group")
    assert "Subgroup in ECASP , for adults" in adults
    assert "Reports to Exampleshire Safeguarding Adults Board (outside the partnership)" in adults
    cdop = words(site, "exampleshire/groups/cdop")
    assert "Accountable to NHS Exampleshire Integrated Care Board (board) (outside the partnership)" in cdop
    assert "Links with Safer Exampleshire Partnership (outside the partnership)" in cdop
    assert "How often it meets Six-weekly" in cdop
    assert "How often it meets Termly" in words(site, "exampleshire/groups/children-board")


def test_unknown_reporting_line_is_to_be_confirmed_not_the_top(site: Path) -> None:
    young = words(site, "exampleshire/groups/young-voices")
    assert "Reports to To be confirmed" in young
    assert "top of the structure" not in young
    assert "None: it is the top group in these arrangements" in words(site, "exampleshire/groups/executive")


def test_meeting_rules_and_member_status(site: Path) -> None:
    executive = words(site, "exampleshire/groups/executive")
    assert "Co-chairs: Chief Constable; from Exampleshire Police Chief Nurse; from NHS Exampleshire" in executive
    assert "Independent Scrutineer (non-voting member)" in executive
    assert "Lay member (observer)" in executive
    assert "How often it meets Bi-monthly" in executive
    assert ("If a meeting is not quorate The meeting goes ahead and decisions are ratified at the next quorate "
            "meeting.") in executive
    assert "Deputies Deputies may attend with full authority to decide." in executive
    assert "Papers Papers go out 5 working days before." in executive


def test_ended_group_says_when_and_what_replaced_it(site: Path) -> None:
    ended = words(site, "exampleshire/groups/workstreams")
    assert "No longer running Ended in March 2025. Its work passed to Children's Board ." in ended


def test_chart_draws_outside_bodies_and_three_kinds_of_line(site: Path) -> None:
    markup = html.unescape(page(site, "exampleshire/structure"))
    assert 'o_adults_board[["Exampleshire Safeguarding Adults Board<br/><small>Outside the partnership' in markup
    assert "g_adults_group --> o_adults_board" in markup
    assert 'g_cdop ==>|"accountable to"| o_icb_board' in markup
    assert 'g_cdop -.-|"links with"| o_community_safety' in markup
    assert "Young Voices Group<br/><small>Young people's group, reporting line to be confirmed" in markup
    text = words(site, "exampleshire/structure")
    assert "Exampleshire Safeguarding Adults Board (outside the partnership) Adults' Practice Group" in text
    assert ("Child Death Overview Panel (review group, reporting line to be confirmed; is accountable to NHS "
            "Exampleshire Integrated Care Board (board); links with Safer Exampleshire Partnership; is supported by "
            "Young Voices Group)") in text
    assert "Neglect workstream (ended March 2025)" in text
    assert "Bodies outside the partnership" in text
    assert "Westshire Safeguarding Children Partnership (another partnership)" in text


def test_what_changed_names_things_never_ids(site: Path) -> None:
    changes = words(site, "exampleshire/changes")
    assert "Education: Exampleshire Schools Forum" not in changes  # a sentence, not a table row
    assert "Exampleshire Schools Forum joined as a partner." in changes
    assert "South Exampleshire Council joined as a partner." in changes
    assert "Partnership chair: before, Independent Chair; now" in changes
    assert "Listed for the first time: Children's Board (the earlier version does not mention it)." in changes
    assert "Not listed in the later version: Practice Forum (the later version does not describe it)." in changes
    for identifier in ("north-council", "south-council", " icb ", "police,"):
        assert identifier not in changes


def test_earlier_version_banner_is_a_sentence(site: Path) -> None:
    old = words(site, "exampleshire/versions/2023")
    assert ("This is an earlier version of the arrangements, in force until 1 April 2025. The current "
            "arrangements are") in old


def test_sources_name_author_and_version(site: Path) -> None:
    versions = words(site, "exampleshire/versions")
    assert "Exampleshire arrangements 2025 , version v2.1 final, by Partnership Business Unit, January 2025" \
        in versions


def test_report_over_eighteen_months(site: Path) -> None:
    report = words(site, "exampleshire/reports/2023-25")
    assert "yearly report for children and adults 2023-25" in report
    assert "This report covers 1 October 2023 to 31 March 2025." in report


def test_fixture_validates_with_no_warnings_about_the_period(data: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "arrangements", "validate", "--data", str(data)],
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO / "macros")})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "period" not in result.stdout


def _checked(data: Path, edit: str = "", replace: str = "") -> dict[str, dict[str, str]]:
    from arrangements.core import load_dataset
    from arrangements.features.checklist import check_version

    if edit:
        path = data.parent / "edited"
        shutil.rmtree(path, ignore_errors=True)
        shutil.copytree(data, path)
        file = path / "partnerships" / "exampleshire" / "arrangements" / "2025.yml"
        file.write_text(file.read_text(encoding="utf-8").replace(edit, replace), encoding="utf-8")
        data = path
    dataset = load_dataset(data)
    assert dataset.ok, [str(p) for p in dataset.problems]
    partnership = dataset.partnerships["exampleshire"]
    return {r.item: {"status": r.status, "detail": r.detail}
            for r in check_version(dataset, partnership, partnership.current)}


def test_check_lists_an_unknown_reporting_line_and_leaves_out_adults_only_groups(data: Path) -> None:
    structure = _checked(data)["structure"]["detail"]
    assert "Young Voices Group: purpose, chair, members, quorum, reporting line" in structure
    assert "Children's Board" in structure
    assert "Adults' Practice Group" not in structure  # the Care Act 2014 applies, not Working Together


def test_check_accepts_a_partnership_its_scrutineer_leads(data: Path) -> None:
    chair = "chair:\n  - role: Independent Chair\n    independent: true\n    until: 2024-09-30\n"
    text = (FIXTURE / "exampleshire" / "arrangements" / "2025.yml").read_text(encoding="utf-8")
    block = text[text.index(chair):text.index("groups:\n")]
    assert _checked(data, block, "led_by: scrutineer\n")["chair"]["status"] == "covered"
    assert _checked(data, block, "chair:\n")["chair"]["status"] == "to be confirmed"


def test_oversight_support_and_partnership_links(site: Path) -> None:
    markup = html.unescape(page(site, "exampleshire/structure"))
    assert 'g_executive -->|"oversees"| o_community_safety' in markup
    assert 'g_cdop -.->|"supported by"| g_young_voices' in markup
    text = words(site, "exampleshire/structure")
    assert "Safeguarding Executive (oversees Safer Exampleshire Partnership)" in text
    assert "The partnership works with Westshire Safeguarding Children Partnership." in words(site, "exampleshire")
    assert "Oversees Safer Exampleshire Partnership (outside the partnership)" in \
        words(site, "exampleshire/groups/executive")


def test_agreed_without_a_date(site: Path) -> None:
    assert "Date agreed The partners agreed them; the date is not given" in words(site, "exampleshire/versions/2023")
