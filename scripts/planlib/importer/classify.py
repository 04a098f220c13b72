"""Classify a plan from its own text with the keyword rules of plans/taxonomy.yml.

The collection title is never evidence (a collection called 党校科室工作计划
holds school plans); the page's year is used only when the plan gives none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from planlib.months import CN_DIGITS
from planlib.taxonomy import Keyworded, Taxonomy

YEAR_RE = re.compile(r"(19[9]\d|20[0-3]\d)(?=\s*年)")
CN_YEAR_RE = re.compile(r"(?<![一二三四五六七八九十〇零])(二[〇零][〇零一二三四五六七八九]{2}|[〇零][〇零一二三四五六七八九])(?=年)")
MAX_TAGS = 5
MIN_INSTITUTION_SCORE = 2.0


@dataclass(frozen=True)
class Classification:
    sector: str
    institution: str
    section: str
    year: int | str
    term: str
    tags: list[str]
    scores: dict[str, dict[str, float]] = field(default_factory=dict)


def keyword_score(text: str, keywords: Mapping[str, float]) -> float:
    return sum(text.count(word) * weight for word, weight in keywords.items())


def _best(text: str, entries: Mapping[str, Keyworded]) -> tuple[str | None, dict[str, float]]:
    scores = {key: keyword_score(text, entry.keywords) for key, entry in entries.items()}
    positive = {key: score for key, score in scores.items() if score > 0}
    if not positive:
        return None, scores
    order = list(entries)
    return max(positive, key=lambda key: (positive[key], -order.index(key))), scores


def years_in(text: str) -> list[int]:
    """Years the text names: 2016年, 二〇〇九年, 零九年 (placeholders like 20xx are not years)."""
    found = [int(y) for y in YEAR_RE.findall(text)]
    for written in CN_YEAR_RE.findall(text):
        digits = "".join(str(CN_DIGITS[ch]) for ch in written)
        found.append(int(digits) if len(digits) == 4 else 2000 + int(digits))
    return [year for year in found if 1990 <= year <= 2035]


def _term(text: str, months: list[int], sector: str, tax: Taxonomy) -> str:
    if months:
        distinct = set(months)
        for key, term in tax.terms.items():
            if term.months and distinct <= set(term.months):
                return key
        return "year" if sector != "education" else "school-year"
    best, _ = _best(text, tax.terms)
    if best is not None:
        return best
    return "semester" if sector == "education" else "year"


def classify(text: str, months: list[int], page_year: int | None, tax: Taxonomy) -> Classification:
    """Sector, institution, section, year, term and tags of one plan's text."""
    specific = {key: entry for key, entry in tax.institutions.items() if not entry.fallback}
    institution, institution_scores = _best(text, specific)
    if institution is None or institution_scores[institution] < MIN_INSTITUTION_SCORE:
        fallbacks = {key: entry for key, entry in tax.institutions.items() if entry.fallback}
        institution = _best(text, fallbacks)[0] or next(iter(fallbacks))
    sector = tax.institutions[institution].sector
    allowed = {key: entry for key, entry in tax.sections.items() if sector in entry.sectors}
    section, section_scores = _best(text, allowed)
    section = section or tax.sectors[sector].default_section
    years = years_in(text)
    year: int | str = max(years) if years else (page_year if page_year else "unknown")
    tag_scores = {key: keyword_score(text, tag.keywords) for key, tag in tax.tags.items()}
    tags = sorted((key for key, score in tag_scores.items() if score >= tax.tags[key].min_weight),
                  key=lambda key: (-tag_scores[key], list(tax.tags).index(key)))[:MAX_TAGS]
    return Classification(sector, institution, section, year, _term(text, months, sector, tax), tags,
                          {"institution": institution_scores, "section": section_scores})


def page_year(title: str, header_text: str) -> int | None:
    """The collection's year: from its title, else from the page's date line."""
    years = years_in(title)
    if years:
        return max(years)
    match = re.search(r"(?:时间|日期|发布)\s*[:：]\s*((?:19|20)\d\d)[-/年.]", header_text)
    return int(match.group(1)) if match else None
