"""A plan as a Word file: its text (golden file) is the plan's tree, in the 公文 layout, with Chinese fonts."""

from __future__ import annotations

import io
import os
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from conftest import FIXTURES
from planlib.library import load_library
from planlib.word import plan_docx, plan_markdown

GOLDEN = FIXTURES / "golden" / "plan-word.txt"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
PLAN = "fixture-kindergarten-autumn"


def word_text(data: bytes) -> str:
    """Each paragraph of a .docx as `style: text`, one a line."""
    document = Document(io.BytesIO(data))
    return "".join(f"{p.style.name}: {p.text}\n" for p in document.paragraphs)


def test_word_text_of_a_plan_is_the_golden_file(fixture_site: Path) -> None:
    data = (fixture_site / "site" / "downloads" / f"{PLAN}.docx").read_bytes()
    if UPDATE:
        GOLDEN.write_text(word_text(data), encoding="utf-8")
    assert word_text(data) == GOLDEN.read_text(encoding="utf-8")


def test_word_paragraphs_are_the_plans_parts_headings_and_items(fixture_site: Path) -> None:
    plan = load_library(fixture_site).by_id()[PLAN]
    lines = word_text(plan_docx(plan)).splitlines()
    assert lines[0] == f"Title: {plan.meta.title}"
    assert [line.split(": ", 1)[1] for line in lines if line.startswith("Heading 1")] == [p.title for p in plan.parts]
    items = [line.split(": ", 1)[1] for line in lines if line.startswith("List Paragraph")]
    assert items == [b.text for p in plan.parts for b in p.blocks if b.kind == "item"]
    assert "{{" not in "".join(lines)


def test_fonts_are_named_not_left_to_the_theme_and_east_asian_text_is_chinese(fixture_site: Path) -> None:
    plan = load_library(fixture_site).by_id()[PLAN]
    document = Document(io.BytesIO(plan_docx(plan)))
    for name, font in (("Normal", "仿宋_GB2312"), ("Heading 1", "黑体"), ("Heading 2", "楷体_GB2312"),
                       ("Title", "方正小标宋简体")):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == font, name
        assert not any(fonts.get(qn(theme)) for theme in ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme")), name
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:eastAsia")) == "zh-CN"
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.top_margin.cm, 1) == 3.7


def test_markdown_download_is_the_plan_as_written_without_braces(fixture_site: Path) -> None:
    plan = load_library(fixture_site).by_id()[PLAN]
    text = plan_markdown(plan).decode("utf-8")
    assert text.startswith(f"# {plan.meta.title}\n\n## ") and "{{" not in text
    assert (fixture_site / "site" / "downloads" / f"{PLAN}.md").read_bytes() == plan_markdown(plan)
