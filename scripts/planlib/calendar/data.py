"""The library's schedules as calendar data, computed once per build, and the .ics files made from it."""

from __future__ import annotations

import datetime
import functools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from planlib import urls
from planlib.calendar.events import Event, plan_events
from planlib.calendar.ics import IcsWriter
from planlib.calendar.years import YearChoice, choices, first_month, months_from
from planlib.labels import month_name
from planlib.model import Plan
from planlib.pages.catalog import Catalog, reading_order
from planlib.pages.page import VirtualFile
from planlib.pagination import PAGE_SIZE, paginate

CALENDAR_ORDER = months_from(1)


@dataclass
class MonthPlans:
    """The plans with activities in one month, by sector and section; and those activities."""

    plans: list[Plan]
    events: dict[str, list[Event]]  # plan id -> its events in the month, in schedule order


@dataclass
class CalendarData:
    """Every plan's events, and the published ones grouped by month."""

    events: dict[str, list[Event]]
    today: datetime.date
    months: dict[int, MonthPlans]


def prepare_calendar(catalog: Catalog, activity_kinds, today: datetime.date) -> CalendarData:
    events = {plan.id: plan_events(plan, activity_kinds) for plan in catalog.all_by_id.values() if plan.schedule}
    return CalendarData(events, today, _months(catalog, events))


def published_events(catalog: Catalog, events: dict[str, list[Event]]) -> list[tuple[Plan, Event]]:
    return [(plan, event) for plan in catalog.plans for event in events.get(plan.id, [])]


def _months(catalog: Catalog, events: dict[str, list[Event]]) -> dict[int, MonthPlans]:
    """Each month's plans and events, from one pass over the published events."""
    by_month: dict[int, dict[str, list[Event]]] = {month: defaultdict(list) for month in CALENDAR_ORDER}
    for plan, event in published_events(catalog, events):
        for month in event.months:
            by_month[month][plan.id].append(event)
    sector_order = list(catalog.taxonomy.sectors)
    months = {}
    for month, by_plan in by_month.items():
        plans = sorted((catalog.all_by_id[pid] for pid in by_plan),
                       key=lambda p: (sector_order.index(p.meta.sector), urls.pinyin_key(p.meta.section),
                                      reading_order(p)))
        months[month] = MonthPlans(plans, dict(by_plan))
    return months


def month_years(month: int, today: datetime.date) -> list[int]:
    """Years offered on a month page: the next time this month begins, and the years around it."""
    upcoming = today.year if datetime.date(today.year, month, 1) > today else today.year + 1
    return [upcoming - 1, upcoming, upcoming + 1]


def _year_by_choice(choice: YearChoice, _event: Event, month: int) -> int:
    """The calendar year of `month` under the reader's choice of year."""
    return choice.calendar_year(month)


def _fixed_year(year: int, _event: Event, _month: int) -> int:
    """The same calendar year for every event (month calendars)."""
    return year


def plan_ics_files(catalog: Catalog, data: CalendarData, writer: IcsWriter) -> Iterator[VirtualFile]:
    """One .ics per plan with a schedule and per year offered, made one at a time."""
    for plan_id, events in data.events.items():
        plan = catalog.all_by_id[plan_id]
        for choice in choices(first_month(plan, catalog.taxonomy), data.today):
            name = f"{plan.meta.title} · {choice.label('zh')}"
            body = writer.calendar(name, [(e, plan.meta.title) for e in events],
                                   functools.partial(_year_by_choice, choice))
            yield VirtualFile(urls.plan_ics(plan_id, choice.key), body)


def month_ics_files(data: CalendarData, writer: IcsWriter) -> Iterator[VirtualFile]:
    """One .ics per month page (the same pages as the month's web pages) and per year offered."""
    for month, grouped in data.months.items():
        for page in paginate(grouped.plans, PAGE_SIZE, urls.month(month), "zh"):
            items = [(event, p.meta.title) for p in page.items for event in grouped.events[p.id]]
            for year in month_years(month, data.today):
                name = f"{month_name(month, 'zh')} {year}"
                yield VirtualFile(urls.month_ics(month, year, page.number),
                                  writer.calendar(name, items, functools.partial(_fixed_year, year)))


def iter_calendar_files(catalog: Catalog, data: CalendarData) -> Iterator[VirtualFile]:
    """The .ics downloads, the same in every language, one at a time (a build writes each and lets it go)."""
    writer = IcsWriter(data.today, catalog.taxonomy.week_one)
    yield from plan_ics_files(catalog, data, writer)
    yield from month_ics_files(data, writer)


def calendar_files(catalog: Catalog, data: CalendarData) -> list[VirtualFile]:
    """The .ics downloads, all at once."""
    return list(iter_calendar_files(catalog, data))
