"""Accessibility and polish in the browser: tap targets on a phone, the skip link to the tools, axe-core's
serious and critical findings, and a crawl of every kind of page in both languages without a console error
or a failed request."""

from __future__ import annotations

from pathlib import Path

import pytest

from browser.test_reader import PLAN, part_tools

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js"  # npm axe-core 4.14.1, MPL-2.0
PHONE = {"width": 390, "height": 844}
CONTROLS = """() => [...document.querySelectorAll(
    '.md-content button, .md-content select, .md-content input, .md-content summary, .md-content a.planlib-tool,'
    + ' .md-content a.plan-timeline__month')]
  .filter(e => e.offsetParent !== null)
  .map(e => { const r = e.getBoundingClientRect(); const after = getComputedStyle(e, '::after').content;
              const label = (e.innerText || '').trim() || (after !== 'none' ? after.replace(/"/g, '') : '')
                            || e.getAttribute('placeholder') || '';
              return {what: e.className || e.tagName, width: r.width, height: r.height, label: label}; })"""


@pytest.fixture
def phone(tabs):
    with tabs.lend("phone", viewport=PHONE, is_mobile=True, has_touch=True) as page:
        yield page


@pytest.mark.parametrize("path", [f"plan/{PLAN}/", "parts/guiding/", "calendar/month-09/", "my-plan/"])
def test_tap_targets_are_44_px_with_a_visible_label_on_a_phone(phone, path: str) -> None:
    if path == "my-plan/":  # with a part in it: its move, remove and preview controls
        phone.goto(f"plan/{PLAN}/")
        part_tools(phone, 0).locator(".planlib-add").click()
    phone.goto(path)
    controls = phone.evaluate(CONTROLS)
    assert len(controls) >= 2, controls  # a month page: its calendar's year and download
    small = [c for c in controls if c["width"] < 44 or c["height"] < 44]
    assert small == [], small
    unlabelled = [c for c in controls if not c["label"]]
    assert unlabelled == [], unlabelled


def test_the_skip_link_leads_the_keyboard_to_the_copy_buttons(reader) -> None:
    reader.goto(f"plan/{PLAN}/")
    for _ in range(3):
        reader.keyboard.press("Tab")
        if reader.evaluate("document.activeElement.classList.contains('planlib-skip')"):
            break
    assert reader.evaluate("document.activeElement.textContent") == "跳到复制与下载"
    reader.keyboard.press("Enter")
    reader.keyboard.press("Tab")
    assert reader.evaluate("document.activeElement.getAttribute('data-label')") == "复制全文"
    focused_box = reader.evaluate("document.activeElement.getBoundingClientRect().top")
    assert 0 <= focused_box < 900  # scrolled into view


@pytest.mark.parametrize("path", ["", f"plan/{PLAN}/", "browse/sector/education/", "calendar/", "my-plan/",
                                  f"en/plan/{PLAN}/"])
def test_axe_finds_nothing_serious(tabs, path: str) -> None:
    with tabs.lend("axe", bypass_csp=True) as page:  # axe is injected as an inline script
        page.goto(path)
        page.add_script_tag(path=str(AXE))
        found = page.evaluate("""() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))""")
    assert found == [], found


def _one_page_of_each_kind(site: Path) -> list[str]:
    """A page of every kind the site has, in both languages: the home page, each guide, each kind of index
    (by sector, institution, section, year, topic, their year pages and further pages), a gallery, a plan,
    the calendar and a month, 我的计划, and the page for an address that does not exist."""
    kinds: dict[tuple, str] = {}
    for path in sorted(site.rglob("index.html")):
        parts = path.relative_to(site).parts[:-1]
        english = parts[:1] == ("en",)
        rest = parts[1:] if english else parts
        kind = (english, rest[:1], rest[1:2] if rest[:1] == ("browse",) else (), len(rest))
        kinds.setdefault(kind, "/".join(parts) + "/" if parts else "")
    return sorted(kinds.values()) + ["404.html"]


TABS = 8  # pages loading at once, each in a tab of its own, watched until its network has been idle for 500 ms


def test_every_kind_of_page_loads_without_an_error_or_a_failed_request(browser, base_url, site) -> None:
    pages = _one_page_of_each_kind(site / "site")
    assert len(pages) > 30 and {"", "en/", "my-plan/", "en/my-plan/", "calendar/month-01/"} <= set(pages)
    context = browser.new_context(base_url=base_url)
    problems: list[str] = []
    tabs = []
    for _ in range(TABS):
        tab = context.new_page()
        showing = {"path": ""}  # what the tab shows, to name the page of a problem
        tab.on("console", lambda m, at=showing: problems.append(f"{at['path']}: console {m.text}")
               if m.type == "error" else None)
        tab.on("pageerror", lambda e, at=showing: problems.append(f"{at['path']}: {e}"))
        tab.on("requestfailed", lambda r, at=showing: problems.append(f"{at['path']}: failed {r.url} ({r.failure})"))
        tab.on("response", lambda r, at=showing: problems.append(f"{at['path']}: {r.status} {r.url}")
               if r.status >= 400 else None)
        tabs.append((tab, showing))
    for start in range(0, len(pages), TABS):
        batch = list(zip(tabs, pages[start:start + TABS]))
        for (tab, showing), path in batch:
            showing["path"] = path
            tab.goto(path, wait_until="commit")
        for (tab, _), _ in batch:
            tab.wait_for_load_state("networkidle")
    context.close()
    assert problems == [], problems[:10]
