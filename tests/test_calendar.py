"""Month calendars: schedule parsing, month pages, timelines, overview counts, real .ics files."""

from __future__ import annotations

import json
import re
from html import unescape as html_unescape
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import REPO, run_planlib
from planlib.calendar.data import prepare_calendar, published_events
from planlib.calendar.pages import month_pages, plan_timeline
from planlib.site import prepare
from planlib.document import parse
from planlib.calendar.events import plan_events, strip_numbering
from planlib.calendar.ics import is_dated, month_entries, plan_entries
from planlib.calendar.years import plan_years
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


def test_dated_items_keep_their_own_entries_and_the_others_one_per_month() -> None:
    events = events_of(VARIANTS)
    entries = plan_entries("variant", "某校计划", events, TAXONOMY.week_one)
    dated = [e for e in entries if "-s" not in e.uid]
    digests = [e for e in entries if "-s" in e.uid]
    assert len(dated) == sum(1 for event in events if is_dated(event)) == 8
    # one entry for each schedule month's undated items, on its first day (a quarter's on its first month)
    assert [(d.month, d.day, d.summary) for d in digests] == [(6, 1, "六月安排（1项）：某校计划"),
                                                              (4, 1, "第二季度安排（2项）：某校计划")]
    assert digests[1].description.splitlines() == ["1、每月进行环境卫生学监测", "2、第一次理论考核", "", "某校计划"]
    by_text = {e.description.split("\n")[0]: e for e in dated}
    deadline = by_text["八月：1、8月22日前完成论文初稿"]
    assert (deadline.month, deadline.day, deadline.deadline, deadline.summary) == (8, 22, True, "8月22日前完成论文初稿")
    assert by_text["六月：1、拟订初稿（6底前）"].day == 31  # the month's last day, whatever its length
    weekly = by_text["六月：2、每周四组内听课评课"]
    assert (weekly.weekday, weekly.interval, weekly.month, weekly.until) == ("TH", 1, 6, 6)
    assert "间周一次" in digests[0].description  # every other week, but on no named day: in its month's entry
    weeks = by_text["六月：4、学区教研活动（第4、8、13、17周）"]
    assert weeks.weeks == (4, 8, 13, 17) and weeks.week_one == (2, 20)  # June is in the second term
    assert by_text["十月：1、周四组内听课评课。"].summary == "周四组内听课评课"  # no trailing punctuation
    assert by_text["八月：3、8月中下旬专家点评"].to_json()["last"] == 31


def test_a_month_file_has_at_most_one_entry_per_plan_for_its_undated_items() -> None:
    events = [e for e in events_of(VARIANTS) if 6 in e.months]
    entries = month_entries(6, [("a", "甲计划", events), ("b", "乙计划", events)], TAXONOMY.week_one)
    digests = [e for e in entries if e.uid.endswith("-m6")]
    assert [d.uid for d in digests] == ["a-m6", "b-m6"]
    assert digests[0].description.splitlines()[:3] == [
        "3、间周一次的学习培训活动", "1、每月进行环境卫生学监测（第二季度）", "2、第一次理论考核（第二季度）"]
    assert sum(1 for e in entries if e.uid.startswith("a-")) == 1 + 3  # the month's entry and three dated items


@pytest.mark.parametrize("sector,term,year,expected", [
    ("education", "autumn", 2023, (8, 2023, (9, 1))),
    ("education", "spring", 2024, (8, 2023, (2, 20))),  # the spring of 2024 is in the school year 2023—2024
    ("education", "semester", "unknown", (8, None, (9, 1))),
    ("education", "year", 2025, (1, 2025, (1, 1))),  # a school's plan for the calendar year
    ("health", "year", 2016, (1, 2016, (1, 1))),
])
def test_what_the_browser_gets_to_offer_a_plans_years(sector: str, term: str, year, expected) -> None:
    plan = load_library(REPO).plans[0]
    meta = plan.meta.model_copy(update={"sector": sector, "term": term, "year": year})
    years = plan_years(type(plan)(plan.id, plan.path, meta, plan.document, plan.markdown, plan.body_line), TAXONOMY)
    assert (years.first_month, years.own, years.term_start) == expected


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


def test_the_build_writes_no_calendar_files_and_every_timeline_carries_its_entries(built: Path,
                                                                                   export: list[dict]) -> None:
    """Calendar files are written in the browser, in the year the reader picks: the build writes none, and
    each plan page with a schedule gives calendar.js every item, dated or in its month's entry."""
    site = built / "site"
    assert list(site.rglob("*.ics")) == []
    checked = 0
    for record in export:
        if not record["schedule"]:
            continue
        html = (site / "plan" / record["id"] / "index.html").read_text(encoding="utf-8")
        data = json.loads(html_unescape(re.search(r'class="plan-ics" data-ics="([^"]+)"', html).group(1)))
        described = "\n".join(entry["description"] for entry in data["entries"])
        for entry in record["schedule"]:
            for item in entry["items"]:
                assert item in described, (record["id"], item)
                checked += 1
        assert not any(e["summary"].endswith(("；", "。", "，")) for e in data["entries"])
    assert checked > 150


def test_a_month_page_shows_a_quarters_items_with_the_quarter_named(fixture_site: Path) -> None:
    data = prepare(load_library(fixture_site))
    pages = month_pages(data.catalog, data.calendar, 2, "zh")
    [page] = pages
    activities = [activity for group in page.view.groups for item in group.plans for activity in item.activities]
    assert ("1、制定年度培训计划。", "第一季度") in activities
    assert [h.text for h in page.headings] == ["二月：各单位在做什么", "教育 · 教务处", "卫生健康 · 感染管理科"]
    plan = data.catalog.all_by_id["fixture-hospital-infection"]
    timeline = plan_timeline(data.catalog, plan, data.calendar, "en")
    assert timeline is not None and [m.label for m in timeline.months][:2] == ["Jan", "Feb"]  # a calendar year
    assert json.loads(timeline.ics)["years"]["first"] == 1


def test_each_month_lists_the_published_plans_that_schedule_something_in_it(fixture_site: Path) -> None:
    data = prepare(load_library(fixture_site))
    calendar = prepare_calendar(data.catalog)
    assert list(calendar.months) == list(range(1, 13))
    published = {plan.id for plan, _ in published_events(data.catalog, calendar.events)}
    for month, grouped in calendar.months.items():
        assert {plan.id for plan in grouped.plans} == set(grouped.events)
        for plan_id, events in grouped.events.items():
            assert plan_id in published and all(month in event.months for event in events)
    # a quarter's item is listed in each of its months (the fixture's 第一季度)
    quarter = [event for event in calendar.events["fixture-hospital-infection"] if len(event.months) > 1]
    assert quarter and all(quarter[0] in calendar.months[m].events["fixture-hospital-infection"]
                           for m in quarter[0].months)
