"""Problems found in input, reported as `path:line: what (how to fix)`."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from planlib.charpolicy import REFUSED_IN_FIELD_RE


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
        """One line for a terminal: control, invisible and bidi characters from the input shown as escapes,
        and never a line that starts with '::' (a GitHub workflow command)."""
        path = printable(self.path)
        where = f"{path}:{self.line}" if self.line > 0 else path
        how = f" ({printable(self.hint)})" if self.hint else ""
        level = "" if self.severity == "error" else f"{self.severity}: "
        line = f"{where}: {level}{printable(self.message)}{how}"
        return "./" + line if line.startswith(":") else line

    def github_annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command, every value escaped as GitHub reads it."""
        text = f"{self.message} ({self.hint})" if self.hint else self.message
        kind = "error" if self.severity == "error" else "warning"
        line = f",line={self.line}" if self.line > 0 else ""
        return f"::{kind} file={_annotation_property(self.path)}{line}::{_annotation_data(printable(text))}"


# characters that must not reach a terminal or a log as they are: the character policy's, escape included
_UNPRINTABLE_RE = REFUSED_IN_FIELD_RE


def printable(text: str) -> str:
    """Text from the input made safe to print: '\\n', '\\x1b', '\\u202e' … instead of the characters."""
    def escape(match: re.Match[str]) -> str:
        ch = match.group(0)
        if ch == "\n":
            return "\\n"
        code = ord(ch)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    return _UNPRINTABLE_RE.sub(escape, text)


def _annotation_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _annotation_property(text: str) -> str:
    return _annotation_data(printable(text)).replace(":", "%3A").replace(",", "%2C")


SHOWN_PER_FILE = 100  # problems printed for one file; the rest are counted


def shown(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in order, at most SHOWN_PER_FILE per file, each file's rest summed up in one more line."""
    by_path: dict[str, list[Problem]] = {}
    for problem in sorted(problems):
        by_path.setdefault(problem.path, []).append(problem)
    out: list[Problem] = []
    for path, found in by_path.items():
        out.extend(found[:SHOWN_PER_FILE])
        if len(found) > SHOWN_PER_FILE:
            rest = found[SHOWN_PER_FILE:]
            errors = sum(problem.severity == "error" for problem in rest)
            out.append(Problem(path, 0, f"{counted(len(rest), 'more problem')} not shown",
                               "fix those above and check again", "error" if errors else "warning"))
    return out


def report(problems: Iterable[Problem], stream: TextIO | None = None, github: bool = False) -> None:
    """Print problems, one line each in file order, at most SHOWN_PER_FILE per file, with GitHub annotations
    when asked for (the one printer: every value escaped, see Problem.format and github_annotation)."""
    out = stream if stream is not None else sys.stdout
    for problem in shown(problems):
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
