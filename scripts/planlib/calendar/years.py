"""Which calendar year each month of a plan falls in, for the year a reader picks."""

from __future__ import annotations

import calendar
import datetime
import os
from dataclasses import dataclass

from planlib.model import Plan

SCHOOL_TERMS = {"autumn", "spring", "semester", "school-year"}
ACADEMIC_START_MONTH = 8


def today() -> datetime.date:
    """The build date; PLANLIB_TODAY=YYYY-MM-DD pins it (tests, reproducible builds)."""
    pinned = os.environ.get("PLANLIB_TODAY")
    if pinned:
        return datetime.date.fromisoformat(pinned)
    return datetime.date.today()


def follows_academic_year(plan: Plan) -> bool:
    """School plans run Aug/Sep → Jul; hospital and government plans the calendar year."""
    return plan.meta.sector == "education" and plan.meta.term in SCHOOL_TERMS


@dataclass(frozen=True)
class YearChoice:
    """A year a reader can pick: a calendar year, or an academic year named by its first year."""

    start: int
    academic: bool

    def calendar_year(self, month: int) -> int:
        if self.academic and month < ACADEMIC_START_MONTH:
            return self.start + 1
        return self.start

    def label(self, lang: str) -> str:
        if not self.academic:
            return f"{self.start}年" if lang == "zh" else str(self.start)
        return f"{self.start}—{self.start + 1}学年" if lang == "zh" else f"{self.start}–{self.start + 1}"

    @property
    def key(self) -> str:
        return f"{self.start}-{self.start + 1}" if self.academic else str(self.start)


def default_choice(academic: bool, on: datetime.date) -> YearChoice:
    """The next academic year for school plans, the next calendar year otherwise."""
    if academic:
        start = on.year + 1 if on >= datetime.date(on.year, ACADEMIC_START_MONTH, 1) else on.year
        return YearChoice(start, True)
    return YearChoice(on.year + 1, False)


def choices(academic: bool, on: datetime.date) -> list[YearChoice]:
    """The years offered on a page: the one before the default, the default, the one after."""
    default = default_choice(academic, on)
    return [YearChoice(default.start + delta, academic) for delta in (-1, 0, 1)]


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]
