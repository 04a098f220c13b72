"""The import review: printed after every import and in --json, with source lines; --strict stops on it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO, make_repo, run_planlib

CORPUS = REPO / "tests" / "corpus" / "pages"
TABLE_PAGE = "25-deyu-yuezhuti-table.txt"  # a flattened table; the second 六月份 is cut after its theme
PAGE_TWO = "21-shaoxiandui-2013-p4.txt"  # page 4 of an article: a fragment, then 范文五


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = make_repo(tmp_path / "repo", plans=None)
    for name in (TABLE_PAGE, PAGE_TWO):
        shutil.copy(CORPUS / name, root / name)
    return root


def _line_of(name: str, text: str, after: int = 0) -> int:
    lines = (CORPUS / name).read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if number > after and line.strip() == text)


def test_the_review_names_the_uncertain_lines(repo: Path) -> None:
    result = run_planlib("import", TABLE_PAGE, PAGE_TWO, cwd=repo)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    review = out[out.index("import review"):]
    cut = _line_of(TABLE_PAGE, "六月份", after=_line_of(TABLE_PAGE, "六月份"))
    assert f"look at: line {cut}: month “六月份” has no activity: the page was cut after it" in review
    assert "look at: line 2: the page starts inside this plan" in review
    header = _line_of(PAGE_TWO, "2013少先队工作计划范文五:")
    assert f"inferred: line {header}: year 2013 from its title" in review
    assert "inferred: line 18: year 2010 from the text" in review  # 10年2月26日, in a table cell
    assert "institution primary from 6年级×1 (line 26)" in review
    assert review.count("→ plans/education/") == 3


def test_the_json_report_has_the_review(repo: Path) -> None:
    result = run_planlib("import", "--dry-run", "--json", PAGE_TWO, cwd=repo)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    fragment, fifth = report["plans"]
    assert {"line": 2, "message": fragment["review"]["look_at"][0]["message"]} == fragment["review"]["look_at"][0]
    assert any(note["message"].startswith("year 2013") for note in fifth["review"]["inferred"])
    assert report["pages"][0]["review"]["inferred"][0]["message"].startswith("1 篇 headers found (范文五)")


def test_strict_stops_on_anything_to_look_at_and_writes_nothing(repo: Path) -> None:
    result = run_planlib("import", "--strict", TABLE_PAGE, cwd=repo)
    assert result.returncode == 1
    assert f"{TABLE_PAGE}:{_line_of(TABLE_PAGE, '六月份', after=_line_of(TABLE_PAGE, '六月份'))}: " in result.stderr
    assert "import without --strict" in result.stderr and "Traceback" not in result.stderr
    assert not list((repo / "plans").rglob("*.md"))
    relaxed = run_planlib("import", TABLE_PAGE, cwd=repo)
    assert relaxed.returncode == 0 and len(list((repo / "plans").rglob("*.md"))) == 1


def test_a_traditional_page_is_kept_as_written_and_read_as_simplified(repo: Path) -> None:
    shutil.copy(CORPUS / "26-deyu-chunji-trad.txt", repo / "trad.txt")
    result = run_planlib("import", "--dry-run", "--json", "trad.txt", cwd=repo)
    report = json.loads(result.stdout)
    [plan] = report["plans"]
    assert (plan["institution"], plan["term"]) == ("primary", "spring")  # 《小學生德育綱要》, 春季 in its header
    assert "二、德育工作重點" in [part["title"] for part in plan["parts"]]  # its own characters
    assert any("traditional script" in note["message"] for note in report["pages"][0]["review"]["inferred"])
