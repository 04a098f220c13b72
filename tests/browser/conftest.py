"""Real-browser tests: the built site served on localhost, driven in Debian's Chromium by Playwright."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from collections.abc import Iterator
from pathlib import Path

import pytest


CHROMIUM = os.environ.get("PLANLIB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def _browser_missing() -> str | None:
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


def pytest_collection_modifyitems(config, items) -> None:
    reason = _browser_missing()
    if reason is None:
        return
    if os.environ.get("PLANLIB_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"browser tests are required here but cannot run: {reason}")
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=reason))


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output clean
        pass


class _Server(ThreadingHTTPServer):
    request_queue_size = 128  # the default 5 refuses connections when Chromium opens many at once on a busy machine


@pytest.fixture(scope="session")
def site(library_site: Path) -> Path:
    """The real library built as a site, shared with the other tests of the session."""
    return library_site


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A built site served on localhost; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def base_url(site: Path):
    with serve(site / "site") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# what a test may leave in the browser for the next: all of it is cleared after each test, but for the HTTP
# cache (the site's scripts, styles and search index stay cached, as for a reader's second page)
SITE_STORAGE = "cookies,local_storage,indexeddb,file_systems,cache_storage,service_workers,websql,shared_storage"
BLANK = "pagefind/pagefind-entry.json"  # a small file of the site: a tab there is of the site's origin


class Tab:
    """A tab kept open for the session in a browser context of its own, lent to one test at a time.

    Opening a tab costs Chromium about a third of a second of work and a new context more, which a
    thousand-test run pays once per browser test otherwise; the tab is handed over as if new: blank, with
    empty site storage (local and session storage, cookies, IndexedDB), online, on screen media, the mouse
    in the corner. Its JavaScript errors (and, when `console` is set, console errors) are collected for the
    test that has it; a test adds no listener of its own to a lent tab.
    """

    def __init__(self, context, origin: str, console: bool) -> None:
        self.context = context
        self.origin = origin.rstrip("/")
        self.console = console
        self.errors: list[str] = []
        self.page = self.open()

    def open(self):
        page = self.context.new_page()
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        if self.console:
            page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        return page

    @contextlib.contextmanager
    def lent(self) -> Iterator:
        self.errors = []
        try:
            yield self.page
        finally:
            self.reset()

    def reset(self) -> None:
        if self.page.is_closed():
            self.page = self.open()
        page = self.page
        self.context.set_offline(False)
        if not page.url.startswith(self.origin + "/"):
            page.goto(self.origin + "/" + BLANK)
        page.evaluate("sessionStorage.clear()")  # the tab's own storage, only reachable from the site's pages
        page.goto("about:blank")
        cdp = self.context.new_cdp_session(page)
        cdp.send("Storage.clearDataForOrigin", {"origin": self.origin, "storageTypes": SITE_STORAGE})
        cdp.detach()
        page.emulate_media(media="null")
        page.mouse.move(0, 0)


class Tabs:
    """The kept tabs, one per purpose (a context's options: viewport, permissions …), made when first needed."""

    def __init__(self, browser, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.kept: dict[str, Tab] = {}

    def lend(self, purpose: str, console: bool = False, permissions: list[str] | None = None, **options):
        if purpose not in self.kept:
            context = self.browser.new_context(base_url=self.base_url, **options)
            if permissions:
                context.grant_permissions(permissions, origin=self.base_url.rstrip("/"))
            self.kept[purpose] = Tab(context, self.base_url, console)
        return self.kept[purpose].lent()

    def errors(self, purpose: str) -> list[str]:
        return self.kept[purpose].errors

    def close(self) -> None:
        for tab in self.kept.values():
            tab.context.close()


@pytest.fixture(scope="session")
def tabs(browser, base_url) -> Iterator[Tabs]:
    kept = Tabs(browser, base_url)
    yield kept
    kept.close()


DESKTOP = {"viewport": {"width": 1280, "height": 900}}
CLIPBOARD = ["clipboard-read", "clipboard-write"]


@pytest.fixture
def page(tabs):
    """A page that fails the test on any JavaScript error."""
    with tabs.lend("page", **DESKTOP) as page:
        yield page
        errors = list(tabs.errors("page"))
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture
def reader(tabs):
    """A page whose clipboard the test can read, and which fails the test on any JavaScript or console error."""
    with tabs.lend("reader", console=True, permissions=CLIPBOARD, **DESKTOP) as page:
        yield page
        errors = list(tabs.errors("reader"))
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture
def cold_reader(browser, base_url):
    """A reader's page in a browser context of its own, with nothing in its cache: for a test whose point is
    what the page has fetched by itself (a file made without a connection)."""
    context = browser.new_context(base_url=base_url, **DESKTOP)
    context.grant_permissions(CLIPBOARD, origin=base_url.rstrip("/"))
    tab = Tab(context, base_url, console=True)
    yield tab.page
    context.close()
    assert tab.errors == [], f"JavaScript errors: {tab.errors}"


def download(page, control) -> tuple[str, bytes]:
    """Click a control that makes a file in the browser: (the name it is saved under, its bytes)."""
    with page.expect_download() as info:
        control.click()
    made = info.value
    return made.suggested_filename, Path(made.path()).read_bytes()


def copied(page, control) -> str:
    """Click a copy control: the plain text it put on the clipboard."""
    page.evaluate("navigator.clipboard.writeText('')")
    control.click()
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.length > 0)")
    return page.evaluate("navigator.clipboard.readText()")
