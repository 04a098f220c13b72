"""Reader tools in the browser: copy buttons, placeholders, Word and Markdown downloads, print."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document

from planlib.library import load_library

PLAN = "kindergarten-jiaokeshi-xxxx-7b8f-1"


@pytest.fixture(scope="module")
def plan(site):
    return load_library(site).by_id()[PLAN]


@pytest.fixture
def reader(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def section_lines(part) -> str:
    """What copying a part should give: its heading, then one line per heading, paragraph or list item
    (from the plan's tree), a nested item indented two spaces per level."""
    lines = [part.title]
    for block in part.blocks:
        if block.kind == "item":
            lines.append("  " * block.level + " ".join(block.text.split("\n")))
        else:
            lines.extend(line for line in block.text.split("\n") if line.strip())
    return "\n".join(lines)


def copy(page, button) -> str:
    page.evaluate("navigator.clipboard.writeText('')")
    button.click()
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.length > 0)")
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_a_part_gives_its_clean_text_and_a_toast(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    part = plan.parts[0]
    text = copy(reader, reader.locator(".plan-body h2").first.locator(".planlib-copy"))
    assert text == section_lines(part)
    assert "复制" not in text and "¶" not in text
    toast = reader.locator(".md-dialog")
    toast.wait_for(state="visible")
    assert "已复制" in toast.text_content()


def test_copy_a_month_keeps_its_numbering(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    text = copy(reader, reader.locator("#schedule-0 .planlib-copy"))
    month = plan.schedule[0]
    assert text == "\n".join([month.label, *month.texts])
    assert text.splitlines()[1].startswith("1、")


def test_copy_the_whole_plan(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    text = copy(reader, reader.locator(".planlib-copy--plan"))
    expected = [plan.meta.title]
    for part in plan.parts:
        expected.extend(section_lines(part).split("\n"))
    assert text == "\n".join(expected)


def test_copy_a_gallery_entry(reader, site) -> None:
    library = load_library(site)
    reader.goto("parts/guiding/")
    entry = reader.locator(".part-entry").first
    text = copy(reader, entry.locator(".planlib-copy"))
    source = entry.locator(".part-entry__source a").get_attribute("href")
    plan_id = re.search(r"plan/([a-z0-9-]+)/", source).group(1)
    part = next(p for p in library.by_id()[plan_id].parts if p.kind == "guiding")
    assert text == section_lines(part)


def fill(page, unit: str, year: str, region: str) -> None:
    page.locator('[data-fill="unit"]').fill(unit)
    page.locator('[data-fill="year"]').fill(year)
    page.locator('[data-fill="region"]').fill(region)


def filled_text(text: str, unit: str, year: str, region: str) -> str:
    text = re.sub(r"20[xX]{2}\s*([—–\-~至])\s*20[xX]{2}", lambda m: f"{year}{m.group(1)}{int(year) + 1}", text)
    text = re.sub(r"20[xX]{2}", year, text)
    text = re.sub(r"(?<![A-Za-z0-9])[xX]{2}(?=年)", year, text)
    text = re.sub(r"(?<![A-Za-z0-9])(?:[xX]{2}|\*\*)(?=[省市区县镇])", region, text)
    return text.replace("**", unit).replace("某某", unit)


def test_placeholders_are_marked_filled_remembered_and_copied(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    unfilled = reader.locator(".plan-body span.ph:not(.ph--filled)")
    assert unfilled.count() >= 3
    fill(reader, "城东幼儿园", "2027", "麻城市")
    assert reader.locator(".plan-body span.ph:not(.ph--filled)").count() == 0
    reader.reload()
    assert reader.locator('[data-fill="year"]').input_value() == "2027"
    part = plan.parts[1]  # 工作内容: **市, **文化资源
    text = copy(reader, reader.locator(".plan-body h2").nth(1).locator(".planlib-copy"))
    expected = filled_text(section_lines(part), "城东幼儿园", "2027", "麻城")
    assert text == expected
    assert "《麻城市师德师风考核办法》" in text and "城东幼儿园文化资源" in text and "**" not in text
    first = copy(reader, reader.locator(".plan-body h2").first.locator(".planlib-copy"))
    assert first.splitlines()[1].startswith("根据2027年务实")


def test_copy_works_after_navigating_from_an_index(reader, plan) -> None:
    reader.goto("browse/sector/education/kindergarten/")
    reader.locator(f'a[href$="plan/{PLAN}/"]').first.click()
    reader.wait_for_url(f"**/plan/{PLAN}/")
    text = copy(reader, reader.locator("#schedule-0 .planlib-copy"))
    assert text.startswith(plan.schedule[0].label)


def test_word_download_has_the_plans_headings_and_items(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    with reader.expect_download() as info:
        reader.locator(".plan-downloads a", has_text="Word").click()
    download = info.value
    assert download.suggested_filename == f"{PLAN}.docx"
    document = Document(io.BytesIO(open(download.path(), "rb").read()))
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == "Title" and paragraphs[0].text == plan.meta.title
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    expected_headings = [text for part in plan.parts
                         for text in [part.title, *(b.text for b in part.blocks if b.kind == "heading")]]
    assert headings == expected_headings
    items = [p.text for p in paragraphs if p.style.name == "List Paragraph"]
    assert items == [b.text for part in plan.parts for b in part.blocks if b.kind == "item"]
    month = plan.schedule[0]
    assert all(item in items for item in month.texts)
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.top_margin.cm, 1) == 3.7


def test_markdown_download_is_the_plan_without_front_matter(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    with reader.expect_download() as info:
        reader.locator(".plan-downloads a", has_text="Markdown").click()
    text = open(info.value.path(), encoding="utf-8").read()
    assert text.startswith(f"# {plan.meta.title}\n")
    assert "sector:" not in text and "{{" not in text
    assert "## 月度安排" in text and "- 1、做好迎新工作；" in text


def test_print_shows_the_plan_only(reader) -> None:
    reader.goto(f"plan/{PLAN}/")
    reader.emulate_media(media="print")
    hidden = reader.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
        '.plan-downloads', '.plan-timeline', '.fill-panel', '.planlib-copy', '.plan-related']
        .map(s => [s, document.querySelector(s) ? getComputedStyle(document.querySelector(s)).display : 'absent'])""")
    assert all(display in ("none", "absent") for _, display in hidden), hidden
    assert reader.locator(".plan-body").is_visible()
    pdf = reader.pdf(format="A4")
    assert pdf[:4] == b"%PDF"


def test_without_javascript_the_page_reads_as_plain_text(browser, base_url) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"plan/{PLAN}/")
    assert page.locator(".fill-panel").count() == 0 and page.locator(".planlib-copy").count() == 0
    body = page.locator(".plan-body").inner_text()
    assert "根据20xx年务实" in body and "**文化资源" in body
    context.close()
