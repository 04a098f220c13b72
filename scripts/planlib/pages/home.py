"""The generated part of the home page: counts, latest additions, ways in."""

from __future__ import annotations

from planlib.mdtext import inline
from planlib.model import Plan
from planlib.pages import links
from planlib.pages.catalog import Catalog
from planlib.pages.entries import facts_line, year_label
from planlib.pages.labels import colon, t

MARKER = "<!-- planlib:overview -->"
LATEST = 8


def overview(catalog: Catalog, lang: str, home_uri: str, added: dict[str, float]) -> str:
    """Markdown for the home page: counts by sector, section and year, and the latest plans."""
    tax = catalog.taxonomy

    def link(label: str, uri: str, count: int) -> str:
        return f"[{inline(label)}]({links.relative(home_uri, uri)}) <small>{count}</small>"

    sectors = [link(tax.label("sectors", g.key[0], lang), g.uri, len(g.plans))
               for s in tax.sectors if (g := catalog.group("sector", s))]
    sections = sorted(catalog.groups_of("section"), key=lambda g: (-len(g.plans), links.pinyin_key(g.key[0])))
    years = [catalog.group("year", y) for y in catalog.years()]
    lines = [f"## {t('overview', lang)}", "", t("total", lang, n=len(catalog.plans)), "",
             f"**{t('by_sector_short', lang)}**{colon(lang)}" + " · ".join(sectors), "",
             f"**{t('by_section', lang)}**{colon(lang)}"
             + " · ".join(link(tax.label("sections", g.key[0], lang), g.uri, len(g.plans)) for g in sections), "",
             f"**{t('by_year', lang)}**{colon(lang)}"
             + " · ".join(link(year_label(g.key[0], lang), g.uri, len(g.plans)) for g in years if g), "",
             f"[{t('all_browse', lang)} →]({links.relative(home_uri, links.browse_uri())})", ""]
    latest = _latest(catalog.plans, added)
    if latest:
        lines += [f"## {t('latest', lang)}", ""]
        lines += [f"- [{inline(p.meta.title)}]({links.relative(home_uri, links.plan_uri(p.id))}) "
                  f"<small>{inline(facts_line(p, tax, lang))}</small>" for p in latest]
    return "\n".join(lines) + "\n"


def _latest(plans: list[Plan], added: dict[str, float]) -> list[Plan]:
    return sorted(plans, key=lambda p: (-added.get(p.id, 0.0), p.id))[:LATEST]


def fill_home(markdown: str, catalog: Catalog, lang: str, home_uri: str, added: dict[str, float]) -> str:
    """The home page's Markdown with the overview put where the marker is."""
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, overview(catalog, lang, home_uri, added))
