"""Chinese full-text search in the browser: Pagefind through the site's search dialog."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

import jieba

from planlib.document import plain_text
from planlib.library import load_library

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
    page.wait_for_function("() => document.querySelector('[data-planlib-search-meta]').textContent.match(/\\d|没有/)")
    page.wait_for_timeout(300)
    return page.locator("[data-planlib-result]").evaluate_all("els => els.map(e => e.getAttribute('href'))")


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
    chip = page.locator('[data-filter="sector"][data-value="health"]')
    chip.click()
    assert chip.get_attribute("aria-pressed") == "true"
    page.wait_for_timeout(500)
    after = page.locator("[data-planlib-result]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    ids = [plan_id(url) for url in after]
    assert ids and all(pid and plan_texts[pid][1] == "health" for pid in ids)
    page.locator('[data-filter="sector"][data-value="health"]').click()  # and off again
    page.wait_for_timeout(500)
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
