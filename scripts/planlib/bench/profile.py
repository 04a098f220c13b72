"""`planlib bench profile`: where a build's time and memory go, at one library size.

Builds a synthetic library in this process twice: once under cProfile (the
cumulative seconds of the build's stages and of planlib's own functions),
once under tracemalloc (Python's memory at its peak, by the line that
allocated it). Both slow the build down; the shares between stages are what
they tell, not the seconds of a normal build (`planlib bench` measures those).
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import threading
import tracemalloc
from contextlib import chdir
from pathlib import Path

from planlib.synth import write_synthetic_site

# label, then ways to find the stage in a profile: (file suffix, function names) whose cumulative times add
# up to it. The first way that finds anything counts (the hooks' functions moved between versions).
STAGES: list[tuple[str, list[tuple[str, tuple[str, ...]]]]] = [
    ("whole build", [("mkdocs/commands/build.py", ("build",))]),
    ("load and validate the plans", [("planlib/library.py", ("load_library",))]),
    ("indexes, related plans, calendars (once)", [("planlib/site.py", ("prepare",))]),
    ("page views (both languages)", [("planlib/site.py", ("site_pages",))]),
    ("downloads (once)", [("planlib/site.py", ("site_files",))]),
    ("generated pages' HTML: templates + cleaning", [("scripts/hooks.py", ("on_page_content", "on_page_context"))]),
    ("Markdown of the pages (MkDocs)", [("mkdocs/structure/pages.py", ("render",))]),
    ("page templates (Material, both languages)", [("mkdocs/commands/build.py", ("_build_page",))]),
    ("Pagefind index and character map", [("planlib/search/indexer.py", ("index_site",))]),
]
SNAPSHOT_SECONDS = 0.5


def _build(site: Path) -> None:
    from mkdocs.__main__ import cli

    with chdir(site):
        try:
            cli.main(["build", "--clean", "--quiet"], standalone_mode=False)
        except SystemExit as stop:  # click's way to end; a failed build is an error here
            if stop.code:
                raise


def stage_table(stats: pstats.Stats) -> list[tuple[str, float]]:
    """(stage, cumulative seconds) for every stage of STAGES (0 where the profile has none of it)."""
    entries = stats.stats  # type: ignore[attr-defined]
    found = []
    for label, ways in STAGES:
        seconds = 0.0
        for suffix, names in ways:
            seconds = sum(entry[3] for (path, _, function), entry in entries.items()
                          if path.replace(os.sep, "/").endswith(suffix) and function in names)
            if seconds:
                break
        found.append((label, seconds))
    return found


def profile_time(site: Path) -> tuple[list[tuple[str, float]], str]:
    profiler = cProfile.Profile()
    profiler.runcall(_build, site)
    stats = pstats.Stats(profiler)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(r"planlib|hooks", 40)
    return stage_table(stats), out.getvalue()


def profile_memory(site: Path, top: int = 25) -> tuple[int, list[tuple[str, int]]]:
    """Python's peak traced memory, and the lines holding the most of it near the peak."""
    tracemalloc.start(1)
    best: list[tracemalloc.Snapshot] = []
    best_size = [0]
    done = threading.Event()

    def watch() -> None:  # a snapshot whenever memory is a tenth above the largest seen
        while not done.wait(SNAPSHOT_SECONDS):
            current, _ = tracemalloc.get_traced_memory()
            if current > best_size[0] * 1.1:
                best[:] = [tracemalloc.take_snapshot()]
                best_size[0] = current

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        _build(site)
    finally:
        done.set()
        watcher.join()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    lines = []
    if best:
        for stat in best[0].statistics("lineno")[:top]:
            frame = stat.traceback[0]
            lines.append((f"{_short(frame.filename)}:{frame.lineno}", stat.size))
    return peak, lines


def _short(path: str) -> str:
    path = path.replace(os.sep, "/")
    for marker in ("site-packages/", "scripts/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def run_profile(root: Path, size: int, work: Path) -> int:
    site = work / f"profile-{size}"
    write_synthetic_site(root, site, size)
    stages, planlib_lines = profile_time(site)
    total = stages[0][1] or 1.0
    print(f"cProfile, {size} plans")
    print("| stage | profiled s | share |\n|---|---|---|")
    for label, seconds in stages:
        print(f"| {label} | {seconds:.1f} | {seconds / total:.0%} |")
    print("\n" + planlib_lines)
    peak, lines = profile_memory(site)
    print(f"tracemalloc, {size} plans: Python's peak {peak / 1e6:.0f} MB; the largest holders near the peak:")
    print("| allocated at | MB |\n|---|---|")
    for where, size_bytes in lines:
        print(f"| {where} | {size_bytes / 1e6:.1f} |")
    return 0
