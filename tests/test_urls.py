"""Where pages live and the relative links between them, as MkDocs would write them."""

from __future__ import annotations

import pytest

from planlib import urls
from planlib.pagination import paginate


@pytest.mark.parametrize("source,target,link", [
    ("plan/x.md", "browse/index.md", "../../browse/"),
    ("plan/x.md", "index.md", "../../"),
    ("index.md", "browse/index.md", "browse/"),
    ("browse/index.md", "browse/sector/education/index.md", "sector/education/"),
    ("browse/section/jiaokeshi/index.md", "plan/a.md", "../../../plan/a/"),
    ("browse/section/x/page-2.md", "browse/section/x/index.md", "../"),
    ("browse/section/x/index.md", "browse/section/x/page-2.md", "page-2/"),
    ("plan/x.md", "plan/y.md", "../y/"),
    ("plan/x.md", "assets/word/plan-template.docx", "../../assets/word/plan-template.docx"),
    ("calendar/month-09/index.md", "assets/word/plan-template.docx", "../../assets/word/plan-template.docx"),
])
def test_links_are_relative_to_the_page(source: str, target: str, link: str) -> None:
    assert urls.href(source, target) == link


def test_the_word_template_is_a_file_served_where_it_is_named() -> None:
    assert urls.served(urls.WORD_TEMPLATE) == "assets/word/plan-template.docx"
    assert urls.href("plan/x.md", urls.WORD_TEMPLATE) == "../../assets/word/plan-template.docx"


def test_pinyin_slugs_and_order() -> None:
    assert urls.pinyin_slug("教科室") == "jiaokeshi" and urls.pinyin_slug("！") == "x"
    assert sorted(["教务处", "感染管理科", "教科室"], key=urls.pinyin_key) == ["感染管理科", "教科室", "教务处"]


def test_pages_of_a_long_list_link_each_other() -> None:
    pages = paginate(list(range(120)), 50, "browse/year/2023/index.md", "zh")
    assert [(p.number, p.uri, len(p.items)) for p in pages] == [
        (1, "browse/year/2023/index.md", 50), (2, "browse/year/2023/page-2.md", 50), (3, "browse/year/2023/page-3.md", 20)]
    assert [(l.label, l.href) for l in pages[1].pager or []] == [
        ("上一页", "../"), ("1", "../"), ("2", None), ("3", "../page-3/"), ("下一页", "../page-3/")]
    assert paginate([], 50, "x/index.md", "en")[0].pager is None
