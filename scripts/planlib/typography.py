"""CJK typography with autocorrect-py: spaces between Chinese and Latin text or digits, full-width punctuation.

Placeholders ({{20xx}}, {{xx}}市) are shielded, so that no space is put
inside xx市; month headings (### 2月) are left as written, as the schedule's
labels must be.
"""

from __future__ import annotations

import re

import autocorrect_py

from planlib.months import parse_month_label
from planlib.placeholders import MARKED_RE

_SHIELD_BASE = 0xE000  # private-use characters, which autocorrect leaves alone
_MONTH_HEADING_RE = re.compile(r"^#{3,6}\s+(.*)$")
# a line's Markdown marker and the plan's own numbering (三. 1、 （一）) stay as written
_LEAD_RE = re.compile(r"^(\s*(?:#{1,6}\s+|[-*+]\s+)?(?:[一二三四五六七八九十]{1,3}\s*[.．、]|\d{1,3}\\?[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)])?\s*)")


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


def format_text(text: str, shield: re.Pattern[str] = MARKED_RE) -> str:
    """The text as autocorrect would have it, with `shield` matches untouched."""
    masked, kept = _shield(text, shield)
    return _unshield(autocorrect_py.format(masked), kept)


def is_month_heading(line: str) -> bool:
    match = _MONTH_HEADING_RE.match(line)
    return match is not None and parse_month_label(match.group(1))[0] is not None


def lint_line(line: str) -> str | None:
    """The corrected line, or None when the line is fine (or is a month heading)."""
    if not line.strip() or is_month_heading(line):
        return None
    match = _LEAD_RE.match(line)
    lead = match.group(1) if match else ""
    corrected = lead + format_text(line[len(lead):])
    return corrected if corrected != line else None


def only_spacing_differs(before: str, after: str) -> bool:
    return re.sub(r"\s+", "", before) == re.sub(r"\s+", "", after)
