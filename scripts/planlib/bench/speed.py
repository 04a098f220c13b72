"""`planlib bench search --sizes …`: search speed on realistic synthetic libraries, for every judged query.

For each size a synthetic library (planlib synth) is built as this site and
served from localhost; each judged query is typed, cold (a fresh browser
context: empty cache), into the dialog of its language's interface, and the
bytes fetched and milliseconds from the keystroke to the first result (or to
the answer that there is none) are recorded. Beside them: the share of the
library's plans that contain the query (bench.share), for the synthetic and
for the real library, since a search's cost grows with the plans it matches.
"""

from __future__ import annotations

import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path

from planlib.bench.build import build_site
from planlib.bench.dialog import launch
from planlib.bench.judged import JudgedQuery
from planlib.bench.relevance import INTERFACE
from planlib.bench.search import Served
from planlib.bench.share import match_share, searchable_text
from planlib.library import Library, load_library
from planlib.search.terms import search_terms
from planlib.synth import write_synthetic_site

# Typing a query, then waiting for its first result (or the answer that there is none); the bytes are
# those of the requests the page had finished by then (Resource Timing: compressed bodies and headers),
# so what the dialog fetches after showing the first result (the chips' counts) is not counted.
_MEASURE = """async ([query, before]) => {
  const root = document.querySelector('[data-planlib-search]');
  const input = root.querySelector('[data-planlib-search-input]');
  const started = performance.now();
  const answered = () => root.querySelector('[data-planlib-result]') ||
                         (root.getAttribute('data-planlib-done') || '') === query;
  const found = new Promise(resolve => {
    if (answered()) { resolve(performance.now()); return; }
    const observer = new MutationObserver(() => {
      if (answered()) { observer.disconnect(); resolve(performance.now()); }
    });
    observer.observe(root, {subtree: true, childList: true, attributes: true});
  });
  input.focus();
  input.value = query;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  const done = await Promise.race([found, new Promise(r => setTimeout(() => r(null), 60000))]);
  if (done === null) { return null; }
  const fetched = performance.getEntriesByType('resource').slice(before)
    .filter(entry => entry.responseEnd <= done)
    .reduce((sum, entry) => sum + entry.transferSize, 0);
  return {ms: done - started, bytes: fetched};
}"""


@dataclass
class QuerySpeed:
    query: JudgedQuery
    bytes_fetched: int
    ms: float
    share: float  # of the synthetic library's plans containing the query
    real_share: float  # … of the real library's


@dataclass
class SizeSpeed:
    plans: int
    queries: list[QuerySpeed]

    def median(self, key: str) -> float:
        return statistics.median(getattr(q, key) for q in self.queries)

    def worst(self, key: str) -> QuerySpeed:
        return max(self.queries, key=lambda q: getattr(q, key))


def texts(library: Library) -> list[str]:
    """What a query is looked for in: a plan's text and the words it is found by (planlib.search.terms)."""
    return [(searchable_text(plan) + " " + " ".join(search_terms(plan, library.taxonomy))).lower()
            for plan in library.published]


def measure_query(browser, base: str, query: JudgedQuery) -> tuple[int, float]:
    """Bytes fetched and ms to the first result for one query, typed cold into its interface's dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + INTERFACE[query.lang])
    page.wait_for_load_state("networkidle")
    page.evaluate("performance.setResourceTimingBufferSize(1000)")
    before = page.evaluate("performance.getEntriesByType('resource').length")  # the page's own files
    page.keyboard.press("/")  # opening the dialog starts loading the search
    measured = page.evaluate(_MEASURE, [query.query, before])
    context.close()
    if measured is None:
        return 0, float("nan")
    return int(measured["bytes"]), float(measured["ms"])


def measure_site(site: Path, queries: list[JudgedQuery], synthetic: list[str], real: list[str],
                 browser=None) -> list[QuerySpeed]:
    """Every query measured on the served site (in `browser`, or a Chromium of its own)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = launch(playwright)
            try:
                return measure_site(site, queries, synthetic, real, own)
            finally:
                own.close()
    out = []
    with Served(site) as base:
        for query in queries:
            size, ms = measure_query(browser, base, query)
            words = query.query.lower()
            out.append(QuerySpeed(query, size, ms, match_share(synthetic, words), match_share(real, words)))
    return out


def row(size: SizeSpeed) -> str:
    worst_ms, worst_kb = size.worst("ms"), size.worst("bytes_fetched")
    return (f"| {size.plans} | {len(size.queries)} | {size.median('ms'):.0f} | {worst_ms.ms:.0f} ({worst_ms.query.query}) | "
            f"{size.median('bytes_fetched') / 1000:.0f} | {worst_kb.bytes_fetched / 1000:.0f} ({worst_kb.query.query}) | "
            f"{size.median('share'):.1%} | {size.median('real_share'):.1%} |")


HEADER = ("| plans | queries | ms to first result, median | worst (query) | KB until the first result, median | "
          "worst (query) | plans matching a query, median | in the real library |\n|---|---|---|---|---|---|---|---|")


def run_speed(root: Path, sizes: list[int], queries: list[JudgedQuery], work: Path | None) -> list[SizeSpeed]:
    """Every size built and measured; the table printed as it fills, each query's figures after it."""
    base = work or Path(tempfile.mkdtemp(prefix="planlib-search-speed-"))
    real = texts(load_library(root))
    print("judged queries typed cold (fresh browser context) into the dialog of their interface; "
          "sites served from localhost with gzip, Chromium headless")
    print(HEADER, flush=True)
    results = []
    for count in sizes:
        site_root = base / f"synth-{count}"
        write_synthetic_site(root, site_root, count)
        build_site(site_root, {"PLANLIB_WORD": "0"})
        speeds = measure_site(site_root / "site", queries, texts(load_library(site_root)), real)
        results.append(SizeSpeed(count, speeds))
        print(row(results[-1]), flush=True)
    for size in results:
        print(f"\n{size.plans} plans: | query | lang | ms | KB | share (synthetic) | share (real) |")
        for q in size.queries:
            print(f"| {q.query.query} | {q.query.lang} | {q.ms:.0f} | {q.bytes_fetched / 1000:.0f} | "
                  f"{q.share:.1%} | {q.real_share:.1%} |")
    return results
