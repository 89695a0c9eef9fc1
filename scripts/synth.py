"""Generate a synthetic national dataset shaped like the real partnerships.

Deterministic: the same --seed gives byte-identical files. Every fifth
partnership is a multi-area arrangement over the next four; groups, agencies,
blank fields, planned groups, versions and yearly reports vary as in the
seeds. Usage: python scripts/synth.py --n 150 --seed 1 --out /tmp/national
"""

from __future__ import annotations

import argparse
import copy
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
PLACES = ["Ashford", "Barford", "Calder", "Dunmore", "Eastwick", "Fairfield", "Glenham", "Harwood", "Ilsley",
          "Kelby", "Langford", "Marsden", "Norwell", "Oakham", "Penrith", "Quarry", "Redwick", "Stanton",
          "Thornby", "Upton", "Wexcombe", "Yarford"]
SUBGROUPS = [("learning", "Learning and Development Subgroup"), ("case-review", "Case Review Group"),
             ("quality", "Quality Assurance Subgroup"), ("voice", "Voice and Engagement Subgroup"),
             ("exploitation", "Exploitation Working Group"), ("neglect", "Neglect Working Group"),
             ("education", "Education Safeguarding Group"), ("health", "Health Safeguarding Group")]
FREQUENCIES = ["monthly", "quarterly", "every 8 weeks", "6 times a year", "twice a year", "as required", None]
AGENCIES = [("schools", "Schools and academies", ["academy-proprietor", "maintained-school-governing-body"]),
            ("early-years", "Early years settings", ["registered-childcare-provider"]),
            ("colleges", "Colleges and post-16 providers", ["further-education-institution"]),
            ("nhs-trusts", "NHS trusts", ["nhs-trust", "nhs-foundation-trust"]),
            ("gps", "GP practices", ["health-care-provider"]),
            ("probation", "Probation Service", ["probation-provider"]),
            ("youth-justice", "Youth justice service", ["youth-offending-team"]),
            ("cafcass", "CAFCASS", ["cafcass"]),
            ("sport", "Sports and activity clubs", ["other-local-organisation"]),
            ("housing", "Housing providers", ["local-authority-other-functions"])]


def _name(rng: random.Random, index: int) -> str:
    return f"{rng.choice(PLACES)} {index:03d}"


def partnership(rng: random.Random, pid: str, place: str, multi: str | None) -> dict[str, Any]:
    groups: list[dict[str, Any]] = [{
        "id": "executive", "name": f"{place} Safeguarding Executive", "kind": "executive",
        "purpose": "Sets the direction and makes the decisions for the partnership.",
        "chair": {"role": "Independent Chair", "independent": True},
        "membership": ["The three safeguarding partners"], "frequency": rng.choice(FREQUENCIES[:5]),
        "quorum": "All three partners present.",
        **({"reports_to": [f"{multi}/executive"]} if multi else {}),
    }]
    for gid, gname in rng.sample(SUBGROUPS, rng.randint(3, 7)):
        blank = rng.random() < 0.25
        group = {"id": gid, "name": gname, "kind": "working-group" if "Working" in gname else "subgroup",
                 "purpose": f"Leads the partnership's work on {gname.split()[0].lower()}.",
                 "responsibilities": [f"Task {i} for {gname.lower()}." for i in range(rng.randint(1, 4))],
                 "chair": None if blank else {"role": "A senior safeguarding partner"},
                 "membership": None if blank else ["Partners and relevant agencies"],
                 "frequency": rng.choice(FREQUENCIES), "quorum": None if blank else "Three partners.",
                 "reports_to": ["executive"]}
        if rng.random() < 0.1:
            group.update(status="planned", **{"from": str(rng.randint(2025, 2027))})
        groups.append(group)
    agencies = [{"id": aid, "name": aname, "schedule": schedule,
                 "represented_by": rng.choice([None, "Through the executive.", "Through the subgroups."]),
                 "groups": ["executive"]}
                for aid, aname, schedule in rng.sample(AGENCIES, rng.randint(4, len(AGENCIES)))]
    contacts = [{"kind": "emergency", "name": "Police, if a child is in immediate danger", "phone": "999"},
                {"kind": "front-door", "name": f"{place} children's services", "phone": None},
                {"kind": "police-non-emergency", "name": "Police", "phone": "101"}]
    roles = (("council", "local-authority", "Council", "Director of Children's Services"),
             ("icb", "health", "Integrated Care Board", "Chief Nursing Officer"),
             ("police", "police", "Police", "Chief Superintendent"))
    partners = [{"id": pid_, "sector": sector, "organisation": f"{place} {org}", "lead": None,
                 "delegate": {"role": role}} for pid_, sector, org, role in roles]
    topics = {key: rng.choice([None, f"How {place} handles {key.replace('_', ' ')}."])
              for key in ("education", "youth_custody", "case_reviews", "data_and_assurance", "training",
                          "voice_of_children", "dispute_resolution", "thresholds_and_information_sharing",
                          "review_and_reporting")}
    return {
        "name": f"{place} Safeguarding Children Partnership", "kind": "children", "status": "in-force",
        "areas": [place], "summary": f"The council, the NHS and the police keep children in {place} safe.",
        "dates": {"agreed": f"{rng.randint(2019, 2025)}", "next_review": None, "last_reviewed": "2026-11-01"},
        "sources": [{"title": f"{place} arrangements (synthetic)", "file": "synthetic"}],
        **({"multi_area": [multi]} if multi else {}),
        "contacts": contacts, "partners": partners, "chair": {"role": "Independent Chair", "independent": True},
        "groups": groups, "relevant_agencies": agencies, "scrutiny": {"by": {"role": "Independent Scrutineer"},
                                                                      "arrangements": None},
        "funding": {"model": "Pooled budget.", "contributors": ["council", "icb", "police"]}, "topics": topics,
    }


def multi_area(place: str, members: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "name": f"{place} Area Safeguarding Arrangements", "kind": "multi-area", "status": "in-force",
        "areas": [m[1] for m in members], "summary": "Several partnerships share an executive for common work.",
        "dates": {"agreed": "2024", "next_review": None},
        "sources": [{"title": "Multi-area arrangements (synthetic)", "file": "synthetic"}],
        "members": [{"partnership": pid, "name": f"{name} Safeguarding Children Partnership"}
                    for pid, name in members],
        "partners": [{"id": "police", "sector": "police", "organisation": f"{place} Police", "lead": None,
                      "delegate": None},
                     {"id": "icb", "sector": "health", "organisation": f"{place} ICB", "lead": None, "delegate": None}],
        "chair": {"role": "Delegated Safeguarding Partner", "rotates_between": ["police", "icb"]},
        "groups": [{"id": "executive", "name": f"{place} Area Executive", "kind": "executive",
                    "purpose": "Agrees shared procedures.", "chair": None, "membership": None,
                    "frequency": "twice a year", "quorum": None}],
        "scrutiny": None, "funding": None,
        "topics": dict.fromkeys(("education", "youth_custody", "case_reviews", "data_and_assurance", "training",
                                 "voice_of_children", "dispute_resolution", "thresholds_and_information_sharing",
                                 "review_and_reporting")),
    }


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def generate(n: int, seed: int, out: Path) -> None:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(REPO / "data" / "reference", out / "reference")
    # Why: the site's own pages (the accessibility statement) come from data/site/ too.
    shutil.copytree(REPO / "data" / "site", out / "site")
    sample = yaml.safe_load((REPO / "data" / "partnerships" / "north-somerset" / "reports" / "2024-25.yml")
                            .read_text(encoding="utf-8"))
    index = 0
    while index < n:
        if index % 5 == 0 and n - index >= 5:
            group_id = f"area-{index:03d}"
            place = _name(rng, index)
            members = [(f"p-{index + k:03d}", _name(rng, index + k)) for k in range(1, 5)]
            _write(out / "partnerships" / group_id / "arrangements" / "2024.yml", multi_area(place, members))
            for pid, name in members:
                _write_partnership(rng, out, pid, name, group_id, sample)
            index += 5
        else:
            _write_partnership(rng, out, f"p-{index:03d}", _name(rng, index), None, sample)
            index += 1


def _write_partnership(rng: random.Random, out: Path, pid: str, place: str, multi: str | None,
                       sample: dict[str, Any]) -> None:
    data = partnership(rng, pid, place, multi)
    folder = out / "partnerships" / pid
    if rng.random() < 0.3:  # an older version, replaced
        old = copy.deepcopy(data)
        old["status"] = "superseded"
        old["groups"] = old["groups"][:-1]
        _write(folder / "arrangements" / "2019.yml", old)
    _write(folder / "arrangements" / "2024.yml", data)
    if rng.random() < 0.3:
        _write(folder / "reports" / "2024-25.yml", sample)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    generate(args.n, args.seed, args.out)
    print(f"wrote {args.n} partnerships to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
