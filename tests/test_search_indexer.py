"""The search index: Pagefind's bundle of the built site, and the traditional → simplified map for queries."""

from __future__ import annotations

import json
from pathlib import Path

from planlib.search.indexer import BUNDLE, T2S_FILE, traditional_map


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
