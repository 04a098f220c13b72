"""Reader tools on plan pages and galleries, in the browser: copy (text and HTML), fill-in, Word and Markdown
files made in the page, print, and the page without JavaScript."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document

from browser.conftest import copied, download
from planlib.library import load_library

PLAN = "kindergarten-jiaokeshi-xxxx-7b8f-1"
VALUES = {"unit": "城东中心小学", "year": "2027", "city": "泰州", "district": "海陵"}


@pytest.fixture(scope="module")
def plan(site):
    return load_library(site).by_id()[PLAN]


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


def filled(text: str) -> str:
    """The plan text with VALUES in its placeholders, by the rules of docs/reader-tools.md, written out
    for the phrases of the plans these tests use (20xx年, 20xx学年, **市, xx市, xx区); **文化资源 and
    xx教育 name none of the reader's details and stay."""
    text = re.sub(r"20[xX]{2}\s*([—–\-~至])\s*20[xX]{2}", lambda m: f"2027{m.group(1)}2028", text)
    text = re.sub(r"20[xX]{2}(?=学年)", "2027—2028", text)
    text = re.sub(r"20[xX]{2}(?=年)", "2027", text)
    text = re.sub(r"(?:xx|\*\*)(?=市)", "泰州", text)
    return re.sub(r"xx(?=[区县])", "海陵", text)


def fill_in(page) -> None:
    for field, value in VALUES.items():
        page.locator(f'[data-fill="{field}"]').fill(value)


def part_tools(page, index: int):
    return page.locator(".plan-body h2").nth(index).locator("xpath=following-sibling::div[1]")


def test_copy_a_part_gives_its_clean_text_and_a_toast(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    text = copied(reader, part_tools(reader, 0).locator(".planlib-copy"))
    assert text == section_lines(plan.parts[0])
    assert "复制" not in text and "¶" not in text
    toast = reader.locator(".md-dialog")
    toast.wait_for(state="visible")
    assert "已复制" in toast.text_content()


def test_copy_a_month_keeps_its_numbering(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    text = copied(reader, reader.locator("#schedule-0 + .planlib-tools .planlib-copy"))
    month = plan.schedule[0]
    assert text == "\n".join([month.label, *month.texts])
    assert text.splitlines()[1].startswith("1、")


def test_copy_the_whole_plan(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    text = copied(reader, reader.locator(".planlib-tools--plan .planlib-copy"))
    expected = [plan.meta.title]
    for part in plan.parts:
        expected.extend(section_lines(part).split("\n"))
    assert text == "\n".join(expected)


def test_copy_a_gallery_entry(reader, site) -> None:
    library = load_library(site)
    reader.goto("parts/guiding/")
    entry = reader.locator(".part-entry").first
    text = copied(reader, entry.locator(".planlib-copy"))
    source = entry.locator(".part-entry__source a").get_attribute("href")
    plan_id = re.search(r"plan/([a-z0-9-]+)/", source).group(1)
    part = next(p for p in library.by_id()[plan_id].parts if p.kind == "guiding")
    assert text == section_lines(part)


def test_a_pasted_part_keeps_its_headings_and_items(reader, plan) -> None:
    """Paste into an editor (a contenteditable, as Word online or a mail editor is) keeps h2, h3 and items."""
    reader.goto(f"plan/{PLAN}/")
    schedule = next(i for i, part in enumerate(plan.parts) if part.kind == "schedule")
    copied(reader, part_tools(reader, schedule).locator(".planlib-copy"))
    reader.evaluate("""() => { const editor = document.createElement('div');
        editor.id = 'editor'; editor.contentEditable = 'true'; document.body.prepend(editor); editor.focus(); }""")
    reader.keyboard.press("Control+V")
    editor = reader.locator("#editor")
    editor.locator("li").first.wait_for()
    part = plan.parts[schedule]
    assert editor.locator("h2").all_inner_texts() == [part.title]
    assert editor.locator("h3").all_inner_texts() == [month.label for month in part.months]
    assert editor.locator("li").all_inner_texts() == [b.text for b in part.blocks if b.kind == "item"]
    assert "仿宋" in editor.locator("li").first.get_attribute("style")  # the template's body font
    assert "复制" not in editor.inner_text()


def test_a_hand_selection_never_takes_a_buttons_label(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    selected = reader.evaluate("""() => { const s = getSelection();
        s.selectAllChildren(document.querySelector('.md-content')); return s.toString(); }""")
    assert all(part.title in selected for part in plan.parts)
    for label in ("复制本部分", "复制本月", "加入我的计划", "下载 Word", "复制全文"):
        assert label not in selected, label
    assert reader.locator(".plan-body h2 .planlib-tool").count() == 0  # no button inside a heading


def test_placeholders_are_filled_remembered_and_reach_copies_and_the_contents(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    assert reader.locator(".plan-body span.ph:not(.ph--filled)").count() >= 3
    fill_in(reader)
    # 20xx年 and **市 are filled; the three **文化资源 name no detail of the reader's and stay
    assert reader.locator(".plan-body span.ph.ph--filled").count() == 2
    assert reader.locator(".plan-body span.ph:not(.ph--filled)").all_inner_texts() == ["**"] * 3
    reader.reload()
    assert reader.locator('[data-fill="year"]').input_value() == "2027"
    text = copied(reader, part_tools(reader, 1).locator(".planlib-copy"))
    assert text == filled(section_lines(plan.parts[1]))
    assert "《泰州市师德师风考核办法》" in text and "《**文化资源在幼儿园游戏中的应用研究》" in text
    first = copied(reader, part_tools(reader, 0).locator(".planlib-copy"))
    assert first.splitlines()[1].startswith("根据2027年务实")


def test_a_school_year_becomes_two_years(reader, site) -> None:
    plan = next(p for p in load_library(site).published if re.search(r"\{\{20[xX]{2}\}\}学年", p.markdown))
    reader.goto(f"plan/{plan.id}/")
    fill_in(reader)
    body = reader.locator(".plan-body").inner_text()
    assert re.search(r"2027[—–-]2028学年", body) and "2027学年" not in body


def test_the_table_of_contents_shows_the_filled_in_headings(reader) -> None:
    reader.goto("plan/secondary-jiaokeshi-xxxx-7b8f-2/")  # ### {{20xx}}年元月
    toc = reader.locator(".md-nav--secondary")
    assert "20xx年元月" in toc.inner_text()
    fill_in(reader)
    assert "2027年元月" in toc.inner_text() and "20xx" not in toc.inner_text()


def test_word_file_holds_the_plan_with_the_readers_values(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    fill_in(reader)
    name, data = download(reader, reader.locator(".planlib-tools--plan .planlib-download").first)
    assert name == f"{plan.meta.title}.docx"
    document = Document(io.BytesIO(data))
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == "Title" and paragraphs[0].text == plan.meta.title
    assert document.core_properties.title == plan.meta.title and document.core_properties.author == "科室工作计划库"
    headings = [p.text for p in paragraphs if p.style.name.startswith("Heading")]
    assert headings == [text for part in plan.parts
                        for text in [part.title, *(b.text for b in part.blocks if b.kind == "heading")]]
    items = [p.text for p in paragraphs if p.style.name == "List Paragraph"]
    assert items == [filled(b.text) for part in plan.parts for b in part.blocks if b.kind == "item"]
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert "根据2027年务实" in xml and "《泰州市师德师风考核办法》" in xml and "20xx" not in xml
    assert "{paragraph}" not in xml and "{title}" not in xml  # the template's prototypes are gone


def test_markdown_file_is_the_plan_with_the_readers_values(reader, plan) -> None:
    reader.goto(f"plan/{PLAN}/")
    fill_in(reader)
    name, data = download(reader, reader.locator(".planlib-tools--plan .planlib-download").nth(1))
    text = data.decode("utf-8")
    assert name == f"{plan.meta.title}.md"
    assert text.startswith(f"# {plan.meta.title}\n\n## {plan.parts[0].title}\n\n根据2027年务实")
    assert "## 月度安排" not in text or "### " in text
    assert "- 1、做好迎新工作；" in text and "《泰州市师德师风考核办法》" in text
    assert "\\*\\*文化资源" in text  # a placeholder that stays, escaped so that it reads as written


def test_print_shows_the_plan_only(reader) -> None:
    reader.goto(f"plan/{PLAN}/")
    reader.emulate_media(media="print")
    hidden = reader.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
        '.planlib-tools', '.plan-timeline', '.plan-ics', '.fill-panel', '.plan-related', '.planlib-skip']
        .map(s => [s, document.querySelector(s) ? getComputedStyle(document.querySelector(s)).display : 'absent'])""")
    assert all(display in ("none", "absent") for _, display in hidden), hidden
    assert reader.locator(".plan-body").is_visible()
    assert reader.pdf(format="A4")[:4] == b"%PDF"


def test_without_javascript_the_page_reads_as_plain_text(browser, base_url) -> None:
    context = browser.new_context(base_url=base_url, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"plan/{PLAN}/")
    assert page.locator(".fill-panel").count() == 0 and page.locator(".planlib-tool").count() == 0
    body = page.locator(".plan-body").inner_text()
    assert "根据20xx年务实" in body and "**文化资源" in body
    context.close()
