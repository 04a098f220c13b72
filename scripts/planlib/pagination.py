"""One way to cut a long list into pages, and the pager that links them.

Indexes, galleries and month pages all use `paginate`: so many entries a
page, every page one click from the first, pagers that stay short however
long the list.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from planlib import urls
from planlib.labels import t

PAGE_SIZE = 50  # entries per index page
GALLERY_PAGE_SIZE = 20  # part texts per gallery page: they are long
PAGER_WINDOW = 2  # pages either side of the current one that a later page links to

T = TypeVar("T")


@dataclass(frozen=True)
class PagerLink:
    label: str
    href: str | None  # None for the current page and for a gap (…)
    current: bool = False


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a paginated list: where it is, its entries, and its pager (None when alone)."""

    number: int
    count: int  # pages in all
    uri: str
    items: Sequence[T]
    pager: list[PagerLink] | None


def pager_numbers(page: int, pages: int) -> list[int | None]:
    """Page numbers a pager shows, None for a gap.

    The first page links to every page, so that each is one click from it; a
    later page links to the first, the last and its neighbours only, so that the
    pagers of an index together grow linearly with its length, not quadratically.
    """
    if page == 1:
        return list(range(1, pages + 1))
    shown = sorted({1, pages, *range(max(1, page - PAGER_WINDOW), min(pages, page + PAGER_WINDOW) + 1)})
    numbers: list[int | None] = []
    for number in shown:
        previous = numbers[-1] if numbers else None
        if previous is not None and number - previous == 2:  # a gap of one page: show the page itself
            numbers.append(previous + 1)
        elif previous is not None and number - previous > 2:
            numbers.append(None)
        numbers.append(number)
    return numbers


def _pager(first_uri: str, page: int, pages: int, lang: str) -> list[PagerLink] | None:
    if pages <= 1:
        return None
    here = urls.paged(first_uri, page)

    def link(number: int) -> str:
        return urls.href(here, urls.paged(first_uri, number))

    links = []
    if page > 1:
        links.append(PagerLink(t("previous", lang), link(page - 1)))
    for number in pager_numbers(page, pages):
        if number is None:
            links.append(PagerLink("…", None))
        else:
            links.append(PagerLink(str(number), None if number == page else link(number), number == page))
    if page < pages:
        links.append(PagerLink(t("next", lang), link(page + 1)))
    return links


def paginate(items: Sequence[T], size: int, first_uri: str, lang: str) -> list[Page[T]]:
    """The pages of a list, `size` entries each; an empty list still has its (empty) first page."""
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]
    return [Page(number, len(chunks), urls.paged(first_uri, number), chunk, _pager(first_uri, number, len(chunks), lang))
            for number, chunk in enumerate(chunks, start=1)]


def paged_title(title: str, number: int, lang: str) -> str:
    """The title of page `number` of a paginated list."""
    return title if number == 1 else f"{title} · {t('page_n', lang, n=number)}"
