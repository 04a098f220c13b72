"""The page of one plan: breadcrumbs, a card of linked facts, downloads, its timeline, the plan, related plans."""

from __future__ import annotations

from dataclasses import dataclass

from planlib import facets, urls
from planlib.calendar.pages import Timeline
from planlib.labels import PLAN_LANGUAGE, t
from planlib.model import Plan
from planlib.pages.catalog import Catalog
from planlib.pages.entries import PlanEntry, entry, summary
from planlib.pages.page import Link, VirtualPage
from planlib.search.terms import search_terms


@dataclass(frozen=True)
class CardRow:
    name: str
    values: list[Link]


@dataclass(frozen=True)
class PlanView:
    breadcrumbs: list[Link]
    in_chinese: str  # a note for readers of another language, or ""
    duplicate_of: Link | None  # the plan this one repeats
    duplicate_note: str
    card: list[CardRow]
    downloads: list[Link]
    timeline: Timeline | None
    body: str  # HTML of the plan's document tree
    related: list[PlanEntry]
    copies: list[PlanEntry]
    search_terms: list[str]  # words the plan is also found by (planlib.search.terms), on its indexed page only


def _facet_link(catalog: Catalog, uri: str, facet: facets.Facet, plan: Plan, value: str, lang: str) -> Link:
    """A value of a facet, linked to its index when that index exists (a repeated plan's may not)."""
    tax = catalog.taxonomy
    if facet.within is not None:
        parent = facets.facet(facet.within).values(plan.meta, tax)[0]
        group = catalog.group(facet.key, parent, value)
    else:
        group = catalog.group(facet.key, value)
    return Link(facet.label(value, tax, lang), urls.href(uri, group.uri) if group else None)


def card(catalog: Catalog, plan: Plan, lang: str) -> list[CardRow]:
    """A row per facet of the card (facets.FACETS), then where the plan came from."""
    tax, uri, meta = catalog.taxonomy, urls.plan(plan.id), plan.meta
    rows = []
    for facet in facets.FACETS:
        values = facet.values(meta, tax)
        if facet.card and values:
            rows.append(CardRow(facet.name(tax, lang), [_facet_link(catalog, uri, facet, plan, v, lang) for v in values]))
    source = meta.source
    if source and (source.collection or source.file):
        site = source.site or ""
        text = t("source_text", lang, collection=source.collection or source.file or "", item=source.item or "",
                 site=(f" ({site})" if lang == "en" else site) if site else "")
        if source.published:
            text += t("source_posted", lang, date=source.published)
    else:
        text = t("source_none", lang)
    rows.append(CardRow(t("source", lang), [Link(text)]))
    return rows


def breadcrumbs(catalog: Catalog, plan: Plan, lang: str) -> list[Link]:
    uri = urls.plan(plan.id)
    trail = [Link(t("home", lang), urls.href(uri, urls.HOME)), Link(t("browse", lang), urls.href(uri, urls.browse()))]
    for key in ("sector", "institution"):
        facet = facets.facet(key)
        trail += [_facet_link(catalog, uri, facet, plan, value, lang) for value in facet.values(plan.meta, catalog.taxonomy)]
    return trail


def downloads(plan: Plan, lang: str, word: bool) -> list[Link]:
    uri = urls.plan(plan.id)
    files = ([("download_word", urls.docx(plan.id))] if word else []) + \
        [("download_markdown", urls.markdown_download(plan.id))]
    return [Link(t(label, lang), urls.file_href(uri, target, lang, PLAN_LANGUAGE), download=urls.file_name(target))
            for label, target in files]


def plan_page(catalog: Catalog, plan: Plan, related: list[str], lang: str, timeline: Timeline | None = None,
              word: bool = True) -> VirtualPage:
    """The page of a plan; its body is the HTML of its document tree."""
    uri = urls.plan(plan.id)
    original = catalog.all_by_id.get(plan.meta.duplicate_of or "")
    # A plan's text is the same in every language version, so only the version in the plans' own
    # language is indexed; the search dialog of another language sends its readers to their own
    # version. Repeated plans are not indexed at all.
    searchable = not plan.is_duplicate and lang == PLAN_LANGUAGE
    view = PlanView(
        breadcrumbs=breadcrumbs(catalog, plan, lang),
        in_chinese=t("in_chinese", lang) if lang != PLAN_LANGUAGE else "",
        duplicate_of=Link(original.meta.title, urls.href(uri, urls.plan(original.id))) if original else None,
        duplicate_note=t("duplicate_of", lang, title=original.meta.title) if original else "",
        card=card(catalog, plan, lang),
        downloads=downloads(plan, lang, word),
        timeline=timeline,
        body=plan.document.html,
        related=[entry(catalog.all_by_id[pid], uri, catalog.taxonomy, lang) for pid in related
                 if pid in catalog.all_by_id],
        copies=[entry(copy, uri, catalog.taxonomy, lang) for copy in catalog.duplicates.get(plan.id, [])],
        search_terms=search_terms(plan, catalog.taxonomy) if searchable else [],
    )
    meta = {"plan_id": plan.id, "description": summary(plan, 120),
            "search_filters": facets.search_filters(plan.meta, catalog.taxonomy) if searchable else None,
            "search_shared": True if searchable else None, "search_exclude": None if searchable else True}
    return VirtualPage(uri, plan.meta.title, "plan.html", view, plan.document.headings, meta)
