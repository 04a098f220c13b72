"""The MkDocs adapter: a generated page's table of contents, and the overview's headings on the home page."""

from __future__ import annotations

from planlib.document import Heading
from planlib.mkdocs_adapter import insert_into_toc, table_of_contents


def test_headings_nest_by_level() -> None:
    toc = table_of_contents([Heading(2, "一、指导思想", "a"), Heading(3, "九月", "schedule-0"),
                             Heading(4, "（1）", "b"), Heading(2, "二、目标", "c")])
    assert [(i.title, [c.title for c in i.children]) for i in toc.items] == [("一、指导思想", ["九月"]), ("二、目标", [])]
    assert toc.items[0].children[0].children[0].url == "#b"


def test_headings_inserted_after_those_before_them() -> None:
    toc = table_of_contents([Heading(1, "首页", "home"), Heading(2, "怎样使用", "use"), Heading(2, "参与", "join")])
    insert_into_toc(toc, '<h1 id="home">首页</h1><h2 id="use">怎样使用</h2>', [Heading(2, "库中概况", "overview")])
    assert [item.title for item in toc.items[0].children] == ["怎样使用", "库中概况", "参与"]


def test_titles_are_escaped_for_the_theme() -> None:
    assert table_of_contents([Heading(2, "<b>", "x")]).items[0].title == "&lt;b&gt;"
