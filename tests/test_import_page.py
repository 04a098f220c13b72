"""The page split: every header form, never a 篇 dropped or merged silently, fragments, two plans in one 篇."""

from __future__ import annotations

import pytest

from conftest import SEEDS
from planlib.importer.page import split_page

SEED = (SEEDS / "000_95f161193a5e210e.txt").read_text(encoding="utf-8")
ITEMS = ["篇一", "篇二", "篇三", "篇四", "篇五", "篇六", "篇七", "篇七之二"]


def looks(page) -> list[str]:
    return [note.format() for note in page.review.looks] + [note.format() for plan in page.plans
                                                           for note in plan.review.looks]


def test_the_seed_gives_its_seven_items_and_the_second_plan_of_item_seven() -> None:
    page = split_page(SEED)
    assert [plan.item for plan in page.plans] == ITEMS
    assert page.announced == 7 and page.title == "2023年宣教科室工作计划和目标(实用7篇)"
    assert any("this 篇 holds two plans" in note and "22016年护理工作计划" in note for note in looks(page))


def test_a_typo_in_the_first_header_drops_nothing() -> None:
    page = split_page(SEED.replace("宣教科室工作计划和目标篇一", "宣教科室工作计划和日标篇一"))
    assert [plan.item for plan in page.plans] == ITEMS
    assert any("its name differs from the others" in note for note in looks(page))


def test_a_typo_in_an_item_word_is_found_by_likeness() -> None:
    text = SEED.replace("宣教科室工作计划和目标篇三", "宣教科室工作计划和目标扁三")
    page = split_page(text)
    assert [plan.item for plan in page.plans] == ITEMS
    line = text.split("\n").index("宣教科室工作计划和目标扁三") + 1
    assert any(note.startswith(f"line {line}: taken as the header of 篇三") for note in looks(page))


def test_a_missing_header_is_said_with_the_count_of_the_title() -> None:
    page = split_page(SEED.replace("宣教科室工作计划和目标篇三\n", "\n"))
    assert [plan.item for plan in page.plans] == [item for item in ITEMS if item != "篇三"]
    notes = looks(page)
    assert any("篇三 is missing between 篇二 and 篇四" in note for note in notes)
    assert any("the title says 7篇 but the page has 6 篇 headers" in note for note in notes)


@pytest.mark.parametrize("header,item", [
    ("篇一", "篇一"), ("篇1", "篇1"), ("【篇三】", "篇三"), ("第2篇: 感染科工作计划", "第2篇"), ("范文五:", "范文五"),
    ("医院护理部工作计划1", "医院护理部工作计划1"), ("科室医院感染管理工作计划 2", "科室医院感染管理工作计划 2"),
    ("医院健康教育工作计划【第一篇】", "第一篇"), ("篇一:《产房工作计划》", "篇一"), ("小學德育工作計劃春季篇一", "篇一"),
])
def test_every_header_form_splits(header: str, item: str) -> None:
    page = split_page(f"工作计划(通用5篇)\n\n{header}\n\n一、指导思想\n\n以课题研究为抓手，提升教师专业素养。\n")
    assert [plan.item for plan in page.plans] == [item]
    assert not any("指导思想" in removal.text for removal in page.plans[0].ledger.removals)


def test_a_header_printed_twice_and_glued_to_the_text_is_one_plan() -> None:
    page = split_page("院感工作计划(精选6篇)\n\n科室医院感染管理工作计划 1\n\n科室医院感染管理工作计划 1 1、继续完善各项制度。\n\n"
                      "2、加强培训。\n\n科室医院感染管理工作计划 2\n\n为了积极配合我院总体工作计划，特制定本方案。\n")
    assert [plan.item for plan in page.plans] == ["科室医院感染管理工作计划 1", "科室医院感染管理工作计划 2"]
    kept = [para.text.strip() for para in page.plans[0].lines if para.text.strip()]
    assert kept == ["1、继续完善各项制度。", "2、加强培训。"]


def test_text_after_a_hidden_part_is_a_later_plans_fragment() -> None:
    page = split_page("中班月工作计划锦集八篇\n中班月工作计划 篇1一、本月工作重点:\n1.配合园部调研。\n"
                      "三、家长工作:\n1. 引导幼儿观看花草树木。\n……此处隐藏7741个字……理,形成良好常规。\n4、做好家长的工作。\n")
    assert [(plan.item, plan.fragment) for plan in page.plans] == [("篇1", False), (None, True)]
    first, second = page.plans
    assert [para.text.strip() for para in first.lines if para.text.strip()][0] == "一、本月工作重点:"
    assert [para.text.strip() for para in second.lines if para.text.strip()] == ["理,形成良好常规。", "4、做好家长的工作。"]
    assert [removal.rule for removal in second.ledger.removals] == ["hidden-text"]


def test_text_before_the_first_header_of_a_page_two_is_a_fragment() -> None:
    page = split_page("2013少先队工作计划(4)\n十月:深深爱国情\n1.加强常规教育\n2.对学生进行安全教育。\n"
                      "2013少先队工作计划范文五:\n一、指导思想:\n以少代会精神为指导，开展教育活动。\n")
    assert [(plan.item, plan.fragment) for plan in page.plans] == [(None, True), ("范文五", False)]
    assert page.plans[1].own_title == (5, "2013少先队工作计划范文五:")
    assert any("the page starts inside this plan" in note for note in looks(page))


def test_an_intro_that_asks_the_reader_is_no_fragment() -> None:
    page = split_page("小学工会工作计划1500字模板6篇\n\n你究竟会写工作计划嘛？也许下面的“小学工会工作计划”正合你意！\n\n"
                      "小学工会工作计划 【篇1】\n\n一、加强师德建设。\n")
    assert [plan.item for plan in page.plans] == ["篇1"]
    assert {removal.rule for removal in page.plans[0].ledger.removals} >= {"intro", "item-heading"}


def test_the_pages_own_facts_are_kept_apart() -> None:
    page = split_page("海考网>考生写作>应用文>工作计划\n\n时间:2023-04-14 13:42:52 工作计划 我要投稿\n\n"
                      "2022年医院护理部工作计划范文(通用5篇)\n\n医院护理部工作计划1\n\nXX年是医院积极开创工作新局面的一年。\n")
    assert (page.published, page.site) == ("2023-04-14", "海考网")
    assert page.plans[0].own_title == (7, "医院护理部工作计划1")
