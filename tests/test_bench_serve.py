"""A maintainer's preview on the real library: an edited plan reaches its page, the indexes and search."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import REPO, make_repo
from planlib.bench.serve import MARK, _wait_for, edit_plan, preview_figures


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8", errors="replace")


def _index_hash(base: str) -> str:
    """The content hash Pagefind gives the Chinese index (it changes with any indexed text)."""
    try:
        return str(json.loads(_get(base + "pagefind/pagefind-entry.json"))["languages"]["zh"]["hash"])
    except (OSError, ValueError, KeyError):
        return ""


def test_an_edit_reaches_the_served_page_the_browse_index_and_the_search_index(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", plans=REPO / "plans")
    plan = sorted((root / "plans").rglob("*.md"))[0]
    port = _port()
    env = {**os.environ, "PLANLIB_WORD": "0"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=root, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_for(base + f"plan/{plan.stem}/", "</html>", 600)
        index_before = _index_hash(base)
        text = plan.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.startswith("title:"))
        plan.write_text(text.replace(title, title.rstrip() + "（改）", 1), encoding="utf-8")
        edit_plan(plan)
        _wait_for(base + f"plan/{plan.stem}/", MARK, 600)  # the page, with the new text
        assert "（改）" in _get(base + f"plan/{plan.stem}/")
        sector = plan.parent.name  # plans/<sector>/<id>.md; the real library's sectors fit on one index page
        assert "（改）" in _get(base + f"browse/sector/{sector}/")  # its index lists it under its new title
        # the search index is written after the pages: it is the new one (its content hash) soon after
        deadline = time.monotonic() + 300
        while _index_hash(base) == index_before and time.monotonic() < deadline:
            time.sleep(1)
        assert _index_hash(base) != index_before
    finally:
        server.terminate()
        server.wait(timeout=60)


def test_the_preview_benchmark_times_an_edit_on_a_synthetic_library(tmp_path: Path) -> None:
    from planlib.synth import write_synthetic_site

    write_synthetic_site(REPO, tmp_path / "site", 3)
    plan = sorted((tmp_path / "site" / "plans").rglob("synth-*.md"))[0]
    os.environ.setdefault("PLANLIB_WORD", "0")
    figures = preview_figures(tmp_path / "site", plan, timeout=600)
    assert figures.first_served > 0 and figures.edit_served > 0
    assert MARK in plan.read_text(encoding="utf-8")
