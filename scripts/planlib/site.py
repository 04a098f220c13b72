"""Every generated page and file of the site, per language, from the library."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from planlib.calendar.data import CalendarData, iter_calendar_files, prepare_calendar
from planlib.calendar.pages import calendar_pages, plan_timeline
from planlib.downloads import download_files
from planlib.library import Library
from planlib.pages.catalog import Catalog, build_catalog
from planlib.pages.galleries import all_gallery_pages
from planlib.pages.indexes import index_pages
from planlib.pages.page import VirtualFile, VirtualPage
from planlib.pages.plan_page import plan_page
from planlib.pages.related import related_plans


@dataclass
class SiteData:
    """What all languages share, computed once per build."""

    catalog: Catalog
    related: dict[str, list[str]]
    calendar: CalendarData
    word: bool = True  # offer .docx downloads


def prepare(library: Library, today: datetime.date, word: bool = True) -> SiteData:
    """Indexes, related plans and calendars of the plans the site publishes (no blocking problem)."""
    plans = library.publishable
    catalog = build_catalog(plans, library.taxonomy)
    return SiteData(catalog, related_plans(catalog.plans, library.taxonomy),
                    prepare_calendar(catalog, library.taxonomy.activity_kinds, today), word)


def site_pages(data: SiteData, lang: str) -> list[VirtualPage]:
    """Plan pages (duplicates too, linked from their original), indexes, galleries, calendars."""
    catalog = data.catalog
    pages = [plan_page(catalog, plan, data.related.get(plan.id, []), lang,
                       timeline=plan_timeline(catalog, plan, data.calendar, lang), word=data.word)
             for plan in catalog.all_by_id.values()]
    pages += index_pages(catalog, lang)
    pages += all_gallery_pages(catalog, lang)
    pages += calendar_pages(catalog, data.calendar, lang)
    return pages


def site_files(data: SiteData, cache: Path | None = None) -> Iterator[VirtualFile]:
    """Generated downloads, the same in every language: .ics calendars, .md and .docx plans, made as
    they are asked for."""
    yield from iter_calendar_files(data.catalog, data.calendar)
    yield from download_files(list(data.catalog.all_by_id.values()), cache, data.word)
