"""The library grouped every way a reader browses it, computed once per build."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from planlib import facets, urls
from planlib.document import Part
from planlib.facets import UNKNOWN_YEAR
from planlib.model import Plan
from planlib.taxonomy import Taxonomy

@dataclass
class Group:
    """One index: its page, its label key and its plans in reading order."""

    uri: str  # first page, e.g. browse/year/2023/index.md
    kind: str  # sector | institution | section | year | term | tag | sector-year | section-year
    key: tuple[str, ...]
    plans: list[Plan] = field(default_factory=list)


def year_key(plan: Plan) -> str:
    return str(plan.meta.year)


def reading_order(plan: Plan) -> tuple:
    """Newest year first, unknown years last, then title by pinyin."""
    year = plan.meta.year if isinstance(plan.meta.year, int) else -1
    return (-year, urls.pinyin_key(plan.meta.title), plan.id)


def _unique_slugs(labels: list[str]) -> dict[str, str]:
    slugs: dict[str, str] = {}
    used: set[str] = set()
    for label in sorted(labels, key=urls.pinyin_key):
        base = urls.pinyin_slug(label)
        slug, n = base, 2
        while slug in used:
            slug, n = f"{base}-{n}", n + 1
        used.add(slug)
        slugs[label] = slug
    return slugs


@dataclass
class Catalog:
    taxonomy: Taxonomy
    plans: list[Plan]  # published plans, reading order
    duplicates: dict[str, list[Plan]]  # original id -> plans repeating it
    all_by_id: dict[str, Plan]
    slugs: dict[str, dict[str, str]]  # facet -> value -> its URL segment (facets named by pinyin)
    groups: dict[tuple[str, ...], Group]
    parts: dict[str, list[tuple[Plan, Part]]]

    # -- where things live -------------------------------------------------

    @cached_property
    def group_uris(self) -> str:
        """Every index's key and first page, as one digest: what a page's links to indexes depend on
        (preview.PageMemo)."""
        listed = "\n".join(f"{' '.join(key)} {group.uri}" for key, group in sorted(self.groups.items()))
        return hashlib.blake2b(listed.encode("utf-8"), digest_size=16).hexdigest()

    def slug(self, facet_key: str, value: str) -> str:
        return self.slugs.get(facet_key, {}).get(value, value)

    def uri(self, kind: str, *key: str) -> str:
        """The first page of an index: kind is a facet, or <facet>-year for a facet's index per year."""
        facet_key, per_year = kind.removesuffix("-year"), kind.endswith("-year")
        facet = facets.facet(facet_key)
        if facet.within is not None:
            parent, value = key
            return urls.browse(facet.within, self.slug(facet.within, parent), self.slug(facet_key, value))
        if per_year:
            return urls.browse(facet_key, self.slug(facet_key, key[0]), f"year-{key[1]}")
        return urls.browse(facet_key, self.slug(facet_key, key[0]))

    def group(self, kind: str, *key: str) -> Group | None:
        return self.groups.get((kind, *key))

    def groups_of(self, kind: str) -> list[Group]:
        return [g for g in self.groups.values() if g.kind == kind]

    def gallery_kinds(self) -> list[str]:
        """Part kinds that get a gallery: every kind that occurs, except `other`."""
        return [kind for kind in self.taxonomy.part_kinds if kind in self.parts and kind != "other"]

    def years(self) -> list[str]:
        """Years that have plans, newest first, unknown last."""
        years = [g.key[0] for g in self.groups_of("year")]
        return sorted(years, key=lambda y: (y == UNKNOWN_YEAR, -int(y) if y != UNKNOWN_YEAR else 0))

    def values(self, facet_key: str) -> list[str]:
        """The values of a facet that have plans, in the facet's order (facets.Facet.order)."""
        facet = facets.facet(facet_key)
        if facet.order == "newest":
            return self.years()
        if not facet.browse:
            present = {value for plan in self.plans for value in facet.values(plan, self.taxonomy)}
            return [value for value in self.taxonomy.group(facet.group or "") if value in present]
        groups = self.groups_of(facet_key)
        if facet.order == "count":
            ordered = sorted(groups, key=lambda g: (-len(g.plans), urls.pinyin_key(g.key[-1])))
            return [g.key[-1] for g in ordered]
        present = {g.key[-1] for g in groups}
        return [value for value in self.taxonomy.group(facet.group or "") if value in present]


def build_catalog(plans: list[Plan], taxonomy: Taxonomy) -> Catalog:
    """Group the library's published plans by every facet (facets.FACETS)."""
    published = sorted((p for p in plans if not p.is_duplicate), key=reading_order)
    by_id = {plan.id: plan for plan in plans}
    duplicates: dict[str, list[Plan]] = defaultdict(list)
    for plan in plans:
        if plan.meta.duplicate_of:
            duplicates[plan.meta.duplicate_of].append(plan)
    slugs = {facet.key: _unique_slugs(sorted({v for p in published for v in facet.values(p, taxonomy)}))
             for facet in facets.FACETS if facet.slug == "pinyin"}
    catalog = Catalog(taxonomy, published, dict(duplicates), by_id, slugs, {}, defaultdict(list))

    def add(kind: str, *key: str, plan: Plan) -> None:
        group_key = (kind, *key)
        group = catalog.groups.get(group_key)
        if group is None:
            group = catalog.groups[group_key] = Group(catalog.uri(kind, *key), kind, tuple(key))
        group.plans.append(plan)

    for plan in published:
        year = year_key(plan)
        for facet in facets.FACETS:
            if not facet.browse:
                continue
            for value in facet.values(plan, taxonomy):
                if facet.within is not None:
                    parents = facets.facet(facet.within).values(plan, taxonomy)
                    add(facet.key, parents[0], value, plan=plan)
                else:
                    add(facet.key, value, plan=plan)
                if facet.by_year:
                    add(f"{facet.key}-year", value, year, plan=plan)
        for part in plan.parts:
            catalog.parts[part.kind].append((plan, part))
    catalog.parts = dict(catalog.parts)
    return catalog


def filter_names(taxonomy: Taxonomy, lang: str) -> dict[str, str]:
    """The names of the search filter chips' groups, in a language, in the order they are shown."""
    return {facet.key: facet.name(taxonomy, lang) for facet in facets.chip_facets()}


def filter_values(catalog: Catalog, lang: str) -> dict[str, list[tuple[str, str]]]:
    """The search dialog's chips in a language: facet → (value as indexed: a taxonomy key, its label)."""
    return {facet.key: [(value, facet.label(value, catalog.taxonomy, lang)) for value in catalog.values(facet.key)]
            for facet in facets.chip_facets()}
