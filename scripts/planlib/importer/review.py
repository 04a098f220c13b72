"""The import review: what the importer inferred for a page and its plans, and what to look at.

The importer never stops on a real page: where it is unsure, it decides and
writes a review note with the source line, so that a maintainer can check that
line before committing the plan. `planlib import --strict` turns every
"look at" note into a problem that stops the import (for CI).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Note:
    """One line of the review."""

    line: int  # source line it is about; 0 for the page or plan as a whole
    message: str
    look: bool = False  # a maintainer should check this before committing

    def as_json(self) -> dict:
        return {"line": self.line, "message": self.message}

    def format(self) -> str:
        return f"line {self.line}: {self.message}" if self.line > 0 else self.message


@dataclass
class Review:
    """The notes of one page or one plan, in the order they were made."""

    notes: list[Note] = field(default_factory=list)

    def inferred(self, message: str, line: int = 0) -> None:
        """Record what was decided and from what evidence."""
        self.notes.append(Note(line, message))

    def look(self, message: str, line: int = 0) -> None:
        """Record something a maintainer should check."""
        self.notes.append(Note(line, message, look=True))

    @property
    def facts(self) -> list[Note]:
        return [note for note in self.notes if not note.look]

    @property
    def looks(self) -> list[Note]:
        return sorted((note for note in self.notes if note.look), key=lambda note: note.line)

    def as_json(self) -> dict:
        return {"inferred": [note.as_json() for note in self.facts],
                "look_at": [note.as_json() for note in self.looks]}
