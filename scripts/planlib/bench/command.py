"""`planlib bench`: one run, several library sizes, one table of figures.

For each size: a synthetic library (planlib synth) built as this site, the
same Markdown built as a bare Material site with its default search, and
both searched in headless Chromium.
"""

from __future__ import annotations

import os
import platform
import tempfile
from dataclasses import dataclass
from pathlib import Path

from planlib.bench.build import BuildFigures, build_site
from planlib.bench.search import QUERY, SearchFigures, build_bare, search_figures, write_bare_material
from planlib.synth import write_synthetic_site


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
    ours: BuildFigures
    bare_seconds: float
    bare_bytes: int
    pagefind: SearchFigures | None
    material: SearchFigures | None


def _site_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())


COLUMNS = ["plans", "build s/plan (ours)", "build s/plan (Material)", "site KB/plan (ours)",
           "site KB/plan (Material)", "largest plan page KB", "index share of build",
           "first query KB (Pagefind)", "first query KB (Material)", "ms to first result (Pagefind)",
           "ms to first result (Material)"]


def _cells(row: Row) -> list[str]:
    def kb(figures: SearchFigures | None) -> str:
        return f"{figures.bytes_fetched / 1000:.0f}" if figures else "–"

    def ms(figures: SearchFigures | None) -> str:
        return f"{figures.ms_to_first_result:.0f}" if figures else "–"

    return [str(row.size), f"{row.ours.seconds / row.size:.4f}", f"{row.bare_seconds / row.size:.4f}",
            f"{row.ours.site_bytes / row.size / 1000:.1f}", f"{row.bare_bytes / row.size / 1000:.1f}",
            f"{row.ours.largest_plan_page / 1000:.1f}", f"{row.ours.index_share:.1%}",
            kb(row.pagefind), kb(row.material), ms(row.pagefind), ms(row.material)]


def run_bench(root: Path, sizes: list[int], work: Path | None, search: bool = True) -> int:
    base = work or Path(tempfile.mkdtemp(prefix="planlib-bench-"))
    print(f"machine: {machine()}")
    print(f"query: {QUERY}; sites served from localhost, Chromium headless, cold cache")
    print("| " + " | ".join(COLUMNS) + " |")
    print("|" + "---|" * len(COLUMNS), flush=True)
    rows = []
    for size in sizes:
        ours_root = base / f"ours-{size}"
        bare_root = base / f"material-{size}"
        write_synthetic_site(root, ours_root, size)
        ours = build_site(ours_root)
        write_bare_material(ours_root, bare_root)
        bare_seconds = build_bare(bare_root)
        pagefind = material = None
        if search:
            pagefind, material = search_figures(ours_root / "site", bare_root / "site")
        row = Row(size, ours, bare_seconds, _site_bytes(bare_root / "site"), pagefind, material)
        rows.append(row)
        print("| " + " | ".join(_cells(row)) + " |", flush=True)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        ratio = (last.ours.seconds / last.size) / (first.ours.seconds / first.size)
        print(f"\nbuild seconds per plan at {last.size} / at {first.size}: {ratio:.2f}")
    return 0
