"""Placeholders in plan text: 20xx, xx市, **, 某某 — the bits a reader fills in.

In plan files a placeholder is written in double braces, `{{20xx}}年`,
`{{xx市}}`, `{{**}}文化资源` (docs/contributing.md; the document tree reads
them); `planlib import` finds them in raw text and adds the braces. On the
site each becomes a marked span that the fill-in panel can replace with the
reader's own year, city, district or unit name, according to its kind; one
that names none of the reader's details (党的xx届) stays as written.
"""

from __future__ import annotations

import re

# in raw text: what the importer marks (longest forms first)
_CJK = "\u3400-\u4dbf\u4e00-\u9fff"
FIND_RE = re.compile(
    r"20[xX]{2}\s*[—–\-~至]\s*20[xX]{2}"           # school year 20xx—20xx
    r"|20[xX]{2}|20\d[xX](?![A-Za-z0-9])"           # year: 20xx, 201X
    r"|(?<![A-Za-z0-9])[xX]{2}(?=年)"               # xx年
    r"|(?<![A-Za-z0-9])(?:[xX]{2}|\*\*)(?=[省市区县镇])"  # xx市 **市 (the suffix stays text)
    r"|\*\*"                                         # a unit's name
    rf"|(?<![A-Za-z0-9])[xX]{{2,3}}(?![A-Za-z0-9])(?=\s?[{_CJK}“”《》])"   # any other standalone xx next to
    rf"|(?:(?<=[{_CJK}“”《》])|(?<=[{_CJK}“”《》]\s))[xX]{{2,3}}(?![A-Za-z0-9])"  # Chinese: 党的xx届, XX学科
    r"|某某")


# What fills each kind of placeholder (the fill-in panel's fields; reader.js):
#   year: the reader's year (20xx年, xx年, 201X)
#   school-year: that year and the next (20xx—20xx学年, 20xx学年度 → 2027—2028)
#   city / district: the reader's city (xx市, **市) and district or county (xx区, xx县)
#   unit: the reader's school or hospital (**小学, 某某医院)
#   other: not the reader's details (党的xx届, xx大, “xx”规划, XX学科, **文化资源): marked, never filled
KINDS = ("year", "school-year", "city", "district", "unit", "other")
_SCHOOL_YEAR_RE = re.compile(r"20[xX]{2}\s*[—–\-~至]\s*20[xX]{2}")
_YEAR_RE = re.compile(r"20[xX]{2}|20\d[xX]")
_CITY_SUFFIXES = "市州"
_DISTRICT_SUFFIXES = "区县"
# words that follow a unit's name: **小学, 某某医院 (a longer word first where one begins another)
_UNIT_WORDS = ("中心小学", "小学", "中学", "学校", "幼儿园", "大学", "学院", "医院", "卫生院", "卫生服务中心",
               "中心", "单位", "公司", "校", "园", "院", "局")


def placeholder_kind(content: str, following: str = "", preceding: str = "") -> str:
    """Which of the reader's details fills a placeholder (KINDS), from the placeholder and the text around it.

    The word after it decides: the 市 of xx市 makes a city, the 年 of xx年 a year, the 学年 of
    20xx学年度 a school year, the 小学 of **小学 a unit. A placeholder that holds its own suffix
    ({{xx市}}) is read the same way. What names none of the reader's details is `other`, and so is
    the second of two places of one kind named together (`preceding`: the text before it, as
    written in the plan): in {{xx}}市和{{xx}}市 the second city is another city than the reader's.
    """
    kind = _kind(content, following)
    if kind in ("city", "district") and _SECOND_PLACE_RE.search(preceding):
        earlier = _SECOND_PLACE_RE.search(preceding)
        assert earlier is not None
        if _kind(earlier.group(1), earlier.group(2)) == kind:
            return "other"
    return kind


# a placeholder and its suffix (市, 区 …) just before, joined by 和, 与, 及 or 、: {{xx}}市和
_SECOND_PLACE_RE = re.compile(r"\{\{([^{}]+)\}\}([市州区县]?)[和与及、]$")


def _kind(content: str, following: str) -> str:
    text = content.strip()
    if _SCHOOL_YEAR_RE.fullmatch(text):
        return "school-year"
    if _YEAR_RE.fullmatch(text):
        return "school-year" if following.startswith("学年") else "year"
    core, after = text, following
    if len(text) > 2 and text[-1] in _CITY_SUFFIXES + _DISTRICT_SUFFIXES:  # {{xx市}}
        core, after = text[:-1], text[-1] + following
    if core.lower() not in ("xx", "**", "某某"):
        return "other"
    if after.startswith("年") and not after.startswith("年级"):
        return "year" if core.lower() == "xx" else "other"
    if after[:1] and after[0] in _CITY_SUFFIXES:
        return "city"
    if after[:1] and after[0] in _DISTRICT_SUFFIXES:
        return "district"
    if after.startswith(_UNIT_WORDS):
        return "unit"
    return "other"


def split(text: str) -> list[tuple[str, bool]]:
    """Raw text → [(piece, is_placeholder)], in order."""
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in FIND_RE.finditer(text):
        if match.start() > last:
            pieces.append((text[last:match.start()], False))
        pieces.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces
