"""Calendar pages: the overview, one page per month, each plan's timeline, and the .ics files."""

from __future__ import annotations

import datetime
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass

from planlib.calendar.events import Event, plan_events
from planlib.calendar.ics import IcsWriter
from planlib.calendar.years import YearChoice, choices, follows_academic_year
from planlib.mdtext import inline
from planlib.model import Plan
from planlib.pages import links
from planlib.pages.catalog import Catalog, reading_order
from planlib.pages.entries import facts_line
from planlib.pages.indexes import pager, paged_title
from planlib.pages.labels import colon, t
from planlib.pages.page import VirtualFile, VirtualPage, make_page
from planlib.sanitize import inert_markdown

ACADEMIC_ORDER = (8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7)
CALENDAR_ORDER = tuple(range(1, 13))
MONTH_ZH = ("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月")
MONTH_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December")
OVERVIEW_URI = "calendar/index.md"


def month_name(month: int, lang: str, short: bool = False) -> str:
    if lang == "zh":
        return f"{month}月" if short else MONTH_ZH[month - 1]
    return MONTH_EN[month - 1][:3] if short else MONTH_EN[month - 1]


def month_uri(month: int) -> str:
    return f"calendar/month-{month:02d}/index.md"


def plan_ics_uri(plan_id: str, choice: YearChoice) -> str:
    """One folder per plan: plan cd's 2026-2027 and plan cd-2026's 2027 must not share a name."""
    return f"calendar/ics/plan/{plan_id}/{choice.key}.ics"


def month_ics_uri(month: int, year: int, page: int) -> str:
    suffix = "" if page == 1 else f"-page-{page}"
    return f"calendar/ics/month/{month:02d}-{year}{suffix}.ics"


@dataclass
class MonthPlans:
    """The plans with activities in one month, by sector and section, 50 a page; and those activities."""

    pages: list[list[Plan]]
    events: dict[str, list[Event]]  # plan id -> its events in the month, in schedule order


@dataclass
class CalendarData:
    """Every plan's events, and the published ones grouped by month, computed once per build."""

    events: dict[str, list[Event]]
    today: datetime.date
    months: dict[int, MonthPlans]


def prepare_calendar(catalog: Catalog, activity_kinds, today: datetime.date) -> CalendarData:
    events = {plan.id: plan_events(plan, activity_kinds) for plan in catalog.all_by_id.values() if plan.schedule}
    return CalendarData(events, today, _months(catalog, events))


def _published_events(catalog: Catalog, events: dict[str, list[Event]]) -> list[tuple[Plan, Event]]:
    return [(plan, event) for plan in catalog.plans for event in events.get(plan.id, [])]


def _months(catalog: Catalog, events: dict[str, list[Event]]) -> dict[int, MonthPlans]:
    """Each month's plans and events, from one pass over the published events."""
    by_month: dict[int, dict[str, list[Event]]] = {month: defaultdict(list) for month in CALENDAR_ORDER}
    for plan, event in _published_events(catalog, events):
        for month in event.months:
            by_month[month][plan.id].append(event)
    sector_order = list(catalog.taxonomy.sectors)
    months = {}
    for month, by_plan in by_month.items():
        plans = sorted((catalog.all_by_id[pid] for pid in by_plan),
                       key=lambda p: (sector_order.index(p.meta.sector), links.pinyin_key(p.meta.section),
                                      reading_order(p)))
        months[month] = MonthPlans(links.chunked(plans, links.PAGE_SIZE), dict(by_plan))
    return months


# -- .ics ---------------------------------------------------------------------

def plan_ics_files(catalog: Catalog, data: CalendarData, writer: IcsWriter) -> list[VirtualFile]:
    """One .ics per plan with a schedule and per year offered."""
    files = []
    for plan_id, events in data.events.items():
        plan = catalog.all_by_id[plan_id]
        for choice in choices(follows_academic_year(plan), data.today):
            name = f"{plan.meta.title} · {choice.label('zh')}"
            body = writer.calendar(name, [(e, plan.meta.title) for e in events],
                                   functools.partial(_year_by_choice, choice))
            files.append(VirtualFile(plan_ics_uri(plan_id, choice), body))
    return files


def month_years(month: int, today: datetime.date) -> list[int]:
    """Years offered on a month page: the next time this month begins, and the years around it."""
    upcoming = today.year if datetime.date(today.year, month, 1) > today else today.year + 1
    return [upcoming - 1, upcoming, upcoming + 1]


# -- per-plan timeline ----------------------------------------------------------

def schedule_anchor(index: int) -> str:
    return f"schedule-{index}"


def anchored_body(plan: Plan) -> str:
    """The plan's Markdown (made inert) with an id on each schedule month heading, for the timeline's links.

    The class plan-month marks the heading for the reader tools (the copy-month button).
    """
    lines = inert_markdown(plan.markdown).split("\n")
    for index, entry in enumerate(plan.schedule):
        position = entry.line - plan.body_line
        if 0 <= position < len(lines) and lines[position].startswith("###"):
            lines[position] = f"{lines[position].rstrip()} {{ #{schedule_anchor(index)} .plan-month }}"
    return "\n".join(lines)


def plan_timeline(plan: Plan, data: CalendarData, lang: str) -> str:
    """A month grid of a plan's schedule and the .ics downloads, for its page."""
    events = data.events.get(plan.id)
    if not events:
        return ""
    academic = follows_academic_year(plan)
    order = ACADEMIC_ORDER if academic else CALENDAR_ORDER
    counts = Counter(month for event in events for month in event.months)
    first_entry: dict[int, int] = {}
    for index, entry in enumerate(plan.schedule):
        for month in entry.months:
            first_entry.setdefault(month, index)
    cells = []
    for month in order:
        name = month_name(month, lang, short=True)
        if counts[month]:
            cells.append(f"[**{name}** {counts[month]}](#{schedule_anchor(first_entry[month])})"
                         "{ .plan-timeline__month .plan-timeline__month--busy }")
        else:
            cells.append(f"<span class=\"plan-timeline__month\">{name}</span>")
    uri = links.plan_uri(plan.id)
    offered = choices(academic, data.today)
    buttons = []
    for choice in offered:
        classes = ".md-button .md-button--primary" if choice == offered[1] else ".md-button"
        buttons.append(f"[{inline(choice.label(lang))}]({links.relative(uri, plan_ics_uri(plan.id, choice))})"
                       f"{{ {classes} download=\"{plan.id}-{choice.key}.ics\" }}")
    heading = t("timeline", lang)
    return (f'<div class="plan-timeline" markdown>\n\n**{heading}**\n\n' + " ".join(cells) + "\n\n"
            f"{t('ics_download', lang)}{colon(lang)}" + " ".join(buttons) + "\n\n</div>\n")


# -- month pages ----------------------------------------------------------------

def month_ics_files(catalog: Catalog, data: CalendarData, writer: IcsWriter) -> list[VirtualFile]:
    """One .ics per month page and per year offered."""
    files = []
    for month, grouped in data.months.items():
        for number, chunk in enumerate(grouped.pages, start=1):
            items = [(event, p.meta.title) for p in chunk for event in grouped.events[p.id]]
            for year in month_years(month, data.today):
                name = f"{month_name(month, 'zh')} {year}"
                files.append(VirtualFile(month_ics_uri(month, year, number),
                                         writer.calendar(name, items, functools.partial(_fixed_year, year))))
    return files


def month_pages(catalog: Catalog, data: CalendarData, month: int, lang: str) -> list[VirtualPage]:
    tax = catalog.taxonomy
    grouped = data.months[month]
    chunks, by_plan = grouped.pages, grouped.events
    first = month_uri(month)
    title = t("month_title", lang, month=month_name(month, lang))
    intro = t("month_intro", lang, n=sum(len(events) for events in by_plan.values()), plans=len(by_plan))
    years = month_years(month, data.today)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        uri = links.paged_uri(first, number)
        heading = paged_title(title, number, lang)
        body = [f"# {inline(heading)}", "", intro, "", _month_nav(uri, month, lang)]
        buttons = []
        for year in years:
            ics = month_ics_uri(month, year, number)
            classes = ".md-button .md-button--primary" if year == years[1] else ".md-button"
            buttons.append(f"[{year}]({links.relative(uri, ics)}){{ {classes} download=\"{ics.rsplit('/', 1)[-1]}\" }}")
        body.append(f"{t('ics_download', lang)}{colon(lang)}" + " ".join(buttons) + "\n")
        body.append(pager(first, number, len(chunks), lang))
        current: tuple[str, str] | None = None
        for plan in chunk:
            group = (plan.meta.sector, plan.meta.section)
            if group != current:
                body.append(f"## {inline(tax.label('sectors', group[0], lang))} · "
                            f"{inline(tax.label('sections', group[1], lang))}\n")
                current = group
            link = links.relative(uri, links.plan_uri(plan.id))
            body.append(f"**[{inline(plan.meta.title)}]({link})** <small>{inline(facts_line(plan, tax, lang))}</small>\n")
            body.extend(f"- {inline(event.text)}" + (f" <small>（{inline(event.label)}）</small>" if len(event.months) > 1
                                                     else "") for event in by_plan[plan.id])
            body.append("")
        body.append(pager(first, number, len(chunks), lang))
        pages.append(make_page(uri, heading, "\n".join(body), plan_index="month"))
    return pages


def _month_nav(from_uri: str, current: int, lang: str) -> str:
    items = [f"**{month_name(m, lang, short=True)}**" if m == current
             else f"[{month_name(m, lang, short=True)}]({links.relative(from_uri, month_uri(m))})"
             for m in ACADEMIC_ORDER]
    return '<nav class="plan-months" markdown>\n\n' + " · ".join(items) + "\n\n</nav>\n"


# -- overview -------------------------------------------------------------------

def month_counts(catalog: Catalog, data: CalendarData) -> dict[int, Counter[str]]:
    """Items per month and sector; an item listed under a quarter counts in each of its months."""
    counts: dict[int, Counter[str]] = {month: Counter() for month in CALENDAR_ORDER}
    for plan, event in _published_events(catalog, data.events):
        for month in event.months:
            counts[month][plan.meta.sector] += 1
    return counts


def activity_counts(catalog: Catalog, data: CalendarData) -> dict[str, Counter[int]]:
    counts: dict[str, Counter[int]] = {kind: Counter() for kind in catalog.taxonomy.activities}
    for _plan, event in _published_events(catalog, data.events):
        for kind in event.kinds:
            for month in event.months:
                counts[kind][month] += 1
    return counts


def _table(rows: list[list[str]]) -> str:
    header, *body = rows
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)


def _heat(count: int, peak: int) -> str:
    if not count:
        return "·"
    level = min(4, 1 + (4 * count) // (peak + 1))
    return f'<span class="heat heat-{level}">{count}</span>'


def overview_page(catalog: Catalog, data: CalendarData, lang: str) -> VirtualPage:
    tax = catalog.taxonomy
    uri = OVERVIEW_URI
    counts = month_counts(catalog, data)
    sectors = [s for s in tax.sectors if any(counts[m][s] for m in counts)]
    body = [f"# {t('calendar_title', lang)}", "", t("calendar_intro", lang), ""]
    for order, heading in ((ACADEMIC_ORDER, t("academic_view", lang)), (CALENDAR_ORDER, t("calendar_view", lang))):
        rows = [[t("month", lang)] + [inline(tax.label("sectors", s, lang)) for s in sectors] + [t("all", lang)]]
        for month in order:
            total = sum(counts[month].values())
            rows.append([f"[{month_name(month, lang)}]({links.relative(uri, month_uri(month))})"]
                        + [str(counts[month][s]) for s in sectors] + [f"**{total}**"])
        body += [f"## {heading}", "", _table(rows), ""]
    activities = activity_counts(catalog, data)
    peak = max((c for counter in activities.values() for c in counter.values()), default=0)
    rows = [[t("activity", lang)] + [month_name(m, lang, short=True) for m in ACADEMIC_ORDER]]
    for kind, counter in activities.items():
        if sum(counter.values()):
            rows.append([inline(tax.label("activities", kind, lang))] + [_heat(counter[m], peak) for m in ACADEMIC_ORDER])
    body += [f"## {t('trends', lang)}", "", t("trends_intro", lang), "", '<div class="plan-trends" markdown>', "",
             _table(rows), "", "</div>", ""]
    return make_page(uri, t("calendar_title", lang), "\n".join(body), plan_index="calendar")


def _year_by_choice(choice: YearChoice, _event: Event, month: int) -> int:
    """The calendar year of `month` under the reader's choice of year."""
    return choice.calendar_year(month)


def _fixed_year(year: int, _event: Event, _month: int) -> int:
    """The same calendar year for every event (month calendars)."""
    return year


def calendar_pages(catalog: Catalog, data: CalendarData, lang: str) -> list[VirtualPage]:
    pages = [overview_page(catalog, data, lang)]
    for month in CALENDAR_ORDER:
        pages += month_pages(catalog, data, month, lang)
    return pages


def calendar_files(catalog: Catalog, data: CalendarData) -> list[VirtualFile]:
    """The .ics downloads: the same in every language."""
    writer = IcsWriter(data.today)
    return plan_ics_files(catalog, data, writer) + month_ics_files(catalog, data, writer)
