"""A plan as a Word document (.docx, python-docx) in the usual 公文 layout.

A4, margins 3.7/3.5/2.8/2.6 cm; title in 方正小标宋 二号; part headings in 黑体,
subheadings in 楷体, body in 仿宋 三号 with 28 pt lines and a two-character
first-line indent. Numbering stays in the text, as in the plan. The content
is the plan's document tree: the same parts, headings, paragraphs and items
as the plan page.
"""

from __future__ import annotations

import io
from functools import lru_cache

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from planlib.document import without_placeholder_braces
from planlib.model import Plan

BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: BODY_FONT}
SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
LINE = Pt(28)
THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _font(style_or_run, name: str, size: Pt, bold: bool = False) -> None:
    font = style_or_run.font
    font.name = name
    font.size = size
    font.bold = bold
    properties = style_or_run.element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia"):
        fonts.set(qn(attribute), name)
    for theme in THEME_FONT_ATTRIBUTES:  # a theme font would win over the font named here
        fonts.attrib.pop(qn(theme), None)


def _chinese_defaults(document) -> None:
    """The document's default run properties: no theme fonts, East Asian text in Chinese (zh-CN)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    properties = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = properties.find(qn("w:rFonts"))
    if fonts is not None:
        for theme in THEME_FONT_ATTRIBUTES:
            fonts.attrib.pop(qn(theme), None)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = properties.makeelement(qn("w:lang"), {})
        properties.append(language)
    language.set(qn("w:eastAsia"), "zh-CN")


@lru_cache(maxsize=1)
def _template() -> bytes:
    """The styled, empty document, made once and copied for every plan."""
    document = Document()
    _chinese_defaults(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    styles = document.styles
    normal = styles["Normal"]
    _font(normal, BODY_FONT, SIZE)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = LINE
    normal.paragraph_format.first_line_indent = Pt(32)
    normal.paragraph_format.space_after = Pt(0)
    title = styles["Title"]
    _font(title, TITLE_FONT, TITLE_SIZE)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_after = Pt(16)
    title.paragraph_format.first_line_indent = Pt(0)
    for level, font in HEADING_FONTS.items():
        heading = styles[f"Heading {level}"]
        _font(heading, font, SIZE, bold=level == 3)
        heading.font.color.rgb = None
        heading.paragraph_format.first_line_indent = Pt(32)
        heading.paragraph_format.space_before = Pt(6)
        heading.paragraph_format.space_after = Pt(0)
        heading.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        heading.paragraph_format.line_spacing = LINE
    items = styles["List Paragraph"]
    _font(items, BODY_FONT, SIZE)
    items.paragraph_format.first_line_indent = Pt(32)
    items.paragraph_format.left_indent = Pt(0)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add(document, text: str, style_id: str | None = None):
    """A paragraph with a style given by id (looking styles up by name is slow in python-docx)."""
    paragraph = document.add_paragraph(text)
    if style_id:
        paragraph._p.style = style_id
    return paragraph


def plan_docx(plan: Plan) -> bytes:
    """The plan (title and body) as .docx bytes."""
    document = Document(io.BytesIO(_template()))
    document.core_properties.title = plan.meta.title
    _add(document, plan.meta.title, "Title")
    for part in plan.parts:
        _add(document, part.title, "Heading1")
        for block in part.blocks:
            if block.kind == "heading":
                _add(document, block.text, f"Heading{min(block.level - 1, 3)}")
            elif block.kind == "item":
                paragraph = _add(document, block.text, "ListParagraph")
                if block.level:
                    paragraph.paragraph_format.left_indent = Pt(32 * block.level)
            else:
                for line in block.text.split("\n"):
                    if line.strip():
                        document.add_paragraph(line.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def plan_markdown(plan: Plan) -> bytes:
    """The plan's Markdown without front matter (placeholders as plain text), titled."""
    return f"# {plan.meta.title}\n\n{without_placeholder_braces(plan.markdown).strip()}\n".encode("utf-8")
