"""Every generated page and file of the site, per language, from the library."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planlib.calendar.data import CalendarData, prepare_calendar
from planlib.calendar.pages import calendar_pages, plan_timeline
from planlib.downloads import download_files
from planlib.library import Library
from planlib.model import Plan
from planlib.pages.catalog import Catalog, build_catalog
from planlib.pages.galleries import all_gallery_pages
from planlib.pages.indexes import index_pages
from planlib.pages.page import VirtualFile, VirtualPage
from planlib.pages.plan_page import plan_page, plan_page_inputs
from planlib.pages.related import related_plans


@dataclass
class SiteData:
    """What all languages share, computed once per build."""

    catalog: Catalog
    related: dict[str, list[str]]
    calendar: CalendarData


def prepare(library: Library) -> SiteData:
    """Indexes, related plans and calendars of the plans the site publishes (no blocking problem)."""
    plans = library.publishable
    catalog = build_catalog(plans, library.taxonomy)
    return SiteData(catalog, related_plans(catalog.plans, library.taxonomy), prepare_calendar(catalog))


Reuse = Callable[[tuple[object, ...], Callable[[], VirtualPage]], VirtualPage]


def site_pages(data: SiteData, lang: str, reuse: Reuse | None = None) -> list[VirtualPage]:
    """Plan pages (duplicates too, linked from their original), indexes, galleries, calendars. With `reuse`
    (preview.PageMemo.reuse), a plan page whose inputs are those of the build before is that page."""
    catalog = data.catalog

    def page_of(plan: Plan) -> VirtualPage:
        related = data.related.get(plan.id, [])

        def make() -> VirtualPage:
            return plan_page(catalog, plan, related, lang, timeline=plan_timeline(catalog, plan, data.calendar, lang))
        return make() if reuse is None else reuse(plan_page_inputs(catalog, plan, related, lang), make)

    pages = [page_of(plan) for plan in catalog.all_by_id.values()]
    pages += index_pages(catalog, lang)
    pages += all_gallery_pages(catalog, lang)
    pages += calendar_pages(catalog, data.calendar, lang)
    return pages


def site_files(data: SiteData) -> list[VirtualFile]:
    """Generated files, the same in every language: the Word template the reader tools fill in."""
    return download_files()
