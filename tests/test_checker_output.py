"""`planlib check` finds the same problems, printed the same way, as it did before its rework for library scale.

The outputs in tests/fixtures/check-before/ were recorded from the check that
compared every plan with every other one and re-read every file on every run.
Every line is the same, except near-copies: that check named every pair of
near-copies (6,586 lines for the 110 near-copies of the hostile library), this
one names each near-copy once, with one of the plans it was paired with. Each
scenario runs twice: with an empty cache, and again from the cache the first
run left (a cached result must be the same result).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, hostile_repo, make_repo, run_planlib

BEFORE = FIXTURES / "check-before"


def _repo_with_taxonomy_only(root: Path) -> Path:
    (root / "plans").mkdir(parents=True)
    shutil.copy(REPO / "plans" / "taxonomy.yml", root / "plans" / "taxonomy.yml")
    return root


def _real(tmp: Path) -> tuple[Path, Path, list[str]]:
    root = make_repo(tmp / "real", REPO / "plans")
    return root, root, ["check"]


def _real_folder(tmp: Path) -> tuple[Path, Path, list[str]]:
    root = make_repo(tmp / "real", REPO / "plans")
    return root, root, ["check", "plans/health"]


def _fixture_library(tmp: Path) -> tuple[Path, Path, list[str]]:
    root = make_repo(tmp / "library")
    return root, root, ["check"]


def _broken(tmp: Path) -> tuple[Path, Path, list[str]]:
    """Each broken file named on the command line, against an empty library (paths shown as given)."""
    root = _repo_with_taxonomy_only(tmp / "empty")
    return root, REPO, ["--root", str(root), "check", "tests/fixtures/broken"]


def _hostile(tmp: Path) -> tuple[Path, Path, list[str]]:
    root = hostile_repo(tmp / "hostile")
    return root, root, ["check"]


SCENARIOS = {"real": _real, "real-folder": _real_folder, "fixture-library": _fixture_library,
             "broken": _broken, "hostile": _hostile}


def _run(cwd: Path, args: list[str], root: Path) -> str:
    """The output with every problem shown: the near-copy lines used to push others past SHOWN_PER_FILE."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("planlib.problems.SHOWN_PER_FILE", 10**6)
        result = run_planlib(*args, cwd=cwd)
    return f"exit {result.returncode}\n{result.stdout}{result.stderr}".replace(str(root), "ROOT")


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_check_reports_what_it_reported_before(scenario: str, tmp_path: Path) -> None:
    before = (BEFORE / f"{scenario}.txt").read_text(encoding="utf-8")
    root, cwd, args = SCENARIOS[scenario](tmp_path)
    first = _run(cwd, args, root)
    assert_same_problems(before, first, _shingle_containment(root))
    assert _run(cwd, args, root) == first, "the second run, from the cache, differs from the first"


COPY_RE = re.compile(r"^(?P<copy>.+?):1: \d+% the same as (?P<original>.+?) \(if it repeats that plan")
SUMMARY_RE = re.compile(r"^\d+ problems? in (?P<files>.+)$")


def _split(output: str) -> tuple[list[str], set[tuple[str, str]], str]:
    """Lines other than near-copies and the summary; near-copy pairs; the summary without its count."""
    lines, copies, summary = [], set(), ""
    for line in output.splitlines():
        if match := COPY_RE.match(line):
            copies.add((match.group("copy"), match.group("original")))
        elif match := SUMMARY_RE.match(line):
            summary = match.group("files")
        else:
            lines.append(line)
    return lines, copies, summary


def _shingle_containment(root: Path) -> Callable[[str, str], float]:
    """Exact containment of two plans' texts, computed here from sets of 5-character strings, as check once did."""
    from planlib.library import load_library

    plans = {plan.path: plan for plan in load_library(root).plans}
    plans |= {plan.path: plan for plan in load_library(root, [root / "plans"]).plans}

    def shingles(path: str) -> set[str]:
        chars = "".join(re.findall(r"[\w\u3400-\u9fff]", plans[path].text))
        return {chars[i:i + 5] for i in range(len(chars) - 4)}

    def containment(a: str, b: str) -> float:
        first, second = shingles(a), shingles(b)
        return len(first & second) / min(len(first), len(second))

    return containment


def assert_same_problems(before: str, after: str, containment: Callable[[str, str], float] | None = None) -> None:
    """The same lines; the same near-copies, each named once. A pair the index of the pairwise check never
    proposed (it misses some, tiny texts most) counts when `containment` finds it at 80% or more."""
    old_lines, old_pairs, old_summary = _split(before)
    new_lines, new_pairs, new_summary = _split(after)
    assert new_lines == old_lines
    assert new_summary == old_summary  # the same files with errors, the same number checked
    assert len(new_pairs) == len({copy for copy, _ in new_pairs}), "a near-copy is named more than once"
    paired = old_pairs | {(b, a) for a, b in old_pairs}
    found_since = {pair for pair in new_pairs - paired if containment and containment(*pair) >= 0.8}
    assert {copy for copy, _ in old_pairs} <= {copy for copy, _ in new_pairs}
    assert new_pairs <= paired | found_since, sorted(new_pairs - paired - found_since)[:5]


def test_the_comparison_can_fail() -> None:
    before = (BEFORE / "broken.txt").read_text(encoding="utf-8")
    seen: set[str] = set()
    grouped = []
    for line in before.splitlines():  # each near-copy once, as check names them now
        match = COPY_RE.match(line)
        if match is None or match.group("copy") not in seen:
            grouped.append(line)
        if match:
            seen.add(match.group("copy"))
    assert_same_problems(before, "\n".join(grouped))
    with pytest.raises(AssertionError):
        assert_same_problems(before, before)  # a near-copy named more than once
    before = "\n".join(grouped)
    for changed in ("\n".join(before.splitlines()[:-2]),  # a problem lost
                    before.replace("bom.md:1: 100% the same as", "bom.md:1: 100% the same as x.md", 1)):
        with pytest.raises(AssertionError):
            assert_same_problems(before, changed)
