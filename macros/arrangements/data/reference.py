"""Reference data: the statutory lists the site checks against.

They live in `data/reference/` as YAML, not in code, because guidance
changes (e.g. the 2026 Act adds education and childcare agencies to s16E).
"""

from __future__ import annotations

from pydantic import Field

from arrangements.data.model import Id, Line, Strict, Text


class ScheduleEntry(Strict):
    id: Id = Field(description="Id partnership files use in `relevant_agencies[].schedule`.")
    title: Text = Field(description="The kind of body, in the regulation's terms.")
    plain: Text | None = Field(None, description="The same in plain words, with examples.")
    reference: Line = Field(description="Legal reference, e.g. `SI 2018/789, Schedule, para 1`.")
    keywords: list[Line] = Field(default_factory=list, description="Words an agency might search for.")


class ScheduleHeading(Strict):
    id: Id
    title: Line
    entries: list[ScheduleEntry] = Field(min_length=1)


class Schedule(Strict):
    """The Schedule to SI 2018/789: kinds of body that may be named relevant agencies."""

    title: Line
    reference: Line
    url: Line | None = None
    note: Text | None = None
    headings: list[ScheduleHeading] = Field(min_length=1)

    def entries(self) -> dict[str, tuple[ScheduleHeading, ScheduleEntry]]:
        return {entry.id: (heading, entry) for heading in self.headings for entry in heading.entries}


class ChecklistItem(Strict):
    id: Id
    title: Line = Field(description="What must be covered, in plain words.")
    guidance: Line | None = Field(None, description="Where the expectation comes from.")
    covered_by: list[Line] = Field(
        min_length=1, description="Dotted field paths in the data that cover the item, e.g. `topics.education`."
    )


class Checklist(Strict):
    """A statutory checklist (published arrangements, or the yearly report)."""

    title: Line
    applies_to: Line = Field(description="`arrangements` or `report`.")
    source: Line
    url: Line | None = None
    items: list[ChecklistItem] = Field(min_length=1)
