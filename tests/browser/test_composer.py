"""我的计划 in the browser: parts added from plan pages and galleries, reordered, removed, filled in, and
downloaded as .docx and .md in that order, kept in the browser, made without a connection."""

from __future__ import annotations

import io

import pytest
from docx import Document

from browser.conftest import copied, download
from browser.test_reader import PLAN, fill_in, filled, part_tools
from planlib.library import load_library

DISTRICT = "district-office-jiaokeshi-xxxx-0a95-6"  # xx市, xx区: the city and the district
TITLE = "城东中心小学教科室工作计划"


@pytest.fixture(scope="module")
def plans(site):
    return load_library(site).by_id()


def add(page, plan_id: str, *parts: int) -> None:
    page.goto(f"plan/{plan_id}/")
    for index in parts:
        button = part_tools(page, index).locator(".planlib-add")
        button.click()
        assert button.get_attribute("data-label") == "已加入我的计划"


def listed(page) -> list[str]:
    return page.locator(".plan-composer__title").all_inner_texts()


def test_three_parts_of_two_plans_reordered_and_downloaded_in_that_order_filled_in(reader, plans) -> None:
    district, kindergarten = plans[DISTRICT], plans[PLAN]
    add(reader, DISTRICT, 0, 1)
    add(reader, PLAN, 0)
    reader.goto("my-plan/")
    assert listed(reader) == [district.parts[0].title, district.parts[1].title, kindergarten.parts[0].title]
    last = reader.locator(".plan-composer__part").nth(2)
    last.locator(".planlib-up").click()
    reader.locator(".plan-composer__part").nth(1).locator(".planlib-up").click()
    order = [kindergarten.parts[0], district.parts[0], district.parts[1]]
    assert listed(reader) == [part.title for part in order]
    fill_in(reader)
    reader.locator(".plan-composer__name input").fill(TITLE)
    reader.reload()  # kept in the browser
    assert listed(reader) == [part.title for part in order]
    assert reader.locator(".plan-composer__name input").input_value() == TITLE

    name, data = download(reader, reader.locator(".plan-composer__actions .planlib-download").first)
    assert name == f"{TITLE}.docx"
    paragraphs = Document(io.BytesIO(data)).paragraphs
    assert (paragraphs[0].style.name, paragraphs[0].text) == ("Title", TITLE)
    expected = []
    for part in order:
        expected.append(part.title)
        for block in part.blocks:
            expected += [filled(line) for line in block.text.split("\n") if line.strip()] \
                if block.kind != "item" else [filled(" ".join(block.text.split("\n")))]
    assert [p.text for p in paragraphs[1:]] == expected
    assert [p.text for p in paragraphs if p.style.name == "Heading 1"] == [part.title for part in order]
    text = "".join(expected)
    assert "紧紧围绕海陵区委" in text and "泰州市中小学" in text and "根据2027年务实" in text
    assert "xx区" not in text and "xx市" not in text

    name, data = download(reader, reader.locator(".plan-composer__actions .planlib-download").nth(1))
    markdown = data.decode("utf-8")
    assert name == f"{TITLE}.md" and markdown.startswith(f"# {TITLE}\n\n## {order[0].title}\n")
    positions = [markdown.index(f"## {part.title}\n") for part in order]
    assert positions == sorted(positions) and "紧紧围绕海陵区委" in markdown

    reader.locator(".plan-composer__part").nth(0).locator(".planlib-remove").click()
    assert listed(reader) == [part.title for part in order[1:]]
    assert copied(reader, reader.locator(".plan-composer__actions .planlib-copy")).startswith(
        f"{TITLE}\n{order[1].title}\n")


def test_a_gallery_part_is_added_with_its_source_and_files_are_made_offline(cold_reader) -> None:
    reader = cold_reader  # nothing cached beforehand: offline, the page has only what it fetched itself
    reader.goto("parts/guiding/")
    entry = reader.locator(".part-entry").first
    title = entry.locator(".part-entry__title").inner_text().strip()
    source = entry.locator(".part-entry__source a")
    plan_title, plan_href = source.inner_text().strip(), source.get_attribute("href")
    entry.locator(".planlib-add").click()
    reader.goto("my-plan/")
    assert listed(reader) == [title]
    link = reader.locator(".plan-composer__source a")
    assert link.inner_text() == plan_title and link.get_attribute("href").endswith(plan_href.lstrip("./"))
    reader.wait_for_load_state("networkidle")  # the page loads the Word template as it opens
    reader.context.set_offline(True)
    name, data = download(reader, reader.locator(".plan-composer__actions .planlib-download").first)
    assert name == "我的工作计划.docx"
    assert [p.text for p in Document(io.BytesIO(data)).paragraphs][:2] == ["我的工作计划", title]
