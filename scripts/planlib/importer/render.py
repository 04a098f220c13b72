"""Blocks → the plan file's Markdown body."""

from __future__ import annotations

import re

from planlib.importer.structure import Block
from planlib.document import escape_marking_placeholders


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
