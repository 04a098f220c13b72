"""The generated part of the home page: counts, latest additions, ways in.

The home page is hand-written (docs/index.md); where it says
<!-- planlib:overview -->, the overview (overrides/planlib/home.html) goes.
"""

from __future__ import annotations

from dataclasses import dataclass

from planlib import facets, urls
from planlib.document import Heading
from planlib.labels import t
from planlib.model import Plan
from planlib.pages.catalog import Catalog
from planlib.pages.entries import PlanEntry, entry
from planlib.pages.page import Link, Outline

MARKER = "<!-- planlib:overview -->"
LATEST = 8
HOME_FACETS = (("by_sector_short", "sector"), ("by_section", "section"), ("by_year", "year"))


@dataclass(frozen=True)
class OverviewView:
    heading: Heading
    total: str
    facets: list[tuple[str, list[Link]]]  # (heading, a link per value with its count)
    browse: Link
    latest_heading: Heading | None
    latest: list[PlanEntry]


def overview(catalog: Catalog, lang: str, added: dict[str, float], outline: Outline) -> OverviewView:
    """The home page's overview: counts by sector, section and year, and the latest plans."""
    tax, uri = catalog.taxonomy, urls.HOME
    heading = outline.heading(2, t("overview", lang))
    rows = []
    for label, key in HOME_FACETS:
        facet = facets.facet(key)
        links = [Link(facet.label(value, tax, lang), urls.href(uri, group.uri), count=str(len(group.plans)))
                 for value in catalog.values(key) if (group := catalog.group(key, value)) is not None]
        rows.append((t(label, lang), links))
    latest = _latest(catalog.plans, added)
    latest_heading = outline.heading(2, t("latest", lang)) if latest else None
    return OverviewView(heading, t("total", lang, n=len(catalog.plans)), rows,
                        Link(f"{t('all_browse', lang)} →", urls.href(uri, urls.browse())), latest_heading,
                        [entry(plan, uri, tax, lang) for plan in latest])


def _latest(plans: list[Plan], added: dict[str, float]) -> list[Plan]:
    return sorted(plans, key=lambda p: (-added.get(p.id, 0.0), p.id))[:LATEST]
