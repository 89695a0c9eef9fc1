"""How often things happen, in the words people write: meetings and rotations.

Comms teams write "bi-monthly", "termly" or "every 8 weeks", not numbers;
the records keep the number too, so the site can compare versions and the
checklist can count meetings.
"""

from __future__ import annotations

import re

from pydantic import Field, StrictBool, model_validator

from arrangements.data.fields import Line, Number, Strict, WholeNumber

# Meetings a year for each accepted word or phrase (hyphens and spaces are equivalent).
FREQUENCY_WORDS: dict[str, float] = {
    "weekly": 52,
    "fortnightly": 26,
    "every two weeks": 26,
    "three-weekly": 52 / 3,
    "monthly": 12,
    "six-weekly": 52 / 6,
    "every six weeks": 52 / 6,
    "bimonthly": 6,
    "bi-monthly": 6,
    "every two months": 6,
    "every other month": 6,
    "quarterly": 4,
    "termly": 3,
    "once a term": 3,
    "three times a year": 3,
    "twice a year": 2,
    "twice yearly": 2,
    "twice-yearly": 2,
    "bi-annually": 2,
    "biannually": 2,
    "half-yearly": 2,
    "half yearly": 2,
    "six-monthly": 2,
    "six monthly": 2,
    "every six months": 2,
    "annually": 1,
    "yearly": 1,
    "once a year": 1,
}
AS_REQUIRED = {"as required", "as and when required", "when required", "as needed", "when needed", "ad hoc"}
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "ten": 10, "twelve": 12}
_TIMES = re.compile(r"^(\d+)\s*(?:times\s+)?(?:a|per|each)\s+year$")
_EVERY = re.compile(r"^every\s+(\d+)\s+(weeks|months)$")
_WEEKLY = re.compile(r"^(\d+)[\s-]*weekly$")
FREQUENCY_FORMS = (
    "weekly, fortnightly, monthly, six-weekly, bi-monthly (or every other month), quarterly, termly, "
    "twice a year (or twice-yearly, half-yearly, six-monthly), yearly, 6 times a year, every 8 weeks, "
    "8-weekly, every 6 months, at least 3 times a year, regularly, as required, or tbc"
)


def _words(text: str) -> str:
    words = " ".join(text.lower().replace(",", " ").split())
    for name, number in _NUMBERS.items():
        words = re.sub(rf"\b{name}\b(?=\s+(weeks|months|times))", str(number), words)
    return words


class Frequency(Strict):
    """How often a group meets, as data (so the site can compare and count)."""

    per_year: Number | None = Field(None, description="Meetings a year, e.g. `6`.")
    every_weeks: WholeNumber | None = Field(None, description="Meets every N weeks, e.g. `8`.")
    as_required: StrictBool = Field(False, description="`true` when the group meets when needed (e.g. rapid reviews).")
    termly: StrictBool = Field(False, description="`true` when it meets once each school term.")
    at_least: StrictBool = Field(False, description="`true` when the number is a minimum (`at least 3 times a year`).")
    regularly: StrictBool = Field(False, description="`true` when the source says only that it meets regularly.")
    note: Line | None = Field(None, description="Extra detail, e.g. `plus rapid reviews within statutory timescales`.")
    as_written: Line | None = Field(None, description="The words the source uses; the site shows them as written.")

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        # Why: comms teams write "monthly" or "every 8 weeks", not numbers; the page keeps their words
        # ("four times per year" is not rewritten as "Quarterly") and the numbers serve comparisons.
        if not isinstance(value, str):
            return value
        return {**parse_frequency(value), "as_written": " ".join(value.split())}

    @property
    def label(self) -> str:
        """Plain-English wording, e.g. `Every 8 weeks (about 6 times a year)`."""
        parts: list[str] = []
        if self.regularly:
            parts.append("Regularly (how often is not stated)")
        elif self.termly:
            parts.append("Once a term")
        elif self.every_weeks:
            parts.append(f"Every {self.every_weeks} weeks")
        elif self.per_year:
            parts.append(_per_year_words(self.per_year))
        if self.as_required:
            parts.append("as required" if parts else "As required")
        text = ", ".join(parts) or "To be confirmed"
        if self.at_least and parts:
            text = "At least " + text[0].lower() + text[1:]
        if self.as_written:
            text = self.as_written[0].upper() + self.as_written[1:]
        return f"{text} ({self.note})" if self.note else text

    @property
    def meetings_per_year(self) -> float | None:
        if self.every_weeks:
            return round(52 / self.every_weeks, 1)
        return 3 if self.termly else self.per_year


def _per_year_words(per_year: float) -> str:
    names = {12: "Monthly", 4: "Quarterly", 2: "Twice a year", 1: "Once a year", 52: "Weekly", 26: "Fortnightly"}
    if not float(per_year).is_integer():
        return f"About {round(per_year)} times a year"
    return names.get(int(per_year), f"{int(per_year)} times a year")


def parse_frequency(text: str) -> dict[str, object]:
    """Turn `monthly`, `termly`, `6 times a year`, `every 8 weeks`, `as required` into fields."""
    words = _words(text)
    if words == "regularly":
        return {"regularly": True}
    if least := re.match(r"^(?:at least|a minimum of|minimum of|no less than)\s+(.+)$", words):
        return {**parse_frequency(least.group(1)), "at_least": True}
    if words in {"termly", "once a term"}:
        return {"termly": True}
    if words in FREQUENCY_WORDS or words.replace("-", " ") in FREQUENCY_WORDS:
        per_year = FREQUENCY_WORDS.get(words) or FREQUENCY_WORDS[words.replace("-", " ")]
        if not float(per_year).is_integer():
            return {"every_weeks": round(52 / per_year)}
        return {"per_year": per_year}
    if words in AS_REQUIRED:
        return {"as_required": True}
    if match := _TIMES.match(words):
        return {"per_year": int(match.group(1))}
    if match := _EVERY.match(words):
        n, unit = int(match.group(1)), match.group(2)
        return {"every_weeks": n} if unit == "weeks" else {"per_year": round(12 / n, 2)}
    if match := _WEEKLY.match(words):
        return {"every_weeks": int(match.group(1))}
    raise ValueError(f"'{text}' is not a meeting frequency this site understands; write one of: {FREQUENCY_FORMS}")


# How often a rotating post moves on.
ROTATION_WORDS = {
    "every meeting": "every meeting",
    "each meeting": "every meeting",
    "monthly": "every month",
    "quarterly": "every 3 months",
    "six-monthly": "every 6 months",
    "six monthly": "every 6 months",
    "half-yearly": "every 6 months",
    "every six months": "every 6 months",
    "yearly": "every year",
    "annually": "every year",
    "every year": "every year",
    "every two years": "every 2 years",
    "every three years": "every 3 years",
}
_ROTATE_EVERY = re.compile(r"^every\s+(\d+)\s+(meetings|months|years)$")
ROTATION_FORMS = "every meeting, every 6 months (or six-monthly), yearly, every 2 years, every 3 months"


def parse_rotation(text: str) -> str:
    """`six-monthly` -> `every 6 months`: the one wording the site shows and compares."""
    words = _words(text).replace("two years", "2 years").replace("three years", "3 years")
    if words in ROTATION_WORDS:
        return ROTATION_WORDS[words]
    if match := _ROTATE_EVERY.match(words):
        return f"every {match.group(1)} {match.group(2)}"
    raise ValueError(f"'{text}' is not a rotation period this site understands; write one of: {ROTATION_FORMS}")
