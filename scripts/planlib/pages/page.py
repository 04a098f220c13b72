"""A generated page: where it goes and its Markdown (front matter + body)."""

from __future__ import annotations

from dataclasses import dataclass

import json

from planlib.sanitize import text_for_meta


@dataclass(frozen=True)
class VirtualPage:
    src_uri: str  # language-neutral path in the docs tree, e.g. browse/year/2023/index.md
    content: str  # Markdown with front matter


@dataclass(frozen=True)
class VirtualFile:
    """A generated download: pages link to `src_uri`; it is written to `dest_uri` in the site."""

    src_uri: str  # e.g. calendar/ics/plan/x-2027-2028.ics
    data: bytes
    dest_uri: str | None = None  # when it differs (a .md download must not be taken for a page)


def make_page(src_uri: str, title: str, body: str, **meta: object) -> VirtualPage:
    """A page with front matter; generated pages hide the (empty) navigation sidebar."""
    fields: dict[str, object] = {"title": text_for_meta(title), "hide": ["navigation"]}
    for key, value in meta.items():
        if value is not None:
            fields[key] = text_for_meta(value) if key == "description" and isinstance(value, str) else value
    # JSON values are valid YAML, and much faster to write than through a YAML emitter
    front = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in fields.items())
    return VirtualPage(src_uri, f"---\n{front}---\n\n{body.rstrip()}\n")
