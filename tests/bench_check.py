"""Benchmark: how long `planlib check` takes on each plan file of the hostile suite (every file is at most 1 MB).

    .venv/bin/python tests/bench_check.py [--runs 3]

For each case, check runs in this process on a repository holding only that
plan (and the plans it needs beside it); the median of the runs is kept.
Printed: the slowest cases, the worst one against the target (2 s), and what
a whole `planlib check` command costs on top (starting Python and loading
its libraries), measured on a repository with one small plan.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TESTS = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS))

from hostile_cases import PLAN_CASES, PlanCase, plan_text, with_companions, write_plan_cases  # noqa: E402
from planlib.bench.command import machine  # noqa: E402
from planlib.cli import main  # noqa: E402
from planlib.limits import MAX_PLAN_BYTES  # noqa: E402

TARGET_SECONDS = 2.0
TAXONOMY = TESTS.parent / "plans" / "taxonomy.yml"


def repo_with(folder: Path, cases: list[PlanCase]) -> Path:
    (folder / "plans").mkdir(parents=True)
    shutil.copy(TAXONOMY, folder / "plans" / "taxonomy.yml")
    write_plan_cases(folder / "plans", cases)
    return folder


def check_seconds(root: Path) -> float:
    started = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main(["--root", str(root), "check"])
    return time.perf_counter() - started


def main_bench() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as work:
        warm = repo_with(Path(work) / "warm", [])
        (warm / "plans" / "education").mkdir()
        (warm / "plans" / "education" / "warm.md").write_text(plan_text(), encoding="utf-8")
        check_seconds(warm)  # the libraries loaded once, as in any one command
        rows = []
        for index, case in enumerate(PLAN_CASES):
            size = len(case.content())
            if size > MAX_PLAN_BYTES:  # refused from its size alone, before it is read
                continue
            root = repo_with(Path(work) / str(index), with_companions(case))
            seconds = statistics.median(check_seconds(root) for _ in range(runs))
            rows.append((seconds, case.name, size))
        startup = statistics.median(
            _timed([sys.executable, "-m", "planlib", "--root", str(warm), "check"]) for _ in range(runs))
    rows.sort(reverse=True)
    print(f"{len(rows)} plan files of at most 1 MB, the largest {max(size for _, _, size in rows) / 1000:,.0f} KB; "
          f"check in one process, median of {runs} runs\n")
    print("| case | KB | check s |\n|---|---|---|")
    for seconds, name, size in rows[:10]:
        print(f"| {name[:40]} | {size / 1000:,.1f} | {seconds:.3f} |")
    worst, name, _ = rows[0]
    verdict = "within" if worst < TARGET_SECONDS else "OVER"
    print(f"\nworst check time: {worst:.3f} s ({name}); target < {TARGET_SECONDS:.0f} s: {verdict}")
    print(f"a whole `planlib check` command on one small plan (start-up included): {startup:.2f} s")
    return 0 if worst < TARGET_SECONDS else 1


def _timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False)
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main_bench())
