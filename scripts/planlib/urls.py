"""Where every generated page and file lives, and the relative links between them.

Pages are named by their source path in the docs tree (browse/year/2023/index.md,
plan/x.md), as MkDocs names pages; a page is served at its directory URL
(browse/year/2023/, plan/x/), and a link is written relative to the page it
is on, so that the site works from any folder (a USB stick, a sub-path).
The Word template is a file, served where it is named; every download a
reader takes (.docx, .md, .ics) is made in the browser.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from pypinyin import lazy_pinyin

HOME = "index.md"
CALENDAR = "calendar/index.md"


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

WORD_TEMPLATE = "assets/word/plan-template.docx"  # the styled template the browser fills (planlib.word)


# -- links ---------------------------------------------------------------------------

def served(uri: str) -> str:
    """The URL path a page or file is served at: browse/index.md → browse/, plan/x.md → plan/x/."""
    if uri.endswith(".md"):
        stem = uri.removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            return stem.removesuffix("index")
        return stem + "/"
    return uri


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
