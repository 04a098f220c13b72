"""What a page's calendar file (.ics) holds, before a year is chosen: the reader's browser writes it.

The reader picks the year on the page (the plan's own school year when it is
known, else the coming term, from the reader's date), and calendar.js places
these entries in it and writes the .ics (RFC 5545). So the build writes no
calendar files, and no year is fixed at build time.

Rules (docs/calendar-rules.md):
- an item that names a day (8月22日前), a month end (6月底), a part of a month (9月中旬),
  a weekday (每周四) or weeks of the term (第4、8周) keeps an event of its own;
- the other items of a plan's month are one event on the month's first day, the
  items in its description: a month file has at most one such event per plan,
  and a calendar is not filled with month-long bars;
- summaries have no trailing punctuation.

An entry is plain data (`to_json`): its month, the day or recurrence, its texts
and a UID without the year (calendar.js adds it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from planlib.calendar.events import Event
from planlib.labels import month_name

TRAILING_PUNCTUATION = " \t\u3000；;。.，,、：:！!？?"


@dataclass(frozen=True)
class Entry:
    """One event of a calendar file, in no particular year."""

    uid: str  # unique in the library; calendar.js adds the year and the domain
    summary: str
    description: str
    month: int  # the month it falls in (the first of a weekly span)
    day: int = 1  # first day; 31 means the month's last day, whatever its length
    last_day: int | None = None  # the last day of a period (上旬 …), 31 meaning the month end
    deadline: bool = False
    weekday: str | None = None  # MO … SU: every such day from `month` to `until`
    interval: int = 1  # 2: every other week
    until: int | None = None  # the last month of a weekly span
    weeks: tuple[int, ...] = ()  # weeks of the term (第4、8周), counted from `week_one`
    week_one: tuple[int, int] | None = None  # (month, day) in the term's first week

    def to_json(self) -> dict[str, object]:
        """The entry as calendar.js reads it: only the fields that are set."""
        data: dict[str, object] = {"uid": self.uid, "summary": self.summary, "description": self.description,
                                   "month": self.month, "day": self.day}
        optional = {"last": self.last_day, "deadline": self.deadline or None, "weekday": self.weekday,
                    "interval": self.interval if self.interval != 1 else None, "until": self.until,
                    "weeks": list(self.weeks) or None, "week_one": list(self.week_one) if self.week_one else None}
        data.update({key: value for key, value in optional.items() if value is not None})
        return data


def summary(text: str) -> str:
    """An item as a calendar shows it: without its numbering's leftovers and trailing punctuation."""
    return text.strip().rstrip(TRAILING_PUNCTUATION) or text.strip()


def is_dated(event: Event) -> bool:
    """Whether an item names its own day, part of a month, weekday or weeks of the term."""
    recurrence = event.recurrence
    return (event.day is not None or event.month_end
            or recurrence is not None and (recurrence.kind == "weeks" or recurrence.kind == "weekly"
                                           and recurrence.weekday is not None))


def _dated(plan_id: str, event: Event, plan_title: str, week_one) -> Entry:
    base = Entry(uid=f"{plan_id}-{event.index}", summary=summary(event.summary),
                 description=f"{event.label}：{event.text}\n{plan_title}", month=event.month, deadline=event.deadline)
    recurrence = event.recurrence
    if event.day is not None:
        return replace(base, day=event.day, last_day=event.last_day)
    if event.month_end:
        return replace(base, day=31)
    assert recurrence is not None
    span = event.months if event.month in event.months else (event.month,)
    if recurrence.kind == "weeks":
        return replace(base, weeks=recurrence.weeks, week_one=week_one(event.month))
    return replace(base, month=span[0], weekday=recurrence.weekday, interval=recurrence.interval, until=span[-1])


def _digest(uid: str, label: str, month: int, items: list[Event], plan_title: str, in_quarter: bool = False) -> Entry:
    """One entry for some undated items; `in_quarter`: an item listed under a quarter names it (a month file)."""
    lines = [f"{item.text}（{item.label}）" if in_quarter and len(item.months) > 1 else item.text for item in items]
    return Entry(uid=uid, summary=f"{label}安排（{len(items)}项）：{plan_title}",
                 description="\n".join([*lines, "", plan_title]), month=month)


def plan_entries(plan_id: str, plan_title: str, events: list[Event], week_one) -> list[Entry]:
    """A plan's file: its dated items, and one entry per schedule month for the others (a quarter's on
    its first month), in schedule order. `week_one(month)` is the (month, day) in the first week of the
    term that holds `month` (the taxonomy's school_year)."""
    entries: list[Entry] = []
    undated: dict[tuple[str, tuple[int, ...]], list[Event]] = {}
    for event in events:
        if is_dated(event):
            entries.append(_dated(plan_id, event, plan_title, week_one))
        else:
            undated.setdefault((event.label, event.months), []).append(event)
    for number, ((label, months), items) in enumerate(undated.items()):
        entries.append(_digest(f"{plan_id}-s{number}", label, months[0], items, plan_title))
    return entries


def month_entries(month: int, plans: Iterable[tuple[str, str, list[Event]]], week_one) -> list[Entry]:
    """A month page's file: for each plan ((id, title, its events listed in the month)), its dated items
    that fall in the month (a weekly item of a quarter: its days in the month) and one entry on the
    month's first day for its other items."""
    entries: list[Entry] = []
    for plan_id, plan_title, events in plans:
        undated = []
        for event in events:
            if not is_dated(event):
                undated.append(event)
                continue
            entry = _dated(plan_id, event, plan_title, week_one)
            if entry.weekday is not None:  # a weekly item of a quarter: its days in this month
                entries.append(replace(entry, uid=f"{entry.uid}-w{month}", month=month, until=month))
            elif entry.month == month:
                entries.append(entry)
        if undated:
            entries.append(_digest(f"{plan_id}-m{month}", month_name(month, "zh"), month, undated, plan_title,
                                   in_quarter=True))
    return entries
