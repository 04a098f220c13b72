"""The build writes one Word template for the reader tools, and nothing per plan."""

from __future__ import annotations

from pathlib import Path

from planlib import urls
from planlib.downloads import download_files, reader_settings
from planlib.word import template_docx


def test_the_only_download_file_is_the_word_template() -> None:
    files = download_files()
    assert [(f.src_uri, f.data) for f in files] == [(urls.WORD_TEMPLATE, template_docx())]
    assert reader_settings()["template"] == urls.WORD_TEMPLATE


def test_the_built_site_has_the_template_and_no_file_per_plan(library_site: Path) -> None:
    site = library_site / "site"
    assert (site / urls.WORD_TEMPLATE).read_bytes() == template_docx()
    assert not (site / "downloads").exists()
    assert [p for p in site.rglob("*") if p.suffix in (".docx", ".ics") or p.name.endswith(".md")] == \
        [site / urls.WORD_TEMPLATE]
