"""Blocks → the plan file's Markdown body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from planlib.importer.ledger import Para
from planlib.document import escape_marking_placeholders


@dataclass
class Block:
    """One Markdown block of the output."""

    kind: str  # "heading" | "item" | "continuation" (of the item before) | "para"
    level: int  # heading level (2-5) or list depth (0-3)
    para: Para | None  # source text; None for a heading the importer had to supply
    added: str = ""  # text the importer supplied (inferred headings)
    month: bool = False  # a month heading of a schedule: its label stays exactly as written

    @property
    def text(self) -> str:
        return self.para.text if self.para is not None else self.added

    @property
    def line(self) -> int:
        """The source line the block starts on (0 for a supplied heading)."""
        return self.para.line if self.para is not None and self.para.line > 0 else 0


def render_body(blocks: list[Block]) -> str:
    """The Markdown of a plan body: headings, list items and paragraphs."""
    out: list[str] = []
    previous = ""
    for block in blocks:
        text = escape_marking_placeholders(block.text)
        if block.kind == "heading":
            out.extend(["", "#" * block.level + " " + text, ""])
        elif block.kind == "item":
            if previous not in ("item", "continuation"):
                out.append("")
            out.append("    " * block.level + "- " + text)
        elif block.kind == "continuation":
            out.append("    " * block.level + "  " + text)
        else:
            out.extend(["", text, ""])
        previous = block.kind
    markdown = "\n".join(out)
    return re.sub(r"\n{3,}", "\n\n", markdown).strip("\n") + "\n"
