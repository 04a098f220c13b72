"""`planlib check` on broken plan files: one clear line each, exit 1, no traceback."""

from __future__ import annotations

import re

import pytest

import shutil

from conftest import FIXTURES, REPO, run_planlib

BROKEN = FIXTURES / "broken"

# file -> (line, words the message must contain)
EXPECTED = {
    "bad-yaml.md": (3, "YAML syntax error"),
    "missing-title.md": (1, "'title' is missing"),
    "unknown-sector.md": (3, "unknown sector 'educaton'"),
    "year-in-chinese.md": (6, "year must be a number"),
    "year-out-of-range.md": (6, "year 1900 is out of range"),
    "script-in-body.md": (14, "raw HTML <script>"),
    "iframe-in-body.md": (14, "raw HTML <iframe>"),
    "img-onerror.md": (14, "event attribute"),
    "javascript-link.md": (14, "script or data URL 'javascript:'"),
    "empty.md": (1, "file is empty"),
    "unclosed-front-matter.md": (1, "front matter is not closed"),
    "no-front-matter.md": (1, "no front matter"),
    "month-13.md": (20, "month 13 does not exist"),
    "month-zero.md": (16, "month 0 does not exist"),
    "empty-month.md": (16, "month '九月' has no items"),
    "not-a-month.md": (20, "'### 下旬' in the schedule is not a month name"),
    "no-parts.md": (9, "the plan has no parts"),
    "unknown-tag.md": (8, "unknown tag '不存在的标签'"),
    "unknown-field.md": (8, "unknown field 'autor'"),
    "tags-not-list.md": (8, "tags must be a list"),
    "institution-mismatch.md": (4, "institution 'hospital' belongs to sector 'health'"),
    "unknown-section.md": (5, "unknown section (科室) '不存在科'"),
    "unknown-term.md": (7, "unknown term 'summer'"),
    "zero-width.md": (14, "invisible character U+200B"),
    "anti-copy-junk.md": (14, "anti-copy junk '的.'"),
    "mojibake.md": (14, "mojibake '臵'"),
    "python-tag.md": (2, "YAML tag !!python/object/apply:os.system is not allowed"),
    "billion-laughs.md": (2, "YAML anchors"),
    "front-matter-list.md": (2, "front matter must be fields"),
    "h1-in-body.md": (10, "a '#' heading in the body"),
    "Bad Name.md": (1, "is not a slug"),
    "duplicate-key.md": (8, "key 'term' is given twice"),
    "bom.md": (1, "byte-order mark"),
    "crlf.md": (1, "line endings"),
    "gbk.md": (2, "not UTF-8 text"),
    "binary.md": (3, "binary data"),
}
LINE_RE = re.compile(r"^(?P<path>.+?):(?P<line>\d+): (?P<message>.+) \((?P<hint>.+)\)$")


@pytest.fixture(scope="module")
def empty_library(tmp_path_factory) -> str:
    """A repository whose library is empty (its taxonomy only): checking a file compares it with nothing else."""
    root = tmp_path_factory.mktemp("empty")
    (root / "plans").mkdir()
    shutil.copy(REPO / "plans" / "taxonomy.yml", root / "plans" / "taxonomy.yml")
    return str(root)


def test_every_broken_file_is_listed() -> None:
    on_disk = {p.name for p in BROKEN.glob("*.md")}
    assert on_disk == set(EXPECTED), "each broken fixture needs an expected message"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_plan_gives_one_clear_line(name: str, empty_library: str) -> None:
    line, words = EXPECTED[name]
    result = run_planlib("--root", empty_library, "check", str(BROKEN / name))
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    lines = [line for line in result.stdout.strip().splitlines() if ": warning: " not in line]
    problems, summary = lines[:-1], lines[-1]
    assert len(problems) == 1, lines
    match = LINE_RE.match(problems[0])
    assert match, problems[0]
    assert match.group("path").endswith(name)
    assert int(match.group("line")) == line, problems[0]
    assert words in match.group("message"), problems[0]
    assert match.group("hint").strip(), "every problem says how to fix it"
    assert summary.startswith("1 problem in 1 file")


def test_duplicate_ids_are_reported_on_both_files(empty_library: str) -> None:
    result = run_planlib("--root", empty_library, "check", str(BROKEN / "dup-a"), str(BROKEN / "dup-b"))
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if "duplicate id 'same-id'" in line]
    assert len(problems) == 2
    assert all(LINE_RE.match(line) for line in problems)


def test_two_plans_with_one_title_are_a_warning(fixture_repo) -> None:
    plans = fixture_repo / "plans" / "education"
    copy = plans / "fixture-primary-spring.md"
    other = (plans / "fixture-kindergarten-autumn.md").read_text(encoding="utf-8")
    title = next(line for line in other.split("\n") if line.startswith("title:"))
    text = copy.read_text(encoding="utf-8").split("\n")
    line = next(number for number, text_line in enumerate(text) if text_line.startswith("title:"))
    text[line] = title
    copy.write_text("\n".join(text), encoding="utf-8")
    result = run_planlib("check", cwd=fixture_repo)
    assert result.returncode == 0, result.stdout
    warnings = [row for row in result.stdout.splitlines() if "is also the title of" in row]
    assert len(warnings) == 2
    assert f"plans/education/fixture-primary-spring.md:{line + 1}: warning:" in "\n".join(warnings)
    assert all(LINE_RE.match(row) for row in warnings)


def test_missing_path_is_a_clear_error() -> None:
    result = run_planlib("check", "no/such/plan.md")
    assert result.returncode == 1
    assert "no/such/plan.md" in result.stderr and "no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_library_itself_checks_clean() -> None:
    result = run_planlib("check", cwd=REPO)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("ok: 30 plans checked, no problems")
    assert all(": warning: " in line for line in result.stdout.splitlines()[:-1])


def test_github_annotations(empty_library: str) -> None:
    result = run_planlib("--root", empty_library, "check", "--github", str(BROKEN / "unknown-sector.md"))
    assert result.returncode == 1
    assert re.search(r"^::error file=.*unknown-sector\.md,line=3::unknown sector 'educaton'", result.stdout, re.M)


def test_check_outside_a_repository(tmp_path) -> None:
    result = run_planlib("check", cwd=tmp_path)
    assert result.returncode == 1
    assert "no plans/taxonomy.yml" in result.stderr
    assert "Traceback" not in result.stderr
