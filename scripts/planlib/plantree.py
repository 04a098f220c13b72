"""The files under plans/: which are plans, and a problem for every other file there.

A plan is a regular `.md` file. Everything else under plans/ is named, never
skipped in silence: symbolic links (a link can point outside the repository,
or nowhere), `foo.MD` and other stray files, folders that are links, and
special files such as FIFOs (reading one would wait forever). plans/taxonomy.yml
is the one other file that belongs there.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from planlib.problems import Problem, display_path

PLAN_SUFFIX = ".md"
NOT_PLANS = {"taxonomy.yml"}  # at the top of plans/


def _file_problem(path: Path, root: Path) -> Problem | None:
    """Why the file at `path` (not followed if a link) is not a plan, or None for a plan."""
    shown = display_path(path.parent, root) + "/" + path.name
    try:
        mode = path.lstat().st_mode
    except OSError as error:
        return Problem(shown, 0, f"cannot read: {error.strerror}", "check the file's permissions")
    if stat.S_ISLNK(mode):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return Problem(shown, 0, "broken symbolic link", "delete it; a plan is a file, not a link")
        if not target.is_relative_to(root.resolve()):
            return Problem(shown, 0, "symbolic link to a file outside the repository",
                           "delete it, and copy the plan in as a file if it belongs here")
        return Problem(shown, 0, "symbolic link, not a plan file", "delete it, or replace it with a copy of the file")
    if not stat.S_ISREG(mode):
        return Problem(shown, 0, "not a regular file", "delete it: plans/ holds plan files only")
    if path.suffix != PLAN_SUFFIX:
        if path.suffix.lower() == PLAN_SUFFIX:
            return Problem(shown, 0, f"file name ends in '{path.suffix}', not '.md'", f"rename it to {path.stem}.md")
        return Problem(shown, 0, "not a plan file (plans are .md files)", "move it out of plans/, or delete it")
    return None


def walk(root: Path, folder: Path) -> tuple[list[Path], list[Problem]]:
    """The plan files under `folder` (sorted), and a problem for every other file or link there."""
    plans: list[Path] = []
    problems: list[Problem] = []
    top = folder.resolve() == (root / "plans").resolve()
    for here, folders, files in os.walk(folder, followlinks=False):
        base = Path(here)
        for name in sorted(folders):
            if (base / name).is_symlink():  # os.walk does not enter it; say so
                problems.append(Problem(display_path(base, root) + "/" + name, 0,
                                        "symbolic link to a folder", "delete it; plans/ holds plan files only"))
        for name in sorted(files):
            if top and base == folder and name in NOT_PLANS:
                continue
            problem = _file_problem(base / name, root)
            if problem is None:
                plans.append(base / name)
            else:
                problems.append(problem)
    return sorted(plans), problems


def named_file_problem(path: Path, root: Path) -> Problem | None:
    """A file named on the command line: a link may lead within the repository, never out of it."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return Problem(path.as_posix(), 0, "broken symbolic link", "name the plan file itself")
        if not target.is_relative_to(root.resolve()):
            return Problem(path.as_posix(), 0, "symbolic link to a file outside the repository",
                           "name the plan file itself")
        return None
    return None


def plan_files(root: Path, targets: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """The plan files named by `targets` (files or folders) or, with none, all of plans/; and the problems."""
    files: list[Path] = []
    problems: list[Problem] = []
    for target in list(targets) or [root / "plans"]:
        if target.is_dir() and not target.is_symlink():
            found, trouble = walk(root, target)
            files.extend(found)
            problems.extend(trouble)
        else:
            problem = named_file_problem(target, root)
            if problem is None:
                files.append(target)
            else:
                problems.append(problem)
    return files, problems
