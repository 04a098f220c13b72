"""The one styled Word template (公文, GB/T 9704) that the reader tools fill in, in the browser.

The build makes this single .docx with python-docx; the reader tools
(overrides/assets/javascripts/word.js) put a plan's text, or the parts of a
reader's own plan, into its body when the reader clicks, with the reader's
fill-in values: no Word file is made per plan.

Layout (GB/T 9704-2012): A4; margins 37 / 35 / 28 / 26 mm (a 156 × 225 mm text
block); the title in 方正小标宋简体 二号, black, centred; part headings (一、) in 黑体,
subheadings (（一）) in 楷体, a third level in bold 仿宋, the body in 仿宋, all 三号
with exactly 28 pt lines (22 to a page) and a two-character first-line indent;
page numbers “— 1 —” in 宋体 四号 below the text block, odd pages on the right and
even pages on the left, one character in from the edge.

Fonts: every style names its font for every script (no theme font is left, so
Word never shows Calibri or 等线 instead), with names that exist on stock
Windows and in WPS: 仿宋, 黑体, 楷体, 宋体. The font table gives each font its other
names (FangSong, 仿宋_GB2312 …) and its class (GB2312 character set, PANOSE),
which Word and WPS use to find a like font when one is missing; the title's
方正小标宋简体, not installed everywhere, names 宋体 as its alternative. Text is
marked Chinese (zh-CN). The core properties name the library as author and
carry no date; word.js writes each document's title.

The body holds one prototype paragraph per kind of block, its text the kind in
braces ({title}, {heading-1} … {heading-3}, {paragraph}, {item-0} … {item-3});
word.js copies a prototype's paragraph properties for each block of the text
and drops the prototypes. The package is written with fixed file times, so
the same layout gives the same bytes in every build.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

AUTHOR = "科室工作计划库"
SIZE = Pt(16)  # 三号
TITLE_SIZE = Pt(22)  # 二号
PAGE_NUMBER_SIZE = Pt(14)  # 四号
LINE = Pt(28)  # exactly: 22 lines in the 225 mm text block
TITLE_LINE = Pt(36)
INDENT = Pt(32)  # two characters of 三号
ITEM_LEVELS = 4  # list depths with a prototype of their own; deeper items take the last
BLACK = RGBColor(0, 0, 0)


@dataclass(frozen=True)
class Font:
    """A font as the template names it, with what Word and WPS need to find it or a like one."""

    name: str  # as stock Windows and WPS name it
    alternatives: str  # other names of the same font (w:altName), or the font to use instead
    panose: str
    family: str  # roman | modern | swiss | script | auto


BODY = Font("仿宋", "FangSong,仿宋_GB2312", "02010609060101010101", "modern")
HEI = Font("黑体", "SimHei", "02010609060101010101", "modern")
KAI = Font("楷体", "KaiTi,楷体_GB2312", "02010609060101010101", "modern")
SONG = Font("宋体", "SimSun", "02010600030101010101", "auto")
TITLE = Font("方正小标宋简体", "宋体", "02000000000000000000", "script")
FONTS = (BODY, HEI, KAI, SONG, TITLE)

# GB/T 9704 margins: 37 mm top, 28 mm on the binding side, a 156 × 225 mm text block
MARGINS = {"top": Cm(3.7), "bottom": Cm(3.5), "left": Cm(2.8), "right": Cm(2.6)}
FOOTER_DISTANCE = Cm(2.3)  # the page number line starts 7 mm below the text block
THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
STYLES = {  # the styles the template keeps (by id): all others, and their theme fonts, are dropped
    "Normal", "Title", "Heading1", "Heading2", "Heading3", "ListParagraph", "Footer",
    "DefaultParagraphFont", "TableNormal", "NoList",
}
PROTOTYPES = ["title", "heading-1", "heading-2", "heading-3", "paragraph",
              *(f"item-{level}" for level in range(ITEM_LEVELS))]
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the zip format's first date: no build time in the file


def _fonts(properties, font: Font) -> None:
    """Name `font` for every script of a run-properties element, and no theme font."""
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for theme in THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), font.name)


def _run_style(style, font: Font, size: Pt, bold: bool = False) -> None:
    style.font.size = size
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = BLACK
    properties = style.element.get_or_add_rPr()
    _fonts(properties, font)
    size_cs = properties.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        properties.append(size_cs)
    size_cs.set(qn("w:val"), str(int(size.pt * 2)))
    for name in ("w:spacing", "w:kern"):  # the Title's letter spacing and kerning
        for found in properties.findall(qn(name)):
            properties.remove(found)


def _paragraph_style(style, indent: Pt = INDENT, left: Pt = Pt(0)) -> None:
    layout = style.paragraph_format
    layout.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    layout.line_spacing = LINE
    layout.first_line_indent = indent
    layout.left_indent = left
    layout.space_before = Pt(0)
    layout.space_after = Pt(0)
    for name in ("w:pBdr", "w:tabs"):  # the Title's blue rule, the Footer's tab stops for US Letter
        for found in style.element.findall(f"{qn('w:pPr')}/{qn(name)}"):
            found.getparent().remove(found)


def _defaults(document) -> None:
    """Document defaults: 仿宋 for every script, text in Chinese (zh-CN), no theme fonts."""
    styles = document.styles.element
    properties = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _fonts(properties, BODY)
    for name in ("w:sz", "w:szCs"):
        size = properties.find(qn(name))
        if size is not None:
            size.set(qn("w:val"), str(int(SIZE.pt * 2)))
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    language.set(qn("w:val"), "zh-CN")
    language.set(qn("w:eastAsia"), "zh-CN")
    spacing = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    if spacing is not None:
        spacing.getparent().remove(spacing)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in STYLES:
            styles.remove(style)
            continue
        for link in style.findall(qn("w:link")):  # to the character styles dropped above
            style.remove(link)


def _styles(document) -> None:
    styles = document.styles
    normal = styles["Normal"]
    _run_style(normal, BODY, SIZE)
    _paragraph_style(normal)
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    title = styles["Title"]
    _run_style(title, TITLE, TITLE_SIZE)
    _paragraph_style(title, indent=Pt(0))
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = TITLE_LINE
    title.paragraph_format.space_after = LINE  # the empty line between the title and the text
    for level, font in ((1, HEI), (2, KAI), (3, BODY)):
        heading = styles[f"Heading {level}"]
        _run_style(heading, font, SIZE, bold=level == 3)
        _paragraph_style(heading)
        heading.paragraph_format.keep_with_next = True
    items = styles["List Paragraph"]
    _run_style(items, BODY, SIZE)
    _paragraph_style(items)
    footer = styles["Footer"]
    _run_style(footer, SONG, PAGE_NUMBER_SIZE)
    _paragraph_style(footer, indent=Pt(0))
    footer.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _page_number(paragraph, side: str) -> None:
    """“— n —” with a PAGE field, on the given side, one character (四号) in from the edge."""
    paragraph._p.style = "Footer"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT if side == "right" else WD_ALIGN_PARAGRAPH.LEFT
    if side == "right":
        paragraph.paragraph_format.right_indent = PAGE_NUMBER_SIZE
    else:
        paragraph.paragraph_format.left_indent = PAGE_NUMBER_SIZE
    paragraph.add_run("— ")
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind is not None:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._r.append(field)
        elif text == " PAGE ":
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = text
            run._r.append(instruction)
        else:
            run.text = text
    paragraph.add_run(" —")


def _page(document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = MARGINS["top"], MARGINS["bottom"]
    section.left_margin, section.right_margin = MARGINS["left"], MARGINS["right"]
    section.footer_distance = FOOTER_DISTANCE
    section.header_distance = Cm(1.5)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], "right")
    _page_number(section.even_page_footer.paragraphs[0], "left")
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is not None:
        grid.set(qn("w:linePitch"), str(int(LINE.pt * 20)))


def _settings(document) -> None:
    """Chinese text settings: theme fonts in Chinese, punctuation compressed as Chinese documents do."""
    settings = document.settings.element
    for name, values in (("w:themeFontLang", {"w:val": "zh-CN", "w:eastAsia": "zh-CN"}),
                         ("w:characterSpacingControl", {"w:val": "compressPunctuation"})):
        element = settings.find(qn(name))
        if element is not None:
            for attribute, value in values.items():
                element.set(qn(attribute), value)
    # and nothing of python-docx's template: its math font (Cambria Math), theme colours, preview picture
    for name in ("w:rsids", "w:proofState", "w:attachedTemplate", "m:mathPr", "w:clrSchemeMapping",
                 "w:savePreviewPicture", "w:shapeDefaults", "w:doNotAutoCompressPictures"):
        for element in settings.findall(qn(name)):
            settings.remove(element)


def _font_table() -> bytes:
    entries = "".join(
        f'<w:font w:name="{font.name}"><w:altName w:val="{font.alternatives}"/>'
        f'<w:panose1 w:val="{font.panose}"/><w:charset w:val="86"/><w:family w:val="{font.family}"/>'
        f'<w:pitch w:val="variable"/></w:font>' for font in FONTS)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"{entries}</w:fonts>").encode("utf-8")


def _core_properties(document) -> None:
    """The library as author; title written per document; no dates, no generator."""
    properties = document.core_properties
    properties.author = AUTHOR
    properties.title = ""
    properties.comments = ""
    properties.last_modified_by = ""
    properties.language = "zh-CN"
    element = properties._element
    for name in ("dcterms:created", "dcterms:modified", "cp:lastModifiedBy", "dc:description", "cp:lastPrinted"):
        for found in element.findall(qn(name)):
            element.remove(found)


_DROPPED = {"http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects", RT.THEME, RT.CUSTOM_XML,
            RT.NUMBERING, RT.WEB_SETTINGS}


def _drop_parts(document) -> None:
    """Parts of python-docx's own template the plans do not use: its theme (Cambria, Calibri),
    the Word 2010 copy of its styles, a thumbnail of its page, custom XML, numbering, its
    application properties (“Microsoft Macintosh Word”)."""
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype in _DROPPED:
            del part.rels[rel_id]
        elif rel.reltype == RT.FONT_TABLE:
            rel.target_part._blob = _font_table()
    package = part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            del package.rels[rel_id]


def _prototypes(document) -> None:
    style_of = {"title": "Title", "paragraph": "Normal", **{f"heading-{n}": f"Heading{n}" for n in (1, 2, 3)}}
    for key in PROTOTYPES:
        paragraph = document.add_paragraph("{" + key + "}")
        if key.startswith("item-"):
            level = int(key.removeprefix("item-"))
            paragraph._p.style = "ListParagraph"
            if level:
                paragraph.paragraph_format.left_indent = Pt(INDENT.pt * level)
        else:
            paragraph._p.style = style_of[key]


def _fixed_zip(data: bytes) -> bytes:
    """The package again, with fixed file times and [Content_Types].xml first."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(source.namelist(), key=lambda name: (name != "[Content_Types].xml", name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return out.getvalue()


@lru_cache(maxsize=1)
def template_docx() -> bytes:
    """The template's bytes: the same for the same layout."""
    document = Document()
    _defaults(document)
    _styles(document)
    _page(document)
    _settings(document)
    _core_properties(document)
    _drop_parts(document)
    _prototypes(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _css(font: Font, size: Pt, extra: str = "", line: Pt = LINE) -> str:
    families = ",".join([font.name, *font.alternatives.split(","), "serif"])
    return f"font-family:{families};font-size:{size.pt:g}pt;line-height:{line.pt:g}pt;margin:0;{extra}".rstrip(";")


def paste_styles() -> dict[str, str]:
    """Inline CSS for the HTML that a copy puts on the clipboard, by the template's kinds of block: the
    template's fonts and sizes, so that a paste into Word or WPS looks like a downloaded file."""
    indent = f"text-indent:{INDENT.pt:g}pt"
    return {
        "title": _css(TITLE, TITLE_SIZE, "text-align:center;font-weight:normal", line=TITLE_LINE),
        "heading-1": _css(HEI, SIZE, f"font-weight:normal;{indent}"),
        "heading-2": _css(KAI, SIZE, f"font-weight:normal;{indent}"),
        "heading-3": _css(BODY, SIZE, f"font-weight:bold;{indent}"),
        "paragraph": _css(BODY, SIZE, indent),
        "list": "list-style:none;margin:0;padding:0",
        "item": _css(BODY, SIZE, indent),
    }
