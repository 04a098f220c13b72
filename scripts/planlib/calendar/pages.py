"""Calendar views: the overview, one page per month, and each plan's timeline."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from planlib import urls
from planlib.calendar.data import CALENDAR_ORDER, CalendarData, published_events
from planlib.calendar.ics import month_entries, plan_entries
from planlib.calendar.years import first_month, months_from, plan_years
from planlib.labels import PLAN_LANGUAGE, month_name, t
from planlib.model import Plan
from planlib.pages.catalog import Catalog
from planlib.pages.entries import PlanEntry, entry
from planlib.pages.page import Link, Outline, VirtualPage
from planlib.pagination import PAGE_SIZE, PagerLink, paged_title, paginate
from planlib.document import Heading


# -- a plan's timeline ---------------------------------------------------------------

@dataclass(frozen=True)
class TimelineMonth:
    label: str
    count: int
    href: str | None  # the first schedule entry of the month on the plan's page; None when idle


@dataclass(frozen=True)
class Timeline:
    months: list[TimelineMonth]
    ics: str  # what its calendar file holds, for the browser to write in the year the reader picks (JSON)


def plan_timeline(catalog: Catalog, plan: Plan, data: CalendarData, lang: str) -> Timeline | None:
    """A month grid of a plan's schedule and its .ics downloads, for its page."""
    events = data.events.get(plan.id)
    if not events:
        return None
    first = first_month(plan, catalog.taxonomy)
    counts = Counter(month for event in events for month in event.months)
    first_entry: dict[int, str] = {}  # month -> anchor of the first schedule entry listing it
    for schedule_month in plan.schedule:
        for month in schedule_month.months:
            first_entry.setdefault(month, schedule_month.anchor)
    cells = [TimelineMonth(month_name(month, lang, short=True), counts[month],
                           f"#{first_entry[month]}" if counts[month] else None) for month in months_from(first)]
    entries = plan_entries(plan.id, plan.meta.title, events, catalog.taxonomy.week_one)
    return Timeline(cells, ics_data(plan.meta.title, [entry.to_json() for entry in entries],
                                    years=plan_years(plan, catalog.taxonomy).to_json()))


def ics_data(name: str, entries: list[dict], **when: object) -> str:
    """The JSON a page gives calendar.js: the calendar's name, its entries, and how its years are offered
    (`years` of a plan, or the `month` of a month page)."""
    return json.dumps({"name": name, "entries": entries, **when}, ensure_ascii=False, separators=(",", ":"))


# -- month pages ---------------------------------------------------------------------

@dataclass(frozen=True)
class MonthEntry:
    plan: PlanEntry
    activities: list[tuple[str, str]]  # (activity as written, the quarter it is listed under, or "")


@dataclass(frozen=True)
class MonthGroup:
    heading: Heading  # sector · section
    plans: list[MonthEntry]


@dataclass(frozen=True)
class MonthView:
    heading: Heading
    intro: str
    months: list[Link]  # the other months; the current one without a link
    ics: str  # what the month's calendar file holds (JSON; see Timeline.ics)
    pager: list[PagerLink] | None
    groups: list[MonthGroup]


def month_pages(catalog: Catalog, data: CalendarData, month: int, lang: str) -> list[VirtualPage]:
    tax = catalog.taxonomy
    grouped = data.months[month]
    title = t("month_title", lang, month=month_name(month, lang))
    intro = t("month_intro", lang, n=sum(len(events) for events in grouped.events.values()), plans=len(grouped.events))
    pages = []
    for page in paginate(grouped.plans, PAGE_SIZE, urls.month(month), lang):
        uri = page.uri
        outline = Outline()
        heading = outline.heading(1, paged_title(title, page.number, lang))
        nav = [Link(month_name(m, lang, short=True), None if m == month else urls.href(uri, urls.month(m)))
               for m in months_from(tax.school_year.starts)]
        entries = month_entries(month, ((p.id, p.meta.title, grouped.events[p.id]) for p in page.items), tax.week_one)
        ics = ics_data(paged_title(month_name(month, "zh"), page.number, "zh"), [e.to_json() for e in entries],
                       month=month)
        groups: list[MonthGroup] = []
        current: tuple[str, str] | None = None
        for plan in page.items:
            group = (plan.meta.sector, plan.meta.section)
            if group != current:
                text = f"{tax.label('sectors', group[0], lang)} · {tax.label('sections', group[1], lang)}"
                groups.append(MonthGroup(outline.heading(2, text), []))
                current = group
            activities = [(event.text, event.label if len(event.months) > 1 else "")
                          for event in grouped.events[plan.id]]
            groups[-1].plans.append(MonthEntry(entry(plan, uri, tax, lang), activities))
        view = MonthView(heading, intro, nav, ics, page.pager, groups)
        pages.append(VirtualPage(uri, heading.text, "month.html", view, outline.headings, {"plan_index": "month"}))
    return pages


# -- the overview --------------------------------------------------------------------

@dataclass(frozen=True)
class CountTable:
    heading: Heading
    columns: list[str]  # the sectors with activities
    rows: list[tuple[Link, list[int], int]]  # month, its count per sector, its total


@dataclass(frozen=True)
class HeatRow:
    label: str
    cells: list[tuple[int, int]]  # (count, heat level 0-4) per month


@dataclass(frozen=True)
class CalendarView:
    heading: Heading
    tables: list[CountTable]
    trends: Heading
    trend_months: list[str]
    heat: list[HeatRow]


def month_counts(catalog: Catalog, data: CalendarData) -> dict[int, Counter[str]]:
    """Items per month and sector; an item listed under a quarter counts in each of its months."""
    counts: dict[int, Counter[str]] = {month: Counter() for month in CALENDAR_ORDER}
    for plan, event in published_events(catalog, data.events):
        for month in event.months:
            counts[month][plan.meta.sector] += 1
    return counts


def activity_counts(catalog: Catalog, data: CalendarData) -> dict[str, Counter[int]]:
    counts: dict[str, Counter[int]] = {kind: Counter() for kind in catalog.taxonomy.activities}
    for _plan, event in published_events(catalog, data.events):
        for kind in event.kinds:
            for month in event.months:
                counts[kind][month] += 1
    return counts


def heat_level(count: int, peak: int) -> int:
    """0 for none, else 1-4 by the share of the busiest month of any activity."""
    return min(4, 1 + (4 * count) // (peak + 1)) if count else 0


def overview_page(catalog: Catalog, data: CalendarData, lang: str) -> VirtualPage:
    tax = catalog.taxonomy
    uri = urls.CALENDAR
    outline = Outline()
    heading = outline.heading(1, t("calendar_title", lang))
    counts = month_counts(catalog, data)
    sectors = [s for s in tax.sectors if any(counts[m][s] for m in counts)]
    school = months_from(tax.school_year.starts)
    ends = {"first": month_name(school[0], lang, short=lang == "zh"),
            "last": month_name(school[-1], lang, short=lang == "zh")}
    tables = []
    for order, title in ((school, t("academic_view", lang, **ends)), (CALENDAR_ORDER, t("calendar_view", lang))):
        rows = [(Link(month_name(month, lang), urls.href(uri, urls.month(month))),
                 [counts[month][s] for s in sectors], sum(counts[month].values())) for month in order]
        tables.append(CountTable(outline.heading(2, title), [tax.label("sectors", s, lang) for s in sectors], rows))
    trends = outline.heading(2, t("trends", lang))
    activities = activity_counts(catalog, data)
    peak = max((c for counter in activities.values() for c in counter.values()), default=0)
    heat = [HeatRow(tax.label("activities", kind, lang), [(counter[m], heat_level(counter[m], peak)) for m in school])
            for kind, counter in activities.items() if sum(counter.values())]
    view = CalendarView(heading, tables, trends, [month_name(m, lang, short=True) for m in school], heat)
    return VirtualPage(uri, heading.text, "calendar.html", view, outline.headings, {"plan_index": "calendar"})


def calendar_pages(catalog: Catalog, data: CalendarData, lang: str) -> list[VirtualPage]:
    pages = [overview_page(catalog, data, lang)]
    for month in CALENDAR_ORDER:
        pages += month_pages(catalog, data, month, lang)
    return pages
