"""Sense checks: invisible characters, UK phone numbers, dates that have not
come yet, and reporting circles across partnerships, each on its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from arrangements.core import load_dataset
from arrangements.data.news_check import check_post_files
from arrangements.data.phone import uk_phone
from conftest import REPO

BASE = (REPO / "tests" / "broken" / "_base.yml").read_text(encoding="utf-8")
REPORT = (REPO / "data" / "partnerships" / "north-somerset" / "reports" / "2024-25.yml").read_text(encoding="utf-8")


def _data(tmp_path: Path, files: dict[str, str]) -> Path:
    data = tmp_path / "data"
    shutil.copytree(REPO / "data" / "reference", data / "reference")
    for name, text in files.items():
        path = data / "partnerships" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return data


def _errors(tmp_path: Path, text: str = BASE, **more: str) -> list[str]:
    files = {"demo/arrangements/2024.yml": text, **more}
    return [str(p) for p in load_dataset(_data(tmp_path, files)).problems.errors]


def test_the_base_file_passes(tmp_path: Path) -> None:
    assert _errors(tmp_path) == []


@pytest.mark.parametrize("char", ["\u202e", "\u200b", "\u200f", "\u2066", "\ufeff", "\u00ad", "\u2060"])
def test_invisible_characters_are_refused_on_their_line_and_column(tmp_path: Path, char: str) -> None:
    errors = _errors(tmp_path, BASE.replace("name: Demo Safeguarding", f"name: Demo{char} Safeguarding"))
    assert any(e.startswith("data/partnerships/demo/arrangements/2024.yml:1:11: an invisible character") and
               f"U+{ord(char):04X}" in e for e in errors), errors


def test_a_byte_order_mark_at_the_start_is_fine(tmp_path: Path) -> None:
    assert _errors(tmp_path, "\ufeff" + BASE) == []


def test_invisible_characters_in_a_news_post(tmp_path: Path) -> None:
    folder = tmp_path / "posts"
    folder.mkdir()
    (folder / "p.md").write_text("---\ndate: 2026-11-20\n---\n\n# Exit \u202ethis page\n", encoding="utf-8")
    assert any(":5:8: an invisible character (right-to-left override" in str(p)
               for p in check_post_files(folder, None, tmp_path))


@pytest.mark.parametrize("number", ["999", "112", "101", "111", "116 123", "116000", "0800 1111", "0808 800 5000",
                                    "01234 567890", "020 7946 0000", "016977 4567", "+44 20 7946 0000",
                                    "+44 (0)1234 567890", "0044 1234 567890"])
def test_uk_numbers_pass(number: str) -> None:
    assert uk_phone(number) == number


@pytest.mark.parametrize("number", ["call us maybe", "0123", "12345", "+1 555 0100", "01234 5678901234", "999 ext",
                                    "0800 111", "javascript:alert(1)", "tel:999"])
def test_other_numbers_fail(number: str) -> None:
    with pytest.raises(ValueError, match="not a UK phone number"):
        uk_phone(number)


def test_a_phone_that_is_no_number_is_an_error_on_its_line(tmp_path: Path) -> None:
    errors = _errors(tmp_path, BASE.replace('phone: "999"', "phone: call us maybe"))
    assert any(e.startswith("data/partnerships/demo/arrangements/2024.yml:15:") and "not a UK phone number" in e
               for e in errors), errors


def test_last_reviewed_in_the_future_is_refused(tmp_path: Path) -> None:
    text = BASE.replace('  next_review: "2026-04-01"', '  next_review: "2026-04-01"\n  last_reviewed: "2999-01-01"')
    errors = _errors(tmp_path, text)
    assert any(":10:" in e and "`last_reviewed` is in the future" in e for e in errors), errors


def test_a_report_for_a_year_not_ended_is_refused(tmp_path: Path) -> None:
    report = REPORT.replace("start: 2024-04-01", "start: 2998-04-01").replace("end: 2025-03-31", "end: 2999-03-31")
    errors = _errors(tmp_path, **{"demo/reports/2998-99.yml": report})
    line = report.splitlines().index("  end: 2999-03-31") + 1
    assert any(e.startswith(f"data/partnerships/demo/reports/2998-99.yml:{line}:") and "has not ended" in e
               for e in errors), errors


def test_a_reporting_circle_across_partnerships_is_found(tmp_path: Path) -> None:
    first = BASE.replace("    reports_to: [executive]\n  - id: learning", "    reports_to: [other/learning]\n"
                         "  - id: learning", 1)
    second = BASE.replace("    reports_to: [executive]\nrelevant_agencies:", "    reports_to: [demo/case-review]\n"
                          "relevant_agencies:", 1)
    assert first != BASE and second != BASE
    errors = _errors(tmp_path, first, **{"other/arrangements/2024.yml": second})
    circle = [e for e in errors if "circle across partnerships" in e]
    assert len(circle) == 1, errors
    assert "demo/case-review → other/learning → demo/case-review" in circle[0]
    assert circle[0].startswith("data/partnerships/demo/arrangements/2024.yml:55:")


def test_a_long_chain_across_partnerships_is_fast(tmp_path: Path) -> None:
    """No circle, many partnerships pointing onwards: the search stays linear."""
    import time

    files = {}
    for n in range(40):
        nxt = f"p{n + 1}/case-review" if n < 39 else "executive"
        files[f"p{n}/arrangements/2024.yml"] = BASE.replace(
            "    reports_to: [executive]\n  - id: learning", f"    reports_to: [executive, {nxt}]\n  - id: learning", 1)
    started = time.perf_counter()
    dataset = load_dataset(_data(tmp_path, files))
    assert time.perf_counter() - started < 10
    assert not [p for p in dataset.problems if "circle" in p.message]


def test_a_group_id_windows_reserves_is_refused(tmp_path: Path) -> None:
    text = BASE.replace("  - id: learning", "  - id: aux")
    errors = _errors(tmp_path, text)
    line = text.splitlines().index("  - id: aux") + 1
    assert any(e.startswith(f"data/partnerships/demo/arrangements/2024.yml:{line}:") and "Windows reserves" in e
               for e in errors), errors
