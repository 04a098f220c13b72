"""Events → .ics files (RFC 5545) made with the icalendar library."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable

from icalendar import Calendar, Event as IcsEvent, vDDDTypes, vRecur, vText

from planlib.calendar.events import Event
from planlib.calendar.years import last_day

PRODID = "-//科室工作计划库//planlib//ZH"
UID_DOMAIN = "keshi-plans"
WEEKDAY_INDEX = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
WeekOne = Callable[[int], tuple[int, int]]  # month → (month, day) in the first week of its term (taxonomy)


def _month_after(year: int, month: int) -> datetime.date:
    return datetime.date(year + 1, 1, 1) if month == 12 else datetime.date(year, month + 1, 1)


def event_dates(event: Event, year_of: Callable[[int], int], week_one: WeekOne) -> tuple[datetime.date, datetime.date, dict]:
    """(first day, day after the last, extra properties) of an event in the chosen year."""
    year = year_of(event.month)
    month = event.month
    if event.day is not None:
        first = datetime.date(year, month, min(event.day, last_day(year, month)))
        last = datetime.date(year, month, min(event.last_day or event.day, last_day(year, month)))
        return first, last + datetime.timedelta(days=1), {}
    if event.month_end:
        day = datetime.date(year, month, last_day(year, month))
        return day, day + datetime.timedelta(days=1), {}
    span = event.months if event.month in event.months else (event.month,)
    first_month, last_month = span[0], span[-1]
    start = datetime.date(year_of(first_month), first_month, 1)
    end = _month_after(year_of(last_month), last_month)
    recurrence = event.recurrence
    if recurrence is None:
        return start, end, {}
    if recurrence.kind == "weekly" and recurrence.weekday:
        offset = (WEEKDAY_INDEX[recurrence.weekday] - start.weekday()) % 7
        first = start + datetime.timedelta(days=offset)
        rule = vRecur(freq="WEEKLY", interval=recurrence.interval, byday=recurrence.weekday,
                      until=end - datetime.timedelta(days=1))
        return first, first + datetime.timedelta(days=1), {"rrule": rule}
    if recurrence.kind == "monthly" and len(span) > 1:
        return start, _month_after(start.year, start.month), {"rrule": vRecur(freq="MONTHLY", count=len(span))}
    if recurrence.kind == "weeks":
        anchor_month, anchor_day = week_one(month)
        anchor = datetime.date(year_of(anchor_month), anchor_month, anchor_day)
        first_monday = anchor - datetime.timedelta(days=anchor.weekday())
        mondays = [first_monday + datetime.timedelta(weeks=w - 1) for w in recurrence.weeks]
        extra = {"rdate": mondays[1:]} if len(mondays) > 1 else {}
        return mondays[0], mondays[0] + datetime.timedelta(days=5), extra
    return start, end, {}


class IcsWriter:
    """Writes calendars; each event is serialised once per placement, however many files hold it.

    The same activity in the same year appears in its plan's file and in its
    month page's file, with the same UID, so importing both does not duplicate it.
    """

    def __init__(self, stamp: datetime.date, week_one: WeekOne, url_of: Callable[[Event], str] | None = None) -> None:
        self.dtstamp = datetime.datetime(stamp.year, stamp.month, stamp.day, tzinfo=datetime.timezone.utc)
        self.week_one = week_one
        self.url_of = url_of
        self._events: dict[tuple, bytes] = {}

    def _vevent(self, event: Event, plan_title: str, year_of: Callable[[int], int]) -> bytes:
        months = sorted(set(event.months) | {event.month})
        key = (event.plan_id, event.index, tuple(year_of(month) for month in months))
        cached = self._events.get(key)
        if cached is not None:
            return cached
        first, end, extra = event_dates(event, year_of, self.week_one)
        # typed values set directly: the same output as .add(), in half the time
        component = IcsEvent()
        component["UID"] = vText(f"{event.plan_id}-{event.index}-{first.year}@{UID_DOMAIN}")
        component["DTSTAMP"] = vDDDTypes(self.dtstamp)
        component["DTSTART"] = vDDDTypes(first)
        component["DTEND"] = vDDDTypes(end)
        component["SUMMARY"] = vText(event.summary)
        description = f"{plan_title}\n{event.label}：{event.text}"
        if self.url_of is not None:
            description += f"\n{self.url_of(event)}"
        component["DESCRIPTION"] = vText(description)
        if event.deadline:
            component.add("categories", ["截止日期"])
        for name, value in extra.items():
            component.add(name, value)
        data = component.to_ical()
        self._events[key] = data
        return data

    def calendar(self, name: str, items: Iterable[tuple[Event, str]], year_of: Callable[[Event, int], int]) -> bytes:
        """An .ics of `items` ((event, plan title) pairs); `year_of(event, month)` places each month."""
        calendar = Calendar()
        calendar.add("prodid", PRODID)
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", name)
        head = calendar.to_ical()
        end = b"END:VCALENDAR\r\n"
        assert head.endswith(end)
        events = b"".join(self._vevent(event, title, functools.partial(year_of, event))
                          for event, title in items)
        return head[: -len(end)] + events + end
