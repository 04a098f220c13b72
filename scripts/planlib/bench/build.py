"""Build figures: seconds, seconds spent on planlib's pages, page and site sizes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

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

    @property
    def index_share(self) -> float:
        return self.index_seconds / self.seconds if self.seconds else 0.0


class BuildFailed(Exception):
    pass


def build_site(site_root: Path, extra_env: dict[str, str] | None = None) -> BuildFigures:
    """Run a real `mkdocs build` in `site_root` and measure it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", **(extra_env or {})}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean"], cwd=site_root, env=env,
                            capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise BuildFailed(result.stderr[-3000:])
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
    return BuildFigures(plans, seconds, load, index, pages, site_bytes,
                        largest.stat().st_size if largest else 0,
                        largest.relative_to(site).as_posix() if largest else "")
