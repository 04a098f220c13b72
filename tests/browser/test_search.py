"""Chinese full-text search in the browser: Pagefind through the site's search dialog."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

import jieba

from planlib.document import plain_text
from planlib.library import load_library
from planlib.pages.catalog import filter_names

QUERIES = ["青年教师", "课题研究", "护理质量", "手卫生", "三基三严", "集体备课", "月度安排"]
jieba.setLogLevel(60)


@pytest.fixture(scope="module")
def plan_texts(site) -> dict[str, tuple[str, str]]:
    """Plan id → (indexed text, sector) for the published plans."""
    library = load_library(site)
    return {plan.id: (re.sub(r"\s+", "", plain_text(plan.markdown)), plan.meta.sector) for plan in library.published}


def has_words(text: str, query: str) -> bool:
    """True when the text has the query's words in a row (the index is word based: 青年教师 is
    in 青年教师培养 but not in 中青年教师, a different word)."""
    words = jieba.lcut(text, HMM=False)
    wanted = jieba.lcut(query, HMM=False)
    return any(words[i:i + len(wanted)] == wanted for i in range(len(words)))


def open_search(page, query: str) -> list[str]:
    """Type a query in the search dialog as a reader does; return the result links shown."""
    page.goto("")
    page.keyboard.press("/")
    field = page.locator("[data-planlib-search-input]")
    field.fill(query)
    done(page, query)
    return page.locator("[data-planlib-result]").evaluate_all("els => els.map(e => e.getAttribute('href'))")


def done(page, query: str) -> None:
    """Wait until the dialog has listed the results of `query` (it marks itself done with the query)."""
    page.wait_for_function("""(q) => document.querySelector('[data-planlib-search]').getAttribute('data-planlib-done') === q
        && /\\d|没有/.test(document.querySelector('[data-planlib-search-meta]').textContent)""", arg=query)


def all_results(page, query: str) -> list[str]:
    """Every page the search finds for a query (not only the ten shown)."""
    return page.evaluate("""async (q) => {
        const search = document.querySelector('[data-planlib-search]').planlibSearch;
        await search.load();
        const found = await search.lookup(search.simplify(q), {});
        const pages = await Promise.all(found.results.map(r => r.data()));
        return pages.map(p => p.url); }""", query)


def plan_id(url: str) -> str | None:
    match = re.search(r"/plan/([a-z0-9-]+)/", unquote(url))
    return match.group(1) if match else None


@pytest.mark.parametrize("query", QUERIES)
def test_query_finds_every_plan_that_has_it(page, plan_texts, query: str) -> None:
    expected = {pid for pid, (text, _) in plan_texts.items() if query in text and has_words(text, query)}
    assert expected, f"the library has plans with {query}"
    shown = open_search(page, query)
    found = {plan_id(url) for url in all_results(page, query)} - {None}
    assert expected <= found, f"{query}: missing {sorted(expected - found)}"
    top = [plan_id(url) for url in shown if plan_id(url)]
    assert top, query
    # plans that contain the query as written are listed first
    head = top[:min(len(expected), len(top))]
    assert set(head) <= expected, f"{query}: {head} are not all exact matches"
    assert not any(url.startswith(("/browse/", "/calendar/", "/parts/")) for url in all_results(page, query))


def test_results_show_highlighted_excerpts_and_section_links(page) -> None:
    shown = open_search(page, "手卫生")
    assert shown and all("#" in url for url in shown[:3])
    assert page.locator(".md-search-result mark").count() > 0


def test_two_words_both_required(page, plan_texts) -> None:
    shown = open_search(page, "青年教师 培养")
    expected = {pid for pid, (text, _) in plan_texts.items() if "青年教师" in text and "培养" in text}
    top = [plan_id(url) for url in shown if plan_id(url)]
    assert top and set(top[:len(expected)]) <= expected


def test_quoted_phrase_must_appear_as_written(page, plan_texts) -> None:
    shown = open_search(page, "“三基三严”")
    ids = [plan_id(url) for url in shown if plan_id(url)]
    assert ids and all("三基三严" in plan_texts[pid][0] for pid in ids)
    assert page.locator("[data-planlib-search-meta]").text_content().startswith(("找到 1 个", "找到 1个")) or len(ids) >= 1


def test_traditional_characters_find_the_simplified_text(page) -> None:
    simplified = open_search(page, "课题研究")
    traditional = open_search(page, "課題研究")
    assert traditional == simplified and traditional


def test_filter_chips_narrow_the_results(page, plan_texts) -> None:
    before = open_search(page, "培训")
    assert any(plan_texts[plan_id(u)][1] == "education" for u in before if plan_id(u))
    choose_chip(page, "sector", "health")
    after = page.locator("[data-planlib-result]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    ids = [plan_id(url) for url in after]
    assert ids and all(pid and plan_texts[pid][1] == "health" for pid in ids)
    page.locator('[data-filter="sector"][data-value="health"]').click()  # and off again
    page.wait_for_function("() => document.querySelector('[data-planlib-search]').hasAttribute('data-planlib-done')")
    assert len(page.locator("[data-planlib-result]").all()) == len(before)


def test_clicking_a_result_lands_on_the_section(page) -> None:
    open_search(page, "三基三严")
    first = page.locator("[data-planlib-result]").first
    href = first.get_attribute("href")
    first.click()
    page.wait_for_load_state()
    assert "/plan/" in page.url and "#" in page.url
    anchor = unquote(page.url.split("#", 1)[1])
    section = page.evaluate("""(id) => {
        const start = document.getElementById(id);
        if (!start) return null;
        let text = start.textContent, node = start.nextElementSibling;
        while (node && !/^H[1-3]$/.test(node.tagName)) { text += node.textContent; node = node.nextElementSibling; }
        return text; }""", anchor)
    assert section is not None, href
    assert "三基三严" in section.replace(" ", "")


def test_keyboard_shortcut_and_escape(page) -> None:
    page.goto("")
    page.keyboard.press("/")
    assert page.evaluate("document.getElementById('__search').checked")
    assert page.evaluate("document.activeElement.hasAttribute('data-planlib-search-input')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")


def test_search_opens_on_a_phone(browser, base_url) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=base_url, is_mobile=True)
    phone = context.new_page()
    phone.goto("")
    phone.locator('label.md-header__button[for="__search"]').click()
    field = phone.locator("[data-planlib-search-input]")
    field.wait_for(state="visible")
    field.fill("集体备课")
    phone.wait_for_function("() => document.querySelectorAll('[data-planlib-result]').length > 0")
    box = phone.locator(".md-search__inner").bounding_box()
    assert box is not None and box["width"] <= 390
    context.close()


def count_shown(page) -> int:
    """The number in the dialog's count line (计划 found)."""
    meta = page.locator("[data-planlib-search-meta]").text_content() or ""
    match = re.search(r"(\d+)", meta)
    return int(match.group(1)) if match else 0


def every_result(page) -> list[str]:
    """The result links once "more results" has been pressed until it is gone."""
    for _ in range(50):
        more = page.locator("[data-planlib-more]")
        if more.count() == 0:
            break
        button = more.first.element_handle()
        button.click()
        button.wait_for_element_state("hidden")  # the list is drawn anew, without this button
    return page.locator("[data-planlib-result]").evaluate_all("els => els.map(e => e.getAttribute('href'))")


@pytest.mark.parametrize("query", ["三基三严", "手卫生"])
def test_the_count_is_the_number_of_plans_that_contain_the_query(page, plan_texts, query: str) -> None:
    containing = {pid for pid, (text, _) in plan_texts.items() if query in text}
    assert containing
    shown = open_search(page, query)
    meta = page.locator("[data-planlib-search-meta]").text_content() or ""
    assert "约" not in meta, meta  # every candidate was read: the count is exact
    assert count_shown(page) == len(containing), meta
    assert {plan_id(url) for url in shown} - {None} == containing


def test_a_word_inside_a_longer_word_is_found(page, plan_texts) -> None:
    inside = {pid for pid, (text, _) in plan_texts.items()
              if "中青年教师" in text and "青年教师" not in text.replace("中青年教师", "")}
    assert inside, "the library has a plan that says 青年教师 only inside 中青年教师"
    open_search(page, "青年教师")
    found = {plan_id(url) for url in every_result(page)}
    assert inside <= found


@pytest.mark.parametrize("query,other_words", [("师徒结对", ("导师制", "青蓝结对")), ("听课评课", ("听评课",))])
def test_a_plan_is_found_by_a_word_of_its_synonym_set(page, plan_texts, query: str, other_words: tuple[str, ...]) -> None:
    """A plan that names the thing in other words (taxonomy synonyms) is listed for the reader's word."""
    elsewhere = {pid for pid, (text, _) in plan_texts.items()
                 if query not in text and any(word in text for word in other_words)}
    assert elsewhere, f"the library has plans that write {other_words} and not {query}"
    shown = {plan_id(url) for url in open_search(page, query)}
    assert elsewhere <= shown, f"{query}: missing {sorted(elsewhere - shown)}"


def test_the_english_interface_finds_plans_by_the_taxonomy_english_labels(page, site) -> None:
    nursing = {plan.id for plan in load_library(site).published if plan.meta.section == "护理部"}
    assert nursing
    page.goto("en/")
    page.keyboard.press("/")
    page.locator("[data-planlib-search-input]").fill("nursing")
    page.wait_for_function("() => document.querySelector('[data-planlib-search]').hasAttribute('data-planlib-done')"
                           " && document.querySelector('[data-planlib-search]').getAttribute('data-planlib-done')")
    links = page.locator("[data-planlib-result]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert nursing <= {plan_id(url) for url in links}
    assert all("/en/plan/" in unquote(url) for url in links if plan_id(url))  # English readers stay in English


@pytest.mark.parametrize("query", ["院感防控", "月度安排", "三基三严", "课题研究"])
def test_no_guide_is_listed_above_a_plan(page, plan_texts, query: str) -> None:
    open_search(page, query)
    links = every_result(page)
    kinds = ["plan" if plan_id(url) else "guide" for url in links]
    assert "plan" in kinds
    first_guide = kinds.index("guide") if "guide" in kinds else len(kinds)
    assert "plan" not in kinds[first_guide:], kinds


def test_more_results_lists_the_next_plans(page) -> None:
    first = open_search(page, "课题研究")
    plans = [url for url in first if plan_id(url)]
    assert len(plans) == 10 and page.locator("[data-planlib-more]").count() == 1
    everything = [url for url in every_result(page) if plan_id(url)]
    assert everything[:10] == plans and len(everything) > 10
    assert len(set(everything)) == len(everything)
    assert count_shown(page) == len(everything)


def test_a_result_names_the_kind_of_unit_the_department_and_the_year(page, site) -> None:
    plans = {plan.id: plan for plan in load_library(site).published}
    open_search(page, "三基三严")
    first = page.locator("[data-planlib-result]").first
    plan = plans[plan_id(first.get_attribute("href"))]
    facts = first.locator("[data-planlib-facts]").text_content() or ""
    tax = load_library(site).taxonomy
    assert tax.institutions[plan.meta.institution].zh in facts
    assert tax.sections[plan.meta.section].zh in facts
    assert (f"{plan.meta.year}年" if plan.meta.year != "unknown" else "年份未知") in facts


def test_excerpts_start_at_the_clause_of_the_match(page) -> None:
    open_search(page, "课题研究")
    excerpts = page.locator("[data-planlib-result] article > p:last-child").evaluate_all(
        "els => els.map(e => e.innerHTML)")
    assert excerpts and all("<mark>" in html for html in excerpts)
    # Pagefind cuts its excerpts at a word count, often inside a clause: the passage shown starts
    # at the clause holding the first match, so no clause ends before it
    leads = [html.split("<mark>", 1)[0] for html in excerpts]
    assert all(not re.search(r"[。！？；：，、]", lead) for lead in leads), leads


def test_the_page_opened_from_a_result_highlights_the_query(page) -> None:
    open_search(page, "手卫生")
    page.locator("[data-planlib-result]").first.click()
    page.wait_for_load_state()
    assert "highlight=" in page.url
    page.wait_for_function("() => document.querySelectorAll('[data-pagefind-body] mark').length > 0")
    marked = page.locator("[data-pagefind-body] mark").evaluate_all("els => els.map(e => e.textContent)")
    assert "手卫生" in "".join(marked)


def test_the_words_a_plan_is_found_by_are_not_shown_on_its_page(page, site) -> None:
    plan = next(p for p in load_library(site).published if p.meta.section == "护理部")
    page.goto(f"plan/{plan.id}/")
    terms = page.locator(".plan-search-terms")
    assert terms.count() == 1 and not terms.is_visible()
    assert "Nursing Department" not in page.locator("body").inner_text()


def choose_chip(page, group: str, value: str) -> None:
    """Press a filter chip and wait until the dialog has listed the results again."""
    chip = page.locator(f'[data-filter="{group}"][data-value="{value}"]')
    chip.click()  # the dialog runs the search again at once, unmarked until it is done
    page.wait_for_function("() => document.querySelector('[data-planlib-search]').hasAttribute('data-planlib-done')")
    assert chip.get_attribute("aria-pressed") == "true"


def part_of_anchor(plan, anchor: str) -> str | None:
    """The kind of the `##` part a heading of the plan page belongs to."""
    kind = None
    kinds = iter(part.kind for part in plan.parts)
    for heading in plan.document.headings:
        if heading.level == 2:
            kind = next(kinds)
        if heading.anchor == anchor:
            return kind
    return None


def test_the_kind_of_part_chip_keeps_the_plans_whose_match_lies_in_such_a_part(page, site) -> None:
    """培训 with 月度安排 chosen: the plans that plan 培训 in their monthly schedule, opened at that part."""
    plans = {plan.id: plan for plan in load_library(site).published}
    in_schedule = {pid for pid, plan in plans.items()
                   if any(part.kind == "schedule" and "培训" in part.title + part.text for part in plan.parts)}
    elsewhere = {pid for pid, plan in plans.items() if "培训" in plan.text} - in_schedule
    assert in_schedule and elsewhere
    open_search(page, "培训")
    # Pagefind counts plans with such a part and the query anywhere: a count the list would belie is not shown
    sector = page.locator('[data-filter="sector"][data-value="education"]')
    page.wait_for_function("(chip) => chip.getAttribute('data-count')", arg=sector.element_handle())
    assert not page.locator('[data-filter="part"][data-value="schedule"]').get_attribute("data-count")
    choose_chip(page, "part", "schedule")
    counts = page.locator("[data-filter]").evaluate_all("els => els.map(e => e.getAttribute('data-count'))")
    assert not any(counts), counts  # once a kind of part is chosen, no count is that of the plans listed
    shown = every_result(page)
    listed = {plan_id(url) for url in shown}
    assert listed and listed <= in_schedule, sorted(listed - in_schedule)
    further = page.locator(".planlib-search__more").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    for url in shown + further:  # each result and the further sections under it open the schedule
        anchor = unquote(url.split("#", 1)[1]) if "#" in url else ""
        assert part_of_anchor(plans[plan_id(url)], anchor) == "schedule", url


def test_the_kind_of_part_chip_alone_lists_every_plan_with_such_a_part(page, site) -> None:
    with_schedule = {plan.id for plan in load_library(site).published
                     if any(part.kind == "schedule" for part in plan.parts)}
    assert with_schedule
    page.goto("")
    page.keyboard.press("/")
    page.locator("[data-planlib-search-input]").focus()
    page.wait_for_function("() => document.querySelectorAll('[data-filter=\"part\"]').length > 0")
    groups = page.locator(".planlib-search__label").all_inner_texts()
    assert groups == list(filter_names(load_library(site).taxonomy, "zh").values())  # the facet table's order
    choose_chip(page, "part", "schedule")
    assert count_shown(page) == len(with_schedule)
    chip = page.locator('[data-filter="part"][data-value="schedule"]')
    page.wait_for_function("(chip) => chip.getAttribute('data-count')", arg=chip.element_handle())
    assert chip.get_attribute("data-count") == str(len(with_schedule))
    assert {plan_id(url) for url in every_result(page)} == with_schedule
