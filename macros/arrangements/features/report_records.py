"""The records of a yearly report file: data/partnerships/<id>/reports/<yyyy-yy>.yml.

Working Together 2023 expects a yearly report (1 April to 31 March) with
nine kinds of content; analyses of past reports found most gave no evidence
of impact. So here impact is a required list of outcomes with evidence, and
a report that leaves it blank is flagged by validation and by the checker.
Field names match the `covered_by` paths in
data/reference/yearly-report-checklist.yml. The checks and pages are in report.py.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictBool, model_validator

from arrangements.data.fields import DateText, Id, Line, Strict, Text, WholeNumber, blanks

PriorityStatus = Literal["achieved", "on-track", "some-progress", "little-progress", "not-started"]
STATUS_WORDS = {
    "achieved": "Achieved",
    "on-track": "On track",
    "some-progress": "Some progress",
    "little-progress": "Little or no progress",
    "not-started": "Not started",
}


class Period(Strict):
    start: DateText = Field(description="First day covered, usually 1 April, e.g. `2024-04-01`.")
    end: DateText = Field(description="Last day covered, usually 31 March, e.g. `2025-03-31`. A report may cover "
                                      "a longer or shorter period, e.g. 18 months.")

    @model_validator(mode="after")
    def _order(self) -> Period:
        if self.start and self.end and self.end <= self.start:  # blank only in a salvage read
            raise ValueError("the period must end after it starts (usually 1 April to 31 March)")
        return self


class PriorityProgress(Strict):
    title: Line = Field(description="The priority, as agreed.")
    status: PriorityStatus = Field(
        description="`achieved`, `on-track`, `some-progress`, `little-progress` or `not-started`.")
    evidence: Text | None = Field(description="What shows this status: figures, audits, feedback. Blank if none.")
    impact: Text | None = Field(None, description="What changed for children and families.")


class Review(Strict):
    title: Line = Field(description="How the review is known, e.g. `Child A`.")
    decided: DateText | None = Field(None, description="When the partners decided to hold the review.")
    published: DateText | None = Field(None, description="When it was published (due within 6 months of the decision).")
    learning: Text | None = Field(None, description="The main learning, in plain words.")


class PracticeReviews(Strict):
    notifications: WholeNumber = Field(ge=0, description="Serious incidents notified to the national panel.")
    rapid_reviews: WholeNumber = Field(ge=0, description="Rapid reviews completed.")
    lcsprs_commissioned: WholeNumber = Field(ge=0, description="Local child safeguarding practice reviews started.")
    lcsprs_published: WholeNumber = Field(ge=0, description="Local child safeguarding practice reviews published.")
    reviews: list[Review] = Field(default_factory=list, description="The local reviews, one item each.")


class Course(Strict):
    title: Line
    sessions: WholeNumber = Field(ge=0, description="How many sessions ran.")
    attendees: WholeNumber = Field(ge=0, description="How many people attended in all.")
    evaluation: Text | None = Field(None, description="What attendees said, or what changed in practice.")


class Training(Strict):
    courses: list[Course] = Field(default_factory=list, description="Multi-agency courses, one item each.")
    impact: Text | None = Field(description="Evidence that training changed practice. Blank if none yet.")

    _blank = blanks("impact")


class Audits(Strict):
    section11: Text | None = Field(description="Section 11 audit: who took part and what it found.")
    multi_agency: list[Text] = Field(default_factory=list, description="Multi-agency audits and findings.")


class Impact(Strict):
    outcome: Text = Field(description="What is better for children and families.")
    evidence: Text = Field(description="How we know: figures, audit findings, feedback.")


class Voice(Strict):
    sought: Text | None = Field(description="How children and families were asked.")
    changed: Text | None = Field(description="What changed because of what they said.")


class ReportScrutiny(Strict):
    findings: Text | None = Field(description="What the independent scrutineer found.")
    response: Text | None = Field(description="What the partners did about it.")


class Contribution(Strict):
    partner: Id = Field(description="The partner's id in the arrangements, e.g. `council`, `icb`, `police`.")
    amount: WholeNumber = Field(ge=0, description="Pounds, whole numbers.")


class Spend(Strict):
    item: Line = Field(description="What the money was spent on, e.g. `Training`.")
    amount: WholeNumber = Field(ge=0, description="Pounds, whole numbers.")


class ReportFunding(Strict):
    contributions: list[Contribution] = Field(default_factory=list, description="Who paid in, and how much.")
    spend: list[Spend] = Field(default_factory=list, description="What it was spent on.")


class ReportChanges(Strict):
    made: Text | None = Field(None, description="Changes made in the year. Blank: taken from the published versions.")
    planned: Text | None = Field(None, description="Changes planned. Blank: taken from a proposed version, if any.")


class YearlyReport(Strict):
    """One yearly report: data/partnerships/<id>/reports/<yyyy-yy>.yml."""

    period: Period
    covers: Literal["children", "adults", "both"] | None = Field(
        None, description="In a joint children and adults partnership: whose report this is. Blank: the partnership's.")
    sample: StrictBool = Field(False, description="`true` for illustrative example data: every page then says so.")
    published: DateText | None = Field(None, description="When the report was published (due by 30 September).")
    sent_to_panel: DateText | None = Field(None, description="When it was sent to the national panel (within 7 days).")
    sent_to_foundations: DateText | None = Field(None, description="When it was sent to Foundations (within 7 days).")
    summary: Text = Field(description="Three or four plain sentences for families: the year at a glance.")
    activity: Text | None = Field(description="What the partners did under the arrangements.")
    priorities: list[PriorityProgress] = Field(default_factory=list, description="Progress on each agreed priority.")
    practice_reviews: PracticeReviews | None = Field(description="Serious incidents, rapid reviews and local reviews.")
    training: Training | None = Field(description="Multi-agency training, and its impact.")
    audits: Audits | None = Field(None, description="Section 11 and multi-agency audits.")
    impact: list[Impact] | None = Field(
        description="Required: outcomes for children and families, each with its evidence. Write `tbc` only if "
                    "there is truly none yet; the checker then flags the report."
    )
    little_progress: Text | None = Field(description="Where there was little or no progress on priorities, and why.")
    review_actions: Text | None = Field(description="Actions on local and national practice review recommendations.")
    voice: Voice | None = Field(description="How feedback from children and families was sought and used.")
    data_use: Text | None = Field(description="How data was used.")
    education: Text | None = Field(description="How schools, colleges and early years settings contributed.")
    scrutiny: ReportScrutiny | None = Field(
        description="How independent scrutiny was applied, what it found and the response.")
    funding: ReportFunding | None = Field(description="Contributions by partner, and spend.")
    changes: ReportChanges | None = Field(None, description="Changes to the arrangements, made or planned.")

    _blank = blanks("activity", "little_progress", "review_actions", "data_use", "education", "impact",
                    "practice_reviews", "training", "audits", "voice", "scrutiny", "funding")
