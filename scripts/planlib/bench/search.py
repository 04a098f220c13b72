"""Search figures in headless Chromium: bytes fetched and time to the first result.

Compares this site's Pagefind search with a bare Material build of the same
Markdown using Material's default search (lunr, with jieba for Chinese).
"""

from __future__ import annotations

import functools
import gzip
import os
import shutil
import sys
import threading
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from planlib.bench.build import mkdocs_build
from planlib.bench.measure import Measured

CHROMIUM = os.environ.get("PLANLIB_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
QUERY = "课题研究"
BARE_CONFIG = """site_name: bare Material
theme:
  name: material
  language: zh
plugins:
  - search
nav:
  - index.md
not_in_nav: |
  /plans/
"""


@dataclass
class SearchFigures:
    bytes_fetched: int
    ms_to_first_result: float
    requests: int


COMPRESSED = (".html", ".js", ".json", ".css", ".svg", ".xml")


class _StaticHost(SimpleHTTPRequestHandler):
    """Serves files as a static host does: text compressed with gzip, nothing logged."""

    _gzipped: dict[str, bytes] = {}

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix in COMPRESSED and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", ""):
            key = str(path)
            body = self._gzipped.get(key)
            if body is None:
                body = self._gzipped[key] = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


class _QuietServer(ThreadingHTTPServer):
    """A browser that closes a page mid-transfer (a benchmark done with it) is not an error to print."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


class Served:
    """A static folder served on localhost (gzip for text, as hosts do) for a `with` block."""

    def __init__(self, folder: Path) -> None:
        handler = functools.partial(_StaticHost, directory=str(folder))
        self.server = _QuietServer(("127.0.0.1", 0), handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __exit__(self, *exc) -> None:
        self.server.shutdown()


def write_bare_material(source_site: Path, out: Path) -> None:
    """The same plan Markdown as a plain Material site with its default search."""
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs" / "plans"
    for plan in sorted((source_site / "plans").rglob("*.md")):
        target = docs / plan.relative_to(source_site / "plans")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(plan, target)
    (out / "docs" / "index.md").write_text("# 科室工作计划\n\n同一批计划，Material 默认搜索。\n", encoding="utf-8")
    (out / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")


def build_bare(site_root: Path) -> Measured:
    """The bare Material site built and measured as ours is (bench.build)."""
    return mkdocs_build(site_root)


_MEASURE = """async ([query, inputSelector, resultSelector]) => {
  const input = document.querySelector(inputSelector);
  const started = performance.now();
  const found = new Promise(resolve => {
    const check = () => document.querySelector(resultSelector) ? resolve(performance.now()) : false;
    if (!check()) {
      const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
      observer.observe(document.body, {subtree: true, childList: true});
    }
  });
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  input.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: query.slice(-1)}));
  const done = await Promise.race([found, new Promise(r => setTimeout(() => r(null), 60000))]);
  return done === null ? null : done - started;
}"""


def measure(browser, url: str, kind: str, query: str = QUERY) -> SearchFigures:
    """Open the home page, open search at once and type `query`: bytes and ms until a result shows."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sizes: list[int] = []

    def finished(request) -> None:
        path = request.url.lower()
        if "pagefind" in path or "search" in path or "lunr" in path or "t2s" in path:
            try:
                body = request.sizes()
                sizes.append(body["responseBodySize"] + body["responseHeadersSize"])
            except Exception:  # a request that failed has no sizes
                pass

    page.on("requestfinished", finished)
    page.goto(url)
    page.keyboard.press("/")
    if kind == "pagefind":
        selectors = ["[data-planlib-search-input]", "[data-planlib-result]"]
    else:
        selectors = [".md-search__input", ".md-search-result__item"]
    elapsed = page.evaluate(_MEASURE, [query, *selectors])
    page.wait_for_timeout(300)  # let the last responses of this query finish
    context.close()
    return SearchFigures(sum(sizes), elapsed if elapsed is not None else float("nan"), len(sizes))


def search_figures(our_site: Path, bare_site: Path) -> tuple[SearchFigures, SearchFigures]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, Served(our_site) as ours, Served(bare_site) as bare:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return measure(browser, ours, "pagefind"), measure(browser, bare, "material")
        finally:
            browser.close()
