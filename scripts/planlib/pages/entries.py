"""How a plan is shown in a list: title and link, facts, one-line summary, its parts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planlib import urls
from planlib.labels import year_label
from planlib.model import Plan
from planlib.taxonomy import Taxonomy

SUMMARY_CHARS = 80
SENTENCE_END_RE = re.compile(r"(?<=[。；！？])")


@dataclass(frozen=True)
class PlanEntry:
    title: str
    href: str
    facts: str  # 幼儿园 · 教科室 · 2023年 · 第一学期
    summary: str = ""
    parts: str = ""  # the kinds of its parts: 指导思想 · 工作目标 …


def summary(plan: Plan, limit: int = SUMMARY_CHARS) -> str:
    """The first sentence of the plan's 指导思想 (or of its first part), shortened."""
    parts = [p for p in plan.parts if p.kind == "guiding" and p.text.strip()] or \
        [p for p in plan.parts if p.text.strip()]
    if not parts:
        return ""
    text = parts[0].text.replace("\n", "")
    first = SENTENCE_END_RE.split(text, maxsplit=1)[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"


def facts_line(plan: Plan, tax: Taxonomy, lang: str) -> str:
    meta = plan.meta
    return " · ".join([tax.label("institutions", meta.institution, lang), tax.label("sections", meta.section, lang),
                       year_label(meta.year, lang), tax.label("terms", meta.term, lang)])


def parts_line(plan: Plan, tax: Taxonomy, lang: str) -> str:
    kinds: list[str] = []
    for part in plan.parts:
        label = tax.label("part_kinds", part.kind, lang)
        if label not in kinds:
            kinds.append(label)
    return " · ".join(kinds)


def entry(plan: Plan, from_uri: str, tax: Taxonomy, lang: str, full: bool = False) -> PlanEntry:
    """A plan in a list on the page `from_uri`; `full` adds its summary and parts (index pages)."""
    href = urls.href(from_uri, urls.plan(plan.id))
    # a plan is listed on many pages: its lines are made once per language (Plan.derived)
    facts = plan.derived(f"facts_line:{lang}", tax, lambda: facts_line(plan, tax, lang))
    if not full:
        return PlanEntry(plan.meta.title, href, facts)
    return PlanEntry(plan.meta.title, href, facts, plan.derived("summary", tax, lambda: summary(plan)),
                     plan.derived(f"parts_line:{lang}", tax, lambda: parts_line(plan, tax, lang)))
