"""The build scripts type-check: a renamed field or a wrong argument fails here, not in a reader's build."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_build_scripts_type_check() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
