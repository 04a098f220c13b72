"""Which calendar year each month of a plan falls in, for the year a reader picks.

Which plans run with the school year, and from which month, the taxonomy
says (plans/taxonomy.yml: school_year, and the sectors' and terms' flags).
"""

from __future__ import annotations

import calendar
import datetime
import os
from dataclasses import dataclass

from planlib.model import Plan
from planlib.taxonomy import Taxonomy


def today() -> datetime.date:
    """The build date; PLANLIB_TODAY=YYYY-MM-DD pins it (tests, reproducible builds)."""
    pinned = os.environ.get("PLANLIB_TODAY")
    if pinned:
        return datetime.date.fromisoformat(pinned)
    return datetime.date.today()


def first_month(plan: Plan, tax: Taxonomy) -> int:
    """The month a plan's year begins: the school year's for school plans, else January."""
    return tax.school_year.starts if tax.follows_school_year(plan.meta.sector, plan.meta.term) else 1


def months_from(first: int) -> tuple[int, ...]:
    """The twelve months in the order of a year that begins with `first`."""
    return tuple((first - 1 + offset) % 12 + 1 for offset in range(12))


@dataclass(frozen=True)
class YearChoice:
    """A year a reader can pick: a calendar year (first month 1), or a school year named by its first year."""

    start: int
    first_month: int = 1

    @property
    def academic(self) -> bool:
        return self.first_month != 1

    def calendar_year(self, month: int) -> int:
        if month < self.first_month:
            return self.start + 1
        return self.start

    def label(self, lang: str) -> str:
        if not self.academic:
            return f"{self.start}年" if lang == "zh" else str(self.start)
        return f"{self.start}—{self.start + 1}学年" if lang == "zh" else f"{self.start}–{self.start + 1}"

    @property
    def key(self) -> str:
        return f"{self.start}-{self.start + 1}" if self.academic else str(self.start)


def default_choice(first_month: int, on: datetime.date) -> YearChoice:
    """The next school year for school plans, the next calendar year otherwise."""
    if first_month != 1:
        start = on.year + 1 if on >= datetime.date(on.year, first_month, 1) else on.year
        return YearChoice(start, first_month)
    return YearChoice(on.year + 1, 1)


def choices(first_month: int, on: datetime.date) -> list[YearChoice]:
    """The years offered on a page: the one before the default, the default, the one after."""
    default = default_choice(first_month, on)
    return [YearChoice(default.start + delta, first_month) for delta in (-1, 0, 1)]


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]
