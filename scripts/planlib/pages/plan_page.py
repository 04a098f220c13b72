"""The page of one plan: breadcrumbs, a header card of linked facts, the plan, related plans."""

from __future__ import annotations

from planlib.downloads import docx_uri, markdown_uri
from planlib.mdtext import inline
from planlib.model import Plan
from planlib.pages import links
from planlib.pages.catalog import Catalog, year_key
from planlib.pages.entries import facts_line, summary, year_label
from planlib.pages.labels import PLAN_LANGUAGE, t
from planlib.pages.page import VirtualPage, make_page

HOME_URI = "index.md"


def _link(catalog: Catalog, from_uri: str, label: str, kind: str, *key: str) -> str:
    """A link to an index page when that index exists (duplicates may have no index)."""
    group = catalog.group(kind, *key)
    if group is None:
        return inline(label)
    return f"[{inline(label)}]({links.relative(from_uri, group.uri)})"


def breadcrumbs(catalog: Catalog, plan: Plan, lang: str) -> str:
    tax, uri, meta = catalog.taxonomy, links.plan_uri(plan.id), plan.meta
    trail = [f"[{t('home', lang)}]({links.relative(uri, HOME_URI)})",
             f"[{t('browse', lang)}]({links.relative(uri, links.browse_uri())})",
             _link(catalog, uri, tax.label("sectors", meta.sector, lang), "sector", meta.sector),
             _link(catalog, uri, tax.label("institutions", meta.institution, lang), "institution",
                   meta.sector, meta.institution)]
    return '<nav class="plan-breadcrumbs" markdown>\n\n' + " › ".join(trail) + "\n\n</nav>\n"


def card(catalog: Catalog, plan: Plan, lang: str) -> str:
    tax, uri, meta = catalog.taxonomy, links.plan_uri(plan.id), plan.meta
    rows = [
        (t("sector", lang), _link(catalog, uri, tax.label("sectors", meta.sector, lang), "sector", meta.sector)),
        (t("institution", lang), _link(catalog, uri, tax.label("institutions", meta.institution, lang),
                                       "institution", meta.sector, meta.institution)),
        (t("section", lang), _link(catalog, uri, tax.label("sections", meta.section, lang), "section", meta.section)),
        (t("year", lang), _link(catalog, uri, year_label(meta.year, lang), "year", year_key(plan))),
        (t("term", lang), _link(catalog, uri, tax.label("terms", meta.term, lang), "term", meta.term)),
    ]
    if meta.tags:
        rows.append((t("tags", lang), " · ".join(_link(catalog, uri, tax.label("tags", tag, lang), "tag", tag)
                                                 for tag in meta.tags)))
    source = meta.source
    if source and (source.collection or source.file):
        site = source.site or ""
        text = t("source_text", lang, collection=source.collection or source.file or "", item=source.item or "",
                 site=(f" ({site})" if lang == "en" else site) if site else "")
        if source.published:
            text += t("source_posted", lang, date=source.published)
        rows.append((t("source", lang), inline(text)))
    else:
        rows.append((t("source", lang), t("source_none", lang)))
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    return f'<div class="plan-card" markdown>\n\n| | |\n|---|---|\n{table}\n\n</div>\n'


def _plan_list(catalog: Catalog, from_uri: str, plans: list[Plan], lang: str) -> str:
    return "\n".join(f"- [{inline(p.meta.title)}]({links.relative(from_uri, links.plan_uri(p.id))}) "
                     f"<small>{inline(facts_line(p, catalog.taxonomy, lang))}</small>" for p in plans)


def downloads(plan: Plan, lang: str, word: bool) -> str:
    uri = links.plan_uri(plan.id)
    buttons = []
    if word:
        buttons.append(f"[{t('download_word', lang)}]({links.relative(uri, docx_uri(plan.id))})"
                       f"{{ .md-button download=\"{plan.id}.docx\" }}")
    buttons.append(f"[{t('download_markdown', lang)}]({links.relative(uri, markdown_uri(plan.id))})"
                   f"{{ .md-button download=\"{plan.id}.md\" }}")
    return '<div class="plan-downloads" markdown>\n\n' + " ".join(buttons) + "\n\n</div>\n"


def plan_page(catalog: Catalog, plan: Plan, related: list[str], lang: str, markdown: str | None = None,
              timeline: str = "", word: bool = True) -> VirtualPage:
    """The page of a plan; `markdown` replaces the plan's own (e.g. with anchors added)."""
    uri = links.plan_uri(plan.id)
    text = (markdown if markdown is not None else plan.markdown).strip()
    body = [breadcrumbs(catalog, plan, lang)]
    if lang != PLAN_LANGUAGE:
        body.append(f'!!! info ""\n    {t("in_chinese", lang)}\n')
    original = catalog.all_by_id.get(plan.meta.duplicate_of or "")
    if original is not None:
        note = t("duplicate_of", lang, title=inline(original.meta.title))
        body.append(f'!!! note ""\n    {note} [{inline(original.meta.title)}]({links.relative(uri, links.plan_uri(original.id))})\n')
    body.append(card(catalog, plan, lang))
    body.append(downloads(plan, lang, word))
    if timeline:
        body.append(timeline)
    body.append(f'<div class="plan-body" markdown>\n\n{text}\n\n</div>\n')
    related_plans = [catalog.all_by_id[pid] for pid in related if pid in catalog.all_by_id]
    if related_plans:
        body.append(f'<div class="plan-related" markdown>\n\n**{t("related", lang)}**\n\n'
                    f"{_plan_list(catalog, uri, related_plans, lang)}\n\n</div>\n")
    copies = catalog.duplicates.get(plan.id, [])
    if copies:
        body.append(f'<div class="plan-related plan-copies" markdown>\n\n**{t("duplicates", lang)}**\n\n'
                    f"{_plan_list(catalog, uri, copies, lang)}\n\n</div>\n")
    # A plan's text is the same in every language version, so only the version in the plans' own
    # language is indexed; the search dialog of another language sends its readers to their own
    # version. Repeated plans are not indexed at all.
    searchable = not plan.is_duplicate and lang == PLAN_LANGUAGE
    return make_page(uri, plan.meta.title, "\n".join(body), plan_id=plan.id, description=summary(plan, 120),
                     search_filters=search_filters(catalog, plan) if searchable else None,
                     search_shared=True if searchable else None,
                     search_exclude=None if searchable else True)


def search_filters(catalog: Catalog, plan: Plan) -> dict[str, str]:
    """A plan's facts as search filters, named in the plans' language (the chips show them translated)."""
    tax, meta, lang = catalog.taxonomy, plan.meta, PLAN_LANGUAGE
    return {"sector": tax.label("sectors", meta.sector, lang), "institution": tax.label("institutions", meta.institution, lang),
            "section": tax.label("sections", meta.section, lang), "year": year_label(meta.year, lang),
            "term": tax.label("terms", meta.term, lang)}
