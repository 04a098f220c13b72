"""Write imported plans: all or nothing, atomically, never overwriting by accident."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from planlib.problems import Problem


@dataclass(frozen=True)
class Outcome:
    path: Path
    status: str  # "written" | "unchanged" | "overwritten" | "would write" | "would overwrite"


def atomic_write(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
            atomic_write(outcome.path, files[outcome.path])
