"""The page of one plan: breadcrumbs, a card of linked facts, its timeline, the plan, related plans.

The reader tools (copy, fill in, Word and Markdown files, adding parts to
我的计划) are made in the browser in the space the page leaves for them
(`plan-tools`); a calendar file, from the timeline's data, too.
"""

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
    separator: str = " · "  # between the values; "" for pieces of one sentence


@dataclass(frozen=True)
class PlanView:
    plan_id: str
    title: str
    breadcrumbs: list[Link]
    in_chinese: str  # a note for readers of another language, or ""
    duplicate_of: Link | None  # the plan this one repeats
    duplicate_note: str
    card: list[CardRow]
    timeline: Timeline | None
    body: str  # HTML of the plan's document tree
    related: list[PlanEntry]
    copies: list[PlanEntry]
    search_terms: list[str]  # words the plan is also found by (planlib.search.terms), on its indexed page only


def _facet_link(catalog: Catalog, uri: str, facet: facets.Facet, plan: Plan, value: str, lang: str) -> Link:
    """A value of a facet, linked to its index when that index exists (a repeated plan's may not)."""
    tax = catalog.taxonomy
    if facet.within is not None:
        parent = facets.facet(facet.within).values(plan, tax)[0]
        group = catalog.group(facet.key, parent, value)
    else:
        group = catalog.group(facet.key, value)
    return Link(facet.label(value, tax, lang), urls.href(uri, group.uri) if group else None)


def card(catalog: Catalog, plan: Plan, lang: str) -> list[CardRow]:
    """A row per facet of the card (facets.FACETS), then where the plan came from."""
    tax, uri = catalog.taxonomy, urls.plan(plan.id)
    rows = []
    for facet in facets.FACETS:
        values = facet.values(plan, tax)
        if facet.card and values:
            rows.append(CardRow(facet.name(tax, lang), [_facet_link(catalog, uri, facet, plan, v, lang) for v in values]))
    rows.append(CardRow(t("source", lang), source_line(plan, lang), separator=""))
    return rows


def source_line(plan: Plan, lang: str) -> list[Link]:
    """Where the plan came from, in words: the collection and its site, never a file name; the plan's
    own words (the collection's title, 篇一) marked as Chinese."""
    source = plan.meta.source
    if source is None:
        return [Link(t("source_none", lang))]
    pieces = [Link(t("source_from", lang))]
    if source.site:
        pieces.append(Link(source.site, lang=PLAN_LANGUAGE))
    if source.collection:
        if source.site:
            pieces.append(Link(t("source_site_then", lang)))
        pieces += [Link(t("source_open", lang)), Link(source.collection, lang=PLAN_LANGUAGE),
                   Link(t("source_close", lang))]
        if source.item:
            pieces.append(Link(source.item, lang=PLAN_LANGUAGE))
    elif not source.site:
        pieces.append(Link(t("source_unnamed", lang)))
    if source.published:
        pieces.append(Link(t("source_posted", lang, date=source.published)))
    return [piece for piece in pieces if piece.label]


def breadcrumbs(catalog: Catalog, plan: Plan, lang: str) -> list[Link]:
    uri = urls.plan(plan.id)
    trail = [Link(t("home", lang), urls.href(uri, urls.HOME)), Link(t("browse", lang), urls.href(uri, urls.browse()))]
    for key in ("sector", "institution"):
        facet = facets.facet(key)
        trail += [_facet_link(catalog, uri, facet, plan, value, lang) for value in facet.values(plan, catalog.taxonomy)]
    return trail


def plan_page_inputs(catalog: Catalog, plan: Plan, related: list[str], lang: str) -> tuple[object, ...]:
    """All that plan_page (and the plan's timeline) reads: the plan, the plans it names (its original,
    related plans, copies), the taxonomy, the indexes it links to, the language. Equal inputs, their
    plans the same objects, give an equal page (preview.PageMemo)."""
    return (lang, plan, catalog.all_by_id.get(plan.meta.duplicate_of or ""),
            tuple(catalog.all_by_id.get(pid) for pid in related), tuple(catalog.duplicates.get(plan.id, [])),
            catalog.taxonomy, catalog.group_uris)


def plan_page(catalog: Catalog, plan: Plan, related: list[str], lang: str,
              timeline: Timeline | None = None) -> VirtualPage:
    """The page of a plan; its body is the HTML of its document tree."""
    uri = urls.plan(plan.id)
    original = catalog.all_by_id.get(plan.meta.duplicate_of or "")
    # A plan's text is the same in every language version, so only the version in the plans' own
    # language is indexed; the search dialog of another language sends its readers to their own
    # version. Repeated plans are not indexed at all.
    searchable = not plan.is_duplicate and lang == PLAN_LANGUAGE
    view = PlanView(
        plan_id=plan.id,
        title=plan.meta.title,
        breadcrumbs=breadcrumbs(catalog, plan, lang),
        in_chinese=t("in_chinese", lang) if lang != PLAN_LANGUAGE else "",
        duplicate_of=Link(original.meta.title, urls.href(uri, urls.plan(original.id))) if original else None,
        duplicate_note=t("duplicate_of", lang, title=original.meta.title) if original else "",
        card=card(catalog, plan, lang),
        timeline=timeline,
        body=plan.document.html,
        related=[entry(catalog.all_by_id[pid], uri, catalog.taxonomy, lang) for pid in related
                 if pid in catalog.all_by_id],
        copies=[entry(copy, uri, catalog.taxonomy, lang) for copy in catalog.duplicates.get(plan.id, [])],
        search_terms=search_terms(plan, catalog.taxonomy) if searchable else [],
    )
    meta = {"plan_id": plan.id, "description": summary(plan, 120),
            "search_filters": facets.search_filters(plan, catalog.taxonomy) if searchable else None,
            "search_shared": True if searchable else None, "search_exclude": None if searchable else True,
            # the kind of each part, in the order of their ## headings: the search dialog tells by it which
            # part a match lies in (the kind-of-part filter)
            "search_parts": " ".join(part.kind for part in plan.parts) if searchable else None}
    return VirtualPage(uri, plan.meta.title, "plan.html", view, plan.document.headings, meta)
