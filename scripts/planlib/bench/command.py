"""`planlib bench`: one run, several library sizes, one table of figures.

For each size: a synthetic library (planlib synth) built as this site, the
same Markdown built as a bare Material site with its default search, and
both searched in headless Chromium.
"""

from __future__ import annotations

import os
import platform
import statistics
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from planlib.bench.build import BuildFigures, build_site
from planlib.bench.measure import Measured
from planlib.bench.serve import PREVIEW_COMMAND, preview_figures
from planlib.bench.search import QUERY, SearchFigures, build_bare, search_figures, write_bare_material
from planlib.synth import write_synthetic_site

T = TypeVar("T", BuildFigures, Measured)


def machine() -> str:
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    try:
        memory = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")) / 2**20
        memory_text = f", {memory:.0f} GiB RAM"
    except (OSError, StopIteration):
        memory_text = ""
    return f"{cpu}, {os.cpu_count()} cores{memory_text}, Python {platform.python_version()}, {platform.system()}"


@dataclass
class Row:
    size: int
    ours: BuildFigures  # the run of median wall time
    bare: Measured  # the same
    pagefind: SearchFigures | None
    material: SearchFigures | None
    bare_bytes: int = 0
    runs: int = 1
    ours_cpu: float = 0.0  # medians over the runs
    bare_cpu: float = 0.0
    ours_peak: int = 0
    bare_peak: int = 0


def _site_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


COLUMNS = ["plans", "runs", "wall s (ours)", "wall s (Material)", "wall ratio", "CPU s (ours)", "CPU s (Material)",
           "CPU ratio", "peak MB (ours)", "peak MB (Material)", "memory ratio", "build s/plan (ours)",
           "site KB/plan (ours)", "site KB/plan (Material)", "largest plan page KB", "index share of build",
           "first query KB (Pagefind)", "first query KB (Material)", "ms to first result (Pagefind)",
           "ms to first result (Material)"]


def _cells(row: Row) -> list[str]:
    def kb(figures: SearchFigures | None) -> str:
        return f"{figures.bytes_fetched / 1000:.0f}" if figures else "–"

    def ms(figures: SearchFigures | None) -> str:
        return f"{figures.ms_to_first_result:.0f}" if figures else "–"

    def ratio(ours: float, bare: float) -> str:
        return f"{ours / bare:.2f}" if bare else "–"

    ours_cpu, bare_cpu = row.ours_cpu or row.ours.cpu_seconds, row.bare_cpu or row.bare.cpu_seconds
    ours_peak, bare_peak = row.ours_peak or row.ours.peak_bytes, row.bare_peak or row.bare.peak_bytes
    return [str(row.size), str(row.runs), f"{row.ours.seconds:.1f}", f"{row.bare.seconds:.1f}",
            ratio(row.ours.seconds, row.bare.seconds), f"{ours_cpu:.1f}", f"{bare_cpu:.1f}", ratio(ours_cpu, bare_cpu),
            f"{ours_peak / 1e6:.0f}", f"{bare_peak / 1e6:.0f}", ratio(ours_peak, bare_peak),
            f"{row.ours.seconds / row.size:.4f}", f"{row.ours.site_bytes / row.size / 1000:.1f}",
            f"{row.bare_bytes / row.size / 1000:.1f}", f"{row.ours.largest_plan_page / 1000:.1f}",
            f"{row.ours.index_share:.1%}", kb(row.pagefind), kb(row.material), ms(row.pagefind), ms(row.material)]


def _median_seconds(runs: list[T]) -> T:
    """The run of median wall time (the lower middle one for an even count)."""
    return sorted(runs, key=lambda run: getattr(run, "seconds"))[(len(runs) - 1) // 2]


def measure_size(root: Path, base: Path, size: int, runs: int, search: bool) -> Row:
    """Our build and the bare Material build of the same Markdown, `runs` times each, alternated."""
    ours_root = base / f"ours-{size}"
    bare_root = base / f"material-{size}"
    write_synthetic_site(root, ours_root, size)
    write_bare_material(ours_root, bare_root)
    ours_runs: list[BuildFigures] = []
    bare_runs: list[Measured] = []
    for _ in range(runs):
        ours_runs.append(build_site(ours_root))
        bare_runs.append(build_bare(bare_root))
    pagefind = material = None
    if search:
        pagefind, material = search_figures(ours_root / "site", bare_root / "site")
    ours = _median_seconds(ours_runs)
    bare = _median_seconds(bare_runs)
    return Row(size, ours, bare, pagefind, material, _site_bytes(bare_root / "site"), runs,
               statistics.median(run.cpu_seconds for run in ours_runs),
               statistics.median(run.cpu_seconds for run in bare_runs),
               int(statistics.median(run.peak_bytes for run in ours_runs)),
               int(statistics.median(run.peak_bytes for run in bare_runs)))


def load() -> str:
    try:
        return "load average " + " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "load average unknown"


def preview(base: Path, size: int) -> str:
    """Plans of the built synthetic library edited under `mkdocs serve --dirty`: the seconds until they show."""
    site_root = base / f"ours-{size}"
    plan = sorted((site_root / "plans").rglob("synth-*.md"))[0]
    figures = preview_figures(site_root, plan)
    return (f"preview at {size} plans (`{' '.join(PREVIEW_COMMAND)}`): first plan page after "
            f"{figures.first_served:.1f} s; after each of {len(figures.edit_served)} edits of one plan, medians: "
            f"changed page served after {figures.median(figures.edit_served):.2f} s "
            f"(each: {', '.join(f'{s:.2f}' for s in figures.edit_served)}), build ended (last language) after "
            f"{figures.median(figures.edit_built):.2f} s, search index updated after "
            f"{figures.median(figures.search_updated):.1f} s")


def run_bench(root: Path, sizes: list[int], work: Path | None, search: bool = True, runs: int = 1,
              preview_sizes: tuple[int, ...] = ()) -> int:
    base = work or Path(tempfile.mkdtemp(prefix="planlib-bench-"))
    print(f"machine: {machine()}; {load()}")
    print("runs alternated, medians; ratios = ours / bare Material; peak memory of the build's process tree")
    if search:
        print(f"query: {QUERY}; sites served from localhost, Chromium headless, cold cache")
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS), flush=True)
    rows = []
    for size in sizes:
        row = measure_size(root, base, size, runs, search)
        rows.append(row)
        print("| " + " | ".join(_cells(row)) + " |", flush=True)
    for size in sizes:
        if size in preview_sizes:
            print(preview(base, size) + f" ({load()})", flush=True)
    print(f"after: {load()}")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        ratio = (last.ours.seconds / last.size) / (first.ours.seconds / first.size)
        cpu_ratio = (last.ours_cpu / last.size) / (first.ours_cpu / first.size) if first.ours_cpu else 0.0
        print(f"\nbuild seconds per plan at {last.size} / at {first.size}: wall {ratio:.2f}, CPU {cpu_ratio:.2f}")
    return 0
