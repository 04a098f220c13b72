"""The Word template: 公文 layout (GB/T 9704), fonts named for every script, nothing of python-docx's own
template left, and one prototype paragraph per kind of block for the browser to fill."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn

from planlib.word import FONTS, PROTOTYPES, paste_styles, template_docx

PYTHON_DOCX_FONTS = ("Calibri", "Cambria", "Times New Roman", "ＭＳ 明朝", "ＭＳ ゴシック", "Arial", "Symbol")
THEME = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


@pytest.fixture(scope="module")
def package() -> dict[str, str]:
    archive = zipfile.ZipFile(io.BytesIO(template_docx()))
    return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


@pytest.fixture(scope="module")
def document():
    return Document(io.BytesIO(template_docx()))


def test_no_theme_font_and_no_font_of_python_docx_anywhere_in_the_package(package: dict[str, str]) -> None:
    assert not any(name.startswith(("word/theme", "docProps/thumbnail", "customXml", "word/stylesWithEffects"))
                   for name in package)
    for name, xml in package.items():
        assert not any(f"w:{theme}=" in xml for theme in THEME), name
        named = set(re.findall(r'(?:w:val|w:name|w:ascii|w:hAnsi|w:eastAsia|w:cs|m:val|typeface)="([^"]+)"', xml))
        assert not named & {*PYTHON_DOCX_FONTS, "Cambria Math"}, name
    assert "python-docx" not in "".join(package.values())


def test_every_style_names_its_font_for_every_script_in_black(document) -> None:
    expected = {"Normal": "仿宋", "Title": "方正小标宋简体", "Heading 1": "黑体", "Heading 2": "楷体", "Heading 3": "仿宋",
                "List Paragraph": "仿宋", "Footer": "宋体"}
    for name, font in expected.items():
        style = document.styles[name]
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert {fonts.get(qn(f"w:{script}")) for script in ("ascii", "hAnsi", "eastAsia", "cs")} == {font}, name
        assert str(style.font.color.rgb) == "000000", name
    title = document.styles["Title"]
    assert title.element.pPr.find(qn("w:pBdr")) is None  # no blue rule under the title
    assert title.font.size.pt == 22 and document.styles["Normal"].font.size.pt == 16  # 二号, 三号
    assert document.styles["Heading 3"].font.bold and not document.styles["Heading 1"].font.bold
    assert document.styles["Normal"].paragraph_format.line_spacing.pt == 28


def test_text_is_chinese_and_the_fonts_have_fallbacks(package: dict[str, str]) -> None:
    defaults = re.search(r"<w:rPrDefault>.*?</w:rPrDefault>", package["word/styles.xml"]).group(0)
    assert 'w:val="zh-CN"' in defaults and 'w:eastAsia="zh-CN"' in defaults
    assert '<w:themeFontLang w:val="zh-CN" w:eastAsia="zh-CN"/>' in package["word/settings.xml"]
    table = package["word/fontTable.xml"]
    for font in FONTS:
        entry = re.search(rf'<w:font w:name="{font.name}">(.*?)</w:font>', table).group(1)
        assert f'<w:altName w:val="{font.alternatives}"/>' in entry and '<w:charset w:val="86"/>' in entry
    names = {re.search(r'w:eastAsia="([^"]+)"', fonts).group(1)
             for fonts in re.findall(r"<w:rFonts [^>]+>", package["word/styles.xml"])}
    assert names <= {font.name for font in FONTS}  # every font used is in the table


def test_a4_with_the_gongwen_margins_and_page_numbers_on_alternate_sides(document, package) -> None:
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert [round(getattr(section, f"{side}_margin").mm) for side in ("top", "bottom", "left", "right")] == [37, 35, 28, 26]
    assert "<w:evenAndOddHeaders/>" in package["word/settings.xml"]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.text == even.text == "— 1 —"
    assert (odd.alignment, even.alignment) == (2, 0)  # right, left
    assert all("<w:instrText" in package[name] and " PAGE " in package[name]
               for name in package if name.startswith("word/footer"))


def test_core_properties_name_the_library_and_no_date(document, package) -> None:
    properties = document.core_properties
    assert properties.author == "科室工作计划库" and properties.title == "" and properties.language == "zh-CN"
    assert properties.created is None and properties.modified is None and properties.last_modified_by == ""
    assert "docProps/app.xml" not in package  # python-docx's says “Microsoft Macintosh Word”


def test_one_prototype_paragraph_per_kind_of_block(document) -> None:
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert texts == ["{" + key + "}" for key in PROTOTYPES]
    styles = [paragraph.style.name for paragraph in document.paragraphs]
    assert styles[:5] == ["Title", "Heading 1", "Heading 2", "Heading 3", "Normal"]
    indents = [paragraph.paragraph_format.left_indent for paragraph in document.paragraphs[5:]]
    assert indents[0] is None and [i.pt for i in indents[1:]] == [32, 64, 96]


def test_the_same_layout_gives_the_same_bytes() -> None:
    assert template_docx.__wrapped__() == template_docx.__wrapped__()
    archive = zipfile.ZipFile(io.BytesIO(template_docx()))
    assert archive.namelist()[0] == "[Content_Types].xml"
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_copied_html_uses_the_templates_fonts() -> None:
    styles = paste_styles()
    assert styles["heading-1"].startswith("font-family:黑体,SimHei,") and "font-size:16pt" in styles["paragraph"]
    assert styles["title"].startswith("font-family:方正小标宋简体,宋体,") and "font-size:22pt" in styles["title"]
