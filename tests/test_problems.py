"""Problem output that input cannot forge (hostile_cases.OUTPUT_CASES): one line per problem, every value escaped
for terminals and for GitHub's workflow commands."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, run_planlib
from hostile_cases import OUTPUT_CASES, OutputCase, plan_text
from planlib.problems import SHOWN_PER_FILE, Problem, printable, shown

ANNOTATION_RE = re.compile(r"^::(error|warning) file=([^,:\n]*)(,line=\d+)?::(.*)$")
FORMAT_RE = re.compile(r"^(?!::)[^\n]+?(:\d+)?: .+$")
INVISIBLE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]")


@pytest.mark.parametrize("case", OUTPUT_CASES, ids=[case.name for case in OUTPUT_CASES])
def test_problem_output_cannot_be_forged(case: OutputCase, tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "plans" / "education").mkdir(parents=True)
    shutil.copy(REPO / "plans" / "taxonomy.yml", root / "plans" / "taxonomy.yml")
    (root / "plans" / "education" / case.file_name).write_text(case.text, encoding="utf-8")
    result = run_planlib("--root", str(root), "check", "--github")
    assert result.returncode == 1 and "internal error" not in result.stderr
    lines = result.stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::")]
    problems = [line for line in lines if not line.startswith("::") and not re.match(r"^\d+ problems? in", line)]
    assert annotations and len(annotations) == len(problems), lines
    for line in annotations:
        match = ANNOTATION_RE.match(line)
        assert match, line  # one command per line, its file= holds no , or : that could add a property
        assert "::" not in match.group(4) or match.group(4).count("::") == line.count("::") - 2
    for line in problems:
        assert FORMAT_RE.match(line), line
    assert not INVISIBLE_RE.search(result.stdout), "no control, invisible or bidi character reaches the terminal"
    assert not any(line.lstrip().startswith(("::stop-commands", "::warning file=a", "::notice", "::error file=README"))
                   for line in lines)


def test_annotation_values_are_escaped_as_github_reads_them() -> None:
    problem = Problem("plans/a,b:c%.md", 3, "x\n::stop-commands::pwned 100%", "fix\r\nit")
    line = problem.github_annotation()
    assert line == ("::error file=plans/a%2Cb%3Ac%25.md,line=3::x\\n::stop-commands::pwned 100%25 (fix\\x0d\\nit)")
    assert "\n" not in line and "\r" not in line


def test_terminal_text_shows_escapes_instead_of_the_characters() -> None:
    assert printable("a\x1b[2Jb\u202ec\u2028d\ud800e\n") == "a\\x1b[2Jb\\u202ec\\u2028d\\ud800e\\n"
    assert Problem("::warning::x.md", 0, "no such file", "check the path").format().startswith("./::warning")


def test_a_file_with_thousands_of_problems_prints_a_readable_number(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "plans" / "education").mkdir(parents=True)
    shutil.copy(REPO / "plans" / "taxonomy.yml", root / "plans" / "taxonomy.yml")
    body = "## 一、指导思想\n\n" + "".join(f"第{i}行{{{{未闭合\n\n" for i in range(3_000))
    (root / "plans" / "education" / "many.md").write_text(plan_text(body=body), encoding="utf-8")
    result = run_planlib("--root", str(root), "check")
    lines = result.stdout.splitlines()
    assert result.returncode == 1 and len(lines) <= SHOWN_PER_FILE + 2
    assert re.search(r"plans/education/many.md: \d[\d,]* more problems not shown \(fix those above", result.stdout)
    capped = shown([Problem("a.md", i, "m") for i in range(SHOWN_PER_FILE + 5)])
    assert len(capped) == SHOWN_PER_FILE + 1 and capped[-1].message == "5 more problems not shown"
