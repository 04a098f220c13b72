"""Generated indexes, galleries and plan pages: golden files, reachability, links, scale."""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from conftest import FIXTURES, REPO, make_repo, mkdocs_build
from planlib.library import load_library
from planlib.redirects import load_redirects
from planlib.pages.home import fill_home
from planlib.pages.indexes import PAGER_WINDOW, pager_numbers
from planlib.pages.links import PAGE_SIZE
from planlib.site import prepare, site_pages
from planlib.synth import synthetic_plans
from sitecheck import broken_links, click_depths

GOLDEN = FIXTURES / "golden"
_ROOTS: list[Path] = []


def _fixture_root() -> Path:
    """A repository copy holding the fixture library (made once per test session)."""
    if not _ROOTS:
        import tempfile

        _ROOTS.append(make_repo(Path(tempfile.mkdtemp(prefix="planlib-fixture-")) / "repo"))
    return _ROOTS[0]
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    root = make_repo(tmp_path_factory.mktemp("idx") / "repo")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return root


def _generated(lang: str, root: Path | None = None) -> dict[str, str]:
    if root is None:
        root = _fixture_root()
    library = load_library(root)
    data = prepare(library, datetime.date(2026, 11, 22))
    pages = {page.src_uri: page.content for page in site_pages(data, lang)}
    home = (REPO / "docs" / ("index.md" if lang == "zh" else "index.en.md"))
    if home.exists():
        added = {plan.id: 1_700_000_000.0 + i for i, plan in enumerate(sorted(data.catalog.plans, key=lambda p: p.id))}
        pages["index.md"] = fill_home(home.read_text(encoding="utf-8"), data.catalog, lang, "index.md", added)
    return pages


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_generated_pages_match_golden_files(lang: str) -> None:
    pages = _generated(lang)
    folder = GOLDEN / lang
    if UPDATE:
        for src_uri, content in pages.items():
            path = folder / src_uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    expected = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*.md")}
    assert sorted(pages) == sorted(expected), "the set of generated pages changed (UPDATE_GOLDEN=1 to accept)"
    for src_uri, content in pages.items():
        assert content == expected[src_uri], f"{lang}/{src_uri} differs (UPDATE_GOLDEN=1 to accept)"


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


def test_plan_page_card_links_and_attribution(fixture_site: Path) -> None:
    page = fixture_site / "site" / "plan" / "fixture-kindergarten-autumn" / "index.html"
    html = page.read_text(encoding="utf-8")
    card = html[html.index('class="plan-card"'):html.index('class="plan-body"')]
    for href in ("../../browse/sector/education/", "../../browse/sector/education/kindergarten/",
                 "../../browse/section/jiaokeshi/", "../../browse/year/2023/", "../../browse/term/autumn/",
                 "../../browse/tag/ketiyanjiu/"):
        assert f'href="{href}"' in card, href
    assert "测试用计划集" in card and "篇一" in card and "示例范文网" in card
    assert "fixture.txt" not in card, "the site is named, not the internal file name"
    assert 'class="plan-breadcrumbs"' in html
    copies = html[html.index('plan-copies'):]
    assert "重复版本" in copies and "../fixture-kindergarten-copy/" in copies
    copy = (fixture_site / "site" / "plan" / "fixture-kindergarten-copy" / "index.html").read_text(encoding="utf-8")
    assert "内容重复" in copy and 'href="../fixture-kindergarten-autumn/"' in copy


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
    pages = {p.src_uri: p.content for p in site_pages(prepare(big, datetime.date(2026, 11, 22)), "zh")}
    section_pages = sorted(uri for uri in pages if uri.startswith("browse/section/jiaokeshi/") and "year-" not in uri)
    count = sum(1 for p in big.published if p.meta.section == "教科室")
    assert len(section_pages) == -(-count // PAGE_SIZE) >= 3
    for uri, content in pages.items():
        if uri.startswith("browse/"):
            assert content.count('<div class="plan-entry"') <= PAGE_SIZE, uri
    first = pages["browse/section/jiaokeshi/index.md"]
    for uri in section_pages[1:]:
        assert f"({uri.removeprefix('browse/section/jiaokeshi/')})" in first


def test_sections_and_tags_sort_by_pinyin() -> None:
    hub = _generated("zh")["browse/index.md"]
    sections = re.findall(r"^- \[([^\]]+)\]\(section/", hub, re.M)
    assert sections == ["感染管理科", "教科室", "教务处"]
    tags = re.findall(r"^- \[([^\]]+)\]\(tag/", hub, re.M)
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
