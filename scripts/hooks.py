"""MkDocs hooks: add the plan library and its generated pages to the build.

Thin adapter: planlib loads and validates the plans and returns pages as
plain data; these hooks only hand them to MkDocs. Nothing is copied into
docs/ and nothing generated is written to the repository.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from planlib.downloads import reader_settings
from planlib.history import added_times
from planlib.library import load_library
from planlib.csp import with_policy
from planlib.labels import script_words
from planlib.mkdocs_adapter import (add_files, add_pages, generated_page, insert_into_toc, languages, output_clashes,
                                    table_of_contents)
from planlib.pages.catalog import filter_names, filter_values
from planlib.pages.home import MARKER, overview
from planlib.pages.page import Outline, VirtualFile
from planlib.problems import ProblemError, shown
from planlib.redirects import load_redirects, redirect_files
from planlib.render import Renderer
from planlib.sanitize import clean_html
from planlib.search.indexer import SearchIndexError, index_site
from planlib.site import SiteData, prepare, site_files, site_pages

log = logging.getLogger("mkdocs.plugins.planlib")


@dataclass
class _Build:
    """What one build (all its languages) shares between hook calls."""

    config_id: int
    data: SiteData
    added: dict[str, float]
    renderer: Renderer
    redirects: dict[str, str]  # old plan id -> current id (redirects.yml)
    downloads: list[VirtualFile] | None = None


_state: _Build | None = None
_serving = False  # `mkdocs serve`: pages get its inline live-reload script


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def _build() -> _Build:
    assert _state is not None, "on_config runs before every other hook"
    return _state


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load and validate the library once per build; report every problem (a strict build then stops)."""
    global _state
    root = Path(config.config_file_path).parent
    if _state is not None and _state.config_id == id(config):  # a further language of the same build
        return config
    started = time.perf_counter()
    try:
        library = load_library(root)
    except ProblemError as error:
        raise PluginError(f"plans/taxonomy.yml has problems:\n{error}") from None
    redirects, redirect_problems = load_redirects(root, {plan.id for plan in library.plans})
    # each blocking problem once, as `planlib check` prints it (at most 100 a file, every value escaped); as
    # warnings, a strict build fails and `mkdocs serve` goes on, without the plans that have them
    for problem in shown(library.errors + redirect_problems):
        log.warning(problem.format())
    loaded = time.perf_counter()
    data = prepare(library)
    paths = {plan.id: root / plan.path for plan in library.plans}
    templates = Path(config.theme.custom_dir or root / "overrides") / "planlib"
    _state = _Build(config_id=id(config), data=data, added=added_times(root, paths), renderer=Renderer(templates),
                    redirects=redirects)
    held_back = len({problem.path for problem in library.errors})
    log.info(f"planlib: {len(library.plans)} plans loaded in {loaded - started:.2f} s, "
             f"indexes prepared in {time.perf_counter() - loaded:.2f} s"
             + (f"; {held_back} files with problems are not published" if held_back else ""))
    return config


@event_priority(-110)  # after mkdocs-static-i18n has laid out the files of this language
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages (plans, indexes, galleries) as virtual files."""
    build = _build()
    data = build.data
    lang, all_langs = languages(config)
    started = time.perf_counter()
    pages = site_pages(data, lang)
    nav_uris = {item for item in _nav_paths(config.nav or [])}
    add_pages(files, config, pages, nav_uris)
    config.extra["planlib_filters"] = filter_values(data.catalog, lang)  # the search dialog's chips
    config.extra["planlib_filter_names"] = filter_names(data.catalog.taxonomy, lang)
    config.extra["planlib_languages"] = all_langs  # the default first: plan pages are indexed once, for all
    config.extra["planlib_words"] = script_words(lang)  # what the reader tools and the search dialog say
    config.extra["planlib_reader"] = reader_settings()  # the Word template and its fonts, for the reader tools
    log.info(f"planlib: {len(pages)} pages generated for '{lang}' in {time.perf_counter() - started:.2f} s")
    if build.downloads is None:
        started = time.perf_counter()
        build.downloads = site_files(data)
        log.info(f"planlib: {len(build.downloads)} downloads made in {time.perf_counter() - started:.2f} s")
    add_files(files, config, build.downloads)
    add_files(files, config, redirect_files(build.redirects, lang, all_langs[0], build.renderer))
    clashes = output_clashes(files)
    if clashes:  # one would silently replace the other
        raise PluginError("two files of the site would have the same name:\n" + "\n".join(clashes))
    return files


@event_priority(-120)  # after mkdocs-static-i18n has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    """Index the finished site with Pagefind (once, when every language is built)."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    started = time.perf_counter()
    try:
        report = index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(f"search index: {error}") from None
    log.info(f"planlib: search index of {report.pages} pages ({', '.join(report.languages)}), "
             f"{report.bundle_bytes / 1e6:.1f} MB, made in {time.perf_counter() - started:.2f} s")


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's content is its view rendered by its template, reduced to the markup the site
    writes; its table of contents lists its headings. The home page gets the library's overview."""
    build = _build()
    lang, _ = languages(config)
    generated = generated_page(page.file)
    if generated is not None:
        page.toc = table_of_contents(generated.headings)
        return clean_html(build.renderer.render(generated, lang))
    if page.file.src_uri.split(".")[0] == "index" and MARKER in html:
        outline = Outline()
        view = overview(build.data.catalog, lang, build.added, outline)
        before, after = html.split(MARKER, 1)
        insert_into_toc(page.toc, before, outline.headings)
        return before + build.renderer.fragment("home.html", view, lang) + after
    return html


@event_priority(-200)  # last: the page as it will be written
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Give every page its Content-Security-Policy (the theme's scripts only, never the content's)."""
    return with_policy(output, page.content or "", live_reload=_serving)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same policy for the pages made from templates alone (404.html)."""
    return with_policy(output_content, live_reload=_serving) if template_name.endswith(".html") else output_content


def _nav_paths(nav: list) -> list[str]:
    paths: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            paths.extend(_nav_paths(value))
        elif isinstance(value, str):
            paths.append(value)
    return paths
