"""`planlib import`: read pages, make plans, report, and write them (or not)."""

from __future__ import annotations

import json
import stat
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from planlib.importer.decode import MAX_INPUT_BYTES, DecodeError
from planlib.importer.pipeline import ImportedPlan, PageImport, assign_titles, import_page, mark_duplicates
from planlib.importer.writer import WriteStopped, plan_writes, write_all
from planlib.library import load_plan, plan_files, plans_dir, taxonomy_path
from planlib.model import Plan
from planlib.problems import Problem, counted, display_path, printable, report
from planlib.taxonomy import load_taxonomy


def _existing_plans(out_dir: Path, root: Path, tax) -> list[Plan]:
    if not out_dir.is_dir():
        return []
    plans = []
    for path in plan_files(root, [out_dir]):
        plan, _ = load_plan(path, tax, root)
        if plan is not None:
            plans.append(plan)
    return plans


def _read_pages(files: list[Path], tax, strict: bool = False) -> tuple[list[PageImport], list[Problem]]:
    pages, problems = [], []
    for path in files:
        shown = path.as_posix()
        try:
            status = path.stat()
            if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):
                problems.append(Problem(shown, 0, "not a regular file", "name saved .txt or .html pages"))
                continue
            if status.st_size > MAX_INPUT_BYTES:  # before reading it all into memory
                problems.append(Problem(shown, 1, f"file is too large ({status.st_size / 1e6:.1f} MB; at most "
                                                  f"{MAX_INPUT_BYTES // 1_000_000} MB)", "split the page"))
                continue
            data = path.read_bytes()
        except FileNotFoundError:
            problems.append(Problem(shown, 1, "no such file", "check the path"))
            continue
        except IsADirectoryError:
            problems.append(Problem(shown, 1, "is a folder, not a page", "name the .txt or .html files"))
            continue
        except OSError as error:
            problems.append(Problem(shown, 1, f"cannot read: {error.strerror}", "check the file's permissions"))
            continue
        try:
            page = import_page(data, path.name, tax)
        except DecodeError as error:
            problems.append(Problem(shown, 1, str(error), "save the page as UTF-8 or GBK text or HTML"))
            continue
        if not page.plans and not page.problems:
            problems.append(Problem(shown, 1, "no plan text found on the page",
                                    "check that the file is a saved plan page"))
        problems.extend(page.problems)
        if strict:
            problems.extend(page.strict_problems())
        pages.append(page)
    return pages, problems


def _batch_problems(plans: list[ImportedPlan]) -> list[Problem]:
    seen: dict[str, ImportedPlan] = {}
    problems = []
    for imported in plans:
        other = seen.get(imported.id)
        if other is not None:
            problems.append(Problem(imported.relative_path, 1,
                                    f"two plans would get the id '{imported.id}'",
                                    "give the source files distinct names"))
        seen[imported.id] = imported
    return problems


def _target(out_dir: Path, imported: ImportedPlan) -> Path:
    """Where an imported plan is written: plans/<sector>/<id>.md."""
    return out_dir / imported.plan.meta.sector / f"{imported.id}.md"


def _summary(imported: ImportedPlan) -> str:
    counts = Counter(removal.rule for removal in imported.removed)
    return ", ".join(f"{rule} {count}" for rule, count in sorted(counts.items()))


def _out_problem(out_dir: Path) -> Problem | None:
    """The library folder to write into must be a folder (or not exist yet)."""
    if out_dir.exists() and not out_dir.is_dir():
        return Problem(out_dir.as_posix(), 0, "is a file, not a folder", "give --out a folder (it is made if missing)")
    return None


def print_review(pages: list[PageImport], stream: TextIO | None = None) -> None:
    """The import review: per page and plan, what was inferred and what to look at, with source lines."""
    stream = stream if stream is not None else sys.stdout  # looked up now, not when the module was loaded
    looks = sum(len(page.review.looks) + sum(len(plan.review.looks) for plan in page.plans) for page in pages)
    print(f"\nimport review ({counted(looks, 'line')} to look at):", file=stream)
    for page in pages:
        print(printable(page.file_name), file=stream)
        for note in page.review.notes:  # notes quote the page: escaped for the terminal
            print(printable(f"  {'look at' if note.look else 'inferred'}: {note.format()}"), file=stream)
        for imported in page.plans:
            source = imported.plan.meta.source
            print(printable(f"  {(source.item if source else None) or 'plan'} → {imported.relative_path}  "
                            f"“{imported.plan.meta.title}”"), file=stream)
            for note in imported.review.facts:
                print(printable(f"    inferred: {note.format()}"), file=stream)
            for note in imported.review.looks:
                print(printable(f"    look at: {note.format()}"), file=stream)


def run_import(root: Path, files: list[Path], out: Path | None, *, dry_run: bool, as_json: bool,
               force: bool, strict: bool = False) -> int:
    tax = load_taxonomy(taxonomy_path(root), display_path(taxonomy_path(root), root))
    out_dir = out if out is not None else plans_dir(root)
    out_problem = _out_problem(out_dir)
    pages, problems = _read_pages(files, tax, strict)
    plans = [plan for page in pages for plan in page.plans]
    problems.extend(_batch_problems(plans))
    if out_problem is not None:
        problems.insert(0, out_problem)
    if problems:
        report(problems, sys.stderr)
        print(f"import stopped: {counted(len(problems), 'problem')}; nothing written",
              file=sys.stderr)
        return 1
    existing = _existing_plans(out_dir, root, tax)
    mark_duplicates(plans, existing)
    assign_titles(plans, existing)
    targets = {_target(out_dir, imported): imported.file_text for imported in plans}
    outcomes, conflicts = plan_writes(targets, force, dry_run, lambda path: display_path(path, root))
    if conflicts:
        report(conflicts, sys.stderr)
        print("import stopped: nothing written", file=sys.stderr)
        return 1
    status = {outcome.path: outcome.status for outcome in outcomes}
    stopped: WriteStopped | None = None
    if not dry_run:
        try:
            write_all(targets, outcomes)
        except WriteStopped as error:
            stopped = error
            done = set(error.written)
            status = {path: state if state not in ("written", "overwritten") or path in done else "not written"
                      for path, state in status.items()}
    if as_json:
        records = []
        for imported in plans:
            record = imported.record()
            record["status"] = status[_target(out_dir, imported)]
            records.append(record)
        document = {"pages": [{"file": page.file_name, "title": page.title, "encoding": page.encoding,
                               "review": page.review.as_json()} for page in pages], "plans": records}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        _report(pages, out_dir, root, status)
        print_review(pages)
    if stopped is not None:
        return _stopped(stopped, status, root)
    return 0


def _report(pages: list[PageImport], out_dir: Path, root: Path, status: dict[Path, str]) -> None:
    for page in pages:
        print(printable(f"{page.file_name}: {counted(len(page.plans), 'plan')} from “{page.title}” ({page.encoding})"))
        for imported in page.plans:
            path = _target(out_dir, imported)
            item = imported.plan.meta.source.item if imported.plan.meta.source else None
            print(printable(f"  {status[path]:<15} {display_path(path, root)}  {item or ''}  "
                            f"{imported.plan.meta.title}"))
            print(printable(f"  {'':<15} removed {len(imported.removed)}: {_summary(imported)}"))
            if imported.plan.meta.duplicate_of:
                print(f"  {'':<15} repeats {imported.plan.meta.duplicate_of} "
                      f"(similarity {imported.duplicate_similarity}): kept out of the indexes")


def _stopped(stopped: WriteStopped, status: dict[Path, str], root: Path) -> int:
    """Say where writing stopped, what is written and what is not, and how to finish."""
    left = sum(state == "not written" for state in status.values())
    done = len(stopped.written)
    finish = (f"run the same import again to write the other {counted(left, 'plan')}; "
              "the ones written are kept and found unchanged")
    hint = f"{stopped.hint}, then {finish}" if stopped.hint else finish
    report([Problem(display_path(stopped.path, root), 0, stopped.reason, hint)], sys.stderr)
    print(f"import stopped: {done} of {done + left} plans written, {left} not written "
          "(each file is whole: written completely or not at all)", file=sys.stderr)
    return 1
