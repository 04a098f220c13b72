"""The one place that knows MkDocs: generated pages → MkDocs `File`s, per language; tables of contents.

Pages are written language-neutral (browse/index.md). For a translated
build (mkdocs-static-i18n), a page becomes `browse/index.<lang>.md` with
its output under `<lang>/`, the naming the i18n plugin uses, so that links
and the nav resolve the same way in every language; the page's alternates
drive the language switcher.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Container
from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import TableOfContents, get_toc

from planlib.document import Heading
from planlib.pages.page import VirtualFile, VirtualPage


@dataclass(frozen=True)
class _Alternate:
    url: str


def languages(config: MkDocsConfig) -> tuple[str, list[str]]:
    """(language being built, all languages), default first; one language without i18n."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return config.theme.get("language", "zh"), [config.theme.get("language", "zh")]
    default = plugin.default_language
    others = [lang for lang in plugin.all_languages if lang != default]
    return plugin.current_language or default, [default, *others]


def _dest(src_uri: str, use_directory_urls: bool) -> str:
    stem = src_uri.removesuffix(".md")
    if not use_directory_urls:
        return stem + ".html"
    if posixpath.basename(stem) == "index":
        return stem + ".html"
    return stem + "/index.html"


def _url(dest_uri: str, use_directory_urls: bool) -> str:
    if use_directory_urls and dest_uri.endswith("index.html"):
        return dest_uri.removesuffix("index.html")
    return dest_uri


class _GeneratedFile(File):
    """A generated page's file. In a dirty build (`mkdocs serve --dirty`) one marked `unchanged` is not
    made again: the page written by the build before stands."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()


def add_pages(files: Files, config: MkDocsConfig, pages: list[VirtualPage], nav_uris: set[str],
              unchanged: Container[str] = ()) -> dict[str, str]:
    """Add generated pages to the build of the current language; those whose src_uri is in `unchanged`
    are left as written before in a dirty build. Returns where each page is written (src_uri → dest_uri)."""
    lang, all_langs = languages(config)
    default = all_langs[0]
    directory_urls = config.use_directory_urls
    written: dict[str, str] = {}
    for page in pages:
        neutral_dest = _dest(page.src_uri, directory_urls)
        src_uri = page.src_uri if lang == default else page.src_uri.removesuffix(".md") + f".{lang}.md"
        inclusion = InclusionLevel.INCLUDED if page.src_uri in nav_uris else InclusionLevel.NOT_IN_NAV
        file = _GeneratedFile.generated(config, src_uri, content=page.content, inclusion=inclusion)
        assert isinstance(file, _GeneratedFile)
        file.unchanged = page.src_uri in unchanged
        setattr(file, "planlib_page", page)  # the view its template renders (generated_page)
        file.dest_uri = neutral_dest if lang == default else f"{lang}/{neutral_dest}"
        file.name = posixpath.basename(page.src_uri).removesuffix(".md")
        # what mkdocs-static-i18n reads to link a page to its other languages
        setattr(file, "locale", lang)
        setattr(file, "locale_alternate_of", lang)
        setattr(file, "alternates", {other: _Alternate(_url(neutral_dest if other == default else f"{other}/{neutral_dest}",
                                                             directory_urls)) for other in all_langs})
        files.append(file)
        written[page.src_uri] = file.dest_uri
    return written


def generated_page(file: File) -> VirtualPage | None:
    """The generated page a MkDocs file was made from, if it is one."""
    found = getattr(file, "planlib_page", None)
    return found if isinstance(found, VirtualPage) else None


def make_again(file: File) -> None:
    """Have a dirty build make this page of docs/ again although its source did not change (what it shows
    of the library did, or what every page shares)."""
    setattr(file, "is_modified", lambda: True)


def release_page(file: File) -> None:
    """Let go of the view a generated page was made from (after its page is made)."""
    setattr(file, "planlib_page", None)


def add_files(files: Files, config: MkDocsConfig, downloads: list[VirtualFile]) -> list[str]:
    """Add generated downloads (same path in every language) to the build; returns where they are written."""
    written = []
    for download in downloads:
        file = File.generated(config, download.src_uri, content=download.data)
        if download.dest_uri:
            file.dest_uri = download.dest_uri
        files.append(file)
        written.append(file.dest_uri)
    return written


def table_of_contents(headings: list[Heading]) -> TableOfContents:
    """A page's table of contents from its headings, nested by level, as the toc extension makes it."""
    return get_toc(_tokens(headings))  # type: ignore[arg-type]


def insert_into_toc(toc: TableOfContents, html_before: str, headings: list[Heading]) -> None:
    """Add headings to a page's table of contents where they stand: after the headings of `html_before`."""
    items = toc.items
    if len(items) == 1 and items[0].level == 1:  # the page's title: the others are its children
        items = items[0].children
    position = sum(1 for item in items if f'id="{item.id}"' in html_before)
    items[position:position] = get_toc(_tokens(headings)).items  # type: ignore[arg-type]


def _tokens(headings: list[Heading]) -> list[dict]:
    root: list[dict] = []
    stack: list[dict] = []
    for heading in headings:
        entry = {"level": heading.level, "id": heading.anchor, "name": html.escape(heading.text), "children": []}
        while stack and stack[-1]["level"] >= heading.level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(entry)
        stack.append(entry)
    return root


def output_clashes(files: Files) -> list[str]:
    """Files that the build would write to the same place (letter case aside, as on a USB stick)."""
    seen: dict[str, str] = {}
    clashes = []
    for file in files:
        key = file.dest_uri.casefold()
        if key in seen:
            clashes.append(f"{file.dest_uri}: from {seen[key]} and from {file.src_uri}")
        else:
            seen[key] = file.src_uri
    return clashes
