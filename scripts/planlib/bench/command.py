"""`planlib bench`: one run, several library sizes, a table of figures."""

from __future__ import annotations

import platform
import tempfile
from pathlib import Path

from planlib.bench.build import build_site
from planlib.synth import write_synthetic_site


def machine() -> str:
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    import os

    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def run_bench(root: Path, sizes: list[int], work: Path | None) -> int:
    base = work or Path(tempfile.mkdtemp(prefix="planlib-bench-"))
    print(f"machine: {machine()}")
    print(f"{'plans':>6} {'build s':>8} {'s/plan':>7} {'load s':>7} {'index s':>8} {'index %':>8} "
          f"{'pages':>6} {'site MB':>8} {'KB/plan':>8} {'largest plan page KB':>21}")
    for size in sizes:
        site = base / f"lib-{size}"
        write_synthetic_site(root, site, size)
        figures = build_site(site)
        print(f"{size:>6} {figures.seconds:>8.1f} {figures.seconds / size:>7.4f} {figures.load_seconds:>7.2f} "
              f"{figures.index_seconds:>8.2f} {figures.index_share:>8.1%} {figures.pages:>6} "
              f"{figures.site_bytes / 1e6:>8.1f} {figures.site_bytes / size / 1e3:>8.1f} "
              f"{figures.largest_plan_page / 1e3:>21.1f}", flush=True)
    return 0
