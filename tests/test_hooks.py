"""The MkDocs hooks load plans from plans/ into a real strict build."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import contextlib
import io
from pathlib import Path

from conftest import build_in_process
from planlib.cli import main


def test_plans_become_pages_in_a_strict_build(fixture_site) -> None:
    fixture_repo = fixture_site  # built strictly, without a warning (conftest)
    page = fixture_repo / "site" / "plan" / "fixture-kindergarten-autumn" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "示例幼儿园教科室第一学期工作计划" in html
    assert "做好迎新工作" in html
    assert not (fixture_repo / "docs" / "plan").exists(), "nothing is copied into docs/"
    # plans are kept out of the global navigation: a guide page links to none of them
    guide = (fixture_repo / "site" / "data" / "index.html").read_text(encoding="utf-8")
    assert "plan/fixture-" not in guide


def _add_plans_that_break_rules(root: Path) -> dict[str, str]:
    """Plans that load but break a rule of the taxonomy, and one whose front matter is broken: file → id."""
    def plan(title: str, section: str, year: str, text: str) -> str:
        return (f"---\ntitle: {title}\nsector: education\ninstitution: primary\nsection: {section}\nyear: {year}\n"
                f"term: spring\n---\n\n## 一、工作目标\n\n{text}\n")

    broken = {
        "plans/education/plan-with-year-1900.md": plan("城南小学教务处计划", "教务处", "1900", "规范教学常规，落实听课评课制度。"),
        "plans/education/plan-with-wrong-section.md": plan("城北小学护理部计划", "护理部", "2024", "组织学生开展读书节和科技节活动。"),
        "plans/education/plan-with-broken-front.md": "---\ntitle: x\n---\n",
    }
    for relative, text in broken.items():
        (root / relative).write_text(text, encoding="utf-8")
    return {relative: Path(relative).stem for relative in broken}


def test_a_plan_with_a_problem_is_reported_once_as_check_reports_it_and_not_published(fixture_repo) -> None:
    broken = _add_plans_that_break_rules(fixture_repo)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--root", str(fixture_repo), "check"]) == 1
    reported = [line for line in out.getvalue().splitlines() if line.startswith(tuple(broken)) and ": warning: " not in line]
    assert any("year 1900 is out of range" in line for line in reported)
    assert any("section '护理部' is not used in sector 'education'" in line for line in reported)
    assert any("'sector' is missing" in line for line in reported)

    build = build_in_process(fixture_repo, strict=False)  # what `mkdocs serve` does on every change
    assert build.ok, build.log[-10:]  # (with these warnings, a strict build stops)
    for line in reported:
        assert build.warnings.count(line) == 1, line  # the same line, once
    assert len(build.warnings) == len(reported)
    site = fixture_repo / "site"
    assert (site / "plan" / "fixture-primary-spring" / "index.html").exists()
    for plan_id in broken.values():
        assert not (site / "plan" / plan_id).exists()
        mentions = [page for page in site.rglob("*") if page.is_file() and plan_id in page.read_text(errors="ignore")]
        assert mentions == [], f"{plan_id} is on {len(mentions)} pages"


def test_serve_rebuilds_when_a_plan_changes_and_serves_no_plan_with_a_problem(fixture_repo) -> None:
    broken = _add_plans_that_break_rules(fixture_repo)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=fixture_repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/plan/fixture-primary-spring/"
    try:
        assert "检查教师备课" in _wait_for(url, "检查教师备课")
        for plan_id in broken.values():
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/plan/{plan_id}/", timeout=5)
                raise AssertionError(f"{plan_id} is served")
            except urllib.error.HTTPError as error:
                assert error.code == 404
        plan = fixture_repo / "plans" / "education" / "fixture-primary-spring.md"
        plan.write_text(plan.read_text(encoding="utf-8").replace("检查教师备课", "检查教师教案"), encoding="utf-8")
        assert "检查教师教案" in _wait_for(url, "检查教师教案")
    finally:
        server.terminate()
        server.wait(timeout=30)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, text: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    return body


def test_two_files_with_one_name_are_a_clash_letter_case_aside() -> None:
    """The calendar overview once silently replaced the calendar rules page (both calendar/index.html)."""
    from types import SimpleNamespace

    from planlib.mkdocs_adapter import output_clashes

    files = [SimpleNamespace(src_uri="calendar.md", dest_uri="calendar/index.html"),
             SimpleNamespace(src_uri="calendar/index.md", dest_uri="calendar/index.html"),
             SimpleNamespace(src_uri="a.ics", dest_uri="calendar/ics/A.ics"),
             SimpleNamespace(src_uri="b.ics", dest_uri="calendar/ics/a.ics"),
             SimpleNamespace(src_uri="c.md", dest_uri="c/index.html")]
    assert output_clashes(files) == ["calendar/index.html: from calendar.md and from calendar/index.md",
                                     "calendar/ics/a.ics: from a.ics and from b.ics"]
