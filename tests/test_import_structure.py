"""Structure rules: sentences are no headings, siblings alike, layout breaks joined, no empty parts, cut plans."""

from __future__ import annotations

from conftest import REPO
from planlib.importer.pipeline import import_page
from planlib.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy(REPO / "plans" / "taxonomy.yml")


def one(text: str):
    page = import_page(text.encode("utf-8"), "snippet.txt", TAXONOMY)
    assert page.problems == [], [p.format() for p in page.problems]
    [plan] = page.plans
    return plan


def headings(plan) -> list[str]:
    return [line for line in plan.body.splitlines() if line.startswith("#")]


def test_a_numbered_sentence_is_text_not_a_heading() -> None:
    plan = one("一、以邓小平理论、“三个代表”重要思想和科学发展观为指导，深入贯彻医疗卫生工作的各项方针政策，构建和谐医院。\n"
               "⒈统一思想，提高认识\n全面贯彻落实会议精神是我院党委的首要政治任务。\n"
               "⒉加强党委班子建设\n要务实为民，在工作中不提空口号。\n")
    assert not any("以邓小平理论" in heading for heading in headings(plan))
    assert "### ⒈统一思想，提高认识" in plan.body


def test_siblings_are_treated_alike() -> None:
    plan = one("一、主要工作\n1、强化学习教育教学理论知识。\n2、牢固树立以科研带教研的理念。\n"
               "3、切实完善管理制度\n校园文化氛围更加浓厚，科研气息更加强烈。\n")
    assert headings(plan) == ["## 一、主要工作"], "the short third item is no heading because its siblings are text"
    assert "- 3、切实完善管理制度" in plan.body


def test_a_numbered_title_and_its_text_on_one_line_are_split_and_cut_words_joined() -> None:
    plan = one("三、继续医学教育\n1、加强对新进人员的培训 针对上年新近人员在病历书写不规范、法律知识薄弱等问题组织培训。\n"
               "2、教学常规流程要成为教师日常教学过程中自觉遵守的最低\n标准。\n")
    assert "- 1、加强对新进人员的培训\n\n针对上年新近人员" in plan.body
    assert "最低标准。" in plan.body


def test_no_empty_parts_and_a_cut_plan_is_flagged() -> None:
    plan = one("主要工作\n\n一、注重学习培训活动\n\n组织教师学习课程标准。\n\n二、做好课题研究工作\n\n做好课题的开题论证，")
    assert "## 主要工作" not in plan.body and "主要工作" in plan.body
    looks = [note.message for note in plan.review.looks]
    assert "the plan ends mid-sentence: the page cut it short" in looks
    cut = one("一、工作目标\n\n完成教学论文。\n\n二、指导思")
    assert any(message.startswith("the plan ends on the heading “二、指导思”") for message in
               (note.message for note in cut.review.looks))


def test_a_chrome_word_in_a_plan_line_is_kept_and_flagged() -> None:
    plan = one("一、工作目标\n\n本学期组织教师下载并学习课程标准，做好笔记。\n")
    assert "下载并学习课程标准" in plan.body
    assert any("site word “下载”" in note.message and note.line == 3 for note in plan.review.looks)


def test_supplied_headings_are_listed_with_their_line() -> None:
    plan = one("认真贯彻落实市教育局年度教育工作意见，以课题研究为主线。\n\n二、工作目标：\n\n完成教学论文。\n")
    assert plan.added_headings == ["一、指导思想"]
    assert any(note.message == "heading “一、指导思想” supplied (the page has none here)" and note.line == 1
               for note in plan.review.notes)
