"""How much of one plan's text another repeats: character shingles and containment."""

from __future__ import annotations

import re

SHINGLE = 5
_TEXT_RE = re.compile(r"[\w\u3400-\u9fff]")


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """The set of `size`-character runs of the text's letters and characters (no punctuation)."""
    chars = "".join(_TEXT_RE.findall(text))
    return {chars[i:i + size] for i in range(max(0, len(chars) - size + 1))}


def containment(a: set[str], b: set[str]) -> float:
    """Share of the smaller set found in the larger one (1.0: one text repeats the other)."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
