"""`planlib synth N`: a synthetic library of N plans, made from the real ones, for scale tests.

The plans are real plans recombined: each takes its metadata and first
half from one real plan and its second half from another of the same
sector, with years spread over a decade, so that indexes, calendars and
search see realistic text, structure and facets at any size.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from planlib.planfile import render_front_matter
from planlib.library import Library, load_library
from planlib.model import Plan

SITE_FILES = ("mkdocs.yml", "docs", "overrides", "scripts/hooks.py", "plans/taxonomy.yml")


def _halves(plan: Plan) -> tuple[list[str], list[str]]:
    parts = [plan.part_markdown(part, heading=True) + "\n" for part in plan.parts]
    middle = max(1, len(parts) // 2)
    return parts[:middle], parts[middle:]


def synthetic_plans(library: Library, count: int, seed: int = 7) -> dict[str, str]:
    """Relative path → file text of `count` synthetic plans."""
    rng = random.Random(seed)
    bases = sorted(library.published, key=lambda p: p.id)
    if not bases:
        raise ValueError("the library has no plans to build a synthetic library from")
    by_sector: dict[str, list[Plan]] = {}
    for plan in bases:
        by_sector.setdefault(plan.meta.sector, []).append(plan)
    files = {}
    for number in range(count):
        base = bases[number % len(bases)]
        other = rng.choice(by_sector[base.meta.sector])
        head, _ = _halves(base)
        _, tail = _halves(other)
        year = 2014 + rng.randrange(12) if rng.random() < 0.85 else "unknown"
        meta = base.meta
        front = {"title": f"{meta.title.split('年', 1)[-1] if isinstance(meta.year, int) else meta.title}"
                          f"（样本{number + 1}）",
                 "sector": meta.sector, "institution": meta.institution, "section": meta.section,
                 "year": year, "term": meta.term, "tags": list(meta.tags),
                 "source": {"file": "synthetic", "item": str(number + 1),
                            "collection": f"synthetic from {base.id} and {other.id}"}}
        if isinstance(year, int):
            front["title"] = f"{year}年{front['title']}"
        body = "\n".join(head + tail)
        files[f"plans/{meta.sector}/synth-{number + 1:05d}.md"] = render_front_matter(front) + "\n" + body
    return files


def write_synthetic_site(source_root: Path, out: Path, count: int) -> int:
    """A buildable copy of the site at `out` whose library is `count` synthetic plans."""
    library = load_library(source_root)
    files = synthetic_plans(library, count)
    if out.exists():
        shutil.rmtree(out)
    for name in SITE_FILES:
        source, target = source_root / name, out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(files)
