"""Schedule items as events: month span, day or month-end when the text gives one, recurrences.

Rules (docs/calendar-rules.md):
- an item belongs to the month (or quarter: three months) it is listed under;
- a date in a month the item is listed under gives it that day: 8月22日前 → 22
  August (a deadline), 6底前 / 11月底 → the last day of that month, 9月中旬 →
  11-20 September;
- 每周四 / 周四… → every Thursday of its months; 间周一次 / 隔周 / 每两周 → every other
  week; 每月 → each of its months; 第4、8、13、17周 → those weeks of the term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from planlib.model import Plan

NUMBERING_RE = re.compile(r"^\s*(?:[（(]?\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[）)、.．。]|[⒈-⒛⑴-⒇①-⑳])\s*")
DAY_RE = re.compile(r"(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]\s*(?P<before>前|之前|以前)?")
MONTH_END_RE = re.compile(r"(?P<month>\d{1,2})\s*月?\s*(?:底|末)\s*(?P<before>前|之前)?")
PERIOD_RE = re.compile(r"(?P<month>\d{1,2})\s*月\s*(?P<period>上旬|中旬|下旬|中下旬|初)")
WEEKDAYS = {"一": "MO", "二": "TU", "三": "WE", "四": "TH", "五": "FR", "六": "SA", "日": "SU", "天": "SU"}
WEEKLY_RE = re.compile(r"(?:每(?:个)?(?:周|星期)(?P<day>[一二三四五六日天])|^(?:周|星期)(?P<lead>[一二三四五六日天]))")
BIWEEKLY_RE = re.compile(r"间周|隔周|每两周|双周")
MONTHLY_RE = re.compile(r"每月|每个月")
WEEKS_RE = re.compile(r"第\s*(?P<weeks>\d{1,2}(?:\s*[、,，和及]\s*\d{1,2})*)\s*周")
PERIOD_DAYS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31), "中下旬": (11, 31), "初": (1, 5)}


@dataclass(frozen=True)
class Recurrence:
    kind: str  # "weekly" | "monthly" | "weeks"
    weekday: str | None = None  # MO..SU for weekly
    interval: int = 1
    weeks: tuple[int, ...] = ()  # term weeks for "weeks"


@dataclass(frozen=True)
class Event:
    """One activity of one plan's schedule."""

    plan_id: str
    index: int  # position in the plan's schedule (stable across builds)
    label: str  # the month as written: 九月份, 第一季度
    months: tuple[int, ...]  # months it is listed under (three for a quarter)
    text: str  # the item as written, numbering included
    summary: str  # the item without its numbering
    month: int  # the month its day falls in: the first listed month unless the text names a date
    day: int | None = None  # first day, when the text gives one
    last_day: int | None = None  # last day of a period (上旬 …), 31 meaning month end
    month_end: bool = False
    deadline: bool = False
    recurrence: Recurrence | None = None
    kinds: tuple[str, ...] = field(default=())


def strip_numbering(text: str) -> str:
    return NUMBERING_RE.sub("", text, count=1).strip() or text.strip()


def _date(summary: str, months: tuple[int, ...]) -> dict:
    """The day (or month end) the item names, if it names one in a month it is listed under."""
    match = DAY_RE.search(summary)
    if match and int(match.group("month")) in months and 1 <= int(match.group("day")) <= 31:
        return {"month": int(match.group("month")), "day": int(match.group("day")),
                "deadline": bool(match.group("before"))}
    match = MONTH_END_RE.search(summary)
    if match and int(match.group("month")) in months:
        return {"month": int(match.group("month")), "month_end": True, "deadline": bool(match.group("before"))}
    match = PERIOD_RE.search(summary)
    if match and int(match.group("month")) in months:
        first, last = PERIOD_DAYS[match.group("period")]
        return {"month": int(match.group("month")), "day": first, "last_day": last}
    return {"month": months[0]}


def _recurrence(summary: str) -> Recurrence | None:
    match = WEEKS_RE.search(summary)
    if match:
        weeks = tuple(sorted({int(w) for w in re.findall(r"\d{1,2}", match.group("weeks")) if 1 <= int(w) <= 25}))
        if weeks:
            return Recurrence("weeks", weeks=weeks)
    match = WEEKLY_RE.search(summary)
    if match:
        day = WEEKDAYS[match.group("day") or match.group("lead")]
        return Recurrence("weekly", weekday=day, interval=2 if BIWEEKLY_RE.search(summary) else 1)
    if BIWEEKLY_RE.search(summary):
        return Recurrence("weekly", weekday=None, interval=2)
    if MONTHLY_RE.search(summary):
        return Recurrence("monthly")
    return None


def plan_events(plan: Plan, activity_kinds=None) -> list[Event]:
    """Every schedule item of a plan as an event, in schedule order."""
    events = []
    index = 0
    for entry in plan.schedule:
        for text in entry.texts:
            summary = strip_numbering(text)
            when = _date(summary, entry.months)
            kinds = tuple(activity_kinds(summary)) if activity_kinds else ()
            events.append(Event(plan.id, index, entry.label, tuple(entry.months), text, summary,
                                recurrence=_recurrence(summary), kinds=kinds, **when))
            index += 1
    return events


def weekday_name(code: str) -> str:
    return {v: k for k, v in WEEKDAYS.items() if k != "天"}[code]

