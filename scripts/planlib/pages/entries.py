"""How a plan is shown in a list: title, facts, one-line summary, its parts."""

from __future__ import annotations

import re

from planlib.model import Plan
from planlib.mdtext import inline
from planlib.pages import links
from planlib.pages.labels import colon, t
from planlib.taxonomy import Taxonomy

SUMMARY_CHARS = 80
SENTENCE_END_RE = re.compile(r"(?<=[。；！？])")


def summary(plan: Plan, limit: int = SUMMARY_CHARS) -> str:
    """The first sentence of the plan's 指导思想 (or of its first part), shortened."""
    parts = [p for p in plan.parts if p.kind == "guiding" and p.text.strip()] or \
        [p for p in plan.parts if p.text.strip()]
    if not parts:
        return ""
    text = parts[0].text.replace("\n", "")
    first = SENTENCE_END_RE.split(text, maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"


def year_label(year: int | str, lang: str) -> str:
    return t("unknown_year", lang) if year == "unknown" else t("year_label", lang, year=year)


def facts_line(plan: Plan, tax: Taxonomy, lang: str) -> str:
    meta = plan.meta
    return " · ".join([tax.label("institutions", meta.institution, lang), tax.label("sections", meta.section, lang),
                       year_label(meta.year, lang), tax.label("terms", meta.term, lang)])


def parts_line(plan: Plan, tax: Taxonomy, lang: str) -> str:
    kinds = []
    for part in plan.parts:
        label = tax.label("part_kinds", part.kind, lang)
        if label not in kinds:
            kinds.append(label)
    return " · ".join(kinds)


def entry(plan: Plan, from_uri: str, tax: Taxonomy, lang: str) -> str:
    """One plan as a list entry, in Markdown."""
    link = links.relative(from_uri, links.plan_uri(plan.id))
    lines = ['<div class="plan-entry" markdown>', "",
             f"[{inline(plan.meta.title)}]({link}){{ .plan-entry__title }}", "",
             inline(facts_line(plan, tax, lang)), "{: .plan-entry__meta }", ""]
    text = summary(plan)
    if text:
        lines += [inline(text), "{: .plan-entry__summary }", ""]
    lines += [f"{t('parts', lang)}{colon(lang)}{inline(parts_line(plan, tax, lang))}",
              "{: .plan-entry__parts }", "", "</div>", ""]
    return "\n".join(lines)
