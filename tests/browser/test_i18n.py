"""The language switcher in the browser, and an English home page without Chinese interface text."""

from __future__ import annotations

import re

import pytest

from conftest import REPO

CJK = re.compile(r"[\u3400-\u9fff]")


def switch_to(page, language: str) -> None:
    page.locator(".md-header .md-select").hover()
    page.locator(f'.md-select__link[hreflang="{language}"]').click()
    page.wait_for_load_state()


@pytest.mark.parametrize("path", ["plan/kindergarten-jiaokeshi-xxxx-7b8f-1/", "browse/section/jiaokeshi/",
                                  "calendar/month-09/"])
def test_switching_language_lands_on_the_twin(page, base_url, path: str) -> None:
    page.goto(path)
    switch_to(page, "en")
    assert page.url == f"{base_url}en/{path}"
    assert page.evaluate("document.documentElement.lang") == "en"
    switch_to(page, "zh")
    assert page.url == f"{base_url}{path}"
    assert page.evaluate("document.documentElement.lang") == "zh"


def test_english_home_has_no_chinese_interface_text(page) -> None:
    page.goto("en/")
    texts = page.evaluate("""() => {
        const out = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) {
            const node = walker.currentNode;
            const element = node.parentElement;
            if (!node.textContent.trim() || element.closest('script, style')) continue;
            // plan titles are the plans' own words; a language menu names each language in itself
            if (element.closest('a[href*="plan/"], .md-select__inner')) continue;
            out.push(node.textContent.trim());
        }
        return out; }""")
    chinese = [text for text in texts if CJK.search(text)]
    assert chinese == []
    assert page.locator("h2", has_text="Latest additions").count() == 1


def test_search_works_on_english_pages(page) -> None:
    page.goto("en/")
    page.keyboard.press("/")
    page.locator("[data-planlib-search-input]").fill("课题研究")
    page.wait_for_function("() => document.querySelectorAll('[data-planlib-result]').length > 0")
    results = "els => els.map(e => e.getAttribute('href'))"
    hrefs = page.locator("[data-planlib-result]").evaluate_all(results)
    plans = [href for href in hrefs if "/plan/" in href]  # then guides, in a group of their own
    assert plans and all(href.startswith("/en/plan/") for href in plans)
    assert all(href.startswith("/en/") for href in hrefs)
    labels = page.locator('[data-filter="sector"]').all_inner_texts()
    assert "Education" in labels and not any(CJK.search(label) for label in labels)
    page.locator("[data-planlib-search-input]").fill("培训")  # in plans of both sectors
    page.wait_for_function("() => document.querySelector('[data-planlib-search]').getAttribute('data-planlib-done') === '培训'")
    before = page.locator("[data-planlib-result]").evaluate_all(results)
    page.locator('[data-filter="sector"]', has_text="Health").click()  # an English chip narrows the results
    page.wait_for_function("() => document.querySelector('[data-planlib-search]').hasAttribute('data-planlib-done')")
    narrowed = page.locator("[data-planlib-result]").evaluate_all(results)
    assert narrowed and set(narrowed) != set(before)
    assert all(href.startswith("/en/plan/") for href in narrowed)
    health = {path.stem for path in (REPO / "plans" / "health").glob("*.md")}
    assert all(href.split("/")[3] in health for href in narrowed), narrowed
    page.locator("[data-planlib-result]").first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "en" and "#" in page.url
    assert page.locator(".plan-card").count() == 1
