"""Text that remembers where each character came from, and what was dropped.

A `Para` is a run of source characters, each with its (line, column) origin.
Cleaning rules remove or replace characters only through `Para` methods,
which write a `Removal` to the ledger. `accounting.py` then proves that the
output equals the source minus the ledger.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

Origin = tuple[int, int]  # (1-based source line, 0-based column)


@dataclass(frozen=True)
class Removal:
    """Source text the importer did not keep (or kept as something else)."""

    rule: str
    text: str
    line: int
    column: int
    replaced_by: str | None = None

    def as_json(self) -> dict:
        record = {"rule": self.rule, "text": self.text, "line": self.line, "column": self.column}
        if self.replaced_by is not None:
            record["replaced_by"] = self.replaced_by
        return record


@dataclass
class Ledger:
    removals: list[Removal] = field(default_factory=list)

    def add(self, rule: str, text: str, origin: Origin, replaced_by: str | None = None) -> None:
        if text:
            self.removals.append(Removal(rule, text, origin[0], origin[1], replaced_by))


@dataclass
class Para:
    """One paragraph of source text with per-character origins."""

    chars: list[str]
    origins: list[Origin]

    @classmethod
    def from_line(cls, text: str, line: int, start_column: int = 0) -> Para:
        return cls(list(text), [(line, start_column + i) for i in range(len(text))])

    @property
    def text(self) -> str:
        return "".join(self.chars)

    @property
    def line(self) -> int:
        return self.origins[0][0] if self.origins else 0

    def __len__(self) -> int:
        return len(self.chars)

    def copy(self) -> Para:
        return Para(list(self.chars), list(self.origins))

    def slice(self, start: int, end: int) -> Para:
        return Para(self.chars[start:end], self.origins[start:end])

    def join(self, other: Para, separator: str = "") -> Para:
        """This paragraph followed by `other` (layout-only separator, no origin)."""
        return Para(self.chars + list(separator) + other.chars,
                    self.origins + [(-1, -1)] * len(separator) + other.origins)

    def remove(self, start: int, end: int, rule: str, ledger: Ledger) -> None:
        """Drop chars [start, end) and record them, one entry per source line.

        Whitespace is layout: it is dropped but not recorded.
        """
        if start >= end:
            return
        group: list[tuple[str, Origin]] = []
        for char, origin in zip(self.chars[start:end], self.origins[start:end]):
            if group and origin[0] != group[-1][1][0]:
                self._record(group, rule, ledger)
                group = []
            group.append((char, origin))
        self._record(group, rule, ledger)
        del self.chars[start:end]
        del self.origins[start:end]

    @staticmethod
    def _record(group: list[tuple[str, Origin]], rule: str, ledger: Ledger) -> None:
        text = "".join(char for char, _ in group)
        if text.strip():
            origin = next(o for c, o in group if not c.isspace())
            ledger.add(rule, text.strip(), origin)

    def replace(self, start: int, end: int, new: str, rule: str, ledger: Ledger) -> None:
        """Replace chars [start, end) by `new`, recording the change."""
        old = "".join(self.chars[start:end])
        if old == new:
            return
        origin = self.origins[start] if start < len(self.origins) else (self.line, 0)
        ledger.add(rule, old, origin, replaced_by=new)
        self.chars[start:end] = list(new)
        self.origins[start:end] = [origin] * len(new)

    def sub(self, pattern: re.Pattern[str], rule: str, ledger: Ledger,
            replacement: Callable[[re.Match[str]], str | None] | None = None) -> int:
        """Remove (or replace) every match of `pattern`; return how many changed."""
        changed = 0
        for match in reversed(list(pattern.finditer(self.text))):
            new = replacement(match) if replacement else ""
            if new is None:
                continue
            if new == "":
                self.remove(match.start(), match.end(), rule, ledger)
            else:
                self.replace(match.start(), match.end(), new, rule, ledger)
            changed += 1
        return changed

    def respaced(self, text: str) -> Para:
        """This paragraph as `text`, which differs from it only in whitespace (layout)."""
        chars, origins = [], []
        index = 0
        for char in text:
            while index < len(self.chars) and self.chars[index] != char and self.chars[index].isspace():
                index += 1
            if index < len(self.chars) and self.chars[index] == char:
                chars.append(char)
                origins.append(self.origins[index])
                index += 1
            elif char.isspace():
                chars.append(char)
                origins.append((-1, -1))
            else:
                raise ValueError("respaced text differs in more than whitespace")
        return Para(chars, origins)

    def strip(self) -> Para:
        """Leading and trailing whitespace removed (layout, not recorded)."""
        start, end = 0, len(self.chars)
        while start < end and self.chars[start].isspace():
            start += 1
        while end > start and self.chars[end - 1].isspace():
            end -= 1
        return self.slice(start, end)
