"""Index pages: by sector → institution, section, year, term, topic and their combinations."""

from __future__ import annotations

from collections.abc import Callable

from planlib.mdtext import inline
from planlib.pages import links
from planlib.pages.catalog import Catalog, Group
from planlib.pages.entries import entry, year_label
from planlib.pages.labels import PLAN_LANGUAGE, colon, t
from planlib.pages.page import VirtualPage, make_page


PAGER_WINDOW = 2  # pages either side of the current one that a later page links to


def pager_numbers(page: int, pages: int) -> list[int | None]:
    """Page numbers a pager shows, None for a gap.

    The first page links to every page, so that each is one click from it; a
    later page links to the first, the last and its neighbours only, so that the
    pagers of an index together grow linearly with its length, not quadratically.
    """
    if page == 1:
        return list(range(1, pages + 1))
    shown = sorted({1, pages, *range(max(1, page - PAGER_WINDOW), min(pages, page + PAGER_WINDOW) + 1)})
    numbers: list[int | None] = []
    for number in shown:
        previous = numbers[-1] if numbers else None
        if previous is not None and number - previous == 2:  # a gap of one page: show the page itself
            numbers.append(previous + 1)
        elif previous is not None and number - previous > 2:
            numbers.append(None)
        numbers.append(number)
    return numbers


def paged_title(title: str, number: int, lang: str) -> str:
    """The title of page `number` of a paginated index."""
    return title if number == 1 else f"{title} · {t('page_n', lang, n=number)}"


def pager(first_uri: str, page: int, pages: int, lang: str) -> str:
    """Links to the previous and next page and to the pages `pager_numbers` names."""
    if pages <= 1:
        return ""
    here = links.paged_uri(first_uri, page)
    items = []
    if page > 1:
        items.append(f"[{t('previous', lang)}]({links.relative(here, links.paged_uri(first_uri, page - 1))})")
    for number in pager_numbers(page, pages):
        if number is None:
            items.append("…")
        elif number == page:
            items.append(f"**{number}**")
        else:
            items.append(f"[{number}]({links.relative(here, links.paged_uri(first_uri, number))})")
    if page < pages:
        items.append(f"[{t('next', lang)}]({links.relative(here, links.paged_uri(first_uri, page + 1))})")
    return '<nav class="plan-pager" markdown>\n\n' + " ".join(items) + "\n\n</nav>\n"


def group_title(catalog: Catalog, group: Group, lang: str) -> str:
    tax = catalog.taxonomy
    key = group.key
    if group.kind == "sector":
        return tax.label("sectors", key[0], lang)
    if group.kind == "institution":
        return f"{tax.label('sectors', key[0], lang)} · {tax.label('institutions', key[1], lang)}"
    if group.kind == "sector-year":
        return f"{tax.label('sectors', key[0], lang)} · {year_label(key[1], lang)}"
    if group.kind == "section":
        return tax.label("sections", key[0], lang)
    if group.kind == "section-year":
        return f"{tax.label('sections', key[0], lang)} · {year_label(key[1], lang)}"
    if group.kind == "year":
        return year_label(key[0], lang)
    if group.kind == "term":
        return tax.label("terms", key[0], lang)
    return tax.label("tags", key[0], lang)


def _facet_list(from_uri: str, labelled: list[tuple[str, Group]], lang: str, heading: str) -> str:
    if not labelled:
        return ""
    items = [f"[{inline(label)}]({links.relative(from_uri, g.uri)}) <small>{len(g.plans)}</small>"
             for label, g in labelled]
    return f'<div class="plan-facets" markdown>\n\n**{heading}**{colon(lang)}' + " · ".join(items) + "\n\n</div>\n"


def _facets(catalog: Catalog, group: Group, lang: str) -> str:
    """Links to the finer indexes of an index: institutions and years of a sector, …"""
    tax = catalog.taxonomy
    uri = group.uri

    def present(pairs: list[tuple[str, Group | None]]) -> list[tuple[str, Group]]:
        return [(label, g) for label, g in pairs if g is not None]

    if group.kind == "sector":
        sector = group.key[0]
        institutions = present([(tax.label("institutions", i, lang), catalog.group("institution", sector, i))
                                for i in tax.institutions])
        years = present([(year_label(y, lang), catalog.group("sector-year", sector, y)) for y in catalog.years()])
        return _facet_list(uri, institutions, lang, t("institutions_in", lang)) + "\n" + \
            _facet_list(uri, years, lang, t("in_years", lang))
    if group.kind == "section":
        years = present([(year_label(y, lang), catalog.group("section-year", group.key[0], y))
                         for y in catalog.years()])
        return _facet_list(uri, years, lang, t("in_years", lang))
    if group.kind == "year":
        sectors = present([(tax.label("sectors", s, lang), catalog.group("sector-year", s, group.key[0]))
                           for s in tax.sectors])
        return _facet_list(uri, sectors, lang, t("sector", lang))
    return ""


def group_pages(catalog: Catalog, group: Group, lang: str) -> list[VirtualPage]:
    """The pages of one index, 50 plans per page."""
    title = group_title(catalog, group, lang)
    chunks = links.chunked(group.plans, links.PAGE_SIZE)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        uri = links.paged_uri(group.uri, number)
        heading = paged_title(title, number, lang)
        body = [f"# {inline(heading)}", "", t("total", lang, n=len(group.plans)), ""]
        if number == 1:
            body.append(_facets(catalog, group, lang))
        body.append(pager(group.uri, number, len(chunks), lang))
        body.extend(entry(plan, uri, catalog.taxonomy, lang) for plan in chunk)
        body.append(pager(group.uri, number, len(chunks), lang))
        pages.append(make_page(uri, heading, "\n".join(body), plan_index=group.kind))
    return pages


def _hub_section(catalog: Catalog, lang: str, heading: str, groups: list[Group]) -> str:
    uri = links.browse_uri()
    lines = [f"## {heading}", ""]
    lines += [f"- [{inline(group_title(catalog, g, lang))}]({links.relative(uri, g.uri)}) "
              f"<small>{t('plans_count', lang, n=len(g.plans))}</small>" for g in groups]
    return "\n".join(lines) + "\n"


def _label_order(catalog: Catalog, kind: str, lang: str) -> Callable[[Group], tuple[str, ...]]:
    """Alphabetical order of a facet's groups: by pinyin in the plans' language, else by the translated label."""
    def key(group: Group) -> tuple[str, ...]:
        pinyin = links.pinyin_key(group.key[0])
        return (pinyin,) if lang == PLAN_LANGUAGE else (catalog.taxonomy.label(kind, group.key[0], lang).lower(), pinyin)
    return key


def browse_hub(catalog: Catalog, lang: str) -> VirtualPage:
    """The browse page: every index, with counts."""
    tax = catalog.taxonomy
    uri = links.browse_uri()
    body = [f"# {t('browse_title', lang)}", "", t("total", lang, n=len(catalog.plans)), ""]
    sector_lines = [f"## {t('by_sector', lang)}", ""]
    for sector in tax.sectors:
        group = catalog.group("sector", sector)
        if group is None:
            continue
        sector_lines.append(f"- [{inline(group_title(catalog, group, lang))}]({links.relative(uri, group.uri)}) "
                            f"<small>{t('plans_count', lang, n=len(group.plans))}</small>")
        for institution in tax.institutions:
            sub = catalog.group("institution", sector, institution)
            if sub is not None:
                sector_lines.append(f"    - [{inline(tax.label('institutions', institution, lang))}]"
                                    f"({links.relative(uri, sub.uri)}) "
                                    f"<small>{t('plans_count', lang, n=len(sub.plans))}</small>")
    body.append("\n".join(sector_lines) + "\n")
    sections = sorted(catalog.groups_of("section"), key=_label_order(catalog, "sections", lang))
    body.append(_hub_section(catalog, lang, t("by_section", lang), sections))
    years = [group for year in catalog.years() if (group := catalog.group("year", year)) is not None]
    body.append(_hub_section(catalog, lang, t("by_year", lang), years))
    terms = [group for term in tax.terms if (group := catalog.group("term", term)) is not None]
    body.append(_hub_section(catalog, lang, t("by_term", lang), terms))
    tags = sorted(catalog.groups_of("tag"), key=_label_order(catalog, "tags", lang))
    body.append(_hub_section(catalog, lang, t("by_tag", lang), tags))
    galleries = [f"- [{inline(tax.label('part_kinds', kind, lang))}]({links.relative(uri, links.gallery_uri(kind))}) "
                 f"<small>{t('parts_count', lang, n=len(catalog.parts[kind]))}</small>"
                 for kind in catalog.gallery_kinds()]
    body.append(f"## {t('galleries', lang)}\n\n{t('galleries_intro', lang)}\n\n" + "\n".join(galleries) + "\n")
    return make_page(uri, t("browse_title", lang), "\n".join(body), plan_index="browse")


def index_pages(catalog: Catalog, lang: str) -> list[VirtualPage]:
    pages = [browse_hub(catalog, lang)]
    for group in catalog.groups.values():
        pages.extend(group_pages(catalog, group, lang))
    return pages
