"""The bundled seed partnerships load into the model with their facts intact."""

from __future__ import annotations

from pathlib import Path

import pytest
from arrangements.core import Dataset, load_dataset

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    data = load_dataset(REPO / "data")
    assert data.ok, [str(p) for p in data.problems]
    return data


def test_every_bundled_file_loads(dataset: Dataset) -> None:
    files = sorted((REPO / "data" / "partnerships").glob("*/arrangements/*.yml"))
    loaded = {v.source_path for p in dataset.partnerships.values() for v in p.versions}
    assert {f"data/{f.relative_to(REPO / 'data')}" for f in files} == loaded
    assert set(dataset.partnerships) == {"southampton", "hips", "north-somerset", "pan-sussex",
                                         "brighton-and-hove", "east-sussex", "west-sussex"}


def test_southampton_2022_names_its_delegated_partners(dataset: Dataset) -> None:
    version = next(v for v in dataset.partnerships["southampton"].versions if v.id == "2022")
    partners = {p.id: p for p in version.arrangements.partners}
    assert partners["icb"].delegate[0].name == "Matthew Richardson"
    assert partners["icb"].delegate[0].role == "Deputy Director of Quality and Nursing - Southampton"
    assert partners["council"].delegate[0].name == "Robert Henderson"
    assert partners["police"].delegate[0].name == "Phil Lamb"
    assert len(version.arrangements.relevant_agencies) == 14
    assert version.arrangements.multi_area == ["hips"]


def test_southampton_2022_is_current_and_2024_is_a_later_proposal(dataset: Dataset) -> None:
    southampton = dataset.partnerships["southampton"]
    assert [v.id for v in southampton.versions] == ["2022", "2024"]
    assert southampton.current.id == "2022"
    later = southampton.versions[1].arrangements
    assert later.status == "proposed" and later.kind == "combined"


def test_southampton_2024_blanks_are_recorded_as_to_be_confirmed(dataset: Dataset) -> None:
    scasp = dataset.partnerships["southampton"].versions[1].arrangements
    groups = {g.id: g for g in scasp.groups}
    assert groups["executive"].quorum is None
    assert groups["partnership-review-group"].chair is None
    # The proposal lists the board's members ("chairs of subgroups and key partners") but no frequency.
    assert [m.who for m in groups["systems-board"].membership] == ["Chairs of the subgroups", "Other key partners"]
    assert groups["systems-board"].frequency is None
    assert groups["learning-development"].frequency.per_year == 4


def test_north_somerset_structure(dataset: Dataset) -> None:
    groups = dataset.partnerships["north-somerset"].data.groups
    kinds = [g.kind for g in groups]
    assert kinds.count("subgroup") == 4 and kinds.count("working-group") == 2
    operational = next(g for g in groups if g.id == "operational-planning")
    assert operational.status == "planned" and operational.from_ == "2023"
    plus = next(g for g in groups if g.id == "executive-plus-chairs")
    assert plus.frequency.every_weeks == 8


def test_sussex_chair_rotates_between_police_and_icb(dataset: Dataset) -> None:
    sussex = dataset.partnerships["pan-sussex"].data
    assert sussex.kind == "multi-area"
    # The proposal gives the Sussex Executive's chair, not a chair of the arrangement as a whole.
    assert sussex.chair is None
    executive = next(g for g in sussex.groups if g.id == "executive")
    assert executive.chair[0].rotates_between == ["police", "icb"]
    assert executive.chair[0].role is None  # the proposal does not say the chair is a DSP
    assert executive.frequency.per_year == 2
    assert {m.partnership for m in sussex.members} == {"brighton-and-hove", "east-sussex", "west-sussex"}
    for area in ("brighton-and-hove", "east-sussex", "west-sussex"):
        groups = {g.id: g for g in dataset.partnerships[area].data.groups}
        # The proposal gives the area partnerships no reporting line to the Sussex Executive.
        assert groups["partnership"].reports_to == []
        assert dataset.partnerships[area].data.multi_area == ["pan-sussex"]
        assert groups["engagement-group"].kind == "engagement-group"


def test_hips_has_executive_and_three_subgroups(dataset: Dataset) -> None:
    hips = dataset.partnerships["hips"].data
    assert hips.kind == "multi-area"
    subgroups = [g.name for g in hips.groups if g.kind == "subgroup"]
    assert len(subgroups) == 3
    assert dataset.resolve_group("southampton", "hips/child-exploitation")[1].name == \
        "HIPS Strategic Child Exploitation Group"


def test_every_file_cites_its_source_document(dataset: Dataset) -> None:
    seeds = {p.name for p in (REPO.parent / "shared" / "seeds").glob("*.txt")} or None
    for partnership in dataset.partnerships.values():
        for version in partnership.versions:
            files = [s.file for s in version.arrangements.sources]
            assert files and all(files), f"{version.source_path} cites no source file"
            if seeds:
                assert set(files) <= seeds


def test_schema_file_is_up_to_date() -> None:
    from arrangements.data.schema import schema_text

    assert (REPO / "schema" / "arrangements.schema.json").read_text(encoding="utf-8") == schema_text(), \
        "run `make schema` after changing the model"


def test_data_format_guide_example_is_valid(tmp_path: Path) -> None:
    """The complete example in docs/data-format.md validates, so the guide never teaches a mistake."""
    import re
    import shutil

    guide = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
    example = next(b for b in re.findall(r"```yaml\n(.*?)```", guide, re.S) if b.startswith("# yaml-language"))
    folder = tmp_path / "data" / "partnerships" / "exampleshire" / "arrangements"
    folder.mkdir(parents=True)
    (folder / "2025.yml").write_text(example, encoding="utf-8")
    shutil.copytree(REPO / "data" / "reference", tmp_path / "data" / "reference")
    dataset = load_dataset(tmp_path / "data")
    assert dataset.ok, [str(p) for p in dataset.problems]
    executive = dataset.partnerships["exampleshire"].data.groups[0]
    assert executive.frequency.every_weeks == 8 and executive.chair[0].rotates_between == ["council", "police"]


def _merged(example: dict, fragment: dict) -> dict:
    """The guide's complete example with one governance fragment put in: lists of records by id, keys replaced."""
    merged = dict(example)
    for key, value in fragment.items():
        if key in ("groups", "outside_bodies", "partners") and key in merged and key != "partners":
            ids = {item["id"] for item in value}
            merged[key] = [item for item in merged[key] if item["id"] not in ids] + value
        else:
            merged[key] = value
    return merged


def test_every_governance_example_in_the_guide_is_valid(tmp_path: Path) -> None:
    """Each fragment under "Governance: how to say it", put into the complete example, passes every check."""
    import re
    import shutil

    import yaml

    guide = (REPO / "docs" / "data-format.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Governance: how to say it"):guide.index("## Words that YAML")]
    blocks = re.findall(r"```yaml\n(.*?)```", guide, re.S)
    example = yaml.safe_load(next(b for b in blocks if b.startswith("# yaml-language")))
    fragments = re.findall(r"```yaml\n(.*?)```", section, re.S)
    assert len(fragments) >= 9
    shutil.copytree(REPO / "data" / "reference", tmp_path / "data" / "reference")
    folder = tmp_path / "data" / "partnerships" / "exampleshire" / "arrangements"
    folder.mkdir(parents=True)
    for fragment in fragments:
        data = _merged(example, yaml.safe_load(fragment))
        if data.get("led_by") and data.get("led_by") != "chair":
            data.pop("chair")
        (folder / "2025.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        dataset = load_dataset(tmp_path / "data")
        assert dataset.ok, (fragment, [str(p) for p in dataset.problems])


def test_every_bundled_file_passes_the_schema_editors_use() -> None:
    """What VS Code underlines must match what the build accepts: `chair: Independent Chair`,
    `frequency: monthly` and `lead: tbc` are all valid data."""
    import json

    from arrangements.data.load import read_document
    from arrangements.data.problems import ProblemList
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json.loads((REPO / "schema" / "arrangements.schema.json").read_text()))
    files = sorted((REPO / "data" / "partnerships").glob("*/arrangements/*.yml"))
    assert len(files) >= 8
    for path in files:
        data = read_document(path, str(path), ProblemList()).data
        errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, f"{path.name}: {errors[:3]}"


def test_validate_warns_where_the_help_panel_has_no_number(dataset: Dataset) -> None:
    warnings = [str(p) for p in dataset.problems if p.severity == "warning"]
    assert any("north-somerset" in w and "has no phone number yet" in w and "shows its website instead" in w
               for w in warnings), warnings
    assert any("north-somerset" in w and "no out-of-hours children's services contact" in w for w in warnings)
