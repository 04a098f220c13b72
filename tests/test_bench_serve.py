"""A maintainer's preview (`mkdocs serve --dirty`) on the real library: an edited plan reaches its page, the
indexes and search; and the preview benchmark times edits on a synthetic library."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import REPO, make_repo
from planlib.bench.serve import (MARK, PREVIEW_COMMAND, edit_plan, free_port, get_text, index_hash, preview_figures,
                                 wait_for, wait_for_new_index)


def test_an_edit_reaches_the_served_page_the_browse_index_and_the_search_index(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", plans=REPO / "plans")
    plan = sorted((root / "plans").rglob("*.md"))[0]
    port = free_port()
    env = {**os.environ, "PLANLIB_WORD": "0"}
    server = subprocess.Popen([sys.executable, "-m", *PREVIEW_COMMAND, "-a", f"127.0.0.1:{port}"], cwd=root, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(base + f"plan/{plan.stem}/", "</html>", 600)
        wait_for_new_index(base, "", 600)  # the first index, made in the background
        index_before = index_hash(base)
        text = plan.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        plan.write_text(text.replace(title, title.rstrip() + "（改）", 1), encoding="utf-8")
        edit_plan(plan)
        wait_for(base + f"plan/{plan.stem}/", MARK, 600)  # the page, with the new text
        assert "（改）" in get_text(base + f"plan/{plan.stem}/")
        sector = plan.parent.name  # plans/<sector>/<id>.md; the real library's sectors fit on one index page
        assert "（改）" in get_text(base + f"browse/sector/{sector}/")  # its index lists it under its new title
        # the search index is made again after the pages: the one served is the new one soon after
        wait_for_new_index(base, index_before, 300)
    finally:
        server.terminate()
        server.wait(timeout=60)


def test_the_preview_benchmark_times_an_edit_on_a_synthetic_library(tmp_path: Path) -> None:
    from planlib.synth import write_synthetic_site

    write_synthetic_site(REPO, tmp_path / "site", 3)
    plan = sorted((tmp_path / "site" / "plans").rglob("synth-*.md"))[0]
    os.environ.setdefault("PLANLIB_WORD", "0")
    figures = preview_figures(tmp_path / "site", plan, timeout=600, edits=2)
    assert figures.first_served > 0 and len(figures.edit_served) == 2
    for served, built, searched in zip(figures.edit_served, figures.edit_built, figures.search_updated):
        assert 0 < served <= built <= searched
    assert f"{MARK[:-1]}2{MARK[-1]}" in plan.read_text(encoding="utf-8")
