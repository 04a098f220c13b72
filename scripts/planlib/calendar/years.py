"""Which calendar year each month of a plan falls in, and what the reader's browser needs to offer years.

Which plans run with the school year, and from which month, the taxonomy
says (plans/taxonomy.yml: school_year, and the sectors' and terms' flags).
A reader picks the year of a calendar file in the browser (calendar.js): a
school year (2027—2028: August to December in 2027, January to July in 2028)
for school plans, a calendar year for the others. The default is the plan's
own year when it is known, else the coming term from the reader's date: the
next one to begin, or the one that began less than two months ago.
"""

from __future__ import annotations

from dataclasses import dataclass

from planlib.model import Plan
from planlib.taxonomy import Taxonomy


def first_month(plan: Plan, tax: Taxonomy) -> int:
    """The month a plan's year begins: the school year's for school plans, else January."""
    return tax.school_year.starts if tax.follows_school_year(plan.meta.sector, plan.meta.term) else 1


def months_from(first: int) -> tuple[int, ...]:
    """The twelve months in the order of a year that begins with `first`."""
    return tuple((first - 1 + offset) % 12 + 1 for offset in range(12))


@dataclass(frozen=True)
class PlanYears:
    """What the browser needs to offer a plan's years: the first month of a plan year, the plan's
    own year (the first calendar year of its school year), and the day its term begins."""

    first_month: int  # 1: calendar years; else school years that begin in this month
    own: int | None  # the plan's own year, when the plan says it
    term_start: tuple[int, int]  # (month, day) the plan's term begins

    def to_json(self) -> dict[str, object]:
        return {"first": self.first_month, "own": self.own, "term": list(self.term_start)}


def plan_years(plan: Plan, tax: Taxonomy) -> PlanYears:
    first = first_month(plan, tax)
    year = plan.meta.year if isinstance(plan.meta.year, int) else None
    if first == 1:
        return PlanYears(1, year, (1, 1))
    week_one = tax.school_year.week_one
    term = plan.meta.term
    # a term of its own (autumn, spring) begins in its first week; a school year or an unnamed term
    # with the school year's first term
    start = week_one.get(term) or next(iter(week_one.values()))
    if year is not None and start[0] < first:  # a spring plan of 2024 belongs to the school year 2023—2024
        year -= 1
    return PlanYears(first, year, start)
