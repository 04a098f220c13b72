"""Titles that tell plans apart: built from what the text names, unique across the library.

A title names the unit the plan is for when the text names one (泰州市城东中心小学,
鄞州区), otherwise the kind of unit and the plan's main topics; then the
科室, the term and 工作计划. When two plans would still share a title, the
next topic is added, and as a last resort the plan's place in its collection.
"""

from __future__ import annotations

import re
from collections import Counter

from planlib.importer.classify import CLAUSE_RE, LEAD_RE, Classification, place_name
from planlib.taxonomy import Taxonomy

MAX_TOPICS = 3
PLACEHOLDER_START_RE = re.compile(r"^(?:[xX]{2}|\*\*|某某)")


def _topic_labels(facts: Classification, tax: Taxonomy) -> list[str]:
    return [tax.tags[tag].zh for tag in facts.tags[:MAX_TOPICS] if tag in tax.tags]


def title_candidates(facts: Classification, tax: Taxonomy, text: str) -> list[str]:
    """Titles for a plan, most plain first; the first one no other plan has is used."""
    year = f"{facts.year}年" if isinstance(facts.year, int) else ""
    term = tax.terms[facts.term].title if facts.term in tax.terms else ""  # the term's word (taxonomy.yml)
    unit = facts.unit or _district(text)
    if unit and PLACEHOLDER_START_RE.match(unit):
        unit = None  # xx区 is the reader's own district, not a name that tells plans apart
    section = facts.section
    if unit and section in unit:
        section = ""
    topics = _topic_labels(facts, tax)
    if unit:
        base = f"{year}{unit}{section}"
        candidates = [f"{base}{term}工作计划"]
        candidates += [f"{base}{''.join(topics[:n])}{term}工作计划" for n in range(1, len(topics) + 1)]
    else:
        base = f"{year}{tax.institutions[facts.institution].zh}{section}"
        candidates = [f"{base}{''.join(topics[:n])}{term}工作计划" for n in range(1, len(topics) + 1)]
        candidates = candidates or [f"{base}{term}工作计划"]
    return candidates


def _district(text: str) -> str | None:
    """The district or county the text names most often at the start of a clause (海陵区)."""
    names: Counter[str] = Counter()
    for clause in CLAUSE_RE.findall(text):
        place = place_name(LEAD_RE.sub("", clause))
        if place is not None and place.endswith(("区", "县")):
            names[place] += 1
    return names.most_common(1)[0][0] if names else None


def choose_title(candidates: list[str], taken: set[str], place: str) -> str:
    """The first candidate not taken; else the last one with the plan's place (篇三) added, then a number."""
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    last = candidates[-1]
    with_place = f"{last}（{place}）" if place else last
    if with_place not in taken:
        return with_place
    number = 2
    while f"{with_place}（{number}）" in taken:
        number += 1
    return f"{with_place}（{number}）"
