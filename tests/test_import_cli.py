"""`planlib import` as a maintainer uses it: safe writes, clear errors, JSON report."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest

from conftest import make_repo, run_planlib
from planlib.importer.command import run_import

PAGE = """示例科室工作计划(2篇)

示例科室工作计划篇一

一、指导思想

以园本教研为依托，提升幼儿园保教质量，我园教师全员参与。

二、月度安排

九月份：
1、做好迎新工作；
2、检查班级环境创设。

十月份：
1、周四组内听课评课。

示例科室工作计划篇二

一、工作目标

全院医务人员医院感染知识培训率达到90%以上，院感知识考试成绩85分以上。

二、主要措施

1、每月进行环境卫生学监测。
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "repo", plans=None)
    (root / "page.txt").write_text(PAGE, encoding="utf-8")
    return root


def _files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (root / "plans").rglob("*") if p.is_file() and p.suffix == ".md"}


def test_import_writes_checked_plans(repo: Path) -> None:
    result = run_planlib("import", "page.txt", cwd=repo)
    assert result.returncode == 0, result.stderr
    files = _files(repo)
    assert len(files) == 2
    assert {p.parent.name for p in files} == {"education", "health"}
    assert run_planlib("check", cwd=repo).returncode == 0


def test_dry_run_writes_nothing_and_json_has_the_export_shape(repo: Path) -> None:
    result = run_planlib("import", "--dry-run", "--json", "page.txt", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert _files(repo) == {}
    report = json.loads(result.stdout)
    assert [page["file"] for page in report["pages"]] == ["page.txt"]
    records = report["plans"]
    assert [r["source"]["item"] for r in records] == ["篇一", "篇二"]
    first = records[0]
    assert first["status"] == "would write"
    assert first["schedule"] == [
        {"month": 9, "months": [9], "label": "九月份", "items": ["1、做好迎新工作；", "2、检查班级环境创设。"]},
        {"month": 10, "months": [10], "label": "十月份", "items": ["1、周四组内听课评课。"]}]
    assert {"rule": "item-heading", "text": "示例科室工作计划篇一", "line": 3, "column": 0} in first["removed"]
    assert first["institution"] == "kindergarten" and records[1]["institution"] == "hospital"


def test_no_overwrite_without_force_and_nothing_half_done(repo: Path) -> None:
    assert run_planlib("import", "page.txt", cwd=repo).returncode == 0
    files = _files(repo)
    edited = next(p for p in files if p.parent.name == "health")
    edited.write_text(edited.read_text(encoding="utf-8") + "\n维护者的修改。\n", encoding="utf-8")
    other = next(p for p in files if p != edited)
    other.unlink()
    before = _files(repo)
    result = run_planlib("import", "page.txt", cwd=repo)
    assert result.returncode == 1
    assert "a different plan file is already there" in result.stderr and "--force" in result.stderr
    assert "Traceback" not in result.stderr
    assert _files(repo) == before, "nothing is written when any plan would be overwritten"
    forced = run_planlib("import", "--force", "page.txt", cwd=repo)
    assert forced.returncode == 0
    assert "overwritten" in forced.stdout and "written" in forced.stdout
    assert "维护者的修改" not in edited.read_text(encoding="utf-8")


def test_same_import_twice_is_unchanged(repo: Path) -> None:
    assert run_planlib("import", "page.txt", cwd=repo).returncode == 0
    before = _files(repo)
    again = run_planlib("import", "page.txt", cwd=repo)
    assert again.returncode == 0 and again.stdout.count("unchanged") == 2
    assert _files(repo) == before


@pytest.mark.parametrize("content,message", [
    (b"", "file is empty"),
    (b"\x00\x01binary\x00" * 100, "binary data"),
])
def test_bad_input_is_a_clear_error(repo: Path, content: bytes, message: str) -> None:
    (repo / "bad.txt").write_bytes(content)
    result = run_planlib("import", "bad.txt", "page.txt", cwd=repo)
    assert result.returncode == 1
    assert f"bad.txt:1: {message}" in result.stderr
    assert "Traceback" not in result.stderr
    assert _files(repo) == {}, "one bad page stops the whole import"


def test_missing_file(repo: Path) -> None:
    result = run_planlib("import", "nope.txt", cwd=repo)
    assert result.returncode == 1 and "nope.txt:1: no such file" in result.stderr


def test_out_folder(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "elsewhere"
    assert run_planlib("import", "page.txt", "--out", str(out), cwd=repo).returncode == 0
    assert len(list(out.rglob("*.md"))) == 2 and _files(repo) == {}


def test_a_dry_run_writes_nothing_and_says_what_it_would(repo: Path) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run_import(repo, [repo / "page.txt"], None, dry_run=True, as_json=False, force=False) == 0
    assert "would write" in out.getvalue() and not list((repo / "plans").rglob("*.md"))
