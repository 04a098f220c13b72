"""The last line of defence: generated HTML keeps only what the site writes."""

from __future__ import annotations

from planlib.sanitize import clean_html, text_for_meta


def test_scripts_handlers_and_script_urls_are_dropped() -> None:
    html = ('<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a>'
            '<img src=x onerror=alert(1)><iframe src="https://evil"></iframe><!-- c --></p>')
    cleaned = clean_html(html)
    for bad in ("onclick", "<script", "javascript:", "<img", "<iframe", "<!--"):
        assert bad not in cleaned
    assert ">a" in cleaned and ">b</a>" in cleaned


def test_the_sites_own_markup_is_kept() -> None:
    html = ('<div class="part-entry__text" data-plan="x" id="part-x-0"><span class="ph" data-ph="year" data-text="20xx">'
            '20xx</span><a class="md-button" download="x.docx" href="../../downloads/x.docx">Word</a></div>')
    assert clean_html(html) == html


def test_text_for_the_theme_is_escaped() -> None:
    assert text_for_meta('a "b" <c>\n d') == "a &quot;b&quot; &lt;c&gt; d"
