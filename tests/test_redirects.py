"""Old plan URLs keep working: redirects.yml → a redirect page at each old URL, in every language."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO, build_in_process, run_planlib
from planlib.library import load_library
from planlib.redirects import load_redirects, redirect_files
from planlib.render import Renderer


def test_the_committed_table_points_at_plans_of_the_library() -> None:
    ids = {plan.id for plan in load_library(REPO).plans}
    redirects, problems = load_redirects(REPO, ids)
    assert problems == []
    assert redirects["kindergarten-jiaokeshi-2023-7b8f-1"] == "kindergarten-jiaokeshi-xxxx-7b8f-1"
    assert redirects["hospital-hulibu-2016-7b8f-7"] == "hospital-hulibu-xxxx-7b8f-7"
    assert not set(redirects) & ids and set(redirects.values()) <= ids


def test_bad_entries_are_reported_with_their_line(tmp_path: Path) -> None:
    (tmp_path / "redirects.yml").write_text(
        "plans:\n  old-a: new-a\n  old-b: gone\n  new-a: other\n  old-c: old-a\n  Bad Id: new-a\n", encoding="utf-8")
    redirects, problems = load_redirects(tmp_path, {"new-a", "other"})
    assert redirects == {"old-a": "new-a", "old-c": "new-a"}, "chains are followed to the current id"
    shown = [problem.format() for problem in problems]
    assert any(text.startswith("redirects.yml:3: 'old-b' redirects to 'gone', which is no plan") for text in shown)
    assert any(text.startswith("redirects.yml:4: 'new-a' is the id of a plan in the library") for text in shown)
    assert any(text.startswith("redirects.yml:6: 'Bad Id: new-a' is not a pair of plan ids") for text in shown)
    assert load_redirects(tmp_path / "none", set()) == ({}, [])


def test_redirect_pages_send_the_reader_to_the_new_url() -> None:
    [page] = redirect_files({"old-id": "new-id"}, "en", "zh", Renderer(REPO / "overrides" / "planlib"))
    assert page.dest_uri == "en/plan/old-id/index.html"
    html = page.data.decode("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../new-id/">' in html
    assert '<link rel="canonical" href="../new-id/">' in html and "<script" not in html


def test_a_build_writes_a_page_at_every_old_url(fixture_repo: Path) -> None:
    (fixture_repo / "redirects.yml").write_text("plans:\n  kindergarten-2023-old: fixture-kindergarten-autumn\n",
                                                encoding="utf-8")
    result = build_in_process(fixture_repo)
    assert result.ok and result.warnings == [], result.log[-10:]
    for prefix in ("", "en/"):
        page = fixture_repo / "site" / f"{prefix}plan" / "kindergarten-2023-old" / "index.html"
        html = page.read_text(encoding="utf-8")
        assert "url=../fixture-kindergarten-autumn/" in html
        assert (page.parent.parent / "fixture-kindergarten-autumn" / "index.html").is_file()
    broken = fixture_repo / "redirects.yml"
    broken.write_text("plans:\n  kindergarten-2023-old: no-such-plan\n", encoding="utf-8")
    check = run_planlib("check", cwd=fixture_repo)
    assert check.returncode == 1 and "redirects.yml:2: 'kindergarten-2023-old' redirects to 'no-such-plan'" in check.stdout
    strict = build_in_process(fixture_repo)
    assert not strict.ok and any(line.startswith("redirects.yml:2") for line in strict.warnings)
