"""Where each generated page lives, and relative links between pages."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypeVar

from pypinyin import lazy_pinyin

PAGE_SIZE = 50  # entries per index page
GALLERY_PAGE_SIZE = 20  # part texts per gallery page: they are long

T = TypeVar("T")


def pinyin_slug(text: str) -> str:
    """URL-safe slug of a Chinese label: 教科室 → jiaokeshi."""
    slug = "-".join(lazy_pinyin(text)).lower()
    slug = re.sub(r"[^a-z0-9]+", "", slug)
    return slug or "x"


@lru_cache(maxsize=None)
def pinyin_key(text: str) -> str:
    """Sort key: Chinese by pinyin, as a reader expects an alphabetical list."""
    return " ".join(lazy_pinyin(text)).lower()


def plan_uri(plan_id: str) -> str:
    return f"plan/{plan_id}.md"


def browse_uri(*parts: str) -> str:
    return "/".join(("browse", *parts, "index.md"))


def gallery_uri(kind: str) -> str:
    return f"parts/{kind}/index.md"


def chunked(items: list[T], size: int) -> list[list[T]]:
    """An index's entries as pages of `size`; an empty index still has its (empty) first page."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [[]]


def paged_uri(first_uri: str, page: int) -> str:
    """The n-th page of an index whose first page is `first_uri` (…/index.md)."""
    if page == 1:
        return first_uri
    return first_uri.removesuffix("index.md") + f"page-{page}.md"


@lru_cache(maxsize=65536)
def relative(from_uri: str, to_uri: str) -> str:
    """A Markdown link from one page to another, both given from the docs root (…/x.md)."""
    source = from_uri.split("/")[:-1]
    target = to_uri.split("/")
    common = 0
    while common < len(source) and common < len(target) - 1 and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])
