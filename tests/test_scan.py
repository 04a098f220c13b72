"""Scans and their cache: what a file was found to hold, re-used only while its bytes, the taxonomy and the rules
are the same; `planlib check PATH` reads the named file and takes the rest of the library from the cache."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, make_repo, run_planlib
from planlib import scan
from planlib.scancache import DATABASE, FOLDER

PLAN = "plans/education/fixture-primary-spring.md"


def _store(root: Path) -> sqlite3.Connection:
    return sqlite3.connect(root / FOLDER / DATABASE)


def _check(root: Path, *paths: str) -> tuple[int, str]:
    result = run_planlib("check", *paths, cwd=root)
    assert "Traceback" not in result.stdout + result.stderr
    return result.returncode, result.stdout


@pytest.fixture
def counted_scans(monkeypatch) -> list[str]:
    """The paths of the files actually read and checked (not taken from the cache)."""
    scanned: list[str] = []
    real = scan.scan_bytes

    def counting(data, shown, plan_id, tax, purpose="check"):
        scanned.append(shown)
        return real(data, shown, plan_id, tax, purpose)

    monkeypatch.setattr(scan, "scan_bytes", counting)
    return scanned


def test_a_second_check_reads_no_file_and_reports_the_same(fixture_repo: Path, counted_scans: list[str]) -> None:
    first = _check(fixture_repo)
    assert len(counted_scans) == 4 and first[0] == 0
    counted_scans.clear()
    assert _check(fixture_repo) == first
    assert counted_scans == []


def test_export_after_a_check_reads_no_file_and_an_export_alone_keeps_nothing(fixture_repo: Path,
                                                                               counted_scans: list[str]) -> None:
    alone = run_planlib("export", cwd=fixture_repo)
    assert alone.returncode == 0 and len(counted_scans) == 4
    with _store(fixture_repo) as store:
        assert store.execute("SELECT count(*) FROM scans").fetchone() == (0,)
    _check(fixture_repo)
    counted_scans.clear()
    after_check = run_planlib("export", cwd=fixture_repo)
    assert counted_scans == [] and after_check.stdout == alone.stdout


def test_a_changed_file_is_read_again(fixture_repo: Path, counted_scans: list[str]) -> None:
    _check(fixture_repo)
    counted_scans.clear()
    path = fixture_repo / PLAN
    path.write_text(path.read_text(encoding="utf-8").replace("term: spring", "term: summer"), encoding="utf-8")
    code, output = _check(fixture_repo)
    assert code == 1 and f"{PLAN}:7: unknown term 'summer'" in output
    assert counted_scans == [PLAN]


def test_a_changed_taxonomy_or_a_deleted_cache_reads_every_file(fixture_repo: Path, counted_scans: list[str]) -> None:
    before = _check(fixture_repo)
    shutil.rmtree(fixture_repo / FOLDER)
    counted_scans.clear()
    assert _check(fixture_repo) == before and len(counted_scans) == 4
    taxonomy = fixture_repo / "plans" / "taxonomy.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace("  集体备课:", "  集体备课活动:", 1), encoding="utf-8")
    counted_scans.clear()
    code, output = _check(fixture_repo)
    assert len(counted_scans) == 4
    assert code == 1 and "unknown tag '集体备课'" in output


def test_checking_one_file_reads_that_file_only(tmp_path: Path, counted_scans: list[str]) -> None:
    root = make_repo(tmp_path / "real", REPO / "plans")
    assert _check(root)[0] == 0 and len(counted_scans) == 30
    counted_scans.clear()
    one = sorted((root / "plans" / "education").glob("*.md"))[0]
    other = sorted((root / "plans" / "education").glob("*.md"))[1]
    text = other.read_text(encoding="utf-8")
    one.write_text(text.replace("title: ", "title: 又一份", 1), encoding="utf-8")  # a near-copy of another plan
    shown = one.relative_to(root).as_posix()
    code, output = _check(root, shown)
    assert counted_scans == [shown]
    assert code == 1 and f"{shown}:1: 100% the same as {other.relative_to(root).as_posix()}" in output
    assert output.splitlines()[-1] == "1 problem in 1 file (1 checked)"


def test_corrupt_entries_are_ignored(fixture_repo: Path, counted_scans: list[str]) -> None:
    before = _check(fixture_repo)
    with _store(fixture_repo) as store:
        store.execute("""UPDATE scans SET entry = '{"key": "', grams = x'313233'""")
    counted_scans.clear()
    assert _check(fixture_repo) == before and len(counted_scans) == 4


def test_a_damaged_cache_file_is_made_afresh_and_check_works_on(fixture_repo: Path, counted_scans: list[str]) -> None:
    before = _check(fixture_repo)
    (fixture_repo / FOLDER / DATABASE).write_bytes(b"not a database " * 100)
    counted_scans.clear()
    assert _check(fixture_repo) == before and len(counted_scans) == 4
    counted_scans.clear()
    assert _check(fixture_repo) == before and counted_scans == []  # made afresh


def test_a_cache_committed_to_git_is_not_used(fixture_repo: Path) -> None:
    """A pull request could commit entries that say a refused plan is fine: a committed .cache/ is never read."""
    path = fixture_repo / PLAN
    _check(fixture_repo)
    with _store(fixture_repo) as store:
        good = {key for key, in store.execute("SELECT key FROM scans")}
    path.write_text(path.read_text(encoding="utf-8").replace("term: spring", "term: summer"), encoding="utf-8")
    _check(fixture_repo)
    with _store(fixture_repo) as store:  # forge: the refused plan's entry says it is fine
        for key, entry in list(store.execute("SELECT key, entry FROM scans")):
            data = json.loads(entry)
            if data["path"] == PLAN and key not in good:
                data["problems"] = []
                store.execute("UPDATE scans SET entry = ? WHERE key = ?", (json.dumps(data, ensure_ascii=False), key))
    assert _check(fixture_repo)[0] == 0  # one's own cache is trusted ...
    git = ["git", "-C", str(fixture_repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-f", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "plans"], check=True)
    code, output = _check(fixture_repo)  # ... a committed one is not
    assert code == 1 and "unknown term 'summer'" in output


def test_scanning_on_several_cores_gives_what_one_core_gives(tmp_path: Path, monkeypatch) -> None:
    root = make_repo(tmp_path / "real", REPO / "plans")
    one = run_planlib("check", "--no-cache", cwd=root)
    monkeypatch.setattr(scan, "PARALLEL_FROM", 2)
    several = run_planlib("check", cwd=root)
    assert several.stdout == one.stdout and several.returncode == one.returncode
    with _store(root) as store:
        assert store.execute("SELECT count(*) FROM scans").fetchone() == (30,)
    assert run_planlib("check", cwd=root).stdout == one.stdout
