"""`mkdocs serve --dirty`: what a rebuild reuses, and that the site it serves is the site a full build makes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import REPO, make_repo
from planlib.bench.serve import edit_plan
from planlib.library import load_library, load_plan
from planlib.pages.page import Link, VirtualPage
from planlib.preview import PageLedger, PlanMemo, fingerprint, shared_seed
from planlib.search.indexer import BUNDLE

DRIVER = Path(__file__).with_name("serve_builds.py")


def _library_copy(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", plans=REPO / "plans")


def test_an_unchanged_plan_file_gives_the_same_plan_and_an_edited_one_is_read_again(tmp_path: Path) -> None:
    root = _library_copy(tmp_path)
    memo = PlanMemo()
    memo.start()
    first = load_library(root, loader=memo.load)
    memo.finish()
    assert memo.read == len(first.plans) and memo.reused == 0
    edited, removed = sorted((root / "plans").rglob("*.md"))[:2]
    edit_plan(edited)
    removed.unlink()
    memo.start()
    second = load_library(root, loader=memo.load)
    memo.finish()
    assert (memo.read, memo.reused) == (1, len(first.plans) - 2)
    before, after = first.by_id(), second.by_id()
    assert after[edited.stem] is not before[edited.stem] and removed.stem not in after
    assert all(after[plan_id] is before[plan_id] for plan_id in after if plan_id != edited.stem)
    assert removed not in memo.loaded  # a deleted file is let go
    # the same plans and problems as a load without memory
    fresh = load_library(root)
    assert [(p.id, p.meta, p.markdown) for p in second.plans] == [(p.id, p.meta, p.markdown) for p in fresh.plans]
    assert [p.format() for p in second.problems] == [p.format() for p in fresh.problems]


def test_a_file_written_with_the_same_bytes_is_not_parsed_again_and_a_broken_one_reports_as_load_plan(
        tmp_path: Path) -> None:
    root = _library_copy(tmp_path)
    path = sorted((root / "plans").rglob("*.md"))[0]
    memo = PlanMemo()
    memo.start()
    plan, _ = load_library(root, [path], loader=memo.load).plans[0], None
    path.write_bytes(path.read_bytes())  # a save without a change: new times, same bytes
    memo.start()
    assert load_library(root, [path], loader=memo.load).plans[0] is plan and memo.read == 0
    path.write_bytes(b"\xff\xfe" + path.read_bytes())  # UTF-16 mark: not readable as a plan
    memo.start()
    tax = load_library(root, [path]).taxonomy
    assert memo.load(path, tax, root)[1] == load_plan(path, tax, root)[1] and memo.load(path, tax, root)[0] is None


def _page(title: str, view: object) -> VirtualPage:
    return VirtualPage("browse/x/index.md", title, "index.html", view, [], {"plan_index": "x"})


def test_a_page_is_made_again_only_when_its_fingerprint_changes_and_a_page_gone_is_named(tmp_path: Path) -> None:
    seed = shared_seed("zh", b"site_name: x", [], {"filters": ["a"]})
    assert seed != shared_seed("en", b"site_name: x", [], {"filters": ["a"]})
    assert seed != shared_seed("zh", b"site_name: x", [], {"filters": ["a", "b"]})
    template = tmp_path / "t"
    template.mkdir()
    (template / "page.html").write_text("{{ view }}", encoding="utf-8")
    with_template = shared_seed("zh", b"site_name: x", [template], {})
    (template / "page.html").write_text("{{ view }}!", encoding="utf-8")
    assert shared_seed("zh", b"site_name: x", [template], {}) != with_template
    page = _page("甲", [Link("计划", "../a/")])
    assert fingerprint(page, seed) == fingerprint(_page("甲", [Link("计划", "../a/")]), seed)
    assert fingerprint(page, seed) != fingerprint(_page("甲", [Link("计划", "../b/")]), seed)
    assert fingerprint(page, seed) != fingerprint(_page("乙", [Link("计划", "../a/")]), seed)
    ledger = PageLedger()
    assert ledger.changed("zh", page.src_uri, fingerprint(page, seed))
    assert ledger.record("zh", {page.src_uri: (fingerprint(page, seed), "browse/x/index.html")}) == []
    ledger.start()
    assert not ledger.changed("zh", page.src_uri, fingerprint(page, seed)) and ledger.kept == 1
    assert ledger.changed("en", page.src_uri, fingerprint(page, seed))  # each language on its own
    assert ledger.record("zh", {}) == ["browse/x/index.html"]


def _edit_library(root: Path) -> dict[str, str]:
    """Edits of every kind a maintainer makes: a title, a body, a year no plan had (new search filter
    chips for every page), a plan deleted and a plan added. Returns what the served site must now show."""
    plans = sorted((root / "plans").rglob("*.md"))
    retitled, rewritten, redated, deleted, copied = plans[:5]
    text = retitled.read_text(encoding="utf-8")
    retitled.write_text(re.sub(r"^title: (.*)$", r"title: \1（修订）", text, count=1, flags=re.M), encoding="utf-8")
    mark = edit_plan(rewritten)
    text = redated.read_text(encoding="utf-8")
    redated.write_text(re.sub(r"^year: .*$", "year: 1999", text, count=1, flags=re.M), encoding="utf-8")
    deleted.unlink()
    added = copied.with_name("preview-added-plan.md")
    shutil.copy2(copied, added)
    return {"plan/" + retitled.stem + "/index.html": "（修订）", "plan/" + rewritten.stem + "/index.html": mark,
            "plan/" + added.stem + "/index.html": "</html>"}


def _site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*")
            if path.is_file() and path.relative_to(site).parts[0] not in (BUNDLE, ".pagefind-next", ".pagefind-old")}


def test_a_dirty_rebuild_serves_the_site_a_full_build_makes_and_its_search_index(tmp_path: Path) -> None:
    root = _library_copy(tmp_path)
    served = tmp_path / "served"
    env = {**os.environ, "PLANLIB_WORD": "0"}
    driver = subprocess.Popen([sys.executable, str(DRIVER), str(root), str(served), "--dirty"], env=env, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert driver.stdin is not None and driver.stdout is not None
    assert driver.stdout.readline().strip() == "built"
    deleted = sorted((root / "plans").rglob("*.md"))[3].stem
    shows = _edit_library(root)
    driver.stdin.write("rebuild\n")
    driver.stdin.flush()
    assert driver.stdout.readline().strip() == "built"
    driver.stdin.close()
    assert driver.wait(timeout=600) == 0, driver.stderr.read() if driver.stderr else ""
    full = tmp_path / "full"
    made = subprocess.run([sys.executable, str(DRIVER), str(root), str(full)], env=env, text=True,
                          input="", capture_output=True, timeout=600)
    assert made.returncode == 0, made.stderr

    served_files, full_files = _site_files(served), _site_files(full)
    for page, text in shows.items():
        assert text in served_files[page].decode("utf-8")
    assert f"plan/{deleted}/index.html" not in served_files  # a deleted plan's page is taken down
    assert sorted(served_files) == sorted(full_files)
    assert [name for name in served_files if served_files[name] != full_files[name]] == []
    # the search index made in the background is whole and has the edit
    entry = served / BUNDLE / "pagefind-entry.json"
    assert entry.is_file() and not (served / ".pagefind-next").exists()


def test_a_plan_page_is_reused_only_while_its_inputs_are_the_same_objects() -> None:
    from planlib.preview import PageMemo

    memo = PageMemo()
    plan, other = object(), object()
    made: list[VirtualPage] = []

    def make() -> VirtualPage:
        made.append(_page(str(len(made)), []))
        return made[-1]

    memo.start()
    first = memo.reuse(("zh", plan, (other,), "indexes-1"), make)
    assert memo.reuse(("zh", plan, (other,), "indexes-1"), make) is first and len(made) == 1
    assert memo.reuse(("zh", plan, (object(),), "indexes-1"), make) is not first  # another related plan
    assert memo.reuse(("zh", plan, (other,), "indexes-2"), make) is not first  # the indexes changed
    zh_page = made[-1]
    assert memo.reuse(("en", plan, (other,), "indexes-2"), make) is not zh_page  # each language on its own
    seed = b"seed"
    print_ = memo.fingerprint("zh", made[-1], seed)
    assert memo.fingerprint("zh", made[-1], seed) == print_ == fingerprint(made[-1], seed)
    assert memo.fingerprint("zh", made[-1], b"other") == fingerprint(made[-1], b"other")
