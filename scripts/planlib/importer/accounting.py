"""Proof that an import lost nothing: output = source − what the ledger names.

Whitespace is layout and is ignored; Markdown markup added by the importer
(heading and list markers, escapes) and headings it had to supply are not
text of the plan. Every other character of the source must appear in the
output, in order, unless the ledger lists it as removed (or replaced).
"""

from __future__ import annotations

from collections import Counter

from dataclasses import dataclass

from planlib import document
from planlib.importer.ledger import Removal


@dataclass(frozen=True)
class Mismatch:
    position: int
    expected: str
    found: str

    def describe(self) -> str:
        return f"at character {self.position}: source has '{self.expected}', output has '{self.found}'"


def _squash(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def expected_text(source_lines: dict[int, str], removals: list[Removal]) -> str:
    """The source lines with every ledger entry applied, whitespace dropped.

    Several entries at one place are successive edits of the same characters
    (a ':' made '：', then dropped from a heading): the first says what the
    source had, the last what became of it.
    """
    edits: dict[int, dict[int, list[Removal]]] = {}
    for removal in removals:
        edits.setdefault(removal.line, {}).setdefault(removal.column, []).append(removal)
    out = []
    for number in sorted(source_lines):
        line = source_lines[number]
        on_line = edits.get(number, {})
        for column in sorted(on_line, reverse=True):
            first, last = on_line[column][0], on_line[column][-1]
            start = end = column
            wanted, taken = len(_squash(first.text)), 0
            while end < len(line) and taken < wanted:
                if not line[end].isspace():
                    taken += 1
                end += 1
            line = line[:start] + (last.replaced_by or "") + line[end:]
        out.append(line)
    return _squash("".join(out))


def output_text(markdown: str, added_headings: list[str]) -> str:
    """The plan body's text as a reader sees it, without headings the importer supplied.

    Each supplied heading is left out once (it comes before the source's own
    text), so a heading of the source that reads the same is still counted.
    """
    to_skip = Counter(added_headings)
    kept: list[str] = []
    for block in document.blocks(markdown):
        if block.kind == "heading" and to_skip[block.text] > 0:
            to_skip[block.text] -= 1
            continue
        kept.append(block.text)
    return _squash("".join(kept))


def compare(expected: str, found: str) -> Mismatch | None:
    """The first difference between two squashed texts, if any."""
    for position, (a, b) in enumerate(zip(expected, found)):
        if a != b:
            return Mismatch(position, expected[max(0, position - 10):position + 10],
                            found[max(0, position - 10):position + 10])
    if len(expected) != len(found):
        position = min(len(expected), len(found))
        return Mismatch(position, expected[position:position + 20] or "(end)", found[position:position + 20] or "(end)")
    return None
