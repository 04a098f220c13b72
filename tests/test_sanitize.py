"""Plan text made inert, and generated HTML reduced to the site's own: the two lines behind `planlib check`."""

from __future__ import annotations

import datetime
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.config import load_config

from conftest import REPO
from planlib import content_checks
from planlib.library import load_library
from planlib.sanitize import TAGS, clean_html, inert_markdown
from planlib.site import prepare, site_pages


@pytest.fixture(scope="module")
def render():
    """Markdown → HTML exactly as the site's build renders a page (mkdocs.yml's extensions and settings)."""
    config = load_config(str(REPO / "mkdocs.yml"))

    def convert(text: str) -> str:
        return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs).convert(text)

    return convert


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


def test_the_sites_own_markup_survives_the_sanitiser(render) -> None:
    """Every id, class and data attribute the site writes into the real library's pages is kept."""
    library = load_library(REPO)
    data = prepare(library, datetime.date(2026, 11, 22), word=False)
    seen = 0
    for lang in ("zh", "en"):
        for page in site_pages(data, lang):
            body = page.content.split("\n---\n", 1)[1]
            html = render(body)
            assert attributes(clean_html(html)) == attributes(html), page.src_uri
            seen += len(attributes(html))
    assert seen > 1000


def test_checked_plans_are_unchanged_by_inert_markdown() -> None:
    library = load_library(REPO)
    assert len(library.plans) > 20
    for plan in library.plans:
        assert inert_markdown(plan.markdown) == plan.markdown, plan.path


def test_no_element_the_document_exposes_by_name_is_allowed() -> None:
    """document.head, document.currentScript … cannot be shadowed: <form name=head> and its kin never survive."""
    assert TAGS.isdisjoint({"embed", "form", "iframe", "img", "object", "input", "base", "meta", "link"})
    cleaned = clean_html('<form name="head"><img name="currentScript" id="x"><object name="body"></object></form>'
                         '<a name="planlib" id="__planlib" class="fill-panel _x language-x" data-ph="PWNED">t</a>')
    assert cleaned == "<a>t</a>"


@pytest.mark.parametrize(("line", "shown"), [
    ('{#__planlib}', "{#__planlib}"),
    ("## 二、目标 {#__config}", "二、目标 {#__config}"),
    ("*强调*{.ph data-ph=year}", "强调{.ph data-ph=year}"),
    ("{: #x }", "{: #x }"),
    ('<div id="__planlib">x</div>', '<div id="__planlib">x</div>'),
    ("!!! plan-body \"PWNED\"", '!!! plan-body "PWNED"'),
    ("<!DOCTYPE html>", "<!DOCTYPE html>"),
])
def test_markup_in_plan_text_is_shown_as_written(render, line: str, shown: str) -> None:
    html = render(inert_markdown(line))
    made = [a for a in attributes(html) if a[1] != "id" and a != ("a", "class", "headerlink")]
    assert made == [] and all(not value.startswith("_") for _, _, value in attributes(html)), (line, html)
    text = _Text()
    text.feed(html)
    assert shown in text.text, (line, html)
    assert content_checks.line_problems(line), f"check must refuse {line!r} too"


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""

    def handle_data(self, data: str) -> None:
        self.text += data


MARKUP = list("{}#.:<>!_-=\"' /*`[]()\\\n") + ["data-ph", "class", "id", "__planlib", "!!!", "{{20xx}}", "```", "## ",
                                               "<div", "<span", "{:", "{#", "{.", "plan-body", "ph", "&#123;", "&lt;"]


@given(st.lists(st.sampled_from(MARKUP + ["计划", "x"]), max_size=40))
def test_inert_plan_text_makes_no_attribute_the_site_could_mistake(render, pieces: list[str]) -> None:
    """Whatever the plan writes: no class, no data attribute, and ids only on headings, never the theme's."""
    html = clean_html(render(inert_markdown("".join(pieces))))
    for tag, name, value in attributes(html):
        assert name == "id" and tag in ("h1", "h2", "h3", "h4", "h5", "h6") or (tag, name, value) == (
            "a", "class", "headerlink"), (tag, name, value, pieces)
        assert not value.startswith("_"), (tag, name, value, pieces)
