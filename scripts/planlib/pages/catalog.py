"""The library grouped every way a reader browses it, computed once per build."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from planlib.document import Part
from planlib.model import Plan
from planlib.pages import links
from planlib.pages.entries import year_label
from planlib.pages.labels import PLAN_LANGUAGE, t
from planlib.taxonomy import Taxonomy

UNKNOWN_YEAR = "unknown"


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
    return (-year, links.pinyin_key(plan.meta.title), plan.id)


def _unique_slugs(labels: list[str]) -> dict[str, str]:
    slugs: dict[str, str] = {}
    used: set[str] = set()
    for label in sorted(labels, key=links.pinyin_key):
        base = links.pinyin_slug(label)
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
    section_slugs: dict[str, str]
    tag_slugs: dict[str, str]
    groups: dict[tuple[str, ...], Group]
    parts: dict[str, list[tuple[Plan, Part]]]

    # -- where things live -------------------------------------------------

    def uri(self, kind: str, *key: str) -> str:
        if kind == "sector":
            return links.browse_uri("sector", key[0])
        if kind == "institution":
            return links.browse_uri("sector", key[0], key[1])
        if kind == "sector-year":
            return links.browse_uri("sector", key[0], f"year-{key[1]}")
        if kind == "section":
            return links.browse_uri("section", self.section_slugs[key[0]])
        if kind == "section-year":
            return links.browse_uri("section", self.section_slugs[key[0]], f"year-{key[1]}")
        if kind == "year":
            return links.browse_uri("year", key[0])
        if kind == "term":
            return links.browse_uri("term", key[0])
        if kind == "tag":
            return links.browse_uri("tag", self.tag_slugs[key[0]])
        raise KeyError(kind)

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


def build_catalog(plans: list[Plan], taxonomy: Taxonomy) -> Catalog:
    """Group the library's published plans by every browsing facet."""
    published = sorted((p for p in plans if not p.is_duplicate), key=reading_order)
    by_id = {plan.id: plan for plan in plans}
    duplicates: dict[str, list[Plan]] = defaultdict(list)
    for plan in plans:
        if plan.meta.duplicate_of:
            duplicates[plan.meta.duplicate_of].append(plan)
    catalog = Catalog(taxonomy, published, dict(duplicates), by_id,
                      _unique_slugs(sorted({p.meta.section for p in published})),
                      _unique_slugs(sorted({t for p in published for t in p.meta.tags})), {}, defaultdict(list))

    def add(kind: str, *key: str, plan: Plan) -> None:
        group_key = (kind, *key)
        group = catalog.groups.get(group_key)
        if group is None:
            group = catalog.groups[group_key] = Group(catalog.uri(kind, *key), kind, tuple(key))
        group.plans.append(plan)

    for plan in published:
        meta = plan.meta
        year = year_key(plan)
        add("sector", meta.sector, plan=plan)
        add("institution", meta.sector, meta.institution, plan=plan)
        add("sector-year", meta.sector, year, plan=plan)
        add("section", meta.section, plan=plan)
        add("section-year", meta.section, year, plan=plan)
        add("year", year, plan=plan)
        add("term", meta.term, plan=plan)
        for tag in meta.tags:
            add("tag", tag, plan=plan)
        for part in plan.parts:
            catalog.parts[part.kind].append((plan, part))
    catalog.parts = dict(catalog.parts)
    return catalog


def filter_names(lang: str) -> dict[str, str]:
    """The names of the search filter chips' groups, in a language."""
    return {name: t(name, lang) for name in ("sector", "section", "year")}


def filter_values(catalog: Catalog, lang: str) -> dict[str, list[tuple[str, str]]]:
    """The search filter chips of a language: (filter value, label) for the sectors, departments
    and years that have plans; values are named in the plans' language, as the index has them."""
    tax = catalog.taxonomy

    def chip(kind: str, key: str) -> tuple[str, str]:
        return tax.label(kind, key, PLAN_LANGUAGE), tax.label(kind, key, lang)

    sectors = [chip("sectors", s) for s in tax.sectors if catalog.group("sector", s)]
    sections = sorted(catalog.groups_of("section"), key=lambda g: (-len(g.plans), links.pinyin_key(g.key[0])))
    return {"sector": sectors, "section": [chip("sections", g.key[0]) for g in sections],
            "year": [(year_label(y, PLAN_LANGUAGE), year_label(y, lang)) for y in catalog.years()]}
