"""The rules every plan meets, stated once, and what the site publishes because of them."""

from __future__ import annotations

from conftest import REPO
from planlib.library import parse_plan_text
from planlib.problems import Problem
from planlib.taxonomy import load_taxonomy
from planlib.validate import file_problems, library_problems, publishable

TAXONOMY = load_taxonomy(REPO / "plans" / "taxonomy.yml")
FRONT = {"title": "城东小学教务处计划", "sector": "education", "institution": "primary", "section": "教务处",
         "year": "2024", "term": "spring"}
BODY = "## 一、工作目标\n\n规范教学常规。\n"


def plan_text(body: str = BODY, **changes: str) -> str:
    fields = {**FRONT, **changes}
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in fields.items()) + "---\n\n" + body


def parse(text: str, plan_id: str = "chengdong", path: str = "plans/education/chengdong.md"):
    return parse_plan_text(text, path, plan_id, TAXONOMY)


def test_a_valid_plan_has_no_problem() -> None:
    plan, problems = parse(plan_text())
    assert plan is not None and problems == []


def test_front_matter_values_are_checked_against_the_taxonomy_on_their_lines() -> None:
    _, problems = parse(plan_text(year="1900", section="护理部", tags="[课题研究, 课题研究, 不存在]"))
    found = {(p.line, p.message) for p in problems}
    assert (6, "year 1900 is out of range") in found
    assert (5, "section '护理部' is not used in sector 'education'") in found
    assert (8, "unknown tag '不存在'") in found and (8, "tag '课题研究' is given twice") in found
    assert all(p.blocking and p.hint for p in problems)


def test_template_text_is_an_error_wherever_it_is() -> None:
    _, problems = parse(plan_text("## 一、指导思想\n\n（请填写：本计划依据的上级文件）\n"))
    assert [(p.line, p.message) for p in problems] == [(12, "template text left in the plan")]


def test_file_name_and_folder() -> None:
    plan, _ = parse(plan_text(sector="health", institution="hospital", section="医务科"))
    assert plan is not None
    problems = file_problems("plans/education/Bad Name.md", "Bad Name", plan, TAXONOMY)
    assert [p.message for p in problems] == ["file name 'Bad Name.md' is not a slug",
                                             "plan is in plans/education/ but its sector is 'health'"]
    assert problems[1].line == 3


def test_only_plans_without_errors_are_published_and_copies_only_of_those() -> None:
    good, _ = parse(plan_text(), "good", "plans/education/good.md")
    bad, bad_problems = parse(plan_text(year="1900"), "bad", "plans/education/bad.md")
    copy, _ = parse(plan_text(duplicate_of="bad"), "copy", "plans/education/copy.md")
    warned, _ = parse(plan_text(), "warned", "plans/education/warned.md")
    assert good and bad and copy and warned
    warning = Problem("plans/education/warned.md", 3, "typography: …", "", "warning")
    plans = [good, bad, copy, warned]
    assert [p.id for p in publishable(plans, bad_problems + [warning])] == ["good", "warned"]


def test_ids_are_unique_and_duplicate_of_names_a_plan() -> None:
    one, _ = parse(plan_text(duplicate_of="nowhere"), "same", "plans/education/same.md")
    assert one is not None
    problems = library_problems([(one.id, one.path, one.meta.duplicate_of)], {"same": ["plans/education/same.md", "plans/health/same.md"]})
    assert [p.message for p in problems] == ["duplicate id 'same': also plans/health/same.md",
                                             "duplicate_of names unknown plan 'nowhere'"]
