"""Per-plan downloads: .md and .docx, Word files made once and kept in a cache keyed by the plan's content."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO
from planlib.downloads import download_files, word_files
from planlib.library import load_library


def test_word_files_come_from_the_cache_while_the_plan_is_unchanged(tmp_path: Path) -> None:
    plans = load_library(REPO).published[:2]
    cache = tmp_path / "cache"
    first = word_files(plans, cache)
    assert [f.src_uri for f in first] == [f"downloads/{p.id}.docx" for p in plans]
    cached = sorted(cache.glob("*.docx"))
    assert len(cached) == 2
    cached[0].write_bytes(b"from the cache")
    again = {f.data for f in word_files(plans, cache)}
    assert b"from the cache" in again  # not made anew


def test_markdown_downloads_are_written_as_md_files() -> None:
    plan = load_library(REPO).published[0]
    files = download_files([plan], None, word=False)
    assert [(f.src_uri, f.dest_uri) for f in files] == [(f"downloads/{plan.id}.md-download", f"downloads/{plan.id}.md")]
    assert files[0].data.decode("utf-8").startswith(f"# {plan.meta.title}\n")
