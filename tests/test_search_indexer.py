"""The search index: Pagefind's bundle of the built site, and the traditional → simplified map for queries."""

from __future__ import annotations

import json
from pathlib import Path

from planlib.search.indexer import BUNDLE, T2S_FILE, index_site, read_pages, traditional_map


def test_the_map_covers_the_characters_of_the_site_only(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>课题研究 医院</p>", encoding="utf-8")
    mapping = traditional_map(tmp_path)
    assert mapping["課"] == "课" and mapping["題"] == "题" and mapping["醫"] == "医"
    assert "護" not in mapping  # 护 is not on the site


def test_the_built_site_has_a_chinese_index_and_the_map(library_site: Path) -> None:
    bundle = library_site / "site" / BUNDLE
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["zh"]
    mapping = json.loads((bundle / T2S_FILE).read_text(encoding="utf-8"))
    assert mapping["課"] == "课"


def test_only_the_marked_pages_are_indexed_whatever_their_names(tmp_path: Path) -> None:
    """Pagefind is given the marked pages by name: names with glob characters are matched as written."""
    pages = {"index.html": True, "plan/a-1/index.html": True, "odd {1},[x]*/index.html": True,
             "en/plan/a-1/index.html": False, "browse/index.html": False}
    for path, marked in pages.items():
        target = tmp_path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        body = "<main data-pagefind-body><p>课题研究计划</p></main>" if marked else "<main><p>课题研究索引</p></main>"
        target.write_text(f"<!doctype html><html lang=\"zh\"><head><title>t</title></head><body>{body}</body></html>",
                          encoding="utf-8")
    found = read_pages(tmp_path)
    assert sorted(found.searchable) == sorted(path for path, marked in pages.items() if marked)
    assert index_site(tmp_path).pages == 3
