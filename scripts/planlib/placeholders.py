"""Placeholders in plan text: 20xx, xx市, **, 某某 — the bits a reader fills in.

In plan files a placeholder is written in double braces, `{{20xx}}年`,
`{{xx市}}`, `{{**}}文化资源` (docs/contributing.md; the document tree reads
them); `planlib import` finds them in raw text and adds the braces. On the
site each becomes a marked span that the fill-in panel can replace with the
reader's own year, region or unit name, according to its kind.
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


def placeholder_kind(content: str, following: str = "") -> str:
    """school-year | year | region | unit: which of the reader's details fills a placeholder.

    `following` is the text right after it: the 市 of xx市 makes a region, the 年 of xx年 a year.
    """
    if re.fullmatch(r"20[xX]{2}\s*[—–\-~至]\s*20[xX]{2}", content):
        return "school-year"
    if re.fullmatch(r"20[xX]{2}|20\d[xX]", content):
        return "year"
    after = following[:1]
    if content.lower() == "xx" and after == "年":
        return "year"
    if content.lower() in ("xx", "**") and after and after in "省市区县镇":
        return "region"
    return "unit"


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
