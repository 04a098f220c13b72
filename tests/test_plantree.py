"""Files under plans/ that are not plans (hostile_cases.TREE_CASES): each named by check, none followed or crashed on."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO, build_in_process, make_repo
from hostile_cases import TREE_CASES, TreeCase, make_tree_case, plan_text
from planlib.plantree import plan_files
from test_hostile import assert_clear, run


def tree_repo(root: Path) -> Path:
    (root / "plans" / "education").mkdir(parents=True)
    shutil.copy(REPO / "plans" / "taxonomy.yml", root / "plans" / "taxonomy.yml")
    (root / "plans" / "education" / "good-plan.md").write_text(plan_text(), encoding="utf-8")
    return root


@pytest.mark.parametrize("case", TREE_CASES, ids=[case.name for case in TREE_CASES])
def test_check_names_each_file_that_is_not_a_plan(case: TreeCase, tmp_path: Path) -> None:
    root = tree_repo(tmp_path / "repo")
    (tmp_path / "outside").mkdir()
    make_tree_case(case, root / "plans", tmp_path / "outside")
    code, output = run("--root", str(root), "check")
    lines = assert_clear(output)
    assert code == 1
    named = [line for line in lines if case.name in line]
    assert named and case.said in named[0], (case.said, lines)
    assert "good-plan" not in output  # the plan beside it is fine
    code, output = run("--root", str(root), "export")
    assert code == 1 and "export refused" in output


def test_the_tree_gives_the_plans_and_a_problem_for_every_other_file(tmp_path: Path) -> None:
    root = tree_repo(tmp_path / "repo")
    (tmp_path / "outside").mkdir()
    for case in TREE_CASES:
        make_tree_case(case, root / "plans", tmp_path / "outside")
    files, problems = plan_files(root, [])
    assert [path.name for path in files] == ["good-plan.md", "link-target.md"]  # taxonomy.yml belongs there
    assert sorted(problem.path.rsplit("/", 1)[-1] for problem in problems) == sorted(case.name for case in TREE_CASES)


def test_a_link_named_on_the_command_line_may_not_lead_out_of_the_repository(tmp_path: Path) -> None:
    root = tree_repo(tmp_path / "repo")
    outside = tmp_path / "outside.md"
    outside.write_text(plan_text(), encoding="utf-8")
    (root / "link.md").symlink_to(outside)
    code, output = run("--root", str(root), "check", str(root / "link.md"))
    assert code == 1 and "symbolic link to a file outside the repository" in output


def test_a_build_with_every_kind_of_stray_file_leaves_them_out_and_does_not_crash(tmp_path: Path) -> None:
    """A link to a plan outside the repository once crashed the build (the plan's history has no path)."""
    root = make_repo(tmp_path / "repo")
    (tmp_path / "outside").mkdir()
    for case in TREE_CASES:
        make_tree_case(case, root / "plans", tmp_path / "outside")
    build = build_in_process(root, strict=False)
    assert build.ok and not any("Traceback" in line for line in build.log), build.log[-20:]
    for case in TREE_CASES:
        assert any(case.name in warning and case.said in warning for warning in build.warnings), case.name
    published = {p.parent.name for p in (root / "site" / "plan").glob("*/index.html")}
    assert not published & {"outside-link", "inside-link", "dangling-link", "waiting", "shouting", "plan", "gone"}
    assert not build_in_process(root).ok  # strict: refused
