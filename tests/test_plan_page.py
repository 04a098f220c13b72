"""A plan's page as built: its final HTML (golden file), its card, and its parts and items == the export."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from conftest import FIXTURES
from planlib.export import plan_record
from planlib.library import load_library
from planlib.months import clean_label
from planlib.model import Source
from planlib.pages.plan_page import card, source_line
from planlib.site import prepare
from sitecheck import plan_outline

GOLDEN = FIXTURES / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
PLAN = "fixture-kindergarten-autumn"


def article(html: str) -> str:
    """The content area of a built page: what planlib and the plan put there (not the theme around it)."""
    start = html.index('<article class="md-content__inner md-typeset">')
    return html[start:html.index("</article>", start)].strip() + "\n"


def test_final_html_of_a_plan_page_is_the_golden_file(fixture_site: Path) -> None:
    for lang, folder in (("zh", ""), ("en", "en/")):
        built = article((fixture_site / "site" / f"{folder}plan/{PLAN}/index.html").read_text(encoding="utf-8"))
        golden = GOLDEN / f"plan.{lang}.html"
        if UPDATE:
            golden.write_text(built, encoding="utf-8")
        assert built == golden.read_text(encoding="utf-8"), f"{golden.name} differs (UPDATE_GOLDEN=1 to accept)"


def test_the_table_of_contents_is_the_plans_headings(fixture_site: Path) -> None:
    html = (fixture_site / "site" / "plan" / PLAN / "index.html").read_text(encoding="utf-8")
    toc = html[html.index('<nav class="md-nav md-nav--secondary"'):]
    toc = toc[:toc.index("</nav>\n</div>") if "</nav>\n</div>" in toc else len(toc)]
    for anchor in ("#一指导思想", "#四月度安排", "#schedule-0", "#schedule-2"):
        assert f'href="{anchor}"' in toc, anchor


def _export_outline(record: dict) -> tuple[list[str], list[tuple[str, list[str]]]]:
    squash = "".join
    return ([squash(part["title"].split()) for part in record["parts"]],
            [(squash(m["label"].split()), [squash(item.split()) for item in m["items"]]) for m in record["schedule"]])


def _page_outline(path: Path) -> tuple[list[str], list[tuple[str, list[str]]]]:
    parts, months = plan_outline(path.read_text(encoding="utf-8"))
    return parts, [(clean_label(label), items) for label, items in months]


def test_every_built_plan_page_shows_the_parts_and_items_the_export_lists(fixture_site: Path, library_site: Path) -> None:
    checked = 0
    for root in (fixture_site, library_site):
        for plan in load_library(root).publishable:
            for folder in ("", "en/"):
                page = root / "site" / f"{folder}plan/{plan.id}/index.html"
                assert _page_outline(page) == _export_outline(plan_record(plan)), (plan.id, folder)
                checked += 1
    assert checked > 60


def test_card_rows_link_to_the_indexes_of_the_plan(fixture_site: Path) -> None:
    html = (fixture_site / "site" / "plan" / PLAN / "index.html").read_text(encoding="utf-8")
    block = html[html.index('class="plan-card"'):html.index('class="plan-body"')]
    for href in ("../../browse/sector/education/", "../../browse/sector/education/kindergarten/",
                 "../../browse/section/jiaokeshi/", "../../browse/year/2023/", "../../browse/term/autumn/",
                 "../../browse/tag/ketiyanjiu/"):
        assert f'href="{href}"' in block, href
    assert "测试用计划集" in block and "篇一" in block and "示例范文网" in block
    assert "fixture.txt" not in block, "the site is named, not the internal file name"
    copies = html[html.index("plan-copies"):]
    assert "重复版本" in copies and "../fixture-kindergarten-copy/" in copies
    copy = (fixture_site / "site" / "plan" / "fixture-kindergarten-copy" / "index.html").read_text(encoding="utf-8")
    assert "内容重复" in copy and 'href="../fixture-kindergarten-autumn/"' in copy


def test_a_repeated_plans_card_names_values_without_an_index_as_text(fixture_site: Path) -> None:
    library = load_library(fixture_site)
    data = prepare(library)
    copy = data.catalog.all_by_id["fixture-kindergarten-copy"]
    rows = {row.name: row.values for row in card(data.catalog, copy, "zh")}
    assert all(link.href for link in rows["行业"]) and rows["来源"][0].href is None


@pytest.mark.parametrize("source,zh,en", [
    ({"file": "003_c2a1f444077cea5c.txt", "site": "海考网", "collection": "科室计划8篇", "item": "篇1",
      "published": "2023-04-14"},
     "整理自海考网的《科室计划8篇》篇1（2023-04-14 发布）", "Cleaned up from 海考网, “科室计划8篇” 篇1, posted 2023-04-14"),
    ({"file": "a.txt", "collection": "科室计划8篇"}, "整理自《科室计划8篇》", "Cleaned up from “科室计划8篇” "),
    ({"file": "a.txt", "site": "飞鸿范文帮"}, "整理自飞鸿范文帮", "Cleaned up from 飞鸿范文帮"),
    ({"file": "003_c2a1f444077cea5c.txt"}, "整理自网上的范文合集", "Cleaned up from a collection of sample plans found online"),
    (None, "原创投稿", "Contributed directly"),
])
def test_the_source_row_names_the_site_and_collection_in_words_never_a_file(fixture_site: Path, source, zh: str,
                                                                          en: str) -> None:
    plan = load_library(fixture_site).by_id()[PLAN]
    meta = plan.meta.model_copy(update={"source": Source(**source) if source else None})
    changed = dataclasses.replace(plan, meta=meta)
    for lang, expected in (("zh", zh), ("en", en)):
        pieces = source_line(changed, lang)
        assert "".join(piece.label for piece in pieces) == expected
        assert ".txt" not in expected
        assert all(piece.lang == "zh" for piece in pieces if piece.label in (source or {}).values())
