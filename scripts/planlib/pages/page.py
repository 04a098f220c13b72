"""A generated page as data: where it goes, its title, its template and the view the template renders.

Page modules (pages/, calendar/) return `VirtualPage`s; the templates in
overrides/planlib/ turn their views into HTML (render.py), and the MkDocs
adapter hands them to the build. `content` is all MkDocs itself reads of a
generated page: its front matter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from planlib.anchors import Anchors
from planlib.document import Heading
from planlib.sanitize import text_for_meta


@dataclass(frozen=True)
class Link:
    """A link as a reader sees it; without href it is plain text (an index that does not exist)."""

    label: str
    href: str | None = None
    count: str | None = None  # shown after the label, small (a number, "23 篇")
    lang: str | None = None  # the label's language when it is not the page's (a plan's own words)


@dataclass
class Outline:
    """The headings of a generated page, in order: their ids, and the page's table of contents."""

    anchors: Anchors = field(default_factory=Anchors)
    headings: list[Heading] = field(default_factory=list)

    def heading(self, level: int, text: str) -> Heading:
        heading = Heading(level, text, self.anchors.heading(text))
        self.headings.append(heading)
        return heading


@dataclass(frozen=True)
class VirtualPage:
    src_uri: str  # language-neutral path in the docs tree, e.g. browse/year/2023/index.md
    title: str
    template: str  # in overrides/planlib/
    view: Any  # what the template renders
    headings: list[Heading]  # the table of contents
    meta: dict[str, Any]  # further front matter: description, plan_id or plan_index, search settings

    @property
    def content(self) -> str:
        """The page's front matter, as MkDocs reads it (generated pages hide the empty navigation sidebar)."""
        fields: dict[str, object] = {"title": text_for_meta(self.title), "hide": ["navigation"]}
        for key, value in self.meta.items():
            if value is not None:
                fields[key] = text_for_meta(value) if key == "description" and isinstance(value, str) else value
        # JSON values are valid YAML, and much faster to write than through a YAML emitter
        front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items())
        return f"---\n{front}---\n"


@dataclass(frozen=True)
class VirtualFile:
    """A generated download: pages link to `src_uri`; it is written to `dest_uri` in the site."""

    src_uri: str  # e.g. calendar/ics/plan/x-2027-2028.ics
    data: bytes
    dest_uri: str | None = None  # when it differs (a .md download must not be taken for a page)
