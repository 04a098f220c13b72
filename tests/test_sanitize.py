"""Plan text makes text, never markup; generated HTML keeps only what the site itself writes."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO
from planlib import content_checks, document
from planlib.library import load_library
from planlib.render import Renderer
from planlib.sanitize import TAGS, clean_html, text_for_meta
from planlib.site import prepare, site_pages


class _Attributes(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "class":
                self.found.extend((tag, "class", token) for token in (value or "").split())
            elif name == "id" or name.startswith("data-"):
                self.found.append((tag, name, value or ""))


def attributes(html: str) -> list[tuple[str, str, str]]:
    scan = _Attributes()
    scan.feed(html)
    return scan.found


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""

    def handle_data(self, data: str) -> None:
        self.text += data


def body_html(markdown: str) -> str:
    """A plan body as its page shows it."""
    return document.parse(markdown, 1, lambda title: "other").html


def test_the_sites_own_markup_survives_the_sanitiser() -> None:
    """Every id, class and data attribute the templates write into the real library's pages is kept."""
    library = load_library(REPO)
    data = prepare(library)
    renderer = Renderer(REPO / "overrides" / "planlib")
    seen = 0
    for lang in ("zh", "en"):
        for page in site_pages(data, lang):
            html = renderer.render(page, lang)
            assert attributes(clean_html(html)) == attributes(html), page.src_uri
            seen += len(attributes(html))
    assert seen > 1000


def test_scripts_handlers_and_script_urls_are_dropped() -> None:
    html = ('<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(1)">b</a>'
            '<iframe src="https://evil"></iframe><!-- c --></p>')
    cleaned = clean_html(html)
    for bad in ("onclick", "<script", "javascript:", "<iframe", "<!--"):
        assert bad not in cleaned
    assert ">a" in cleaned and ">b</a>" in cleaned


def test_no_element_the_document_exposes_by_name_is_allowed() -> None:
    """document.head, document.currentScript … cannot be shadowed: <form name=head> and its kin never survive."""
    assert TAGS.isdisjoint({"embed", "form", "iframe", "img", "object", "input", "base", "meta", "link"})
    cleaned = clean_html('<form name="head"><img name="currentScript" id="x"><object name="body"></object></form>'
                         '<a name="planlib" id="__planlib" class="fill-panel _x language-x" data-ph="PWNED">t</a>')
    assert cleaned == "<a>t</a>"


def test_text_for_the_theme_is_escaped() -> None:
    assert text_for_meta('a "b" <c>\n d') == "a &quot;b&quot; &lt;c&gt; d"


@pytest.mark.parametrize(("line", "shown"), [
    ('{#__planlib}', "{#__planlib}"),
    ("## 二、目标 {#__config}", "二、目标 {#__config}"),
    ("*强调*{.ph data-ph=year}", "强调{.ph data-ph=year}"),
    ("{: #x }", "{: #x }"),
    ('<div id="__planlib">x</div>', '<div id="__planlib">x</div>'),
    ("!!! plan-body \"PWNED\"", '!!! plan-body "PWNED"'),
    ("<!DOCTYPE html>", "<!DOCTYPE html>"),
    ("```plan-body\nx\n```", "x"),
])
def test_markup_in_plan_text_is_shown_as_written(line: str, shown: str) -> None:
    html = body_html(line)
    made = [a for a in attributes(html) if a[1] != "id" and a != ("a", "class", "headerlink")]
    assert made == [] and all(not value.startswith("_") for _, _, value in attributes(html)), (line, html)
    text = _Text()
    text.feed(html)
    assert shown in text.text, (line, html)
    if not line.startswith("```"):
        assert content_checks.line_problems(line), f"check must refuse {line!r} too"


MARKUP = list("{}#.:<>!_-=\"' /*`[]()\\\n") + ["data-ph", "class", "id", "__planlib", "!!!", "{{20xx}}", "```", "## ",
                                               "<div", "<span", "{:", "{#", "{.", "plan-body", "ph", "&#123;", "&lt;"]
SITE_MARKUP = {("a", "class", "headerlink"), ("span", "class", "ph"), ("h3", "class", "plan-month")}


@given(st.lists(st.sampled_from(MARKUP + ["计划", "x", "### 九月\n\n- 1、开学"]), max_size=40))
def test_plan_text_makes_no_attribute_the_site_could_mistake(pieces: list[str]) -> None:
    """Whatever the plan writes: ids only on headings, never the theme's; classes and data only the site's own."""
    html = clean_html(body_html("".join(pieces)))
    for tag, name, value in attributes(html):
        allowed = (name == "id" and tag in ("h1", "h2", "h3", "h4", "h5", "h6") or (tag, name, value) in SITE_MARKUP
                   or (tag, name) == ("span", "data-text")
                   or (tag, name) == ("span", "data-ph") and value in ("year", "school-year", "region", "unit"))
        assert allowed, (tag, name, value, pieces)
        assert not value.startswith("_"), (tag, name, value, pieces)
