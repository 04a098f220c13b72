"""Build figures: wall and CPU seconds, peak memory, seconds spent on planlib's pages, page and site sizes."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from planlib.bench.measure import Measured, run_measured

PREPARED_RE = re.compile(r"planlib: (\d+) plans loaded in ([\d.]+) s, indexes prepared in ([\d.]+) s")
GENERATED_RE = re.compile(r"planlib: (\d+) pages generated for '(\w+)' in ([\d.]+) s")


@dataclass
class BuildFigures:
    plans: int
    seconds: float
    load_seconds: float
    index_seconds: float  # preparing and writing out planlib's generated pages
    pages: int
    site_bytes: int
    largest_plan_page: int
    largest_plan_path: str
    cpu_seconds: float = 0.0  # user + system, the build's process tree
    peak_bytes: int = 0  # the largest resident memory of the build's process tree

    @property
    def index_share(self) -> float:
        return self.index_seconds / self.seconds if self.seconds else 0.0


class BuildFailed(Exception):
    pass


def mkdocs_build(site_root: Path, extra_env: dict[str, str] | None = None) -> Measured:
    """A real `mkdocs build --clean` in `site_root`, measured; BuildFailed with its log's end if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **(extra_env or {})}
    result = run_measured([sys.executable, "-m", "mkdocs", "build", "--clean"], site_root, env)
    if result.returncode != 0:
        raise BuildFailed(result.stderr[-3000:])
    return result


def build_site(site_root: Path, extra_env: dict[str, str] | None = None) -> BuildFigures:
    """Run a real `mkdocs build` of this site in `site_root` and measure it."""
    result = mkdocs_build(site_root, extra_env)
    load = index = 0.0
    plans = pages = 0
    for match in PREPARED_RE.finditer(result.stderr):
        plans, load, index = int(match.group(1)), load + float(match.group(2)), index + float(match.group(3))
    for match in GENERATED_RE.finditer(result.stderr):
        pages += int(match.group(1))
        index += float(match.group(3))
    site = site_root / "site"
    site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    plan_pages = [p for p in site.rglob("plan/*/index.html")]
    largest = max(plan_pages, key=lambda p: p.stat().st_size) if plan_pages else None
    return BuildFigures(plans, result.seconds, load, index, pages, site_bytes,
                        largest.stat().st_size if largest else 0,
                        largest.relative_to(site).as_posix() if largest else "", result.cpu_seconds, result.peak_bytes)
