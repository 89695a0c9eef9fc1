"""The broken-input corpus: each case breaks tests/broken/_base.yml in one way
and asserts the exact line and the message (and its advice) a communications
officer will read. `#!` marks the line the error must point at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from arrangements.core import load_dataset

REPO = Path(__file__).resolve().parents[1]
BASE = (REPO / "tests" / "broken" / "_base.yml").read_text(encoding="utf-8")

# (case, text in the base file, replacement, words the message must contain)
CASES: list[tuple[str, str, str, list[str]]] = [
    ("unknown key with suggestion", "    quorum: All three partners.\n",
     "    quorum: All three partners.\n    chiar: Ann  #!\n", ["unknown key 'chiar'", "did you mean 'chair'?"]),
    ("old key says what to write instead", "    quorum: All three partners.\n",
     "    quorum: All three partners.\n    live_from: 2023  #!\n",
     ["unknown key 'live_from'", "write `from:` instead"]),
    ("co-chairs key points at a list of chairs", "    quorum: All three partners.\n",
     "    quorum: All three partners.\n    co_chairs: [Ann, Bob]  #!\n", ["`chair:` as a list"]),
    ("unknown top-level key", "kind: children\n", "kind: children\nsumary: x  #!\n",
     ["unknown key 'sumary'", "did you mean 'summary'?"]),
    ("missing required key says tbc", "    quorum: All three partners.\n", "", ["'quorum' is missing", "tbc"]),
    ("missing required section",
     "scrutiny:\n  by:\n    role: Independent Scrutineer\n  arrangements: Yearly review.\n", "",
     ["'scrutiny' is missing"]),
    ("wrong enum with suggestion", "kind: children", "kind: childrens  #!", ["is not an allowed value", "'children'"]),
    ("group kind misspelt", "    kind: subgroup", "    kind: sub-group  #!", ["did you mean 'subgroup'?"]),
    ("list where text expected", "summary: A small valid", "summary:  #!\n  - A small valid",
     ["should be text but is a list"]),
    ("text where list expected", "areas: [Demoshire]", "areas: Demoshire  #!", ["should be a list"]),
    ("bad id", "  - id: learning\n", "  - id: Learning Group  #!\n", ["not a valid id", "learning-group"]),
    ("duplicate group id", "  - id: learning\n", "  - id: case-review  #!\n", ["the id 'case-review' is used twice"]),
    ("duplicate partner id", "  - id: icb\n", "  - id: council  #!\n", ["the id 'council' is used twice"]),
    ("duplicate YAML key", "  education: Schools attend.\n",
     "  education: Schools attend.\n  education: Colleges too.  #!\n", ["'education' appears twice", "line"]),
    ("reports_to unknown with suggestion", "    reports_to: [executive]\n  - id: learning",
     "    reports_to: [executiv]  #!\n  - id: learning", ["no group or outside body 'executiv'",
                                                     "did you mean 'executive'?"]),
    ("cross-partnership ref to unknown partnership", "    reports_to: [executive]\n  - id: learning",
     "    reports_to: [hipps/executive]  #!\n  - id: learning", ["there is no partnership 'hipps'"]),
    ("group reports to itself", "    reports_to: [executive]\n  - id: learning",
     "    reports_to: [case-review]  #!\n  - id: learning", ["cannot report to itself"]),
    ("reporting cycle", "    quorum: All three partners.\n",
     "    quorum: All three partners.\n    reports_to: [learning]  #!\n", ["go round in a circle"]),
    ("chair partner unknown", "      partner: council", "      partner: councl  #!",
     ["'councl' is not one of the partners", "did you mean 'council'?"]),
    ("rotation partner unknown", "      rotates_between: [council, police]",
     "      rotates_between: [council, polce]  #!", ["'polce' is not one of the partners"]),
    ("rotation of one", "      rotates_between: [council, police]", "      rotates_between: [council]  #!",
     ["a rotation needs at least two partners"]),
    ("funding contributor unknown", "  contributors: [council, icb, police]", "  contributors: [council, nhs]  #!",
     ["'nhs' is not one of the partners"]),
    ("schedule id unknown", "    schedule: [cafcass]", "    schedule: [cafcas]  #!",
     ["not an entry of the relevant-agency schedule", "did you mean 'cafcass'?"]),
    ("impossible date", '  agreed: "2024-04-01"', '  agreed: "2023-02-30"  #!', ["'2023-02-30' is not a real date"]),
    ("date in the wrong format", '  agreed: "2024-04-01"', "  agreed: 01/04/2024  #!", ["is not a date", "YYYY-MM-DD"]),
    ("review before agreement", '  next_review: "2026-04-01"', '  next_review: "2020-04-01"  #!',
     ["next review is before"]),
    ("YAML 1.1 yes for a true/false field", "  independent: true", "  independent: yes  #!",
     ["should be true or false", "yes/no"]),
    ("unknown frequency wording", "    frequency: every 8 weeks", "    frequency: every blue moon  #!",
     ["not a meeting frequency", "quarterly"]),
    ("http url refused", '    phone: "999"', '    phone: "999"\n    url: http://example.org  #!',
     ["not a web address this site will link to", "https://"]),
    ("tab indentation", "  education: Schools attend.", "\teducation: Schools attend.  #!", ["tab"]),
    ("unclosed quote", 'summary: A small valid', 'summary: "A small valid  #!', ["quote"]),
    ("colon in unquoted text", "    purpose: Runs training.", "    purpose: Runs: training: now  #!",
     ["colon", "quotes"]),
    ("alias", "  education: Schools attend.", "  education: &x Schools attend.\n  training2: *x  #!",
     ["aliases"]),
    ("python tag", "  youth_custody: None in the area.", "  youth_custody: !!python/object:os.system x  #!",
     ["tag"]),
    ("two documents", "kind: children\n", "kind: children\n---  #!\n", ["more than one YAML document"]),
    ("merge key", "  - id: police\n", "  - <<: {a: 1}  #!\n    id: police\n", ["merge keys"]),
    ("tag on a block", "  youth_custody: None in the area.", "  youth_custody: !!set {a}  #!", ["tag '", "!!"]),
    ("alias inside a repeated key", "  education: Schools attend.\n",
     "  education: Schools attend.\n  education: &y\n    - *y  #!\n", ["aliases"]),
    ("alias as a key", "  education: Schools attend.\n", "  education: &k Schools attend.\n  *k : x  #!\n",
     ["aliases"]),    ("missing list that needs an item asks for a value", "areas: [Demoshire]\n", "",
     ["'areas' is missing", "add `areas:` with a value"]),
    ("count with a fraction", "kind: children\n",
     "kind: children\nparticipants:\n  - kind: lay-member\n    role: Lay member\n    count: 1.5  #!\n",
     ["'count' should be a whole number", "1.5"]),
    ("true where a number is expected", "kind: children\n",
     "kind: children\nparticipants:\n  - kind: lay-member\n    role: Lay member\n    count: true  #!\n",
     ["'count' should be a number but is `true` (yes/no)"]),
]


def _case_text(old: str, new: str) -> tuple[str, int | None]:
    assert old in BASE, f"the base file no longer contains {old!r}"
    text = BASE.replace(old, new, 1)
    lines = text.splitlines()
    marker = next((i + 1 for i, line in enumerate(lines) if "#!" in line), None)
    return text.replace("  #!", ""), marker


def _data_folder(tmp_path: Path, text: str | bytes, name: str = "2024.yml") -> Path:
    folder = tmp_path / "data"
    target = folder / "partnerships" / "demo" / "arrangements"
    target.mkdir(parents=True)
    shutil.copytree(REPO / "data" / "reference", folder / "reference")
    path = target / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return folder


def test_the_base_file_is_valid(tmp_path: Path) -> None:
    dataset = load_dataset(_data_folder(tmp_path, BASE))
    assert dataset.ok, [str(p) for p in dataset.problems]


@pytest.mark.parametrize("case, old, new, words", CASES, ids=[c[0] for c in CASES])
def test_broken_input_gives_the_right_message_at_the_right_line(tmp_path: Path, case: str, old: str, new: str,
                                                                 words: list[str]) -> None:
    text, line = _case_text(old, new)
    dataset = load_dataset(_data_folder(tmp_path, text))
    problems = dataset.problems.errors
    assert problems, f"{case}: no error reported"
    rendered = [str(p) for p in problems]
    matching = [p for p in problems if all(w.lower() in str(p).lower() for w in words)]
    assert matching, f"{case}: expected {words} in {rendered}"
    if line is not None:
        assert any(p.line == line for p in matching), f"{case}: expected line {line}, got {rendered}"
    assert all(p.path.endswith("partnerships/demo/arrangements/2024.yml") for p in matching)
    assert all(" — " in str(p) for p in matching), "every message says what to do"


def test_missing_key_points_at_its_block(tmp_path: Path) -> None:
    text, _ = _case_text("    quorum: All three partners.\n", "")
    dataset = load_dataset(_data_folder(tmp_path, text))
    problem = next(p for p in dataset.problems if "'quorum' is missing" in p.message)
    assert problem.line == BASE.splitlines().index("  - id: executive") + 1
    assert problem.where == "groups[executive].quorum"


# Whole-file problems: (case, file bytes, words)
FILE_CASES: list[tuple[str, bytes, list[str]]] = [
    ("empty file", b"", ["the file is empty"]),
    ("comment only", b"# nothing yet\n", ["the file is empty"]),
    ("a list instead of a mapping", b"- name: x\n- kind: children\n", ["must be a block of `key: value` lines"]),
    ("a single word", b"hello\n", ["must be a block of `key: value` lines"]),
    ("binary junk", bytes(range(256)) * 4, ["not a text file"]),
    ("not UTF-8", "name: Café\n".encode("latin-1"), ["not UTF-8"]),
    ("deep nesting", b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", ["nested too deeply"]),
    ("control character pasted from a PDF", b"name: Demo\nsummary: bad \x1f here\n",
     [":2:1: the file contains a control"]),
]


@pytest.mark.parametrize("case, raw, words", FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_whole_file_problems(tmp_path: Path, case: str, raw: bytes, words: list[str]) -> None:
    dataset = load_dataset(_data_folder(tmp_path, raw))
    text = [str(p) for p in dataset.problems.errors]
    assert any(all(w in t for w in words) for t in text), f"{case}: {text}"
    assert all(":1:" in t or ":" in t for t in text)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    folder = _data_folder(tmp_path, b"")
    big = folder / "partnerships" / "demo" / "arrangements" / "2024.yml"
    with big.open("wb") as handle:  # a sparse 50 MB file: refused by its size alone
        handle.truncate(50 * 1024 * 1024)
    dataset = load_dataset(folder)
    assert any("too large" in str(p) for p in dataset.problems)


def test_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    dataset = load_dataset(_data_folder(tmp_path, "\n".join(lines) + "\n"))
    assert any("aliases" in p.message for p in dataset.problems)


def test_two_versions_in_force(tmp_path: Path) -> None:
    folder = _data_folder(tmp_path, BASE)
    (folder / "partnerships" / "demo" / "arrangements" / "2022.yml").write_text(BASE, encoding="utf-8")
    dataset = load_dataset(folder)
    assert any("more than one version of this partnership is in force" in str(p) for p in dataset.problems)


def test_yaml_11_words_stay_text(tmp_path: Path) -> None:
    """`no`, `1:30` and a leading-zero phone number keep their meaning as written."""
    text = BASE.replace("    quorum: All three partners.", "    quorum: no")
    text = text.replace('    phone: "999"', "    phone: 01234567890\n    hours: 1:30")
    dataset = load_dataset(_data_folder(tmp_path, text))
    assert dataset.ok, [str(p) for p in dataset.problems]
    data = dataset.partnerships["demo"].data
    assert data.groups[0].quorum == "no"
    assert data.contacts[0].phone == "01234567890"
    assert data.contacts[0].hours == "1:30"


def _cli(data: Path, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "macros"), **(env_extra or {})}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "arrangements", "validate", "--data", str(data)],
                          capture_output=True, text=True, env=env, timeout=60)


def test_cli_reports_everything_at_once_sorted_and_fails(tmp_path: Path) -> None:
    text, _ = _case_text("kind: children", "kind: childrens")
    text = text.replace("    schedule: [cafcass]", "    schedule: [cafcas]")
    folder = _data_folder(tmp_path, text)
    other = folder / "partnerships" / "another" / "arrangements"
    other.mkdir(parents=True)
    (other / "2024.yml").write_text(BASE.replace("  education: Schools attend.\n",
                                                 "  education: Schools attend.\n  education: twice\n"))
    result = _cli(folder, {"CI": "false"})
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines()
             if line.startswith("data/partnerships/") and ": warning: " not in line]
    # Why three: the misspelt `kind` no longer hides the misspelt schedule entry in the same file.
    assert len(lines) == 3 and lines == sorted(lines), result.stdout
    assert lines[0].startswith("data/partnerships/another/") and lines[1].startswith("data/partnerships/demo/")
    assert "'cafcas' is not an entry" in result.stdout
    assert "Nothing was published" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_cli_prints_github_annotations_in_ci(tmp_path: Path) -> None:
    text, line = _case_text("kind: children", "kind: childrens  #!")
    result = _cli(_data_folder(tmp_path, text), {"CI": "true"})
    assert f"::error file=data/partnerships/demo/arrangements/2024.yml,line={line}," in result.stdout


@pytest.mark.parametrize("case, raw, words", FILE_CASES, ids=[c[0] for c in FILE_CASES])
def test_cli_never_shows_a_traceback(tmp_path: Path, case: str, raw: bytes, words: list[str]) -> None:
    result = _cli(_data_folder(tmp_path, raw))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr


def test_bundled_data_validates_quickly() -> None:
    result = _cli(REPO / "data")
    assert result.returncode == 0, result.stdout
    summary = next(line for line in result.stdout.splitlines() if line.startswith("OK: "))
    seconds = float(summary.split(" in ")[1].split(" s")[0])
    assert seconds < 1.0, result.stdout


def test_a_reloaded_file_is_read_afresh_when_its_bytes_change_and_keeps_its_problems(tmp_path: Path) -> None:
    """`mkdocs serve` reloads after every save: unchanged files are reused, changed ones never are."""
    from arrangements.data.load import read_document
    from arrangements.data.problems import ProblemList

    path = tmp_path / "x.yml"
    path.write_text("a: 1\na: 2\n", encoding="utf-8")
    for _ in range(2):  # the second read is served from memory and must report the same problem
        problems = ProblemList()
        assert read_document(path, "x.yml", problems).data == {"a": 1}
        assert [p.line for p in problems] == [2]
    path.write_text("a: 3\nb: 2\n", encoding="utf-8")  # same size, within the same clock tick
    problems = ProblemList()
    assert read_document(path, "x.yml", problems).data == {"a": 3, "b": 2}
    assert not problems


MANY = ["wrong enum with suggestion", "group kind misspelt", "text where list expected",
        "reports_to unknown with suggestion", "duplicate partner id", "chair partner unknown",
        "rotation partner unknown", "funding contributor unknown", "schedule id unknown", "impossible date",
        "unknown frequency wording", "http url refused", "YAML 1.1 yes for a true/false field"]


def test_a_file_with_many_mistakes_gets_every_message_in_one_run(tmp_path: Path) -> None:
    """Shape errors (a misspelt kind) must not hide the checks of meaning (an unknown group) in the same file."""
    cases = {case[0]: case for case in CASES}
    text = BASE
    for name in MANY:
        _, old, new, _ = cases[name]
        assert old in text, name
        text = text.replace(old, new, 1)
    marked = {i + 1 for i, line in enumerate(text.splitlines()) if "#!" in line}
    dataset = load_dataset(_data_folder(tmp_path, text.replace("  #!", "")))
    problems = dataset.problems.errors
    for name in MANY:
        words = cases[name][3]
        found = any(all(w.lower() in str(p).lower() for w in words) for p in problems)
        assert found, (name, [str(p) for p in problems])
    assert len(problems) == len(MANY), [str(p) for p in problems]
    assert {p.line for p in problems} == marked
