"""Where every generated page and file lives, and the relative links between them.

Pages are named by their source path in the docs tree (browse/year/2023/index.md,
plan/x.md), as MkDocs names pages; a page is served at its directory URL
(browse/year/2023/, plan/x/), and a link is written relative to the page it
is on, so that the site works from any folder (a USB stick, a sub-path).
Downloads (.docx, .md, .ics) are files, served where they are named.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from pypinyin import lazy_pinyin

HOME = "index.md"
CALENDAR = "calendar/index.md"
PLAN_ICS = "calendar/ics/plan"  # a folder per plan, its .ics files in it


# -- pages ---------------------------------------------------------------------------

def plan(plan_id: str) -> str:
    return f"plan/{plan_id}.md"


def browse(*parts: str) -> str:
    return "/".join(("browse", *parts, "index.md"))


def gallery(kind: str) -> str:
    return f"parts/{kind}/index.md"


def month(number: int) -> str:
    return f"calendar/month-{number:02d}/index.md"


def paged(first: str, page: int) -> str:
    """The n-th page of an index whose first page is `first` (…/index.md)."""
    if page == 1:
        return first
    return first.removesuffix("index.md") + f"page-{page}.md"


# -- files ---------------------------------------------------------------------------

def docx(plan_id: str) -> str:
    return f"downloads/{plan_id}.docx"


def markdown_download(plan_id: str) -> str:
    """How pages link to a plan's .md download (a name MkDocs will not take for a page)."""
    return f"downloads/{plan_id}.md-download"


def markdown_download_dest(plan_id: str) -> str:
    return f"downloads/{plan_id}.md"


def plan_ics(plan_id: str, year_key: str) -> str:
    """One folder per plan: plan cd's 2026-2027 and plan cd-2026's 2027 must not share a name."""
    return f"{PLAN_ICS}/{plan_id}/{year_key}.ics"


def month_ics(number: int, year: int, page: int) -> str:
    suffix = "" if page == 1 else f"-page-{page}"
    return f"calendar/ics/month/{number:02d}-{year}{suffix}.ics"


def file_name(uri: str) -> str:
    """The name a download is saved under: a plan's .ics as <plan>-<year>.ics, from its plan's folder."""
    folder, name = posixpath.split(uri)
    if posixpath.dirname(folder) == PLAN_ICS:
        return f"{posixpath.basename(folder)}-{name}"
    return name.removesuffix("-download")


# -- links ---------------------------------------------------------------------------

def served(uri: str) -> str:
    """The URL path a page or file is served at: browse/index.md → browse/, plan/x.md → plan/x/."""
    if uri.endswith(".md"):
        stem = uri.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"
    if uri.endswith(".md-download"):
        return uri.removesuffix("-download")
    return uri


def file_href(from_uri: str, to_uri: str, lang: str, default_lang: str) -> str:
    """The link to a download: files are written once, at the site's root, for every language, and
    the pages of a language other than the default are served from its folder (en/…)."""
    return href(from_uri if lang == default_lang else f"{lang}/{from_uri}", to_uri)


@lru_cache(maxsize=65536)
def href(from_uri: str, to_uri: str) -> str:
    """The relative link from one page to a page or file (both named from the docs root)."""
    here = served(from_uri)
    target = served(to_uri)
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    relative = posixpath.relpath(target or ".", base or ".")
    if relative == ".":
        return "./"
    directory = target == "" or target.endswith("/")
    return relative + "/" if directory and not relative.endswith("/") else relative


# -- slugs of Chinese labels -----------------------------------------------------------

def pinyin_slug(text: str) -> str:
    """URL-safe slug of a Chinese label: 教科室 → jiaokeshi."""
    slug = "-".join(lazy_pinyin(text)).lower()
    slug = re.sub(r"[^a-z0-9]+", "", slug)
    return slug or "x"


@lru_cache(maxsize=None)
def pinyin_key(text: str) -> str:
    """Sort key: Chinese by pinyin, as a reader expects an alphabetical list."""
    return " ".join(lazy_pinyin(text)).lower()
