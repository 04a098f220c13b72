"""The Content-Security-Policy of each page: the theme's inline scripts by hash, never the content's."""

from __future__ import annotations

import re
from pathlib import Path

from planlib.csp import inline_scripts, policy, script_hash, with_policy

PAGE = """<!doctype html><html><head><meta charset="utf-8"><script>theme()</script>
<script type="application/json" data-planlib-settings>{"a": 1}</script><script src="x.js"></script></head>
<body><article><script>plan()</script></article><script>theme2()</script></body></html>"""
CONTENT = "<article><script>plan()</script></article>"
META_RE = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_only_the_themes_inline_scripts_are_allowed() -> None:
    assert inline_scripts(PAGE) == ["theme()", "plan()", "theme2()"]
    allowed = policy(PAGE, CONTENT)
    assert script_hash("theme()") in allowed and script_hash("theme2()") in allowed
    assert script_hash("plan()") not in allowed
    assert "'unsafe-inline'" not in allowed.split("script-src", 1)[1].split(";")[0]
    assert "'unsafe-eval'" not in allowed and "object-src 'none'" in allowed and "base-uri 'self'" in allowed


def test_the_policy_comes_before_any_script() -> None:
    page = with_policy(PAGE, CONTENT)
    assert page.index("Content-Security-Policy") < page.index("<script")
    assert page.index('<meta charset="utf-8">') < page.index("Content-Security-Policy")


def test_every_built_page_has_a_policy_for_all_its_inline_scripts(library_site: Path) -> None:
    pages = sorted((library_site / "site").rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        metas = META_RE.findall(html)
        assert len(metas) == 1, page
        assert "<script" not in html or html.index("Content-Security-Policy") < html.index("<script"), page
        for code in inline_scripts(html):
            assert script_hash(code) in metas[0], (page, code[:60])


def test_pages_for_mkdocs_serve_allow_its_live_reload_script_but_no_other_origin() -> None:
    allowed = policy(PAGE, CONTENT, live_reload=True)
    script_src = allowed.split("script-src", 1)[1].split(";")[0]
    assert "'unsafe-inline'" in script_src and "sha256" not in script_src  # a hash would switch unsafe-inline off
    assert "http" not in script_src and "data:" not in script_src and "'unsafe-eval'" not in script_src
