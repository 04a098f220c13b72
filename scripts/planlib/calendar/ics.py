"""Events → .ics files (RFC 5545): the calendar made with the icalendar library, its events written here.

Writing an event's content lines and folding them here, as icalendar does
(the same bytes: tests/test_calendar.py compares every event of the library
with icalendar's), takes a tenth of the time: icalendar folds Chinese text
one character at a time, about 1 ms an event, and a library of 2,000 plans
has some 75,000 events in its .ics files.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterable

from icalendar import Calendar, vRecur

from planlib.calendar.events import Event
from planlib.calendar.years import last_day

PRODID = "-//科室工作计划库//planlib//ZH"
UID_DOMAIN = "keshi-plans"
WEEKDAY_INDEX = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
FOLD_OCTETS = 74  # the longest line icalendar writes: below the 75 of RFC 5545, line break excluded
DEADLINE_CATEGORY = "截止日期"
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


def escape_text(text: str) -> str:
    """A TEXT value escaped as RFC 5545 §3.3.11 and icalendar write it."""
    return (text.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
            .replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n"))


def fold(line: str) -> bytes:
    """A content line folded as icalendar folds it: at most FOLD_OCTETS octets a line, never inside a
    character, and never right after a backslash or caret (an escape stays with what it escapes)."""
    data = line.encode("utf-8")
    pieces = []
    start = 0
    while len(data) - start > FOLD_OCTETS:
        end = start + FOLD_OCTETS
        while data[end] & 0xC0 == 0x80:  # inside a character: break before it
            end -= 1
        if end - start > 1 and data[end - 1] in b"\\^":
            end -= 1
        pieces.append(data[start:end])
        start = end
    pieces.append(data[start:])
    return b"\r\n ".join(pieces) + b"\r\n"


def _date(day: datetime.date) -> str:
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


class IcsWriter:
    """Writes calendars. The same activity in the same year appears in its plan's file and in its
    month page's file, with the same UID, so importing both does not duplicate it.

    Nothing is kept between calendars: writing an event again (20 µs) costs
    less than holding every event of a large library for the next file (some
    500 bytes an event, ~40 MB at 2,000 plans).
    """

    def __init__(self, stamp: datetime.date, week_one: WeekOne, url_of: Callable[[Event], str] | None = None) -> None:
        self.dtstamp = f"{_date(stamp)}T000000Z"  # midnight UTC of the build's day
        self.week_one = week_one
        self.url_of = url_of

    def _vevent(self, event: Event, plan_title: str, year_of: Callable[[int], int]) -> bytes:
        first, end, extra = event_dates(event, year_of, self.week_one)
        description = f"{plan_title}\n{event.label}：{event.text}"
        if self.url_of is not None:
            description += f"\n{self.url_of(event)}"
        # icalendar's order: its canonical properties of an event first, then the others by name
        lines = [f"SUMMARY:{escape_text(event.summary)}", f"DTSTART;VALUE=DATE:{_date(first)}",
                 f"DTEND;VALUE=DATE:{_date(end)}", f"DTSTAMP:{self.dtstamp}",
                 f"UID:{escape_text(f'{event.plan_id}-{event.index}-{first.year}@{UID_DOMAIN}')}"]
        if "rrule" in extra:
            lines.append("RRULE:" + extra["rrule"].to_ical().decode("utf-8"))
        if "rdate" in extra:
            lines.append("RDATE;VALUE=DATE:" + ",".join(_date(day) for day in extra["rdate"]))
        if event.deadline:
            lines.append(f"CATEGORIES:{escape_text(DEADLINE_CATEGORY)}")
        lines.append(f"DESCRIPTION:{escape_text(description)}")
        return b"BEGIN:VEVENT\r\n" + b"".join(fold(line) for line in lines) + b"END:VEVENT\r\n"

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
