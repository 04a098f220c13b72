"""Every generated page of the site, per language, from the library."""

from __future__ import annotations

from dataclasses import dataclass

from planlib.library import Library
from planlib.pages.catalog import Catalog, build_catalog
from planlib.pages.galleries import all_gallery_pages
from planlib.pages.indexes import index_pages
from planlib.pages.page import VirtualPage
from planlib.pages.plan_page import plan_page
from planlib.pages.related import related_plans


@dataclass
class SiteData:
    """What all languages share, computed once per build."""

    catalog: Catalog
    related: dict[str, list[str]]


def prepare(library: Library) -> SiteData:
    catalog = build_catalog(library.plans, library.taxonomy)
    return SiteData(catalog, related_plans(catalog.plans, library.taxonomy))


def site_pages(data: SiteData, lang: str) -> list[VirtualPage]:
    """Plan pages (duplicates too, linked from their original), indexes and galleries."""
    catalog = data.catalog
    pages = [plan_page(catalog, plan, data.related.get(plan.id, []), lang) for plan in catalog.all_by_id.values()]
    pages += index_pages(catalog, lang)
    pages += all_gallery_pages(catalog, lang)
    return pages
