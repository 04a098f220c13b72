"""`planlib import`: read pages, make plans, report, and write them (or not)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import TextIO

from planlib.importer.decode import DecodeError
from planlib.importer.pipeline import ImportedPlan, PageImport, assign_titles, import_page, mark_duplicates
from planlib.importer.writer import plan_writes, write_all
from planlib.library import load_plan, plan_files, plans_dir, taxonomy_path
from planlib.model import Plan
from planlib.problems import Problem, counted, display_path, report
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


def print_review(pages: list[PageImport], stream: TextIO | None = None) -> None:
    """The import review: per page and plan, what was inferred and what to look at, with source lines."""
    stream = stream if stream is not None else sys.stdout  # looked up now, not when the module was loaded
    looks = sum(len(page.review.looks) + sum(len(plan.review.looks) for plan in page.plans) for page in pages)
    print(f"\nimport review ({counted(looks, 'line')} to look at):", file=stream)
    for page in pages:
        print(f"{page.file_name}", file=stream)
        for note in page.review.notes:
            print(f"  {'look at' if note.look else 'inferred'}: {note.format()}", file=stream)
        for imported in page.plans:
            source = imported.plan.meta.source
            print(f"  {(source.item if source else None) or 'plan'} → {imported.relative_path}  "
                  f"“{imported.plan.meta.title}”", file=stream)
            for note in imported.review.facts:
                print(f"    inferred: {note.format()}", file=stream)
            for note in imported.review.looks:
                print(f"    look at: {note.format()}", file=stream)


def run_import(root: Path, files: list[Path], out: Path | None, *, dry_run: bool, as_json: bool,
               force: bool, strict: bool = False) -> int:
    tax = load_taxonomy(taxonomy_path(root), display_path(taxonomy_path(root), root))
    out_dir = out if out is not None else plans_dir(root)
    pages, problems = _read_pages(files, tax, strict)
    plans = [plan for page in pages for plan in page.plans]
    problems.extend(_batch_problems(plans))
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
    if not dry_run:
        write_all(targets, outcomes)
    status = {outcome.path: outcome.status for outcome in outcomes}
    if as_json:
        records = []
        for imported in plans:
            record = imported.record()
            record["status"] = status[_target(out_dir, imported)]
            records.append(record)
        document = {"pages": [{"file": page.file_name, "title": page.title, "encoding": page.encoding,
                               "review": page.review.as_json()} for page in pages], "plans": records}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return 0
    for page in pages:
        print(f"{page.file_name}: {counted(len(page.plans), 'plan')} "
              f"from “{page.title}” ({page.encoding})")
        for imported in page.plans:
            path = _target(out_dir, imported)
            item = imported.plan.meta.source.item if imported.plan.meta.source else None
            print(f"  {status[path]:<15} {display_path(path, root)}  {item or ''}  "
                  f"{imported.plan.meta.title}")
            print(f"  {'':<15} removed {len(imported.removed)}: {_summary(imported)}")
            if imported.plan.meta.duplicate_of:
                print(f"  {'':<15} repeats {imported.plan.meta.duplicate_of} "
                      f"(similarity {imported.duplicate_similarity}): kept out of the indexes")
    print_review(pages)
    return 0
