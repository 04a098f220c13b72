"""The site's pages derived from the library, as (path, Markdown) pairs.

Pure functions: no MkDocs imports. scripts/hooks.py hands the result to MkDocs
as virtual files, so nothing generated is ever written into docs/.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from planlib.library import Library
from planlib.model import Plan

PLAN_DIR = "plan"


@dataclass(frozen=True)
class VirtualPage:
    src_uri: str  # path inside the docs tree, e.g. plan/<id>.md
    content: str  # Markdown with front matter


def plan_uri(plan_id: str) -> str:
    return f"{PLAN_DIR}/{plan_id}.md"


def _front_matter(fields: dict) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\n\n"


def plan_page(plan: Plan) -> VirtualPage:
    """The page of one plan: its title and body as written."""
    meta = {"title": plan.meta.title, "plan_id": plan.id}
    return VirtualPage(plan_uri(plan.id), _front_matter(meta) + plan.markdown.strip() + "\n")


def site_pages(library: Library) -> list[VirtualPage]:
    """Every generated page of the site."""
    return [plan_page(plan) for plan in library.plans]
