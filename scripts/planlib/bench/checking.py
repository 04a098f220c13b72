"""`planlib bench check`: how long `planlib check` and `planlib export` take on synthetic libraries.

Each figure is a whole command in a process of its own, as a contributor
runs it: wall-clock seconds and CPU seconds (user + system, worker processes
included), the median of the runs, with the runs of the sizes alternating.
Cold: no cache (.cache/planlib/ deleted); warm: every file cached; one
changed plan: one file edited, then `planlib check` of that file.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from planlib.scancache import FOLDER
from planlib.synth import write_synthetic_site

MEASURES = ("check cold", "check warm", "export cold", "export warm", "check one changed plan")


@dataclass
class Timing:
    wall: float
    cpu: float


@dataclass
class SizeRuns:
    size: int
    root: Path
    runs: dict[str, list[Timing]] = field(default_factory=dict)

    def median(self, measure: str) -> Timing:
        found = self.runs[measure]
        return Timing(statistics.median(t.wall for t in found), statistics.median(t.cpu for t in found))


def _timed(root: Path, *args: str) -> Timing:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "planlib", "--root", str(root), *args], cwd=root,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"planlib {' '.join(args)} failed: {done.stderr.decode(errors='replace')[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def _library(base: Path, source: Path, size: int) -> Path:
    root = base / f"check-{size}"
    plans = list((root / "plans").rglob("synth-*.md")) if root.is_dir() else []
    if len(plans) != size:
        write_synthetic_site(source, root, size)
    return root


def _one_round(runs: SizeRuns, round_number: int) -> None:
    root = runs.root
    shutil.rmtree(root / FOLDER, ignore_errors=True)
    measured = {"check cold": _timed(root, "check")}
    measured["check warm"] = _timed(root, "check")
    measured["export warm"] = _timed(root, "export")
    changed = sorted((root / "plans").rglob("synth-*.md"))[round_number]
    with changed.open("a", encoding="utf-8") as out:
        out.write(f"\n补充说明第{round_number + 1}条：按计划推进各项工作。\n")
    measured["check one changed plan"] = _timed(root, "check", changed.relative_to(root).as_posix())
    shutil.rmtree(root / FOLDER, ignore_errors=True)
    measured["export cold"] = _timed(root, "export")
    for measure, timing in measured.items():
        runs.runs.setdefault(measure, []).append(timing)


def _load() -> str:
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def run_check_bench(source: Path, sizes: list[int], work: Path | None, rounds: int) -> int:
    from planlib.bench.command import machine

    base = work or Path(tempfile.mkdtemp(prefix="planlib-bench-check-"))
    print(f"machine: {machine()}; load average before: {_load()}")
    every = [SizeRuns(size, _library(base, source, size)) for size in sizes]
    for round_number in range(rounds):  # the sizes alternate, so that a busy spell does not fall on one size
        for runs in every:
            _one_round(runs, round_number)
            print(f"round {round_number + 1}, {runs.size} plans: done; load average: {_load()}", flush=True)
    print(f"\nmedian of {rounds} run(s); seconds wall-clock (CPU seconds, all processes)\n")
    print("| plans | " + " | ".join(MEASURES) + " | check cold ms/plan | check warm ms/plan |")
    print("|---|" + "---|" * (len(MEASURES) + 2))
    for runs in every:
        cells = [f"{runs.median(m).wall:.1f} ({runs.median(m).cpu:.1f})" for m in MEASURES]
        per_plan = [f"{1000 * runs.median(m).wall / runs.size:.2f}" for m in ("check cold", "check warm")]
        print(f"| {runs.size} | " + " | ".join(cells + per_plan) + " |")
    if len(every) > 1:
        small, large = every[0], every[-1]
        for measure in ("check cold", "check warm"):
            ratio = (large.median(measure).wall / large.size) / (small.median(measure).wall / small.size)
            print(f"{measure}: time per plan at {large.size} is {ratio:.2f}× the time per plan at {small.size}")
    print(f"load average after: {_load()}")
    return 0
