"""`planlib new` accepts exactly what `planlib check` accepts: the hostile answers (hostile_cases.NEW_CASES) and random ones."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO, run_planlib
from hostile_cases import NEW_CASES, NewCase
from planlib.library import load_library
from planlib.new import FIELDS, create
from planlib.problems import ProblemError
from planlib.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy(REPO / "plans" / "taxonomy.yml")
GOOD = {"title": "2024年城东小学教科室第二学期工作计划", "sector": "education", "institution": "primary",
        "section": "教科室", "year": "2024", "term": "spring"}


def empty_repo(root: Path) -> Path:
    (root / "plans").mkdir(parents=True)
    shutil.copy(REPO / "plans" / "taxonomy.yml", root / "plans" / "taxonomy.yml")
    return root


@pytest.mark.parametrize("case", NEW_CASES, ids=[case.name for case in NEW_CASES])
def test_new_refuses_each_hostile_answer_and_writes_nothing(case: NewCase, tmp_path: Path) -> None:
    root = empty_repo(tmp_path / "repo")
    with pytest.raises(ProblemError) as refused:
        create(root, TAXONOMY, {**GOOD, **case.answers}, None)
    named = [problem for problem in refused.value.problems if problem.path == case.option]
    assert named and any(case.said in problem.message for problem in named), refused.value.problems
    assert list((root / "plans").rglob("*.md")) == []


def test_the_command_line_says_so_without_a_traceback(tmp_path: Path) -> None:
    """--year ²⁰²⁴ once ended in an internal error."""
    root = empty_repo(tmp_path / "repo")
    options = [f"--{field}={value}" for field, value in {**GOOD, "year": "²⁰²⁴"}.items()]
    result = run_planlib("--root", str(root), "new", *options)
    assert result.returncode == 1 and "internal error" not in result.stderr
    assert result.stderr.startswith("--year: year must be a number")


PIECES = ["\x00", "\r", "\n", "\t", "\u202e", "\u2028", "\u200b", "\ud800", "\ufeff", "\x85", "<", ">", "<b>",
          "{", "}", "{#x}", "#", ": ", "'", '"', "!!!", "&", "&lt;", "²", "２", "20", "xx", "{{", "}}", "{{20xx}}", "-",
          " ", "[", "]", "*", "\\", "javascript:", "- ", "---", "yes", "null", "~", "@", "`", "%", "计划", "教科室"]
ANSWER = st.lists(st.one_of(st.characters(codec="utf-8"), st.sampled_from(PIECES)), max_size=20).map("".join)


def answers() -> st.SearchStrategy[dict[str, str]]:
    """Random answers, each a taxonomy value or anything at all."""
    def field(name: str, known: list[str]) -> st.SearchStrategy[str]:
        return st.one_of(st.sampled_from(known), ANSWER) if known else ANSWER
    known = {"title": [GOOD["title"], "幼儿园工作计划"], "sector": list(TAXONOMY.sectors),
             "institution": list(TAXONOMY.institutions), "section": list(TAXONOMY.sections),
             "year": ["2024", "unknown", "2023"], "term": list(TAXONOMY.terms)}
    return st.fixed_dictionaries({name: field(name, known[name]) for name in FIELDS})


@given(answers())
def test_whatever_new_writes_passes_check(values: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = empty_repo(Path(folder) / "repo")
        try:
            path = create(root, TAXONOMY, values, None)
        except ProblemError as refused:
            assert refused.problems and all(problem.path.startswith("--") and problem.message for problem in refused.problems)
            assert list((root / "plans").rglob("*.md")) == []
            return
        library = load_library(root, [path])
        # the skeleton's instructions are there to be replaced (check says so); nothing else may be wrong
        errors = [problem for problem in library.errors if problem.message != "template text left in the plan"]
        assert errors == [], [problem.format() for problem in errors]
        assert [plan.path for plan in library.plans] == [path.relative_to(root).as_posix()]
