"""CJK typography with autocorrect-py: spaces between Chinese and Latin text or digits, full-width punctuation.

Placeholders ({{20xx}}, {{xx}}市) are shielded, so that no space is put
inside xx市; a line's Markdown marker and the plan's own numbering stay as
written. Which lines are running text (not month headings, which must stay
as written, nor code) the document tree says.
"""

from __future__ import annotations

import re

import autocorrect_py

from planlib.document import PLACEHOLDER_RE, line_marker

_SHIELD_BASE = 0xE000  # private-use characters, which autocorrect leaves alone
# the plan's own numbering (三. 1、 （一）) stays as written
_NUMBERING_RE = re.compile(r"^((?:[一二三四五六七八九十]{1,3}\s*[.．、]|\d{1,3}\\?[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)])?\s*)")


def _shield(text: str, pattern: re.Pattern[str]) -> tuple[str, list[str]]:
    kept: list[str] = []

    def hide(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return chr(_SHIELD_BASE + len(kept) - 1)

    return pattern.sub(hide, text), kept


def _unshield(text: str, kept: list[str]) -> str:
    for index, original in enumerate(kept):
        text = text.replace(chr(_SHIELD_BASE + index), original)
    return text


def format_text(text: str, shield: re.Pattern[str] = PLACEHOLDER_RE) -> str:
    """The text as autocorrect would have it, with `shield` matches untouched."""
    masked, kept = _shield(text, shield)
    return _unshield(autocorrect_py.format(masked), kept)


# Chinese characters and full-width punctuation only: nothing autocorrect changes (its rules are about Latin
# letters, digits, half-width punctuation and spaces), so such text, nine lines in ten, is not handed to it
_CHINESE_ONLY_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff，。、；：？！“”‘’（）《》【】—…·「」『』〔〕]*")


def lint_line(line: str) -> str | None:
    """The corrected line of running text, or None when it is fine."""
    if not line.strip():
        return None
    marker, text = line_marker(line)
    match = _NUMBERING_RE.match(text)
    lead = marker + (match.group(1) if match else "")
    if _CHINESE_ONLY_RE.fullmatch(line, len(lead)):
        return None
    corrected = lead + format_text(line[len(lead):])
    return corrected if corrected != line else None


def only_spacing_differs(before: str, after: str) -> bool:
    return re.sub(r"\s+", "", before) == re.sub(r"\s+", "", after)
