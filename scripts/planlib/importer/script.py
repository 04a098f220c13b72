"""Traditional-script pages: tell them apart, and read them as simplified, character for character.

A traditional page keeps its own characters in the plan files; only the
importer's decisions (chrome words, part titles, month themes, the taxonomy's
keywords) are taken on a simplified reading of the same text. The reading is
made one character at a time, so positions in it are positions in the text.
"""

from __future__ import annotations

from functools import lru_cache

import zhconv

TRADITIONAL_SHARE = 0.05  # of the Chinese characters that differ in simplified script


@lru_cache(maxsize=None)
def _simplified_char(char: str) -> str:
    converted = zhconv.convert(char, "zh-cn")
    return converted if len(converted) == 1 else char


def simplified(text: str) -> str:
    """The text in simplified characters, the same length as `text`."""
    if text.isascii():
        return text
    return "".join(_simplified_char(char) for char in text)


def is_traditional(text: str) -> bool:
    """True when a noticeable share of the text's Chinese characters are traditional forms."""
    chinese = [char for char in text if "\u4e00" <= char <= "\u9fff"]
    if not chinese:
        return False
    changed = sum(1 for char in chinese if _simplified_char(char) != char)
    return changed / len(chinese) >= TRADITIONAL_SHARE
