"""`planlib import` when writing fails (hostile_cases.IMPORT_CASES): a clear message and exit 1, every file whole,
what was written said, and the same import run again finishes the batch."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from conftest import REPO
from hostile_cases import IMPORT_CASES
from planlib.importer import writer
from test_hostile import hang_guard, run

PLANS = 4
PAGE = f"示例科室工作计划({PLANS}篇)\n\n" + "".join(
    f"示例科室工作计划篇{number}\n\n一、指导思想\n\n第{number}篇：以园本教研为依托，提升{topic}质量，教师全员参与{number}次。\n\n"
    f"二、月度安排\n\n九月份：\n1、做好{topic}工作；\n2、检查{topic}的情况。\n\n"
    for number, topic in zip("一二三四", ["保教", "课题研究", "青年教师培养", "家园共育"]))
SAID = {case.name: case.said for case in IMPORT_CASES}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "plans").mkdir(parents=True)
    shutil.copy(REPO / "plans" / "taxonomy.yml", root / "plans" / "taxonomy.yml")
    (root / "page.txt").write_text(PAGE, encoding="utf-8")
    return root


def plan_files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (root / "plans").rglob("*.md") if p.is_file()}


def import_page(root: Path, *options: str) -> tuple[int, str]:
    return run("--root", str(root), "import", str(root / "page.txt"), *options)


def failing_after(writes: int, error: BaseException):
    """write_atomic that writes `writes` files, then fails as the disk (or the reader) would."""
    real = writer.write_atomic
    done = []

    def write(path: Path, text: str) -> None:
        if len(done) >= writes:
            raise error
        real(path, text)
        done.append(path)

    return write


def test_the_page_makes_a_batch(repo: Path) -> None:
    code, output = import_page(repo, "--dry-run")
    assert code == 0 and output.count("would write") == PLANS, output


@pytest.mark.parametrize(("name", "error"), [
    ("disk-full", OSError(errno.ENOSPC, "No space left on device")),
    ("read-only-plans", PermissionError(errno.EACCES, "Permission denied")),
    ("read-only-file-system", OSError(errno.EROFS, "Read-only file system")),
    ("ctrl-c-while-writing", KeyboardInterrupt()),
])
def test_a_batch_stopped_half_way_says_what_it_wrote_and_a_second_run_finishes_it(
        repo: Path, monkeypatch: pytest.MonkeyPatch, name: str, error: BaseException) -> None:
    monkeypatch.setattr(writer, "write_atomic", failing_after(1, error))
    code, output = import_page(repo)
    assert code == 1 and "Traceback" not in output and "internal error" not in output
    assert SAID[name] in output
    assert f"import stopped: 1 of {PLANS} plans written, {PLANS - 1} not written" in output
    assert output.count("not written") >= PLANS - 1 and "run the same import again" in output
    written = plan_files(repo)
    assert len(written) == 1 and not list((repo / "plans").rglob(".*.tmp"))
    assert run("--root", str(repo), "check")[0] == 0, "what was written is whole and checks"
    monkeypatch.undo()
    code, output = import_page(repo)
    assert code == 0 and output.count("unchanged") == 1 and output.count(" written ") == PLANS - 1, output
    assert len(plan_files(repo)) == PLANS and run("--root", str(repo), "check")[0] == 0


def test_out_being_a_file_is_refused_before_anything(repo: Path) -> None:
    (repo / "out.txt").write_text("not a folder", encoding="utf-8")
    code, output = import_page(repo, "--out", str(repo / "out.txt"))
    assert code == 1 and SAID["out-is-a-file"] in output and "nothing written" in output
    assert (repo / "out.txt").read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize("name", ["folder-at-target-force", "link-at-target-force"])
def test_what_is_in_the_way_is_never_replaced_even_with_force(repo: Path, tmp_path: Path, name: str) -> None:
    assert import_page(repo)[0] == 0
    first = sorted(plan_files(repo))[0]
    for path in plan_files(repo):
        path.unlink()
    if name == "folder-at-target-force":
        first.mkdir()
        (first / "keep.txt").write_text("kept", encoding="utf-8")
    else:
        (tmp_path / "elsewhere.md").write_text("kept", encoding="utf-8")
        first.symlink_to(tmp_path / "elsewhere.md")
    code, output = import_page(repo, "--force")
    assert code == 1 and SAID[name] in output and "nothing was written" in output and "Traceback" not in output
    if name == "folder-at-target-force":
        assert plan_files(repo) == {} and (first / "keep.txt").read_text(encoding="utf-8") == "kept"
    else:
        assert plan_files(repo) == {first: b"kept"} and first.is_symlink()


def test_a_fifo_given_as_a_page_is_refused_without_waiting(repo: Path) -> None:
    os.mkfifo(repo / "pipe.txt")
    with hang_guard(20):
        code, output = run("--root", str(repo), "import", str(repo / "pipe.txt"))
    assert code == 1 and SAID["fifo-input"] in output


def test_a_page_too_large_is_refused_before_it_is_read(repo: Path) -> None:
    big = repo / "big.txt"
    with big.open("wb") as stream:
        stream.truncate(25_000_000)  # sparse: takes no room, and reading it would take long
    code, output = run("--root", str(repo), "import", str(big))
    assert code == 1 and SAID["input-too-large"] in output and "25.0 MB" in output


def test_every_import_case_is_exercised() -> None:
    exercised = {"disk-full", "read-only-plans", "read-only-file-system", "ctrl-c-while-writing", "out-is-a-file",
                 "folder-at-target-force", "link-at-target-force", "fifo-input", "input-too-large"}
    assert exercised == set(SAID)


def test_what_import_prints_of_a_page_is_escaped(repo: Path) -> None:
    """A page's name reaches the terminal as escapes, never as control codes (and no plan carries it)."""
    page = repo / "page\x1b]0;pwned\x07\x1b[2J.txt"
    page.write_text(PAGE, encoding="utf-8")
    code, output = run("--root", str(repo), "import", str(page), "--dry-run")
    assert code == 1 and "\x1b" not in output and "\x07" not in output, output
    assert "'source.file' contains a control character U+001B" in output
    assert "page\\x1b]0;pwned\\x07\\x1b[2J.txt" in output
