"""Blocks → the plan file's Markdown body, and front matter → YAML."""

from __future__ import annotations

import re

import yaml

from planlib.importer.structure import Block
from planlib.mdtext import escape_marking_placeholders


def render_body(blocks: list[Block]) -> str:
    """The Markdown of a plan body: headings, list items and paragraphs."""
    out: list[str] = []
    previous = ""
    for block in blocks:
        text = escape_marking_placeholders(block.text)
        if block.kind == "heading":
            out.extend(["", "#" * block.level + " " + text, ""])
        elif block.kind == "item":
            if previous != "item":
                out.append("")
            out.append("    " * block.level + "- " + text)
        else:
            out.extend(["", text, ""])
        previous = block.kind
    markdown = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip("\n") + "\n"


def _scalar(value: object) -> str:
    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000)
    return dumped.strip().removesuffix("...").strip()


def render_front_matter(fields: dict) -> str:
    """Front matter in the documented field order, one field per line."""
    lines = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        if isinstance(value, dict):
            entries = {k: v for k, v in value.items() if v is not None}
            if entries:
                lines.append(f"{key}:")
                lines.extend(f"  {k}: {_scalar(v)}" for k, v in entries.items())
        elif isinstance(value, list):
            lines.append(f"{key}: [{', '.join(_scalar(v) for v in value)}]")
        else:
            lines.append(f"{key}: {_scalar(value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"
