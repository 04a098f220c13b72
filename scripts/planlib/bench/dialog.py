"""The site's search dialog driven in headless Chromium as a reader uses it: open, type, read the results.

Used by the relevance benchmark (which plans a query lists first) and the
speed benchmark (bytes and milliseconds until the first result). The site is
served from localhost as a static host serves it (bench.search.Served).
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from urllib.parse import unquote

CHROMIUM = os.environ.get("PLANLIB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PLAN_URL_RE = re.compile(r"/plan/([a-z0-9-]+)/")
SETTLED_POLLS = 3  # the result list has not changed for this many polls
POLL_SECONDS = 0.15

_SNAPSHOT = """() => {
  const root = document.querySelector('[data-planlib-search]');
  const meta = root.querySelector('[data-planlib-search-meta]');
  const links = Array.from(root.querySelectorAll('[data-planlib-result]'), a => a.getAttribute('href'));
  return {meta: meta ? meta.textContent : '', links: links, done: root.getAttribute('data-planlib-done')};
}"""
_DONE = "(q) => document.querySelector('[data-planlib-search]').getAttribute('data-planlib-done') === q"
_SETTINGS = """() => JSON.parse(document.head.querySelector('script[data-planlib-settings]').textContent).search"""


@dataclass
class Listed:
    """What the dialog shows for a query: its result links in order, and its count line."""

    links: list[str]
    meta: str

    @property
    def plans(self) -> list[str]:
        """Plan ids of the results, in order (each once)."""
        ids = [plan_id(link) for link in self.links]
        return list(dict.fromkeys(i for i in ids if i))

    @property
    def guides_above_a_plan(self) -> int:
        """Results that are not plans, shown before the last plan of the list."""
        kinds = [plan_id(link) is not None for link in self.links]
        last_plan = max((i for i, is_plan in enumerate(kinds) if is_plan), default=0)
        return sum(1 for i, is_plan in enumerate(kinds[:last_plan]) if not is_plan)


def plan_id(link: str) -> str | None:
    match = PLAN_URL_RE.search(unquote(link))
    return match.group(1) if match else None


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def open_dialog(page, url: str) -> None:
    """Load `url` and open the search dialog with its keyboard shortcut."""
    page.goto(url)
    page.keyboard.press("/")
    page.locator("[data-planlib-search-input]").wait_for(state="visible")


def search(page, query: str, timeout: float = 30.0) -> Listed:
    """Type `query` into the open dialog; the results once the list has settled."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    settings = page.evaluate(_SETTINGS)
    waiting = {settings.get("placeholder", ""), settings.get("loading", ""), ""}
    page.locator("[data-planlib-search-input]").fill(query)
    deadline = time.monotonic() + timeout
    last, stable = None, 0
    while time.monotonic() < deadline:
        snapshot = page.evaluate(_SNAPSHOT)
        if snapshot["done"] == query:  # the dialog says it has finished this query
            return Listed(snapshot["links"], snapshot["meta"])
        key = (snapshot["meta"], tuple(snapshot["links"]))
        if snapshot["meta"].strip() not in waiting and snapshot["done"] is None:
            stable = stable + 1 if key == last else 0
            if stable >= SETTLED_POLLS:
                return Listed(snapshot["links"], snapshot["meta"])
        last = key
        try:  # the next poll, or at once when the dialog marks the query done
            page.wait_for_function(_DONE, arg=query, timeout=POLL_SECONDS * 1000)
        except PlaywrightTimeout:
            pass
    raise TimeoutError(f"the search for '{query}' did not settle within {timeout:.0f} s")
