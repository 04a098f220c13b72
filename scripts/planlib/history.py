"""When each plan was added to the library: from git history, else the file's time."""

from __future__ import annotations

import subprocess
from pathlib import Path


def added_times(root: Path, plan_paths: dict[str, Path]) -> dict[str, float]:
    """Plan id → the time its file was added (seconds since the epoch)."""
    by_path: dict[str, float] = {}
    try:
        log = subprocess.run(["git", "log", "--diff-filter=A", "--format=@%ct", "--name-only", "--", "plans"],
                             cwd=root, capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        log = ""
    current = 0.0
    for line in log.splitlines():
        if line.startswith("@"):
            current = float(line[1:])
        elif line.strip() and line not in by_path:
            by_path[line.strip()] = current
    times = {}
    for plan_id, path in plan_paths.items():
        try:
            relative = path.resolve().relative_to(root.resolve()).as_posix() if path.is_absolute() else path.as_posix()
        except ValueError:  # outside the repository (plantree refuses such links; never crash on one)
            times[plan_id] = 0.0
            continue
        if relative in by_path:
            times[plan_id] = by_path[relative]
        else:
            try:
                times[plan_id] = (root / relative).stat().st_mtime
            except OSError:
                times[plan_id] = 0.0
    return times
