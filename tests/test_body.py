"""Parsing a plan body into parts and the month schedule."""

from __future__ import annotations

from conftest import FIXTURES
from planlib.body import parse_body, plain_text
from planlib.library import load_plan
from planlib.taxonomy import load_taxonomy
from conftest import REPO

TAXONOMY = load_taxonomy(REPO / "plans" / "taxonomy.yml")


def test_fixture_plan_parts_and_schedule() -> None:
    path = FIXTURES / "library" / "plans" / "education" / "fixture-kindergarten-autumn.md"
    plan, problems = load_plan(path, TAXONOMY, FIXTURES / "library")
    assert problems == [] and plan is not None
    assert [(p.title, p.kind) for p in plan.parts] == [
        ("一、指导思想", "guiding"), ("二、工作目标", "goals"),
        ("三、主要工作与措施", "measures"), ("四、月度安排", "schedule")]
    assert [(m.label, m.month, m.items) for m in plan.schedule] == [
        ("九月份", 9, ["1、做好迎新工作；", "2、教研组长制定教科研工作计划。"]),
        ("十月", 10, ["1、周四组内听课评课。"]),
        ("元月份", 1, ["1、撰写各类总结。", "2、班级考核。"]),
    ]
    # line numbers point into the file
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[plan.schedule[0].line - 1] == "### 九月份"
    assert lines[plan.schedule[0].item_lines[1] - 1].endswith("教研组长制定教科研工作计划。")


def test_a_part_with_month_subheadings_is_the_schedule_whatever_its_title() -> None:
    body = parse_body("## 三、具体安排说明\n\n### 2月\n\n- 1、开学。\n- 4、跳号也照写。\n", 1, TAXONOMY.part_kind)
    assert body.issues == []
    assert body.parts[0].kind == "schedule"
    assert body.schedule[0].items == ["1、开学。", "4、跳号也照写。"]


def test_quarters_span_three_months() -> None:
    body = parse_body("## 工作安排\n\n### 第二季度\n\n- 理论考核。\n", 1, TAXONOMY.part_kind)
    assert body.schedule[0].months == (4, 5, 6)


def test_wrapped_items_continue() -> None:
    body = parse_body("## 工作安排\n\n### 九月\n\n- 1、制定计划，\n  报教务处。\n- 2、开学。\n", 1, TAXONOMY.part_kind)
    assert body.schedule[0].items == ["1、制定计划，报教务处。", "2、开学。"]


def test_subheadings_outside_the_schedule_are_not_months() -> None:
    body = parse_body("## 二、主要措施\n\n### （一）教研\n\n- 每周一次。\n", 1, TAXONOMY.part_kind)
    assert body.issues == [] and body.schedule == [] and body.parts[0].kind == "measures"


def test_plain_text_drops_markers_and_escapes() -> None:
    assert plain_text("## 一、目标\n\n- 1、利用\\*\\*文化资源\n\n1. 第二") == "一、目标\n1、利用**文化资源\n第二"


def test_character_count_ignores_markup_and_space() -> None:
    body = parse_body("## 一、目标\n\n- 甲乙丙\n\n丁 戊\n", 1, TAXONOMY.part_kind)
    assert body.parts[0].chars == 5


def test_a_part_named_like_a_schedule_without_months_is_an_ordinary_part() -> None:
    body = parse_body("## 五、工作进度\n\n1、每季度召开一次会议。\n2、每月检查一次。\n", 1, TAXONOMY.part_kind)
    assert [(part.title, part.kind) for part in body.parts] == [("五、工作进度", "other")]
    assert body.issues == []


def test_an_empty_month_is_an_error_unless_the_plan_was_cut_after_it() -> None:
    inside = parse_body("## 月度安排\n\n### 九月\n\n### 十月\n\n- 1、期中考试。\n", 1, TAXONOMY.part_kind)
    assert [(issue.line, issue.severity) for issue in inside.issues] == [(3, "error")]
    cut = parse_body("## 月度安排\n\n### 九月\n\n- 1、开学。\n\n### 十月\n\n诚信读书月\n", 1, TAXONOMY.part_kind)
    assert [(issue.line, issue.severity) for issue in cut.issues] == [(7, "warning")]
