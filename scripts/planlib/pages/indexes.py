"""Index views: the browse page, and a page per facet value (sector, institution, section, year …)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planlib import facets, urls
from planlib.document import Heading
from planlib.labels import PLAN_LANGUAGE, t, year_label
from planlib.pages.catalog import Catalog, Group
from planlib.pages.entries import PlanEntry, entry
from planlib.pages.page import Link, Outline, VirtualPage
from planlib.pagination import PAGE_SIZE, PagerLink, paged_title, paginate

YEAR_PAGE_FACETS = ("sector",)  # a year's page links to that year's index of each sector


@dataclass(frozen=True)
class FacetList:
    """Links to the finer indexes of an index (its institutions, its years …)."""

    heading: str
    links: list[Link]


@dataclass(frozen=True)
class IndexView:
    heading: Heading
    total: str
    facets: list[FacetList]
    pager: list[PagerLink] | None
    entries: list[PlanEntry]


def group_title(catalog: Catalog, group: Group, lang: str) -> str:
    """The title of an index: its value's name, with its parent's or its year's."""
    tax = catalog.taxonomy
    facet = facets.facet(group.kind.removesuffix("-year"))
    if group.kind.endswith("-year"):
        return f"{facet.label(group.key[0], tax, lang)} · {year_label(group.key[1], lang)}"
    if facet.within is not None:
        parent = facets.facet(facet.within)
        return f"{parent.label(group.key[0], tax, lang)} · {facet.label(group.key[1], tax, lang)}"
    return facet.label(group.key[0], tax, lang)


def _finer(catalog: Catalog, group: Group, lang: str) -> list[FacetList]:
    """Links to the finer indexes of an index: institutions and years of a sector, sectors of a year …"""
    tax, uri = catalog.taxonomy, group.uri

    def listed(heading: str, pairs: list[tuple[str, Group | None]]) -> list[FacetList]:
        present = [Link(label, urls.href(uri, g.uri), count=str(len(g.plans))) for label, g in pairs if g]
        return [FacetList(heading, present)] if present else []

    if group.kind.endswith("-year"):
        return []
    facet = facets.facet(group.kind)
    value = group.key[-1]
    lists: list[FacetList] = []
    for inner in facets.FACETS:
        if inner.within == facet.key:
            lists += listed(t("institutions_in", lang),
                            [(inner.label(v, tax, lang), catalog.group(inner.key, value, v))
                             for v in tax.group(inner.group or "")])
    if facet.by_year:
        lists += listed(t("in_years", lang), [(year_label(y, lang), catalog.group(f"{facet.key}-year", value, y))
                                             for y in catalog.years()])
    if facet is facets.YEAR:
        for key in YEAR_PAGE_FACETS:
            outer = facets.facet(key)
            lists += listed(outer.name(tax, lang), [(outer.label(v, tax, lang), catalog.group(f"{key}-year", v, value))
                                                   for v in tax.group(outer.group or "")])
    return lists


def group_pages(catalog: Catalog, group: Group, lang: str) -> list[VirtualPage]:
    """The pages of one index, 50 plans per page."""
    title = group_title(catalog, group, lang)
    finer = _finer(catalog, group, lang)
    pages = []
    for page in paginate(group.plans, PAGE_SIZE, group.uri, lang):
        outline = Outline()
        heading = outline.heading(1, paged_title(title, page.number, lang))
        view = IndexView(heading, t("total", lang, n=len(group.plans)), finer if page.number == 1 else [], page.pager,
                         [entry(plan, page.uri, catalog.taxonomy, lang, full=True) for plan in page.items])
        pages.append(VirtualPage(page.uri, heading.text, "index.html", view, outline.headings,
                                 {"plan_index": group.kind}))
    return pages


# -- the browse page -----------------------------------------------------------------

@dataclass(frozen=True)
class HubSection:
    heading: Heading
    intro: str
    items: list[tuple[Link, list[Link]]]  # an index, and the finer ones inside it


@dataclass(frozen=True)
class BrowseView:
    heading: Heading
    total: str
    sections: list[HubSection]


def _label_order(catalog: Catalog, facet: facets.Facet, lang: str) -> Callable[[Group], tuple[str, ...]]:
    """Alphabetical order of a facet's indexes: by pinyin in the plans' language, else by the translated label."""
    def key(group: Group) -> tuple[str, ...]:
        pinyin = urls.pinyin_key(group.key[0])
        if lang == PLAN_LANGUAGE:
            return (pinyin,)
        return (facet.label(group.key[0], catalog.taxonomy, lang).lower(), pinyin)
    return key


def browse_hub(catalog: Catalog, lang: str) -> VirtualPage:
    """The browse page: every index, with counts."""
    tax = catalog.taxonomy
    uri = urls.browse()
    outline = Outline()
    heading = outline.heading(1, t("browse_title", lang))

    def item(group: Group, label: str | None = None) -> Link:
        return Link(label or group_title(catalog, group, lang), urls.href(uri, group.uri),
                    count=t("plans_count", lang, n=len(group.plans)))

    def section(title: str, groups: list[Group]) -> HubSection:
        return HubSection(outline.heading(2, title), "", [(item(g), []) for g in groups])

    sectors = []
    for sector in catalog.values("sector"):
        group = catalog.group("sector", sector)
        assert group is not None
        inside = [item(g, facets.facet("institution").label(institution, tax, lang)) for institution in tax.institutions
                  if (g := catalog.group("institution", sector, institution)) is not None]
        sectors.append((item(group), inside))
    sections = [HubSection(outline.heading(2, t("by_sector", lang)), "", sectors)]
    section_facet, tag_facet = facets.facet("section"), facets.facet("tag")
    sections.append(section(t("by_section", lang), sorted(catalog.groups_of("section"),
                                                          key=_label_order(catalog, section_facet, lang))))
    sections.append(section(t("by_year", lang), [g for y in catalog.years() if (g := catalog.group("year", y))]))
    sections.append(section(t("by_term", lang), [g for term in catalog.values("term")
                                                 if (g := catalog.group("term", term))]))
    sections.append(section(t("by_tag", lang), sorted(catalog.groups_of("tag"), key=_label_order(catalog, tag_facet, lang))))
    galleries: list[tuple[Link, list[Link]]] = [(Link(tax.label("part_kinds", kind, lang), urls.href(uri, urls.gallery(kind)),
                       count=t("parts_count", lang, n=len(catalog.parts[kind]))), [])
                 for kind in catalog.gallery_kinds()]
    sections.append(HubSection(outline.heading(2, t("galleries", lang)), t("galleries_intro", lang), galleries))
    view = BrowseView(heading, t("total", lang, n=len(catalog.plans)), sections)
    return VirtualPage(uri, heading.text, "browse.html", view, outline.headings, {"plan_index": "browse"})


def index_pages(catalog: Catalog, lang: str) -> list[VirtualPage]:
    pages = [browse_hub(catalog, lang)]
    for group in catalog.groups.values():
        pages.extend(group_pages(catalog, group, lang))
    return pages
