"""The MkDocs hooks load plans from plans/ into a real strict build."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from conftest import mkdocs_build


def test_plans_become_pages_in_a_strict_build(fixture_repo) -> None:
    result = mkdocs_build(fixture_repo)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    page = fixture_repo / "site" / "plan" / "fixture-kindergarten-autumn" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "示例幼儿园教科室第一学期工作计划" in html
    assert "做好迎新工作" in html
    assert not (fixture_repo / "docs" / "plan").exists(), "nothing is copied into docs/"
    # plans are kept out of the global navigation: a guide page links to none of them
    guide = (fixture_repo / "site" / "data" / "index.html").read_text(encoding="utf-8")
    assert "plan/fixture-" not in guide


def test_a_broken_plan_stops_a_strict_build_and_is_skipped_otherwise(fixture_repo) -> None:
    (fixture_repo / "plans" / "education" / "broken.md").write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = mkdocs_build(fixture_repo)
    assert result.returncode != 0
    assert "WARNING -  plans/education/broken.md:1: 'sector' is missing" in result.stderr
    assert "Traceback" not in result.stderr
    relaxed = mkdocs_build(fixture_repo, strict=False)
    assert relaxed.returncode == 0, relaxed.stderr
    assert (fixture_repo / "site" / "plan" / "fixture-primary-spring" / "index.html").exists()
    assert not (fixture_repo / "site" / "plan" / "broken").exists()


def test_serve_rebuilds_when_a_plan_changes(fixture_repo) -> None:
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                              cwd=fixture_repo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/plan/fixture-primary-spring/"
    try:
        assert "检查教师备课" in _wait_for(url, "检查教师备课")
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
