"""MkDocs hooks: add the plan library and its generated pages to the build.

Thin adapter: planlib loads and validates the plans and returns pages as
plain data; these hooks only hand them to MkDocs. Nothing is copied into
docs/ and nothing generated is written to the repository.
"""

from __future__ import annotations

import gc
import logging
import time
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from planlib.downloads import reader_settings
from planlib.history import added_times
from planlib.library import load_library
from planlib.csp import with_policy
from planlib.labels import script_words
from planlib.mkdocs_adapter import (add_files, add_pages, generated_page, insert_into_toc, languages, make_again,
                                    output_clashes, release_page, table_of_contents)
from planlib.pages.catalog import filter_names, filter_values
from planlib.pages.home import MARKER, overview
from planlib.pages.page import Outline, VirtualFile, VirtualPage
from planlib.preview import Preview, shared_seed
from planlib.problems import ProblemError, shown
from planlib.redirects import load_redirects, redirect_files
from planlib.render import Renderer
from planlib.sanitize import clean_html
from planlib.search.indexer import SearchIndexError, index_site
from planlib.site import SiteData, prepare, site_files, site_pages

log = logging.getLogger("mkdocs.plugins.planlib")
GC_THRESHOLDS = (100_000, 50, 1_000)  # objects made before a young collection; young before older ones


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
_preview: Preview | None = None  # `mkdocs serve --dirty`: what each build keeps for the next


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _preview
    _serving = command == "serve"
    if _serving and dirty:
        _preview = Preview()
    # A build makes millions of objects that live until it ends (plans, their trees, pages); Python's
    # default collector scans them all again and again, a third of the time of a rebuild under serve.
    gc.set_threshold(*GC_THRESHOLDS)


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
    if _preview is not None:
        gc.unfreeze()
        _preview.plans.start()
        _preview.plan_pages.start()
    try:
        library = load_library(root, loader=_preview.plans.load if _preview is not None else None)
    except ProblemError as error:
        raise PluginError(f"plans/taxonomy.yml has problems:\n{error}") from None
    if _preview is not None:
        _preview.plans.finish()
    redirects, redirect_problems = load_redirects(root, {plan.id for plan in library.plans})
    # each blocking problem once, as `planlib check` prints it (at most 100 a file, every value escaped); as
    # warnings, a strict build fails and `mkdocs serve` goes on, without the plans that have them
    for problem in shown(library.errors + redirect_problems):
        log.warning(problem.format())
    loaded = time.perf_counter()
    data = prepare(library)
    paths = {plan.id: root / plan.path for plan in library.plans}
    templates = _theme_overrides(config) / "planlib"
    renderer = Renderer(templates, _preview.templates if _preview is not None else None)
    _state = _Build(config_id=id(config), data=data, added=added_times(root, paths), renderer=renderer,
                    redirects=redirects)
    if _preview is not None:
        # what this build keeps (the plans, their pages' data) is not scanned by the collector while it runs;
        # the next build hands it back, with what it no longer needs (gc.unfreeze, above)
        gc.freeze()
    held_back = len({problem.path for problem in library.errors})
    read_again = f" ({_preview.plans.read} read again)" if _preview is not None else ""
    log.info(f"planlib: {len(library.plans)} plans loaded{read_again} in {loaded - started:.2f} s, "
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
    pages = site_pages(data, lang, _preview.plan_pages.reuse if _preview is not None else None)
    nav_uris = {item for item in _nav_paths(config.nav or [])}
    shared = {
        "planlib_filters": filter_values(data.catalog, lang),  # the search dialog's chips
        "planlib_filter_names": filter_names(data.catalog.taxonomy, lang),
        "planlib_languages": all_langs,  # the default first: plan pages are indexed once, for all
        "planlib_words": script_words(lang),  # what the reader tools and the search dialog say
        "planlib_reader": reader_settings(),  # the Word template and its fonts, for the reader tools
    }
    config.extra.update(shared)
    if build.downloads is None:
        build.downloads = site_files(data)
    generated_files = build.downloads + redirect_files(build.redirects, lang, all_langs[0], build.renderer)
    if _preview is None:
        add_pages(files, config, pages, nav_uris)
        add_files(files, config, generated_files)
    else:
        _add_changed(_preview, files, config, pages, nav_uris, shared, generated_files)
    log.info(f"planlib: {len(pages)} pages generated for '{lang}' in {time.perf_counter() - started:.2f} s, "
             f"with {len(generated_files)} other files"
             + (f"; {_preview.plan_pages.reused} plan pages kept, {_preview.pages.made} pages to write"
                if _preview is not None else ""))
    clashes = output_clashes(files)
    if clashes:  # one would silently replace the other
        raise PluginError("two files of the site would have the same name:\n" + "\n".join(clashes))
    return files


def _add_changed(preview: Preview, files: Files, config: MkDocsConfig, pages: list[VirtualPage], nav_uris: set[str],
                 shared: dict, generated_files: list[VirtualFile]) -> None:
    """A dirty build under serve: the pages whose inputs changed since the build before are made again,
    the others stand as written; pages and files no longer generated are removed. When what every page
    shares changed, or the library's overview, the pages of docs/ are made again too."""
    lang, _ = languages(config)
    seed = shared_seed(lang, Path(config.config_file_path).read_bytes(), [_theme_overrides(config)], shared)
    preview.pages.start()
    prints = {page.src_uri: preview.plan_pages.fingerprint(lang, page, seed) for page in pages}
    unchanged = {uri for uri, print_ in prints.items() if not preview.pages.changed(lang, uri, print_)}
    outputs = {uri: (prints[uri], dest) for uri, dest in add_pages(files, config, pages, nav_uris, unchanged).items()}
    outputs |= {dest: (b"", dest) for dest in add_files(files, config, generated_files)}  # always written
    site = Path(config.site_dir)
    for dest in preview.pages.record(lang, outputs):
        (site / dest).unlink(missing_ok=True)
    build = _build()
    everything = preview.seed_changed(lang, seed)
    home = preview.home_changed(lang, overview(build.data.catalog, lang, build.added, Outline()), seed)
    for file in files.documentation_pages():
        if generated_page(file) is None and (everything or (home and _is_home(file))):
            make_again(file)


def _theme_overrides(config: MkDocsConfig) -> Path:
    """The theme's custom_dir: Material's overrides and our templates (overrides/planlib/)."""
    return Path(config.theme.custom_dir or Path(config.config_file_path).parent / "overrides")


def _is_home(file: File) -> bool:
    return file.src_uri.split(".")[0] == "index"


@event_priority(-120)  # after mkdocs-static-i18n has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    """Index the finished site with Pagefind (once, when every language is built); under
    `mkdocs serve --dirty`, in the background (search.refresh)."""
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    if _preview is not None:
        _preview.plan_pages.finish()
        _preview.search.request(Path(config.site_dir))
        return
    started = time.perf_counter()
    try:
        report = index_site(Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(f"search index: {error}") from None
    log.info(f"planlib: search index of {report.pages} pages ({', '.join(report.languages)}), "
             f"{report.bundle_bytes / 1e6:.1f} MB, made in {time.perf_counter() - started:.2f} s")


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Under `mkdocs serve --dirty`, the theme's templates are compiled once, not at every build."""
    if _preview is not None:
        env.bytecode_cache = _preview.templates
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's table of contents lists its headings; its content is made when the page is
    written (on_page_context), so that the build never holds the HTML of every page at once. The home
    page gets the library's overview."""
    build = _build()
    lang, _ = languages(config)
    generated = generated_page(page.file)
    if generated is not None:
        page.toc = table_of_contents(generated.headings)
        return ""
    if _is_home(page.file) and MARKER in html:
        outline = Outline()
        view = overview(build.data.catalog, lang, build.added, outline)
        before, after = html.split(MARKER, 1)
        insert_into_toc(page.toc, before, outline.headings)
        return before + build.renderer.fragment("home.html", view, lang) + after
    return html


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    """A generated page's content: its view rendered by its template, reduced to the markup the site
    writes. The view is let go: nothing needs it once its page is made."""
    generated = generated_page(page.file)
    if generated is not None:
        lang, _ = languages(config)
        page.content = clean_html(_build().renderer.render(generated, lang))
        release_page(page.file)
    return context


@event_priority(-200)  # last: the page as it will be written
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Give every page its Content-Security-Policy (the theme's scripts only, never the content's). Its
    content is let go once the page is made: MkDocs would hold every page's until the build ends."""
    output = with_policy(output, page.content or "", live_reload=_serving)
    page.content = None
    return output


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
