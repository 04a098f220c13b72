"""Part galleries: one kind of part (指导思想, 月度安排 …) from every plan, side by side."""

from __future__ import annotations

from dataclasses import dataclass

from planlib import urls
from planlib.anchors import part_anchor
from planlib.document import Heading
from planlib.labels import t
from planlib.pages.catalog import Catalog
from planlib.pages.entries import PlanEntry, entry
from planlib.pages.page import Outline, VirtualPage
from planlib.pagination import GALLERY_PAGE_SIZE, PagerLink, paged_title, paginate


@dataclass(frozen=True)
class GalleryEntry:
    title: str  # the part's own title
    anchor: str
    plan_id: str
    html: str  # the part's text, from its plan's document tree
    source: PlanEntry


@dataclass(frozen=True)
class GalleryView:
    heading: Heading
    count: str
    pager: list[PagerLink] | None
    entries: list[GalleryEntry]


def gallery_pages(catalog: Catalog, kind: str, lang: str) -> list[VirtualPage]:
    tax = catalog.taxonomy
    parts = catalog.parts.get(kind, [])
    title = t("gallery_title", lang, kind=tax.label("part_kinds", kind, lang))
    pages = []
    for page in paginate(parts, GALLERY_PAGE_SIZE, urls.gallery(kind), lang):
        outline = Outline()
        heading = outline.heading(1, paged_title(title, page.number, lang))
        entries = [GalleryEntry(part.title, part_anchor(plan.id, plan.parts.index(part)), plan.id, part.html,
                                entry(plan, page.uri, tax, lang)) for plan, part in page.items]
        view = GalleryView(heading, t("parts_count", lang, n=len(parts)), page.pager, entries)
        pages.append(VirtualPage(page.uri, heading.text, "gallery.html", view, outline.headings,
                                 {"plan_index": "gallery"}))
    return pages


def all_gallery_pages(catalog: Catalog, lang: str) -> list[VirtualPage]:
    return [page for kind in catalog.gallery_kinds() for page in gallery_pages(catalog, kind, lang)]
