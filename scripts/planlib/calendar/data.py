"""The library's schedules as calendar data, computed once per build (the browser writes the .ics files)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from planlib import urls
from planlib.calendar.events import Event, plan_events
from planlib.calendar.years import months_from
from planlib.model import Plan
from planlib.pages.catalog import Catalog, reading_order

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
    months: dict[int, MonthPlans]


def prepare_calendar(catalog: Catalog) -> CalendarData:
    tax = catalog.taxonomy
    events = {plan.id: plan.derived("events", tax, lambda: plan_events(plan, tax.activity_kinds))
              for plan in catalog.all_by_id.values() if plan.schedule}
    return CalendarData(events, _months(catalog, events))


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
