"""Problems found in input, reported as `path:line: what (how to fix)`."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place of one file."""

    path: str
    line: int
    message: str
    hint: str = ""
    severity: str = "error"  # "error" (blocks publishing and fails the check) or "warning" (advice)

    @property
    def blocking(self) -> bool:
        """An error: the plan is not published, and `planlib check` fails."""
        return self.severity == "error"

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line > 0 else self.path
        how = f" ({self.hint})" if self.hint else ""
        level = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}: {level}{self.message}{how}"

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command."""
        text = f"{self.message} ({self.hint})" if self.hint else self.message
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        kind = "error" if self.severity == "error" else "warning"
        line = f",line={self.line}" if self.line > 0 else ""
        return f"::{kind} file={self.path}{line}::{text}"


def report(problems: Iterable[Problem], stream: TextIO | None = None, github: bool = False) -> None:
    """Print problems, one line each in file order, with GitHub annotations when asked for (the one printer)."""
    out = stream if stream is not None else sys.stdout
    for problem in sorted(problems):
        print(problem.format(), file=out)
        if github:
            print(problem.github_annotation(), file=out)


class ProblemError(Exception):
    """Raised when input cannot be used at all; carries the problems found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(p.format() for p in problems))
        self.problems = problems


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as the user should see it: relative to `root` (or cwd) when inside."""
    base = root if root is not None else Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def counted(count: int, noun: str) -> str:
    """'1 plan', '2 plans': a count for the summary lines of the commands."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
