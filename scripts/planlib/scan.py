"""One plan file checked on its own: its problems, the facts the checks across plans need, its export record.

A scan is what `planlib check` and `planlib export` read of a file: the
problems of loading and validating it and the advice on it, its id, title and
duplicate_of, a MinHash sketch of its text (similarity) and its record in the
export shape. Scans are kept by scancache, so that only files whose bytes
changed are read again; files not yet scanned are scanned on every core.
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np


from planlib.export import plan_record
from planlib import lint, plantree
from planlib.library import known_ids, load_plan, plan_from_bytes, taxonomy_path
from planlib.model import Plan
from planlib.planfile import small_file_bytes
from planlib.problems import Problem, display_path
from planlib.scancache import ScanCache
from planlib.similarity import Grams, Sketch, grams, signature
from planlib.taxonomy import Taxonomy, load_taxonomy
from planlib.validate import library_problems


@dataclass
class PlanFacts:
    """What the checks across plans and the export read of a plan."""

    id: str
    title: str
    title_line: int
    duplicate_of: str | None
    sketch: Sketch
    record: dict[str, Any] | None  # None when taken from the cache by check, which does not read it


Purpose = Literal["check", "export"]  # export needs each plan's problems and record only


@dataclass
class Scan:
    """One file: where it is shown, its problems, and its plan's facts (None when it gives no plan)."""

    path: str
    problems: list[Problem]
    plan: PlanFacts | None
    key: str | None = None  # the cache key; None for a file that is not read (a FIFO, too large, unreadable)
    _grams: Grams | None = field(default=None, repr=False)

    def grams(self, cache: ScanCache | None) -> Grams:
        """The plan's grams: kept from the scan, or read back from the cache."""
        if self._grams is None:
            kept = cache.grams(self.key) if cache is not None and self.key else None
            self._grams = kept if kept is not None else np.zeros(0, dtype=np.uint64)
        return self._grams


def _facts(plan: Plan, text_grams: Grams, sketched: bool = True) -> PlanFacts:
    sketch = Sketch(len(text_grams), signature(text_grams) if sketched else np.zeros(0, dtype=np.uint32))
    return PlanFacts(plan.id, plan.meta.title, plan.line_of("title"), plan.meta.duplicate_of, sketch,
                     plan_record(plan))


def scan_bytes(data: bytes, shown: str, plan_id: str, tax: Taxonomy,
               purpose: Purpose = "check") -> tuple[Scan, Grams | None]:
    """Scan a file from its bytes (of at most MAX_PLAN_BYTES); for export, its problems and record only."""
    plan, problems = plan_from_bytes(data, shown, plan_id, tax)
    if plan is None:
        return Scan(shown, problems, None), None
    if purpose == "export":
        return Scan(shown, problems, _facts(plan, np.zeros(0, dtype=np.uint64), sketched=False)), None
    text_grams = grams(plan.text)
    return Scan(shown, problems + lint.advice(plan), _facts(plan, text_grams)), text_grams


_WORKER_TAXONOMY: list[Taxonomy] = []


def _start_worker(root: Path) -> None:
    _WORKER_TAXONOMY.append(load_taxonomy(taxonomy_path(root), display_path(taxonomy_path(root), root)))


def _scan_in_worker(jobs: list[tuple[bytes, str, str, Purpose]]) -> list[tuple[Scan, Grams | None]]:
    return [scan_bytes(data, shown, plan_id, _WORKER_TAXONOMY[0], purpose) for data, shown, plan_id, purpose in jobs]


PARALLEL_FROM = 200  # files to scan before it pays to start a process per core
_BATCH = 32  # files a worker is sent at once


class _Scanner:
    """Files to scan, in order: in this process, or, once PARALLEL_FROM of them are waiting, in a process per
    core, which start on the first files while the rest are still being read and looked up in the cache."""

    def __init__(self, root: Path, tax: Taxonomy, parallel: bool):
        self.root, self.tax, self.parallel = root, tax, parallel
        self.waiting: list[tuple[bytes, str, str, Purpose]] = []
        self.sent: list[Future[list[tuple[Scan, Grams | None]]]] = []
        self.pool: ProcessPoolExecutor | None = None

    def add(self, job: tuple[bytes, str, str, Purpose]) -> None:
        self.waiting.append(job)
        if self.pool is None and self.parallel and len(self.waiting) >= PARALLEL_FROM:
            self.pool = ProcessPoolExecutor(_cores(), initializer=_start_worker, initargs=(self.root,))
        if self.pool is not None:
            while len(self.waiting) >= _BATCH:
                self.sent.append(self.pool.submit(_scan_in_worker, self.waiting[:_BATCH]))
                del self.waiting[:_BATCH]

    def results(self) -> list[tuple[Scan, Grams | None]]:
        """Every file's scan, in the order added."""
        if self.pool is None:
            return [scan_bytes(data, shown, plan_id, self.tax, why) for data, shown, plan_id, why in self.waiting]
        with self.pool:
            if self.waiting:
                self.sent.append(self.pool.submit(_scan_in_worker, self.waiting))
            return [scan for batch in self.sent for scan in batch.result()]


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def scan_files(paths: list[Path], shown_paths: list[str], root: Path, tax: Taxonomy,
               cache: ScanCache | None, purpose: Purpose = "check") -> list[Scan]:
    """Scans of the files (shown as `shown_paths`), in order: from the cache when their bytes were scanned before.

    For check, plans taken from the cache come without their records; for export, a file not in the cache is
    scanned for its problems and record only, and not kept.
    """
    scans: list[Scan | None] = []
    jobs: list[tuple[int, str]] = []  # (index in scans, cache key) of each file scanned
    scanner = _Scanner(root, tax, parallel=_cores() > 1)
    for path, shown in zip(paths, shown_paths):
        data = small_file_bytes(path)
        if data is None:
            plan, problems = load_plan(path, tax, root)  # reports why it could not be read
            scans.append(Scan(shown, problems, None))
            continue
        key = cache.key(shown, data) if cache is not None else None
        kept = cache.get(key, with_record=purpose == "export") if cache is not None and key is not None else None
        if kept is not None:
            scans.append(Scan(kept["path"], _problems(kept["problems"]), _plan_facts(kept["plan"]), key))
            continue
        jobs.append((len(scans), key or ""))
        scanner.add((data, shown, path.stem, purpose))
        scans.append(None)
    for (index, key), (scan, text_grams) in zip(jobs, scanner.results()):
        scan.key = key or None
        scan._grams = text_grams
        if cache is not None and key and purpose == "check":
            cache.put(key, _stored(scan), text_grams)
        scans[index] = scan
    if cache is not None:
        cache.flush()
    return [scan for scan in scans if scan is not None]


def _stored(scan: Scan) -> dict[str, Any]:
    plan = scan.plan
    return {"path": scan.path,
            "problems": [[p.path, p.line, p.message, p.hint, p.severity] for p in scan.problems],
            "plan": None if plan is None else {
                "id": plan.id, "title": plan.title, "title_line": plan.title_line, "duplicate_of": plan.duplicate_of,
                "size": plan.sketch.size, "signature": plan.sketch.signature.tolist(), "record": plan.record}}


def _problems(stored: list[list[Any]]) -> list[Problem]:
    return [Problem(str(path), int(line), str(message), str(hint), str(severity))
            for path, line, message, hint, severity in stored]


def _plan_facts(stored: dict[str, Any] | None) -> PlanFacts | None:
    if stored is None:
        return None
    sketch = Sketch(int(stored["size"]), np.array(stored["signature"], dtype=np.uint32))
    return PlanFacts(stored["id"], stored["title"], int(stored["title_line"]), stored["duplicate_of"], sketch,
                     stored.get("record"))


@dataclass
class ScannedLibrary:
    """The files named (or all of plans/), the rest of plans/, and the problems of the named ones as a set."""

    root: Path
    checked: list[Scan]
    others: list[Scan]  # plans/ files not named: what the named ones are compared with
    problems: list[Problem]  # of the named files: their own, stray files, and the rules across plans
    cache: ScanCache | None

    @property
    def plans(self) -> list[tuple[Scan, PlanFacts]]:
        """Every plan, the others first (as the library is compared), each with its facts."""
        return [(scan, scan.plan) for scan in self.others + self.checked if scan.plan is not None]


def scan_library(root: Path, targets: list[Path], tax: Taxonomy, cache: ScanCache | None,
                 purpose: Purpose = "check") -> ScannedLibrary:
    """Scan the named files (or all of plans/) and, when files are named, the rest of plans/ to compare them with."""
    files, stray = plantree.plan_files(root, targets)
    named = _shown(files, root)
    checked = scan_files(files, named, root, tax, cache, purpose)
    listed = list(zip(files, named))
    others: list[Scan] = []
    if targets:
        every = plantree.plan_files(root, ())[0]
        listed = list(zip(every, _shown(every, root))) + listed
        skip = set(named)
        rest = [(path, shown) for path, shown in listed[:len(every)] if shown not in skip]
        others = scan_files([path for path, _ in rest], [shown for _, shown in rest], root, tax, cache)
    problems = list(stray) + [problem for scan in checked for problem in scan.problems]
    refs = [(scan.plan.id, scan.path, scan.plan.duplicate_of) for scan in checked if scan.plan is not None]
    problems += library_problems(refs, known_ids((path.stem, shown) for path, shown in listed))
    return ScannedLibrary(root, checked, others, problems, cache)


def _shown(paths: list[Path], root: Path) -> list[str]:
    """display_path of each, without resolving the files plantree found inside the repository (none is a link)."""
    base = root.resolve()
    here = Path.cwd()
    shown = []
    for path in paths:
        absolute = path if path.is_absolute() else here / path
        if ".." not in absolute.parts and absolute.is_relative_to(base):
            shown.append(absolute.relative_to(base).as_posix())
        else:
            shown.append(display_path(path, root))
    return shown
