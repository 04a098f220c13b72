"""Part galleries: one kind of part (指导思想, 月度安排 …) from every plan, side by side."""

from __future__ import annotations

import re

from planlib.mdtext import inline
from planlib.placeholders import to_spans
from planlib.sanitize import inert_markdown
from planlib.pages import links
from planlib.pages.catalog import Catalog
from planlib.pages.entries import facts_line
from planlib.pages.indexes import pager, paged_title
from planlib.pages.labels import colon, t
from planlib.pages.page import VirtualPage, make_page

_HEADING_RE = re.compile(r"^#{3,6}\s+(.*)$", re.MULTILINE)


def part_anchor(plan_id: str, index: int) -> str:
    return f"part-{plan_id}-{index}"


def _demote_headings(markdown: str) -> str:
    """A part's subheadings as bold lines, so that a gallery page has no giant table of contents."""
    return _HEADING_RE.sub(lambda m: f"**{m.group(1).strip()}**", markdown)


def gallery_pages(catalog: Catalog, kind: str, lang: str) -> list[VirtualPage]:
    tax = catalog.taxonomy
    entries = catalog.parts.get(kind, [])
    first = links.gallery_uri(kind)
    title = t("gallery_title", lang, kind=tax.label("part_kinds", kind, lang))
    chunks = links.chunked(entries, links.GALLERY_PAGE_SIZE)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        uri = links.paged_uri(first, number)
        heading = paged_title(title, number, lang)
        body = [f"# {inline(heading)}", "", t("parts_count", lang, n=len(entries)), "",
                pager(first, number, len(chunks), lang)]
        for plan, part in chunk:
            index = plan.parts.index(part)
            anchor = part_anchor(plan.id, index)
            link = links.relative(uri, links.plan_uri(plan.id))
            body += ['<div class="part-entry" markdown>', "",
                     f"**{inline(part.title)}**", "{: .part-entry__title }", "",
                     f'<div class="part-entry__text" id="{anchor}" data-plan="{plan.id}" markdown>', "",
                     to_spans(_demote_headings(inert_markdown(part.markdown))), "", "</div>", "",
                     f"{t('from_plan', lang)}{colon(lang)}[{inline(plan.meta.title)}]({link}) · "
                     f"{inline(facts_line(plan, tax, lang))}", "{: .part-entry__source }", "", "</div>", ""]
        body.append(pager(first, number, len(chunks), lang))
        pages.append(make_page(uri, heading, "\n".join(body), plan_index="gallery"))
    return pages


def all_gallery_pages(catalog: Catalog, lang: str) -> list[VirtualPage]:
    return [page for kind in catalog.gallery_kinds() for page in gallery_pages(catalog, kind, lang)]
