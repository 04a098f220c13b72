"""The facets readers browse and filter the library by, in one table, read from the taxonomy.

Each facet names the taxonomy vocabulary of its values, how a plan's values
are read (from its front matter, or from its parts: the kinds of part it
has), and where it shows: the browse pages (URL browse/<facet>/<value>/,
per year too where `by_year`), a row of the plan card, a search filter (its
values are taxonomy keys), a group of chips in the search dialog. The
catalog, the plan card, the search filters and search.js all go through
this table. Adding a facet means adding its vocabulary to plans/taxonomy.yml
(under facets.groups and facets.names, with facets.by_institution when it
follows from the institution, as a school stage 学段 would) and one entry to
FACETS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from planlib.labels import t, year_label
from planlib.model import Plan
from planlib.taxonomy import Taxonomy

UNKNOWN_YEAR = "unknown"
Values = Callable[[Plan, Taxonomy], tuple[str, ...]]
OTHER_PART = "other"  # the kind of a part no heading keyword names: not a value to filter by


def _field(name: str) -> Values:
    def values(plan: Plan, tax: Taxonomy) -> tuple[str, ...]:
        value = getattr(plan.meta, name)
        return tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)
    return values


def by_institution(facet: str) -> Values:
    """A facet whose value follows from the plan's institution (taxonomy: facets.by_institution)."""
    def values(plan: Plan, tax: Taxonomy) -> tuple[str, ...]:
        value = tax.facets.by_institution.get(facet, {}).get(plan.meta.institution)
        return (value,) if value else ()
    return values


def _part_kinds(plan: Plan, tax: Taxonomy) -> tuple[str, ...]:
    """The kinds of part a plan has (指导思想, 月度安排 …), in the taxonomy's order."""
    kinds = {part.kind for part in plan.parts}
    return tuple(kind for kind in tax.part_kinds if kind in kinds and kind != OTHER_PART)


@dataclass(frozen=True)
class Facet:
    key: str  # URL segment, search filter name, key of its name in the UI labels
    group: str | None  # taxonomy vocabulary naming the values (None: years, named by the UI labels)
    values: Values  # a plan's values of this facet (taxonomy keys)
    title: str  # the UI label that names the facet (行业, 科室 …)
    slug: str = "key"  # how a value appears in URLs: its key, or the pinyin of its label ("pinyin")
    within: str | None = None  # a facet browsed inside another's pages (institutions inside sectors)
    browse: bool = True  # browse pages per value (parts have their galleries instead)
    by_year: bool = False  # also an index per year of each value
    card: bool = True  # a row of the plan card
    search: bool = False  # a search filter of plan pages
    chips: bool = False  # a group of filter chips in the search dialog
    order: str = "taxonomy"  # how its values are listed: as in the taxonomy, most plans first ("count"), newest first

    def name(self, tax: Taxonomy, lang: str) -> str:
        """The facet's own name: from the taxonomy (facets.names) or the UI labels."""
        named = tax.facets.names.get(self.key)
        if named is not None:
            return named.get(lang)
        return t(self.title, lang)

    def label(self, value: str, tax: Taxonomy, lang: str) -> str:
        """The name of a value in a language."""
        if self.group is None:
            return year_label(value, lang)
        return tax.label(self.group, value, lang)


FACETS: tuple[Facet, ...] = (
    Facet("sector", "sectors", _field("sector"), "sector", by_year=True, search=True, chips=True),
    Facet("institution", "institutions", _field("institution"), "institution", within="sector", search=True,
          chips=True),
    Facet("section", "sections", _field("section"), "section", slug="pinyin", by_year=True, search=True, chips=True,
          order="count"),
    Facet("year", None, _field("year"), "year", search=True, chips=True, order="newest"),
    Facet("term", "terms", _field("term"), "term", search=True, chips=True),
    Facet("tag", "tags", _field("tags"), "tags", slug="pinyin"),
    Facet("part", "part_kinds", _part_kinds, "parts", browse=False, card=False, search=True, chips=True),
)
BY_KEY = {facet.key: facet for facet in FACETS}
YEAR = BY_KEY["year"]


def facet(key: str) -> Facet:
    return BY_KEY[key]


def search_filters(plan: Plan, tax: Taxonomy) -> dict[str, list[str]]:
    """A plan's search filters: facet → its values, as taxonomy keys."""
    return {f.key: list(f.values(plan, tax)) for f in FACETS if f.search}


def chip_facets() -> list[Facet]:
    """The facets the search dialog offers as chips, in order."""
    return [f for f in FACETS if f.chips]
