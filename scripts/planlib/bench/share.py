"""The share of a library's plans that contain a query: printed beside every speed figure.

Search costs grow with the plans a query matches, so a speed figure means
little without it: the synthetic library must match about as many plans per
query as the real one does (planlib.synth), and the benchmark shows that it
does. A plan contains a query when its title, headings or text have it as
written (spaces ignored).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable

from planlib.model import Plan

SPACE_RE = re.compile(r"\s+")


def searchable_text(plan: Plan) -> str:
    """A plan's title, part headings and text, without spaces."""
    parts = "\n".join(part.title + "\n" + part.text for part in plan.parts)
    return SPACE_RE.sub("", plan.meta.title + "\n" + parts)


def match_share(texts: list[str], query: str) -> float:
    """The share of `texts` containing every space-separated word of `query`."""
    words = query.split()
    if not texts:
        return 0.0
    return sum(1 for text in texts if all(word in text for word in words)) / len(texts)


def median_share(plans: Iterable[Plan], queries: Iterable[str]) -> float:
    texts = [searchable_text(plan) for plan in plans]
    return statistics.median(match_share(texts, query) for query in queries)
