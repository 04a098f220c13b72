"""The words a plan is found by besides its text (planlib.search.terms), on the real library."""

from __future__ import annotations

import re

from conftest import REPO
from planlib.library import load_library
from planlib.search.terms import search_terms

LIBRARY = load_library(REPO)
TAX = LIBRARY.taxonomy


def plan_where(test) -> object:
    return next(plan for plan in LIBRARY.published if test(plan))


def test_a_plan_is_found_by_its_facts_in_both_languages() -> None:
    plan = plan_where(lambda p: p.meta.section == "护理部")
    terms = search_terms(plan, TAX)
    for entry in (TAX.sectors[plan.meta.sector], TAX.institutions[plan.meta.institution],
                  TAX.sections[plan.meta.section], *(TAX.tags[tag] for tag in plan.meta.tags)):
        assert entry.zh in terms and entry.en in terms
    assert "Nursing Department" in terms


def test_a_word_inside_a_longer_word_becomes_a_word_of_its_own() -> None:
    plan = plan_where(lambda p: "中青年教师" in p.text and "青年教师" not in p.text.replace("中青年教师", ""))
    assert "青年教师" in search_terms(plan, TAX)


def test_months_of_the_schedule_and_of_the_text_are_named() -> None:
    plan = plan_where(lambda p: any(9 in m.months for m in p.schedule))
    terms = search_terms(plan, TAX)
    assert "九月" in terms and "September" in terms
    # a plan without a schedule that names 9月 in its text (9月份开学…) is found by 九月 too
    named = plan_where(lambda p: not p.schedule and any(re.search(r"(?<![0-9])9\s*月", part.text) for part in p.parts))
    assert "九月" in search_terms(named, TAX)


def test_every_month_of_a_range_the_text_names_is_named() -> None:
    """确定 9-10 月课题申报: work planned in September and October, found by 九月 as by 十月."""
    ranged = plan_where(lambda p: re.search(r"(?<![0-9])9\s*-\s*10\s*月", p.text) is not None)
    assert not any(9 in m.months for m in ranged.schedule)
    assert not re.search(r"(?<![0-9])9\s*月", ranged.text)  # 九月 comes from the range alone
    terms = search_terms(ranged, TAX)
    assert {"九月", "十月", "September", "October"} <= set(terms)


def test_a_plan_is_found_by_the_other_words_for_what_it_says() -> None:
    """导师制 and 师徒结对 name one thing: a plan that writes only 导师制 is found by 师徒结对."""
    mentor = plan_where(lambda p: "导师制" in p.text and "师徒结对" not in p.text)
    terms = search_terms(mentor, TAX)
    assert {"师徒结对", "青蓝结对", "传帮带"} <= set(terms)
    observing = plan_where(lambda p: "听评课" in p.text and "听课评课" not in p.text)
    assert "听课评课" in search_terms(observing, TAX)
    # a plan that has no word of a set gets none of it
    other = plan_where(lambda p: p.meta.sector == "health")
    assert not {word for words in TAX.synonyms for word in words} & set(search_terms(other, TAX))


def test_every_synonym_is_a_word_the_library_uses() -> None:
    """The sets are curated from real plans: each word is written in a published plan (so none is a guess)."""
    assert TAX.synonyms
    texts = [plan.meta.title + "\n" + plan.text for plan in LIBRARY.published]
    for words in TAX.synonyms:
        for word in words:
            assert any(word in text for text in texts), word


def test_each_term_once_and_only_taxonomy_words() -> None:
    vocabulary = {word for group in (TAX.sectors, TAX.institutions, TAX.sections, TAX.part_kinds, TAX.tags,
                                     TAX.activities) for entry in group.values()
                  for word in (entry.zh, entry.en, *getattr(entry, "keywords", {}))}
    vocabulary |= {word for words in TAX.synonyms for word in words}
    months = {"元月"} | {f"{n}月" for n in "一二三四五六七八九十"} | {"十一月", "十二月"}
    for plan in LIBRARY.published:
        terms = search_terms(plan, TAX)
        assert len(terms) == len(set(terms))
        assert all(term in vocabulary or term in months or term.isascii() for term in terms), plan.id


def test_the_plan_page_carries_the_terms_in_its_indexed_body(library_site) -> None:
    plan = plan_where(lambda p: p.meta.section == "护理部")
    html = (library_site / "site" / "plan" / plan.id / "index.html").read_text(encoding="utf-8")
    block = html.split('class="plan-search-terms">', 1)[1].split("</div>", 1)[0]
    assert "Nursing Department" in block and "护理部" in block
    assert html.index("data-pagefind-body") < html.index('class="plan-search-terms"')
    english = (library_site / "site" / "en" / "plan" / plan.id / "index.html").read_text(encoding="utf-8")
    assert "plan-search-terms" not in english  # indexed once, in the plans' own language


def test_a_key_the_taxonomy_lacks_is_left_out_not_a_crash() -> None:
    """A plan the check refuses can still reach the page renderer (the hostile suite builds such plans)."""
    import dataclasses

    plan = plan_where(lambda p: p.meta.section == "护理部")
    odd = dataclasses.replace(plan, meta=plan.meta.model_copy(update={"section": "教科室\x1b", "tags": ["没有这个"]}))
    terms = search_terms(odd, TAX)
    assert "Nursing Department" not in terms and "Hospital" in terms
