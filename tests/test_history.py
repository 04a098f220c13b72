"""When plans were added: from git, else the file's time."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from planlib.history import added_times


def test_git_history_then_file_times(tmp_path: Path) -> None:
    plans = tmp_path / "plans" / "education"
    plans.mkdir(parents=True)
    env = {**os.environ, "GIT_AUTHOR_DATE": "2024-01-02T00:00:00Z", "GIT_COMMITTER_DATE": "2024-01-02T00:00:00Z",
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.com"}
    (plans / "a.md").write_text("a", encoding="utf-8")
    for command in (["git", "init", "-q"], ["git", "add", "plans"], ["git", "commit", "-q", "-m", "a"]):
        subprocess.run(command, cwd=tmp_path, env=env, check=True)
    (plans / "b.md").write_text("b", encoding="utf-8")
    os.utime(plans / "b.md", (1_800_000_000, 1_800_000_000))
    times = added_times(tmp_path, {"a": plans / "a.md", "b": plans / "b.md"})
    assert times == {"a": 1704153600.0, "b": 1_800_000_000.0}
