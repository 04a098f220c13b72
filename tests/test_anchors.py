"""Heading ids: the same as MkDocs' own table of contents gives the same headings."""

from __future__ import annotations

import re

import markdown
from pymdownx.slugs import slugify

from planlib.anchors import Anchors, part_anchor, schedule_anchor
from planlib.document import parse

HEADINGS = ["一、指导思想", "1、贯彻执行师德师风考核机制，增强教师师德修养", "1、贯彻执行师德师风考核机制，增强教师师德修养",
            "教育 · 教科室", "Goals & “targets”", "（1）组织教师参加教师基本功比赛活动", "schedule-0", "一、指导思想"]


def test_ids_are_those_of_the_toc_extension_as_mkdocs_yml_configures_it() -> None:
    source = "\n\n".join(f"## {text}" for text in HEADINGS)
    html = markdown.markdown(source, extensions=["toc"], extension_configs={
        "toc": {"slugify": slugify(case="lower"), "permalink": True}})
    expected = re.findall(r'<h2 id="([^"]+)"', html)
    anchors = Anchors()
    assert [anchors.heading(text) for text in HEADINGS] == expected


def test_fixed_anchors_are_kept_and_avoided() -> None:
    anchors = Anchors()
    assert anchors.reserve(schedule_anchor(0)) == "schedule-0"
    assert anchors.heading("schedule-0") == "schedule-0_1"
    assert part_anchor("a-plan", 2) == "part-a-plan-2"


def test_a_plan_body_gets_month_anchors_first_then_slugs() -> None:
    body = parse("## 四、工作安排\n\n### 九月\n\n- 1、开学。\n\n### 十月\n\n- 1、听课。\n\n## schedule-1\n\n正文。\n", 1,
                 lambda title: "other")
    assert [(h.level, h.anchor) for h in body.headings] == [
        (2, "四工作安排"), (3, "schedule-0"), (3, "schedule-1"), (2, "schedule-1_1")]
    assert 'id="schedule-0"' in body.html and 'href="#schedule-0"' in body.html
