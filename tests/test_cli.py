"""The installed command line, in a process of its own, as a user runs it (the other tests call it in-process)."""

from __future__ import annotations

import subprocess
import sys

from conftest import FIXTURES, REPO, run_planlib


def test_the_command_exits_with_its_verdict_and_no_traceback() -> None:
    broken = subprocess.run([sys.executable, "-m", "planlib", "check", str(FIXTURES / "broken" / "year-out-of-range.md")],
                            cwd=REPO, capture_output=True, text=True, timeout=600)
    assert broken.returncode == 1 and "year 1900 is out of range" in broken.stdout
    assert "Traceback" not in broken.stdout + broken.stderr


def test_version_and_a_clean_check() -> None:
    assert run_planlib("--version").returncode == 0
    ok = run_planlib("check", str(FIXTURES / "library" / "plans"))
    assert ok.returncode == 0 and ok.stdout.splitlines()[-1].startswith("ok: 4 plans checked")
