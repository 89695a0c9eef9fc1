"""A small data folder for the agency and open-data tests (independent of the bundled data)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from arrangements.core import Dataset, load_dataset
from arrangements.features.scaffold import skeleton

SCHEDULE: dict[str, Any] = {
    "title": "Child Safeguarding Practice Review and Relevant Agency (England) Regulations 2018, Schedule",
    "reference": "SI 2018/789",
    "url": "https://www.legislation.gov.uk/uksi/2018/789/schedule/made",
    "headings": [
        {"id": "education", "title": "Educational and childcare", "entries": [
            {"id": "academy", "title": "The proprietor of an Academy", "plain": "Academies and free schools",
             "reference": "SI 2018/789, Schedule, para 1", "keywords": ["school", "academy", "free school"]},
        ]},
        {"id": "miscellaneous", "title": "Miscellaneous", "entries": [
            {"id": "cafcass", "title": "The Children and Family Court Advisory and Support Service",
             "reference": "SI 2018/789, Schedule, para 40", "keywords": ["cafcass", "family court"]},
        ]},
    ],
}


def _partnership(pid: str, name: str, agencies: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    data = skeleton(pid, name, 2024)
    data["status"] = "in-force"
    data["groups"].append({"id": "education-forum", "name": "Education <Safeguarding> Forum", "kind": "subgroup",
                           "purpose": None, "chair": None, "membership": None, "frequency": None, "quorum": None,
                           "reports_to": ["executive"]})
    data["relevant_agencies"] = agencies
    data["topics"].update(extra.pop("topics", {}))
    data.update(extra)
    return data


def write_data(root: Path) -> Path:
    """Two partnerships (one naming a hostile-looking agency) and the schedule."""
    (root / "reference").mkdir(parents=True)
    (root / "reference" / "relevant-agency-schedule.yml").write_text(yaml.safe_dump(SCHEDULE), encoding="utf-8")
    partnerships = {
        "northtown": _partnership("northtown", "Northtown Safeguarding Children Partnership", [
            {"id": "schools", "name": "All academies | free schools", "schedule": ["academy"],
             "represented_by": "The council's *education* lead", "groups": ["executive", "education-forum"]},
            {"id": "cafcass", "name": "CAFCASS", "schedule": ["cafcass"], "represented_by": "Head of Practice",
             "groups": ["executive"], "note": "Named for family court work"},
            {"id": "clubs", "name": "Sports clubs <script>alert(1)</script>", "schedule": [],
             "represented_by": None, "groups": []},
        ], short_name="NSCP", topics={"dispute_resolution": "Talk first, then escalate to the [manager](https://example.org/esc)."}),
        "southvale": _partnership("southvale", "Southvale Partnership", [
            {"id": "cafcass", "name": "Cafcass", "schedule": ["cafcass"], "represented_by": "Service manager",
             "groups": ["northtown/executive"]},
        ]),
    }
    for pid, data in partnerships.items():
        folder = root / "partnerships" / pid / "arrangements"
        folder.mkdir(parents=True)
        (folder / "2024.yml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    # An older version, so the open data has a version list with two entries.
    older = dict(partnerships["northtown"], status="superseded", title="Arrangements 2022")
    (root / "partnerships" / "northtown" / "arrangements" / "2022.yml").write_text(
        yaml.safe_dump(older, sort_keys=False), encoding="utf-8")
    return root


def small_dataset(tmp: Path) -> Dataset:
    dataset = load_dataset(write_data(tmp / "data"))
    assert dataset.ok, [str(p) for p in dataset.problems.errors]
    return dataset
