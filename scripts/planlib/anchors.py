"""Ids of headings and anchors on generated pages, the same as MkDocs' table of contents would make.

Heading ids are slugs of the heading text (pymdownx.slugs, lower case, as
mkdocs.yml configures the toc extension) made unique on the page with
Python-Markdown's own rule (_1, _2 …), so that links to a part of a plan
stay what they were. Schedule months and gallery entries have fixed ids
that the timeline and the reader tools link to.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markdown.extensions.toc import unique
from pymdownx.slugs import slugify

PERMALINK = "¶"  # the link after each heading, as the toc extension's `permalink: true` writes it
PERMALINK_TITLE = "Permanent link"
_slug = slugify(case="lower")


def schedule_anchor(index: int) -> str:
    """The id of a plan's n-th schedule month (0-based), which the plan's timeline links to."""
    return f"schedule-{index}"


def part_anchor(plan_id: str, index: int) -> str:
    """The id of a plan's n-th part in a part gallery."""
    return f"part-{plan_id}-{index}"


@dataclass
class Anchors:
    """The ids used on one page; each new heading gets its own."""

    used: set[str] = field(default_factory=set)

    def reserve(self, anchor: str) -> str:
        """A fixed id (schedule-0 …): taken as it is, so that slugs avoid it."""
        self.used.add(anchor)
        return anchor

    def heading(self, text: str) -> str:
        """A unique id for a heading with this text."""
        return unique(_slug(text, "-"), self.used)
