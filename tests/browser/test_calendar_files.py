"""Calendar files (.ics) as the browser writes them, read with icalendar: the year the reader picks (by
default the plan's own, else the coming term), undated items as at most one event per plan per month,
dated items as their own events, no month-long bars, no trailing punctuation."""

from __future__ import annotations

import datetime
from collections import defaultdict

import pytest
from icalendar import Calendar

from browser.conftest import download
from planlib.calendar.events import plan_events
from planlib.calendar.ics import is_dated
from planlib.library import load_library

NOW = datetime.datetime(2026, 11, 24, 9, 0, tzinfo=datetime.timezone.utc)
SPRING_PLAN = "school-jiaokeshi-xxxx-7b8f-3"  # 第二学期, year unknown


@pytest.fixture
def dated_page(tabs):
    """A page whose clock reads NOW."""
    with tabs.lend("dated") as page:
        page.clock.set_fixed_time(NOW)
        yield page


@pytest.fixture(scope="module")
def library(site):
    return load_library(site)


def chosen(page) -> str:
    return page.locator(".plan-ics select option:checked").inner_text()


def events_of(page) -> list:
    _, data = download(page, page.locator(".plan-ics .planlib-download"))
    return Calendar.from_ical(data).walk("VEVENT")


def test_a_month_file_has_one_event_per_plan_for_its_undated_items(dated_page, library) -> None:
    dated_page.goto("calendar/month-09/")
    assert chosen(dated_page) == "2027年"  # September 2026 is over: the next one
    vevents = events_of(dated_page)
    by_title = {plan.meta.title: plan for plan in library.published}
    undated_events: dict[str, int] = defaultdict(int)
    described = defaultdict(str)
    for vevent in vevents:
        start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
        assert type(start) is datetime.date and (start.year, start.month) == (2027, 9)  # all-day, in the month
        assert (end - start).days <= 11, vevent["SUMMARY"]  # no month-long bar
        summary = str(vevent["SUMMARY"])
        assert not summary.endswith(("；", "。", "，", "、", ";", ".")), summary
        plan = by_title[str(vevent["DESCRIPTION"]).split("\n")[-2]]  # …, the plan's title, the page
        described[plan.id] += str(vevent["DESCRIPTION"])
        if "安排（" in summary:
            undated_events[plan.id] += 1
    assert undated_events and max(undated_events.values()) == 1
    for plan in library.published:
        if plan.meta.duplicate_of:
            continue
        for event in plan_events(plan, library.taxonomy.activity_kinds):
            if 9 in event.months:
                assert event.text in described[plan.id], (plan.id, event.text)
                if not is_dated(event):
                    assert undated_events[plan.id] == 1, plan.id


def test_a_spring_plan_defaults_to_the_coming_spring(dated_page, library) -> None:
    """In November 2026 the coming 第二学期 is spring 2027, in the school year 2026—2027."""
    dated_page.goto(f"plan/{SPRING_PLAN}/")
    assert chosen(dated_page) == "2026—2027学年"
    plan = library.by_id()[SPRING_PLAN]
    vevents = events_of(dated_page)
    assert len(vevents) < len(plan_events(plan, library.taxonomy.activity_kinds))  # undated items grouped
    months = {event.month for event in plan_events(plan, library.taxonomy.activity_kinds)}
    for vevent in vevents:
        start = vevent.decoded("DTSTART")
        assert start.year == (2026 if start.month >= 8 else 2027) and start.month in months


def test_the_reader_can_pick_another_year(dated_page) -> None:
    dated_page.goto(f"plan/{SPRING_PLAN}/")
    dated_page.locator(".plan-ics select").select_option(label="2027—2028学年")
    assert {vevent.decoded("DTSTART").year for vevent in events_of(dated_page)} == {2028}


def test_a_plan_of_a_known_year_defaults_to_it(dated_page) -> None:
    dated_page.goto(f"plan/{SPRING_PLAN}/")
    options = dated_page.evaluate("""() => planlib.calendar.choices(
        {years: {first: 8, own: 2023, term: [9, 1]}}, new Date(Date.UTC(2026, 10, 24)))""")
    assert [(o["start"], o["chosen"]) for o in options] == [(2023, True), (2026, False), (2027, False), (2028, False)]
    assert options[0]["label"] == "2023—2024学年"
