"""Generated indexes and galleries: which exist, their order, reachability, links, pagination at scale."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from conftest import REPO, make_repo
from planlib.library import load_library
from planlib.pages.catalog import build_catalog
from planlib.pages.entries import entry, summary
from planlib.pages.galleries import gallery_pages
from planlib.pages.home import overview
from planlib.pages.indexes import group_title
from planlib.pages.page import Outline
from planlib.pagination import PAGE_SIZE, PAGER_WINDOW, pager_numbers
from planlib.redirects import load_redirects
from planlib.render import Renderer
from planlib.site import prepare, site_pages
from planlib.synth import synthetic_plans
from sitecheck import broken_links, click_depths

_ROOTS: list[Path] = []


def _fixture_root() -> Path:
    """A repository copy holding the fixture library (made once per test session)."""
    if not _ROOTS:
        import tempfile

        _ROOTS.append(make_repo(Path(tempfile.mkdtemp(prefix="planlib-fixture-")) / "repo"))
    return _ROOTS[0]


def _generated(lang: str, root: Path | None = None) -> dict[str, str]:
    """Every generated page of the fixture library, rendered by its template: src_uri → HTML."""
    library = load_library(root or _fixture_root())
    data = prepare(library)
    renderer = Renderer(REPO / "overrides" / "planlib")
    return {page.src_uri: renderer.render(page, lang) for page in site_pages(data, lang)}


def test_fixture_indexes_exist_only_where_non_empty() -> None:
    pages = _generated("zh")
    assert "browse/sector/education/index.md" in pages and "browse/sector/health/index.md" in pages
    assert "browse/sector/government/index.md" not in pages
    assert "browse/sector/education/year-2023/index.md" in pages
    assert "browse/sector/health/year-2023/index.md" not in pages
    assert "browse/section/jiaokeshi/year-2023/index.md" in pages
    assert "browse/year/unknown/index.md" in pages
    assert "browse/tag/ketiyanjiu/index.md" in pages
    for kind in ("guiding", "goals", "measures", "schedule"):
        assert f"parts/{kind}/index.md" in pages
    # the repeated plan has its page but is in no index
    assert "plan/fixture-kindergarten-copy.md" in pages
    assert not any("fixture-kindergarten-copy" in content for uri, content in pages.items()
                   if uri.startswith("browse/") or uri.startswith("parts/"))
    assert "fixture-kindergarten-copy" in pages["plan/fixture-kindergarten-autumn.md"]


def test_every_plan_within_three_clicks_and_every_link_resolves(fixture_site: Path) -> None:
    site = fixture_site / "site"
    assert broken_links(site) == []
    depths = click_depths(site)
    library = load_library(fixture_site)
    for plan in library.published:
        assert depths.get(f"plan/{plan.id}/", 99) <= 3, plan.id
    for plan in library.plans:
        if plan.is_duplicate:
            assert depths.get(f"plan/{plan.id}/", 99) <= 4, plan.id


def test_the_real_library_builds_and_links_resolve(library_site: Path) -> None:
    root = library_site
    site = root / "site"
    assert broken_links(site) == []
    depths = click_depths(site)
    library = load_library(root)
    assert len(library.published) == 29
    for old, new in load_redirects(root, {plan.id for plan in library.plans})[0].items():
        html = (site / "plan" / old / "index.html").read_text(encoding="utf-8")
        assert f'content="0; url=../{new}/"' in html, old
    assert all(depths.get(f"plan/{plan.id}/", 99) <= 3 for plan in library.published)
    for plan in library.published:
        html = (site / "plan" / plan.id / "index.html").read_text(encoding="utf-8")
        block = html[html.index('class="plan-related"'):]
        block = block[:block.index("</div>")]
        related = re.findall(r'href="\.\./([a-z0-9-]+)/"', block)
        assert 3 <= len(related) <= 5, plan.id
        by_id = {p.id: p for p in library.plans}
        assert all(by_id[r].meta.section == plan.meta.section or by_id[r].meta.institution == plan.meta.institution
                   for r in related), plan.id


def test_large_indexes_paginate_at_50_and_every_page_is_one_click_from_the_first(tmp_path: Path) -> None:
    library = load_library(REPO)
    files = synthetic_plans(library, 230)
    root = make_repo(tmp_path / "repo", plans=None)
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    big = load_library(root)
    assert len(big.plans) == 230 and not big.errors
    pages = _generated("zh", root)
    # the largest index: the education sector (synthetic plans spread over many 科室, not over sectors)
    folder = "browse/sector/education/"
    sector_pages = sorted(uri for uri in pages if uri.startswith(folder) and "/" not in uri.removeprefix(folder))
    count = sum(1 for p in big.published if p.meta.sector == "education")
    assert len(sector_pages) == -(-count // PAGE_SIZE) >= 3
    for uri, content in pages.items():
        if uri.startswith("browse/"):
            assert content.count('<div class="plan-entry"') <= PAGE_SIZE, uri
    first = pages[folder + "index.md"]
    for uri in sector_pages:
        if uri != folder + "index.md":
            assert f'href="{uri.removeprefix(folder).removesuffix(".md")}/"' in first


def test_sections_and_tags_sort_by_pinyin() -> None:
    hub = _generated("zh")["browse/index.md"]
    sections = re.findall(r'<li><a href="section/[^"]+">([^<]+)</a>', hub)
    assert sections == ["感染管理科", "教科室", "教务处"]
    tags = re.findall(r'<li><a href="tag/[^"]+">([^<]+)</a>', hub)
    assert tags == ["集体备课", "课题研究", "园本教研", "院感防控"]


def test_no_generated_page_is_tracked_by_git() -> None:
    tracked = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True).stdout
    for line in tracked.splitlines():
        assert not line.startswith(("site/", "docs/plan/", "docs/browse/", "docs/parts/", "docs/calendar/")), line
    assert not any((REPO / "docs" / name).exists() for name in ("plan", "browse", "parts"))


@given(st.integers(min_value=2, max_value=2000).flatmap(lambda n: st.tuples(st.just(n), st.integers(1, n))))
def test_pagers_stay_short_and_every_page_stays_one_click_from_the_first(case: tuple[int, int]) -> None:
    pages, page = case
    numbers = pager_numbers(page, pages)
    shown = [n for n in numbers if n is not None]
    assert shown == sorted(set(shown)) and page in shown
    if page == 1:
        assert shown == list(range(1, pages + 1))
    else:
        assert {1, pages, page - 1} <= set(shown) and (page == pages or page + 1 in shown)
        assert len(numbers) <= 2 * PAGER_WINDOW + 5  # first, gap, window, gap, last: not growing with the index
        for before, after in zip(numbers, numbers[1:]):
            if before is not None and after is not None:
                assert after == before + 1  # a jump is always marked as a gap


def test_galleries_show_each_part_with_its_subheadings_as_bold_lines() -> None:
    library = load_library(_fixture_root())
    catalog = build_catalog(library.publishable, library.taxonomy)
    pages = gallery_pages(catalog, "measures", "zh")
    entry = pages[0].view.entries[0]
    assert "<p><strong>（一）园本教研</strong></p>" in entry.html and "<h3" not in entry.html
    assert entry.anchor == "part-fixture-kindergarten-autumn-2" and entry.source.href == "../../plan/fixture-kindergarten-autumn/"
    assert [h.level for h in pages[0].headings] == [1]  # no giant table of contents


def test_an_index_names_its_value_with_its_parent_or_year() -> None:
    library = load_library(_fixture_root())
    catalog = build_catalog(library.publishable, library.taxonomy)
    assert group_title(catalog, catalog.group("institution", "education", "kindergarten"), "en") == \
        "Education · Kindergarten"
    assert group_title(catalog, catalog.group("section-year", "教科室", "2023"), "zh") == "教科室 · 2023年"


def test_the_home_overview_lists_counts_and_the_latest_plans() -> None:
    library = load_library(_fixture_root())
    catalog = build_catalog(library.publishable, library.taxonomy)
    outline = Outline()
    view = overview(catalog, "zh", {"fixture-primary-spring": 2.0}, outline)
    assert [h.text for h in outline.headings] == ["库中概况", "最新加入"]
    assert view.latest[0].title == "示例小学教务处第二学期工作计划"
    assert [(link.label, link.count) for link in view.facets[0][1]] == [("教育", "2"), ("卫生健康", "1")]
    html = Renderer(REPO / "overrides" / "planlib").fragment("home.html", view, "zh")
    assert '<a href="browse/sector/education/">教育</a> <small>2</small>' in html


def test_an_entry_summarises_a_plan_by_the_first_sentence_of_its_guiding_principles() -> None:
    library = load_library(_fixture_root())
    plan = library.by_id()["fixture-kindergarten-autumn"]
    assert summary(plan) == "以《幼儿园工作规程》为准绳，以园本教研为依托，提升教师专业素质。"
    assert summary(plan, 10) == "以《幼儿园工作规程…"
    shown = entry(plan, "browse/index.md", library.taxonomy, "en", full=True)
    assert shown.facts == "Kindergarten · Teaching Research Office · 2023 · Autumn term"
    assert shown.href == "../plan/fixture-kindergarten-autumn/" and "Monthly schedule" in shown.parts
