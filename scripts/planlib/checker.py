"""`planlib check`: validity, near-duplicates and advice for plan files; `--fix` for what can be fixed."""

from __future__ import annotations

from pathlib import Path

from planlib import lint
from planlib.planfile import write_atomic
from planlib.library import Library, load_library, plan_files
from planlib.model import Plan
from planlib.problems import Problem, counted, display_path, printable, report
from planlib.redirects import load_redirects
from planlib.similarity import near_duplicates, shingles


def duplicate_problems(library: Library, checked: set[str]) -> list[Problem]:
    """Plans that repeat another plan without saying so (duplicate_of)."""
    plans = library.by_id()
    problems = []
    for a, b, score in near_duplicates({pid: plan.text for pid, plan in plans.items()}):
        first, second = plans[a], plans[b]
        if first.meta.duplicate_of == b or second.meta.duplicate_of == a or (
                first.meta.duplicate_of and first.meta.duplicate_of == second.meta.duplicate_of):
            continue
        copy, original = sorted((first, second), key=lambda p: (len(shingles(p.text)), p.id))
        if copy.path not in checked and original.path in checked:
            copy, original = original, copy
        if copy.path not in checked:
            continue
        problems.append(Problem(copy.path, 1, f"{score:.0%} the same as {original.path}",
                                f"if it repeats that plan, add duplicate_of: {original.id}; otherwise make it "
                                "a plan of its own"))
    return problems


def title_problems(library: Library, checked: set[str]) -> list[Problem]:
    """Plans that share a title: lists, search results and tabs could not tell them apart."""
    by_title: dict[str, list[Plan]] = {}
    for plan in library.plans:
        by_title.setdefault(plan.meta.title, []).append(plan)
    problems = []
    for title, plans in by_title.items():
        for plan in plans:
            others = [other.path for other in plans if other is not plan]
            if others and plan.path in checked:
                problems.append(Problem(plan.path, _title_line(library.root / plan.path), f"the title “{title}” is also the title of {', '.join(others)}",
                                        "give each plan a title that tells it apart: its unit, its topic or its "
                                        "year", "warning"))
    return problems


def _title_line(path: Path) -> int:
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, start=1) if line.startswith("title:")), 1)


def advice(plans: list[Plan]) -> list[Problem]:
    problems: list[Problem] = []
    for plan in plans:
        problems.extend(lint.typography_problems(plan))
        problems.extend(lint.form_problems(plan))
    return problems


def fix_files(root: Path, targets: list[Path]) -> list[str]:
    """Apply --fix to the plan files; return the paths changed."""
    changed = []
    for path in plan_files(root, targets):
        try:
            data = path.read_bytes()
            text = data.decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # reported by the check that follows
        fixed = lint.fix_text(text)
        if fixed != text or data.startswith(b"\xef\xbb\xbf"):
            write_atomic(path, fixed)
            changed.append(display_path(path, root))
    return changed


def run_check(root: Path, targets: list[Path], fix: bool, github: bool) -> int:
    if fix:
        for changed in fix_files(root, targets):
            print(f"fixed: {printable(changed)}")
    library = load_library(root, targets)
    checked = {plan.path for plan in library.plans}
    checked |= {p.path for p in library.problems}
    if targets:
        full = load_library(root)
        full.plans = [p for p in full.plans if p.path not in checked] + library.plans
    else:
        full = library
    problems = library.problems + duplicate_problems(full, checked) + title_problems(full, checked) + \
        advice(library.plans)
    if not targets:  # the whole library: the redirect table must point at its plans
        problems += load_redirects(root, {plan.id for plan in full.plans})[1]
    report(problems, github=github)
    errors = [p for p in problems if p.blocking]
    warnings = len(problems) - len(errors)
    tail = f", {counted(warnings, 'warning')}" if warnings else ""
    if errors:
        files = len({p.path for p in errors})
        print(f"{counted(len(errors), 'problem')} in {counted(files, 'file')} ({len(checked)} checked{tail})")
        return 1
    count = len(library.plans)
    print(f"ok: {counted(count, 'plan')} checked, no problems{tail}")
    return 0


