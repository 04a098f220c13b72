"""Index a built site with Pagefind (extended build: Chinese word segmentation).

Only content marked `data-pagefind-body` is indexed (plan pages and
hand-written pages, not indexes, navigation or buttons). The plans are Chinese
in both language versions of the site, and Pagefind segments Chinese only in
an index whose language is Chinese; so there is one index, segmented as
Chinese (English text is split into words as usual), and each page carries a
`lang` filter that the search dialog sets to the page's language. A plan page
is indexed once, in the default language, with every language as its `lang`
(its text does not change with the interface language). A small
traditional → simplified character map, limited to the characters of the site,
lets a query typed in traditional characters find the simplified text.

Pagefind is handed only the pages marked `data-pagefind-body` (as a glob
naming each): it would otherwise read and hold every page of both language
trees to find out that most are not to be indexed, which at 2,000 plans took
two thirds of its time and half of its memory. The index is the same.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import zhconv
from pagefind.index import IndexConfig, PagefindIndex

BUNDLE = "pagefind"
INDEX_LANGUAGE = "zh"
T2S_FILE = "t2s.json"
EXCLUDE = [".headerlink", ".md-button", "nav", ".plan-breadcrumbs", ".plan-card", ".plan-timeline",
           ".plan-related", ".copy-button", ".fill-panel", ".md-source-file"]
CJK_RE = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class IndexReport:
    pages: int
    languages: list[str]
    bundle_bytes: int


class _Written(Exception):
    """Leaves the PagefindIndex context after our own write, so that it does not write again."""

    def __init__(self, pages: int) -> None:
        super().__init__(pages)
        self.pages = pages


def _bundle_state(bundle: Path) -> tuple[int, int]:
    files = [p for p in bundle.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


async def _settle(bundle: Path, interval: float = 0.1, timeout: float = 60.0) -> None:
    """Wait until Pagefind's writes have landed: the service answers before its files are complete,
    and closing it at once can leave them truncated."""
    stable, last, waited = 0, None, 0.0
    while stable < 3 and waited < timeout:
        await asyncio.sleep(interval)
        waited += interval
        state = _bundle_state(bundle)
        stable = stable + 1 if state == last else 0
        last = state


BODY_MARK = "data-pagefind-body"
_GLOB_SPECIAL_RE = re.compile(r"([?*$:<>()\[\]{},\\])")


@dataclass
class SitePages:
    """What indexing needs of the written pages: those to index, and every character they use."""

    searchable: list[str]  # paths relative to the site, with /
    chars: set[str]


def read_pages(site: Path) -> SitePages:
    """One pass over the site's pages."""
    searchable: list[str] = []
    chars: set[str] = set()
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8", errors="ignore")
        chars.update(text)  # a set of characters: C speed
        if BODY_MARK in text:
            searchable.append(page.relative_to(site).as_posix())
    return SitePages(searchable, chars)


def pages_glob(paths: list[str]) -> str:
    """A glob (Pagefind's wax syntax) that matches exactly these paths."""
    return "{" + ",".join(_GLOB_SPECIAL_RE.sub(r"\\\1", path) for path in paths) + "}"


async def _index(site: Path, searchable: list[str], bundle: Path) -> int:
    config = IndexConfig(root_selector="html", exclude_selectors=EXCLUDE, output_path=str(bundle),
                         force_language=INDEX_LANGUAGE)
    try:
        async with PagefindIndex(config=config) as index:
            # with no page marked, Pagefind indexes every page: so does a glob of none
            response = await index.add_directory(path=str(site), glob=pages_glob(searchable) if searchable else None)
            await index.write_files()
            await _settle(bundle)
            raise _Written(int(response["page_count"]))
    except _Written as written:
        return written.pages


def traditional_map(site: Path, chars: set[str] | None = None) -> dict[str, str]:
    """Traditional → simplified, for every Chinese character used in the site's pages (`chars`, when
    they have been read already)."""
    used = read_pages(site).chars if chars is None else chars
    mapping = {}
    for char in sorted(char for char in used if CJK_RE.match(char)):
        traditional = zhconv.convert(char, "zh-hant")
        if traditional != char and len(traditional) == 1:
            mapping[traditional] = char
    return mapping


def _run_index(site: Path, searchable: list[str], bundle: Path) -> int:
    """Run the indexing, also when the caller's thread already runs an event loop (a build started
    from asynchronous code): then in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_index(site, searchable, bundle))
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(_index(site, searchable, bundle))).result()


class SearchIndexError(Exception):
    """The search index could not be made; the message says what is missing."""


def index_site(site: Path, bundle: Path | None = None) -> IndexReport:
    """Write the Pagefind bundle (and the character map) of the pages of `site` into `bundle`
    (`site`/pagefind unless named)."""
    bundle = bundle or site / BUNDLE
    if bundle.exists():
        shutil.rmtree(bundle)
    found = read_pages(site)
    pages = _run_index(site, found.searchable, bundle)
    for name in ("pagefind.js", "pagefind-entry.json", "wasm.unknown.pagefind"):
        if not (bundle / name).is_file() or (bundle / name).stat().st_size == 0:
            raise SearchIndexError(f"Pagefind did not write {BUNDLE}/{name}")
    (bundle / T2S_FILE).write_text(json.dumps(traditional_map(site, found.chars), ensure_ascii=False, separators=(",", ":")),
                                   encoding="utf-8")
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    languages = sorted(entry.get("languages", {}))
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    return IndexReport(pages, languages, size)
