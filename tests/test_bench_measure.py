"""Measuring a command: its wall and CPU seconds and the peak memory of its whole process tree."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from planlib.bench.measure import run_measured, tree_rss

# a parent that starts a child holding 200 MB while the parent spins for a while
PARENT = """
import subprocess, sys, time
child = subprocess.Popen([sys.executable, "-c", "import time; b = bytearray(200_000_000); b[::4096] = b'x' * len(b[::4096]); time.sleep(1.5)"])
end = time.process_time() + 0.3
while time.process_time() < end:
    pass
child.wait()
print("done", file=sys.stderr)
"""


def test_peak_memory_counts_the_children_and_cpu_the_work(tmp_path: Path) -> None:
    measured = run_measured([sys.executable, "-c", PARENT], tmp_path, dict(os.environ))
    assert measured.returncode == 0 and measured.stderr.strip() == "done"
    assert measured.peak_bytes > 200_000_000  # the child's memory, not only the parent's
    assert measured.cpu_seconds >= 0.3 and measured.seconds >= 1.5


def test_a_failing_command_gives_its_exit_code_and_log(tmp_path: Path) -> None:
    measured = run_measured([sys.executable, "-c", "import sys; sys.exit('no mkdocs.yml')"], tmp_path, dict(os.environ))
    assert measured.returncode == 1 and "no mkdocs.yml" in measured.stderr


def test_tree_rss_of_this_process_is_its_own_memory_at_least() -> None:
    assert tree_rss(os.getpid()) > 10_000_000
