"""Write imported plans: all or nothing, atomically, never overwriting by accident."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planlib.planfile import write_atomic
from planlib.problems import Problem


@dataclass(frozen=True)
class Outcome:
    path: Path
    status: str  # "written" | "unchanged" | "overwritten" | "would write" | "would overwrite"


def plan_writes(files: dict[Path, str], force: bool, dry_run: bool,
                shown=lambda path: path.as_posix()) -> tuple[list[Outcome], list[Problem]]:
    """Decide what writing `files` would do; refuse (write nothing) on any conflict."""
    outcomes: list[Outcome] = []
    problems: list[Problem] = []
    for path, text in files.items():
        if path.exists():
            try:
                same = path.read_text(encoding="utf-8") == text
            except (OSError, UnicodeDecodeError):
                same = False
            if same:
                outcomes.append(Outcome(path, "unchanged"))
            elif force:
                outcomes.append(Outcome(path, "would overwrite" if dry_run else "overwritten"))
            else:
                problems.append(Problem(shown(path), 1, "a different plan file is already there",
                                        "nothing was written; re-run with --force to replace it"))
        else:
            outcomes.append(Outcome(path, "would write" if dry_run else "written"))
    return outcomes, problems


def write_all(files: dict[Path, str], outcomes: list[Outcome]) -> None:
    for outcome in outcomes:
        if outcome.status in ("written", "overwritten"):
            write_atomic(outcome.path, files[outcome.path])
