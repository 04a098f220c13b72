"""`planlib check`: validity, near-duplicates and advice for plan files; `--fix` for what can be fixed."""

from __future__ import annotations

from pathlib import Path

from planlib import lint
from planlib.library import plan_files, taxonomy_path
from planlib.planfile import write_atomic
from planlib.problems import Problem, counted, display_path, printable, report
from planlib.scan import PlanFacts, Scan, ScannedLibrary, scan_library
from planlib.scancache import ScanCache
from planlib.similarity import Sketch, containment, near_copies, near_copies_of
from planlib.taxonomy import load_taxonomy


FEW_NAMED = 2_000_000  # named plans × plans: up to this, comparing each named plan with every plan is quicker


def duplicate_problems(library: ScannedLibrary, checked: set[str]) -> list[Problem]:
    """Plans that repeat another plan without saying so (duplicate_of): each named once, with one original."""
    plans: dict[str, tuple[Scan, PlanFacts]] = {facts.id: (scan, facts) for scan, facts in library.plans}
    cache = library.cache

    def declared(a: str, b: str) -> bool:
        first, second = plans[a][1].duplicate_of, plans[b][1].duplicate_of
        return first == b or second == a or (first is not None and first == second)

    def score(a: str, b: str) -> float:
        (first, _), (second, _) = plans[a], plans[b]
        kept = cache.pair(first.key, second.key) if cache is not None and first.key and second.key else None
        if kept is not None:
            return kept
        found = containment(first.grams(cache), second.grams(cache))
        if cache is not None and first.key and second.key:
            cache.put_pair(first.key, second.key, found)
        return found

    sketches: dict[str, Sketch] = {plan_id: facts.sketch for plan_id, (_, facts) in plans.items()}
    problems = []
    named: set[str] = set()
    named = {facts.id for scan, facts in library.plans if scan.path in checked}
    if library.others and len(named) * len(plans) <= FEW_NAMED:  # a few files named: compare them with each plan
        found_copies = near_copies_of(sketches, named, score, declared)
    else:
        found_copies = near_copies(sketches, score, declared)
    for copy_id, original_id, found in found_copies:
        copy, original = plans[copy_id][0], plans[original_id][0]
        if copy.path not in checked and original.path in checked:
            copy, original = original, copy  # only the named file is reported: it is the one that repeats
        if copy.path not in checked or copy.path in named:
            continue
        named.add(copy.path)
        problems.append(Problem(copy.path, 1, f"{found:.0%} the same as {original.path}",
                                f"if it repeats that plan, add duplicate_of: {original.plan.id if original.plan else ''}; "
                                "otherwise make it a plan of its own"))
    if cache is not None:
        cache.save({scan.key for scan, _ in library.plans if scan.key})
    return problems


def title_problems(library: ScannedLibrary, checked: set[str]) -> list[Problem]:
    """Plans that share a title: lists, search results and tabs could not tell them apart."""
    by_title: dict[str, list[tuple[Scan, PlanFacts]]] = {}
    for scan, facts in library.plans:
        by_title.setdefault(facts.title, []).append((scan, facts))
    problems = []
    for title, plans in by_title.items():
        for scan, facts in plans:
            others = [other.path for other, _ in plans if other is not scan]
            if others and scan.path in checked:
                problems.append(Problem(scan.path, facts.title_line,
                                        f"the title “{title}” is also the title of {', '.join(others)}",
                                        "give each plan a title that tells it apart: its unit, its topic or its "
                                        "year", "warning"))
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


def run_check(root: Path, targets: list[Path], fix: bool, github: bool, cached: bool = True) -> int:
    if fix:
        for changed in fix_files(root, targets):
            print(f"fixed: {printable(changed)}")
    taxonomy = taxonomy_path(root)
    tax = load_taxonomy(taxonomy, display_path(taxonomy, root))
    cache = ScanCache.open(root, taxonomy) if cached else None
    library = scan_library(root, targets, tax, cache)
    checked = {scan.path for scan in library.checked if scan.plan is not None}
    checked |= {p.path for p in library.problems}
    problems = library.problems + duplicate_problems(library, checked) + title_problems(library, checked)
    if not targets:  # the whole library: the redirect table must point at its plans
        from planlib.redirects import load_redirects  # (pinyin tables: loaded only when needed)

        problems += load_redirects(root, {facts.id for _, facts in library.plans})[1]
    report(problems, github=github)
    errors = [p for p in problems if p.blocking]
    warnings = len(problems) - len(errors)
    tail = f", {counted(warnings, 'warning')}" if warnings else ""
    if errors:
        files = len({p.path for p in errors})
        print(f"{counted(len(errors), 'problem')} in {counted(files, 'file')} ({len(checked)} checked{tail})")
        return 1
    count = sum(scan.plan is not None for scan in library.checked)
    print(f"ok: {counted(count, 'plan')} checked, no problems{tail}")
    return 0
