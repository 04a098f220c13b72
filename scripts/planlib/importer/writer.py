"""Write imported plans: all or nothing when there is a conflict, atomically, never overwriting by accident.

Writing can still stop half-way (a full disk, a read-only folder, Ctrl-C):
each file is written whole or not at all, `WriteStopped` says which were, and
the same import run again finds those unchanged and writes the rest.
"""

from __future__ import annotations

import errno
import stat
from dataclasses import dataclass
from pathlib import Path

from planlib.planfile import write_atomic
from planlib.problems import Problem


@dataclass(frozen=True)
class Outcome:
    path: Path
    status: str  # "written" | "unchanged" | "overwritten" | "would write" | "would overwrite" | "not written"


class WriteStopped(Exception):
    """Writing stopped before the end: at `path`, for `reason`; `written` are the files already in place."""

    def __init__(self, path: Path, reason: str, hint: str, written: list[Path]):
        super().__init__(reason)
        self.path, self.reason, self.hint, self.written = path, reason, hint, written


def _in_the_way(path: Path) -> str | None:
    """What is at `path` that no import may replace (a folder, a link, a special file), if anything."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"cannot look at it: {error.strerror}"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if not stat.S_ISREG(mode):
        return "a special file"
    return None


def plan_writes(files: dict[Path, str], force: bool, dry_run: bool,
                shown=lambda path: path.as_posix()) -> tuple[list[Outcome], list[Problem]]:
    """Decide what writing `files` would do; refuse (write nothing) on any conflict."""
    outcomes: list[Outcome] = []
    problems: list[Problem] = []
    for path, text in files.items():
        blocker = _in_the_way(path)
        if blocker is not None:
            problems.append(Problem(shown(path), 0, f"{blocker} is where this plan would go",
                                    "nothing was written; move it away (even --force replaces plan files only)"))
        elif path.exists():
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


_REASONS = {
    errno.ENOSPC: ("the disk is full", "free some space"),
    errno.EDQUOT: ("the disk quota is used up", "free some space"),
    errno.EROFS: ("the folder is on a read-only file system", "write somewhere writable (--out)"),
    errno.EACCES: ("permission denied", "make the folder writable, or write elsewhere (--out)"),
    errno.EPERM: ("permission denied", "make the folder writable, or write elsewhere (--out)"),
    errno.ENOTDIR: ("a file is where a folder should be", "move that file away"),
    errno.EISDIR: ("a folder is where the plan would go", "move that folder away"),
}


def write_all(files: dict[Path, str], outcomes: list[Outcome]) -> list[Path]:
    """Write every file the outcomes say to write, in order; raise WriteStopped if that cannot be finished."""
    written: list[Path] = []
    for outcome in outcomes:
        if outcome.status not in ("written", "overwritten"):
            continue
        try:
            write_atomic(outcome.path, files[outcome.path])
        except OSError as error:
            reason, hint = _REASONS.get(error.errno or 0, (error.strerror or str(error), "see the reason"))
            raise WriteStopped(outcome.path, f"cannot write: {reason}", hint, in_place(files, outcomes)) from None
        except KeyboardInterrupt:
            raise WriteStopped(outcome.path, "interrupted (Ctrl-C)", "", in_place(files, outcomes)) from None
        written.append(outcome.path)
    return written


def in_place(files: dict[Path, str], outcomes: list[Outcome]) -> list[Path]:
    """The files of the batch that hold what this import writes (asked of the disk, not remembered)."""
    done = []
    for outcome in outcomes:
        if outcome.status in ("written", "overwritten"):
            try:
                if outcome.path.read_text(encoding="utf-8") == files[outcome.path]:
                    done.append(outcome.path)
            except (OSError, UnicodeDecodeError):
                pass
    return done
