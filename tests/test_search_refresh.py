"""The search index of a served site, made again in the background: whole at every moment, one run at a time."""

from __future__ import annotations

import json
from pathlib import Path

from planlib.search.indexer import BUNDLE
from planlib.search.refresh import STAGING, SearchRefresh, swap_in


def _page(site: Path, path: str, text: str) -> None:
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"<!doctype html><html lang=\"zh\"><head><title>t</title></head><body><main data-pagefind-body>"
                      f"<p>{text}</p></main></body></html>", encoding="utf-8")


def _entry(site: Path) -> dict:
    return json.loads((site / BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))


def test_requests_while_indexing_are_folded_into_one_further_run_and_the_new_index_replaces_the_old(
        tmp_path: Path) -> None:
    _page(tmp_path, "plan/a/index.html", "课题研究计划")
    refresh = SearchRefresh()
    refresh.request(tmp_path)
    assert refresh.wait(timeout=120)
    first = _entry(tmp_path)["languages"]["zh"]
    assert first["page_count"] == 1 and not (tmp_path / STAGING).exists()

    _page(tmp_path, "plan/b/index.html", "护理部工作计划")
    for _ in range(3):  # an edit saved three times while the index is made: at most one more run
        refresh.request(tmp_path)
    assert refresh.wait(timeout=120)
    second = _entry(tmp_path)["languages"]["zh"]
    assert second["page_count"] == 2 and second["hash"] != first["hash"]
    assert 2 <= refresh.finished <= 3


def test_a_staged_index_takes_the_served_ones_place(tmp_path: Path) -> None:
    (tmp_path / BUNDLE).mkdir()
    (tmp_path / BUNDLE / "old.json").write_text("{}", encoding="utf-8")
    (tmp_path / STAGING).mkdir()
    (tmp_path / STAGING / "new.json").write_text("{}", encoding="utf-8")
    swap_in(tmp_path)
    assert sorted(p.name for p in (tmp_path / BUNDLE).iterdir()) == ["new.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [BUNDLE]
