"""Hostile plans in the browser: every page their payloads reach opens and copies, and nothing of theirs runs.

The site is built from the fixture library plus every plan case of the
hostile suite (tests/hostile_cases.py; not strictly: a strict build refuses it). Each
payload that could run calls alert('PWNED') or loads something from
another origin; the theme's and the site's scripts must keep working.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser.conftest import serve
from hostile_cases import PLAN_CASES

# recorded in every page before its own scripts run
WATCH_CSP = """document.addEventListener("securitypolicyviolation", (e) => {
  (window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + " " + e.blockedURI);
});"""


@pytest.fixture(scope="module")
def hostile_url(hostile_site: Path):
    with serve(hostile_site / "site") as url:
        yield url


# cases that aim at the site's scripts (their settings, the search bundle, the theme's config): their pages
# are also searched, in both languages; every other page is opened, copied from and watched
AIMED_AT_SCRIPTS = ("settings-shadow", "settings-foreign-bundle", "theme-config-clobber", "heading-id-clobber",
                    "raw-html-ids", "attr-list-injection", "attr-list-odd-names", "admonition-class", "fenced-code-attrs",
                    "placeholder-injection")


PAYLOAD_MARKS = (b"PWNED", b"evil", b"127.0.0.2", b"alert")  # what a case's script or request would carry


def hostile_pages(site: Path) -> list[tuple[str, bool]]:
    """Every page a hostile plan with a payload makes or appears in (plan pages, part galleries), and whether
    to search on it: the plan pages in the default language (a plan's body is the same in every language),
    the galleries and the pages aimed at the site's scripts in both. (Cases without a payload, such as
    encodings and broken YAML, make ordinary pages.)"""
    names = {case.name for case in PLAN_CASES if case.built
             and (case.name in AIMED_AT_SCRIPTS or any(mark in case.content() for mark in PAYLOAD_MARKS))}
    built = sorted(p.parent.name for p in (site / "plan").glob("*/index.html") if p.parent.name in names)
    galleries = sorted(p.parent.relative_to(site).as_posix() + "/" for p in (site / "parts").rglob("index.html"))
    assert len(built) >= 30 and galleries, "the hostile library was not built"
    aimed = [f"plan/{name}/" for name in built if name in AIMED_AT_SCRIPTS]
    assert len(aimed) == len(AIMED_AT_SCRIPTS)
    pages = [(f"plan/{name}/", False) for name in built if name not in AIMED_AT_SCRIPTS]
    return pages + [(f"{language}{page}", True) for page in aimed + galleries for language in ("", "en/")]


def test_no_hostile_page_runs_plan_script_or_breaks_the_sites_scripts(browser, hostile_site: Path,
                                                                        hostile_url: str) -> None:
    pages = hostile_pages(hostile_site / "site")
    origin = urlsplit(hostile_url)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=hostile_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=hostile_url.rstrip("/"))
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    findings: list[str] = []
    current = [""]
    page.on("dialog", lambda dialog: (findings.append(f"{current[0]}: dialog {dialog.message!r}"), dialog.dismiss()))
    page.on("pageerror", lambda error: findings.append(f"{current[0]}: page error {error}"))

    def foreign(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme not in ("http", "https", "data") or (parts.scheme != "data" and parts.netloc != origin.netloc) \
            or (parts.scheme == "data" and not url.startswith("data:image/"))

    page.on("request", lambda request: findings.append(f"{current[0]}: request {request.url[:80]}")
            if foreign(request.url) else None)
    copied = searched = 0
    try:
        for path, search in pages:
            current[0] = path
            page.goto(path)
            # copy before searching: the search dialog's overlay fades out for a quarter of a second after
            # Escape, and a click meanwhile lands on it (Playwright then retries, up to a second later)
            button = page.locator(".plan-body .planlib-copy, .part-entry .planlib-copy").first
            if button.count():
                page.evaluate("navigator.clipboard.writeText('')")
                button.click()
                page.wait_for_function("() => navigator.clipboard.readText().then(t => t.length > 0)")
                copied += 1
            if search:
                page.keyboard.press("/")
                page.locator("[data-planlib-search-input]").fill("课题")
                page.wait_for_function("() => /\\d|没有|No /.test(document.querySelector('[data-planlib-search-meta]').textContent)")
                searched += page.locator("[data-planlib-result]").count() > 0
                page.keyboard.press("Escape")
            violations = page.evaluate("window.__cspViolations || []")
            findings.extend(f"{path}: content security policy {v}" for v in violations)
    finally:
        context.close()
    assert findings == []
    assert searched == sum(search for _, search in pages), "search found nothing on some pages"
    assert copied >= len(pages) * 0.9, f"only {copied} of {len(pages)} pages had a part to copy"


def test_the_pages_policy_forbids_inline_and_foreign_scripts(browser, hostile_url: str) -> None:
    """An inline script or a script from elsewhere, added to a built page, is refused by the page's policy."""
    context = browser.new_context(base_url=hostile_url)
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.goto("plan/settings-shadow/")
    ran = page.evaluate("""() => {
        window.__ran = false;
        const inline = document.createElement("script");
        inline.textContent = "window.__ran = true";
        document.body.appendChild(inline);
        const foreign = document.createElement("script");
        foreign.src = "http://127.0.0.2:9/PWNED.js";
        document.body.appendChild(foreign);
        return window.__ran;
    }""")
    page.wait_for_function("() => (window.__cspViolations || []).length >= 2")
    violations = page.evaluate("window.__cspViolations")
    context.close()
    assert ran is False
    assert any(v.startswith("script-src") and "inline" in v for v in violations), violations
    assert any("127.0.0.2" in v for v in violations), violations
