"""The words a plan is found by besides its own text: its facts in both languages, the words inside its words
and the other words for what it says.

A plan page is indexed once, in Chinese, for every interface language; a
reader of the English interface searches by topic, department and kind of
unit ("nursing", "infection control"), and a Chinese reader by the month of a
schedule (九月 finds 9月) or the kind of part (月度安排). Pagefind indexes
whole words as its segmenter cuts them, so 青年教师 inside 中青年教师 is not a
word of its own: every term of the taxonomy's vocabulary (labels and
classifier keywords) that a plan's text contains is listed as a word too.
Plans name one thing in different words (导师制, 传帮带 and 师徒结对 for
mentor pairs; 听评课 for 听课评课): the rule is that a plan whose text
contains one word of a synonym set (taxonomy `synonyms`) is found by every
word of that set, so its terms list the set's other words. The sets are
curated words for the same thing, not the topics' keywords (a keyword
points at a topic, it does not mean the same).
The plan page carries these words in a block inside its indexed body, hidden by the stylesheet
(overrides/planlib/plan.html); they are taxonomy words, never free text.
"""

from __future__ import annotations

import re

from planlib.labels import month_name
from planlib.model import Plan
from planlib.taxonomy import Label, Taxonomy

LANGUAGES = ("zh", "en")
# what readers also call a month (元月 for January); month_name gives 九月 / September
MONTH_ALIASES = {1: ("元月",)}
MIN_WORD = 2  # a single character is not a word worth finding inside another
MONTH_RE = re.compile(r"(?<![0-9０-９])(1[0-2]|[1-9])\s*月")  # 9月, 10 月 (not 19月 of a day count)
# 9-10 月, 12—1 月: every month of the range, across the year's end too
MONTH_RANGE_RE = re.compile(r"(?<![0-9０-９])(1[0-2]|[1-9])\s*[-—–~～至到]\s*(1[0-2]|[1-9])\s*月")


def _labels(entry: Label) -> list[str]:
    return [entry.get(lang) for lang in LANGUAGES]


_last: tuple[Taxonomy, tuple[str, ...]] | None = None  # the vocabulary of the taxonomy last asked about


def _vocabulary(tax: Taxonomy) -> tuple[str, ...]:
    """The Chinese words of the taxonomy: labels and keywords of every vocabulary, longest first (worked
    out once per taxonomy: a build asks for every plan)."""
    global _last
    if _last is None or _last[0] is not tax:
        words: set[str] = set()
        for group in (tax.institutions, tax.sections, tax.part_kinds, tax.tags, tax.activities):
            for entry in group.values():
                words.add(entry.zh)
                words.update(entry.keywords)
        _last = (tax, tuple(sorted((w for w in words if len(w) >= MIN_WORD), key=lambda w: (-len(w), w))))
    return _last[1]


def _synonyms(text: str, tax: Taxonomy) -> list[str]:
    """The words of every synonym set one of whose words `text` contains, in the taxonomy's order."""
    return [word for words in tax.synonyms if any(word in text for word in words) for word in words]


def search_terms(plan: Plan, tax: Taxonomy) -> list[str]:
    """The words a plan is also found by (_search_terms), computed once per plan and taxonomy."""
    return list(plan.derived("search_terms", tax, lambda: _search_terms(plan, tax)))


def _search_terms(plan: Plan, tax: Taxonomy) -> list[str]:
    """The plan's facts (sector, 单位类型, 科室, topics, kinds of part, schedule months) in both languages,
    then the taxonomy words its text contains, then the synonym sets it has a word of; each once, in that order.
    Months are those of its schedule and those its text names in figures (9月 is found by 九月 and September;
    9-10 月 by both months)."""
    meta = plan.meta
    facts: list[Label | None] = [tax.sectors.get(meta.sector), tax.institutions.get(meta.institution),
                                 tax.sections.get(meta.section)]
    facts += [tax.tags.get(tag) for tag in meta.tags]
    facts += [tax.part_kinds.get(kind) for kind in dict.fromkeys(part.kind for part in plan.parts) if kind != "other"]
    terms: list[str] = []
    for entry in facts:
        if entry is not None:  # a key the taxonomy lacks is the check's to report, not the index's
            terms += _labels(entry)
    text = plan.meta.title + "\n" + "\n".join(part.title + "\n" + part.text for part in plan.parts)
    months = {m for scheduled in plan.schedule for m in scheduled.months}
    months |= {int(number) for number in MONTH_RE.findall(text)}  # the months its text names (9月 for 九月)
    for first, last in MONTH_RANGE_RE.findall(text):
        months |= {(int(first) - 1 + step) % 12 + 1 for step in range((int(last) - int(first)) % 12 + 1)}
    for month in sorted(months):
        terms += [month_name(month, lang) for lang in LANGUAGES] + list(MONTH_ALIASES.get(month, ()))
    terms += [word for word in _vocabulary(tax) if word in text]
    terms += _synonyms(text, tax)
    return list(dict.fromkeys(terms))
