"""A plan: validated front matter (pydantic) plus its document tree."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from collections.abc import Callable
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from planlib.document import Document, Part, ScheduleMonth

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
T = TypeVar("T")
FIELDS = ("title", "sector", "institution", "section", "year", "term", "tags", "source", "duplicate_of")


class Source(BaseModel):
    """Where an imported plan came from."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    file: str | None = None
    item: str | None = None
    collection: str | None = None
    published: str | None = None  # when the source page was posted, as it says (2023-04-14, or a year)
    site: str | None = None  # the site's name or host, as a reader would know it (海考网)


class PlanMeta(BaseModel):
    """A plan's front matter, as written in the plan file."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    title: str = Field(min_length=1, max_length=120)
    sector: str = Field(min_length=1)
    institution: str = Field(min_length=1)
    section: str = Field(min_length=1)
    year: int | Literal["unknown"]
    term: str = Field(min_length=1)
    tags: list[str] = Field(default_factory=list, max_length=20)
    source: Source | None = None
    duplicate_of: str | None = None

    @field_validator("title")
    @classmethod
    def _title_one_line(cls, title: str) -> str:
        if "\n" in title or not title.strip():
            raise ValueError("title must be one non-empty line")
        if "<" in title or ">" in title:
            raise ValueError("title must be plain text, without < or >")
        return title


@dataclass
class Plan:
    """One plan file, loaded and validated."""

    id: str
    path: str  # as shown to users: relative to the repository, with /
    meta: PlanMeta
    document: Document  # the body, parsed once
    markdown: str  # the body as written, front matter removed
    body_line: int  # file line where `markdown` starts
    front_lines: dict[tuple[str, ...], int] = field(default_factory=dict)  # front matter key → line in the front
    _derived: dict[str, tuple[object, Any]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def derived(self, name: str, tax: object, compute: Callable[[], T]) -> T:
        """What `compute` gives from this plan and the taxonomy `tax` alone, computed once while both are
        the same objects: in a build, and from build to build of a serve session (preview.PlanMemo keeps
        unchanged plans). `name` says which value; the value must not be changed by its users."""
        kept = self._derived.get(name)
        if kept is not None and kept[0] is tax:
            return kept[1]
        value = compute()
        self._derived[name] = (tax, value)
        return value

    def line_of(self, *keys: str) -> int:
        """The file line of a front matter field (or of its nearest parent; else the opening ---)."""
        path = tuple(keys)
        while path:
            if path in self.front_lines:
                return 1 + self.front_lines[path]
            path = path[:-1]
        return 1

    @property
    def parts(self) -> list[Part]:
        return self.document.parts

    @property
    def schedule(self) -> list[ScheduleMonth]:
        return self.document.schedule

    @cached_property
    def text(self) -> str:
        """The whole plan as plain text (its parts' text, in order)."""
        return self.document.text

    def part_markdown(self, part: Part, heading: bool = False) -> str:
        """A part's Markdown as written, with or without its heading."""
        first, end = part.lines
        if heading:
            first = part.line - self.body_line
        return "\n".join(self.markdown.split("\n")[first:end]).strip("\n")

    @property
    def is_duplicate(self) -> bool:
        return self.meta.duplicate_of is not None
