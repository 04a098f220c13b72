"""Month calendars: schedule parsing, month pages, timelines, overview counts, real .ics files."""

from __future__ import annotations

import datetime
import json
import os
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import FIXTURES, REPO, TODAY, run_planlib
from planlib.calendar.data import calendar_files
from planlib.calendar.pages import month_pages, plan_timeline
from planlib.site import prepare
from planlib.document import parse
from planlib.calendar.events import plan_events, strip_numbering
from planlib.calendar.ics import event_dates
from planlib.calendar.years import YearChoice, choices, default_choice, first_month
from planlib.library import load_library
from planlib.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy(REPO / "plans" / "taxonomy.yml")


class _Plan:
    """Just enough of a plan for plan_events: an id and a schedule parsed from Markdown."""

    def __init__(self, markdown: str) -> None:
        self.id = "variant"
        self.schedule = parse(markdown, 1, TAXONOMY.part_kind).schedule


def events_of(markdown: str):
    return plan_events(_Plan(markdown), TAXONOMY.activity_kinds)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def built(library_site: Path) -> Path:
    """The real library, built as a site with the build date pinned."""
    return library_site


@pytest.fixture(scope="module")
def export(built: Path) -> list[dict]:
    result = run_planlib("export", cwd=built)
    assert result.returncode == 0
    return json.loads(result.stdout)


# -- parsing ------------------------------------------------------------------------

def test_every_seed_schedule_item_becomes_one_event() -> None:
    library = load_library(REPO)
    with_schedule = [p for p in library.plans if p.schedule]
    assert len(with_schedule) == 9
    for plan in with_schedule:
        events = plan_events(plan, TAXONOMY.activity_kinds)
        items = [(entry.months, item) for entry in plan.schedule for item in entry.texts]
        assert [(e.months, e.text) for e in events] == items
        assert [e.index for e in events] == list(range(len(items)))
        assert all(1 <= e.month <= 12 and e.summary for e in events)


@pytest.mark.parametrize("item,expected", [
    ("1、做好迎新工作；", "做好迎新工作；"), ("（3）期中考试", "期中考试"), ("⒉开学检查", "开学检查"),
    ("10、学“陶师陶”征文比赛", "学“陶师陶”征文比赛"), ("期末调研考试", "期末调研考试"),
    ("1. 申报20xx年宁波市教科规划立项课题。", "申报20xx年宁波市教科规划立项课题。"),
])
def test_numbering_is_not_part_of_the_summary(item: str, expected: str) -> None:
    assert strip_numbering(item) == expected


VARIANTS = """## 工作安排

### 八月

- 1、8月22日前完成论文初稿
- 2、于8月26日前上交论文
- 3、8月中下旬专家点评

### 六月

- 1、拟订初稿（6底前）
- 2、每周四组内听课评课
- 3、间周一次的学习培训活动
- 4、学区教研活动（第4、8、13、17周）

### 第二季度

- 1、每月进行环境卫生学监测
- 2、第一次理论考核

### 十月

- 1、周四组内听课评课。
- 2、10月13日前上交到教科室送评
"""


def test_dated_and_recurring_items() -> None:
    events = {e.text: e for e in events_of(VARIANTS)}
    deadline = events["1、8月22日前完成论文初稿"]
    assert (deadline.month, deadline.day, deadline.deadline) == (8, 22, True)
    assert events["3、8月中下旬专家点评"].day == 11 and events["3、8月中下旬专家点评"].last_day == 31
    month_end = events["1、拟订初稿（6底前）"]
    assert month_end.month_end and month_end.deadline and month_end.month == 6
    weekly = events["2、每周四组内听课评课"].recurrence
    assert weekly is not None and (weekly.kind, weekly.weekday, weekly.interval) == ("weekly", "TH", 1)
    assert events["3、间周一次的学习培训活动"].recurrence.interval == 2
    assert events["4、学区教研活动（第4、8、13、17周）"].recurrence.weeks == (4, 8, 13, 17)
    quarter = events["1、每月进行环境卫生学监测"]
    assert quarter.months == (4, 5, 6) and quarter.recurrence.kind == "monthly"
    assert events["1、周四组内听课评课。"].recurrence.weekday == "TH"
    assert events["2、10月13日前上交到教科室送评"].day == 13


def test_dates_in_the_chosen_year() -> None:
    events = {e.text: e for e in events_of(VARIANTS)}
    academic = YearChoice(2027, 8)

    def place(text: str):
        return event_dates(events[text], academic.calendar_year, TAXONOMY.week_one)

    assert place("1、8月22日前完成论文初稿")[:2] == (datetime.date(2027, 8, 22), datetime.date(2027, 8, 23))
    assert place("1、拟订初稿（6底前）")[:2] == (datetime.date(2028, 6, 30), datetime.date(2028, 7, 1))
    first, end, extra = place("2、每周四组内听课评课")
    assert first == datetime.date(2028, 6, 1) and first.weekday() == 3
    assert extra["rrule"]["UNTIL"] == [datetime.date(2028, 6, 30)] and extra["rrule"]["BYDAY"] == ["TH"]
    first, end, extra = place("1、每月进行环境卫生学监测")
    assert (first, end) == (datetime.date(2028, 4, 1), datetime.date(2028, 5, 1)) and extra["rrule"]["COUNT"] == [3]
    first, end, extra = place("4、学区教研活动（第4、8、13、17周）")
    assert first.weekday() == 0 and len(extra["rdate"]) == 3
    assert place("2、第一次理论考核")[:2] == (datetime.date(2028, 4, 1), datetime.date(2028, 7, 1))


def test_default_years() -> None:
    today = datetime.date(2026, 11, 22)
    assert default_choice(8, today) == YearChoice(2027, 8)
    assert default_choice(1, today) == YearChoice(2027, 1)
    assert default_choice(8, datetime.date(2026, 5, 1)) == YearChoice(2026, 8)
    assert [c.key for c in choices(8, today)] == ["2026-2027", "2027-2028", "2028-2029"]
    assert YearChoice(2027, 8).calendar_year(1) == 2028 and YearChoice(2027, 8).calendar_year(9) == 2027


# -- the built site -----------------------------------------------------------------

class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def page_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "".join(parser.chunks)


def test_timelines_and_month_pages_show_every_item(built: Path, export: list[dict]) -> None:
    site = built / "site"
    month_texts = {m: "".join(page_text(p) for p in sorted((site / "calendar" / f"month-{m:02d}").glob("**/index.html")))
                   for m in range(1, 13)}
    for plan in export:
        if not plan["schedule"]:
            continue
        page = site / "plan" / plan["id"] / "index.html"
        html = page.read_text(encoding="utf-8")
        assert 'class="plan-timeline"' in html, plan["id"]
        text = page_text(page)
        for entry in plan["schedule"]:
            for item in entry["items"]:
                assert item in text, (plan["id"], item)
                if plan["duplicate_of"] is None:
                    for month in entry["months"]:
                        assert item in month_texts[month], (plan["id"], month, item)


def test_overview_counts_equal_the_export(built: Path, export: list[dict]) -> None:
    expected: Counter = Counter()
    for plan in export:
        if plan["duplicate_of"]:
            continue
        for entry in plan["schedule"]:
            for month in entry["months"]:
                expected[(month, plan["sector"])] += len(entry["items"])
    html = (built / "site" / "calendar" / "index.html").read_text(encoding="utf-8")
    table = html[html.index("<table>"):]
    table = table[:table.index("</table>")]
    header = re.search(r"<thead>(.*?)</thead>", table, re.S).group(1)
    columns = re.findall(r"<th[^>]*>(.*?)</th>", header)
    sector_keys = {TAXONOMY.sectors[key].zh: key for key in TAXONOMY.sectors}
    found: Counter = Counter()
    for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1], re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        month = int(re.search(r"month-(\d\d)", cells[0]).group(1))
        for column, cell in zip(columns[1:-1], cells[1:-1]):
            found[(month, sector_keys[column])] = int(cell)
        assert int(re.sub(r"<.*?>", "", cells[-1])) == sum(v for (m, _), v in expected.items() if m == month)
    assert +found == +expected


def test_every_plan_ics_parses_with_one_event_per_item_in_the_right_month(built: Path, export: list[dict]) -> None:
    library = load_library(built)
    by_id = {plan.id: plan for plan in library.plans}
    site = built / "site"
    checked = 0
    for record in export:
        if not record["schedule"]:
            continue
        plan = by_id[record["id"]]
        events = plan_events(plan, TAXONOMY.activity_kinds)
        for choice in choices(first_month(plan, TAXONOMY), datetime.date.fromisoformat(TODAY)):
            path = site / "calendar" / "ics" / "plan" / plan.id / f"{choice.key}.ics"
            calendar = Calendar.from_ical(path.read_bytes())
            vevents = calendar.walk("VEVENT")
            assert len(vevents) == sum(len(entry["items"]) for entry in record["schedule"])
            uids = [str(v["UID"]) for v in vevents]
            assert len(set(uids)) == len(uids)
            for vevent, event in zip(vevents, events):
                start = vevent.decoded("DTSTART")
                assert isinstance(start, datetime.date) and not isinstance(start, datetime.datetime)
                assert start.month in event.months, (plan.id, event.text, start)
                assert start.year == choice.calendar_year(start.month)
                assert str(vevent["SUMMARY"]) == event.summary
                assert event.text in str(vevent["DESCRIPTION"])
                assert vevent.decoded("DTEND") > start
                checked += 1
    assert checked > 200


def test_month_page_ics_holds_the_months_items(built: Path, export: list[dict]) -> None:
    site = built / "site"
    september = Calendar.from_ical((site / "calendar" / "ics" / "month" / "09-2027.ics").read_bytes())
    summaries = Counter(str(v["SUMMARY"]) for v in september.walk("VEVENT"))
    expected = Counter(strip_numbering(item) for plan in export if not plan["duplicate_of"]
                       for entry in plan["schedule"] if 9 in entry["months"] for item in entry["items"])
    assert summaries == expected
    assert all(v.decoded("DTSTART").year == 2027 and v.decoded("DTSTART").month == 9 for v in september.walk("VEVENT"))


def test_ics_is_stable_between_builds(built: Path) -> None:
    """Made again from a fresh load of the library, every .ics is byte for byte what the build wrote."""
    data = prepare(load_library(built), datetime.date.fromisoformat(TODAY), word=False)
    again = {file.src_uri: file.data for file in calendar_files(data.catalog, data.calendar)}
    written = {p.relative_to(built / "site").as_posix(): p.read_bytes()
               for p in (built / "site" / "calendar" / "ics").rglob("*.ics")}
    assert len(written) > 50 and again == written


def test_plan_page_offers_the_years_with_the_default_marked(built: Path) -> None:
    html = (built / "site" / "plan" / "kindergarten-jiaokeshi-xxxx-7b8f-1" / "index.html").read_text(encoding="utf-8")
    html = html[html.index('class="plan-timeline"'):]
    buttons = re.findall(r'<a class="md-button( md-button--primary)?" download="([^"]+)" href="([^"]+)"', html)
    assert [(b[0] != "", b[1]) for b in buttons] == [
        (False, "kindergarten-jiaokeshi-xxxx-7b8f-1-2026-2027.ics"),
        (True, "kindergarten-jiaokeshi-xxxx-7b8f-1-2027-2028.ics"),
        (False, "kindergarten-jiaokeshi-xxxx-7b8f-1-2028-2029.ics")]
    assert buttons[1][2] == "../../calendar/ics/plan/kindergarten-jiaokeshi-xxxx-7b8f-1/2027-2028.ics"


def test_ics_of_a_plan_is_the_golden_file(fixture_site: Path) -> None:
    data = (fixture_site / "site" / "calendar" / "ics" / "plan" / "fixture-kindergarten-autumn" / "2027-2028.ics").read_bytes()
    golden = FIXTURES / "golden" / "plan.ics"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_bytes(data)
    assert data == golden.read_bytes(), "plan.ics differs (UPDATE_GOLDEN=1 to accept)"
    events = Calendar.from_ical(data).walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events][:2] == ["做好迎新工作；", "教研组长制定教科研工作计划。"]


def test_a_month_page_shows_a_quarters_items_with_the_quarter_named(fixture_site: Path) -> None:
    data = prepare(load_library(fixture_site), datetime.date.fromisoformat(TODAY), word=False)
    pages = month_pages(data.catalog, data.calendar, 2, "zh")
    [page] = pages
    activities = [activity for group in page.view.groups for item in group.plans for activity in item.activities]
    assert ("1、制定年度培训计划。", "第一季度") in activities
    assert [h.text for h in page.headings] == ["二月：各单位在做什么", "教育 · 教务处", "卫生健康 · 感染管理科"]
    plan = data.catalog.all_by_id["fixture-hospital-infection"]
    timeline = plan_timeline(data.catalog, plan, data.calendar, "en")
    assert timeline is not None and [m.label for m in timeline.months][:2] == ["Jan", "Feb"]  # a calendar year
    assert [c.primary for c in timeline.calendars] == [False, True, False]
