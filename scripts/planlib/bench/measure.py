"""One command measured as a whole: wall seconds, CPU seconds and the peak memory of its process tree.

Peak memory is the largest sum of resident memory over the command and all
its descendants (the build and the Pagefind service it starts), sampled from
/proc every 50 ms; CPU seconds (user + system, descendants included) are the
figure least disturbed by other work on a shared machine.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
SAMPLE_SECONDS = 0.05


@dataclass(frozen=True)
class Measured:
    seconds: float
    cpu_seconds: float
    peak_bytes: int
    returncode: int
    stderr: str


def _children() -> dict[int, list[int]]:
    """Parent pid → child pids, for every process visible in /proc."""
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants (0 where /proc is unavailable)."""
    tree = _children()
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * PAGE_BYTES
        except (OSError, IndexError, ValueError):
            pass
        stack.extend(tree.get(current, []))
    return total


def run_measured(command: list[str], cwd: Path, env: dict[str, str]) -> Measured:
    """Run `command` to its end, sampling its process tree's memory; its output is kept from the terminal."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, tree_rss(process.pid))
                done.wait(SAMPLE_SECONDS)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read().decode("utf-8", errors="replace")
    return Measured(seconds, usage.ru_utime + usage.ru_stime, max(peak, usage.ru_maxrss * 1024), process.returncode,
                    stderr)
