"""Both languages: every page has its twin, the switcher links resolve, labels exist in English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, make_repo, run_planlib
from sitecheck import broken_links, parse, target_file, page_url

CJK = re.compile(r"[\u3400-\u9fff]")
GENERATED = ("plan/", "browse/", "parts/", "calendar/")


@pytest.fixture(scope="module")
def built(library_site: Path) -> Path:
    return library_site / "site"


def test_every_hand_written_page_exists_in_both_languages() -> None:
    docs = REPO / "docs"
    chinese = {p.name for p in docs.glob("*.md") if not p.name.endswith(".en.md")}
    english = {p.name.replace(".en.md", ".md") for p in docs.glob("*.en.md")}
    assert chinese == english
    assert {"index.md", "about.md", "how-to-use.md", "contributing.md", "data.md"} <= chinese


def test_every_generated_page_has_its_english_twin(built: Path) -> None:
    zh = [p.relative_to(built).as_posix() for p in built.rglob("index.html")
          if p.relative_to(built).as_posix().startswith(GENERATED)]
    assert len(zh) > 100
    missing = [page for page in zh if not (built / "en" / page).exists()]
    assert missing == []
    en = [p for p in (built / "en").rglob("index.html") if p.relative_to(built / "en").as_posix().startswith(GENERATED)]
    assert len(en) == len(zh)


def test_language_switcher_goes_to_the_twin(built: Path) -> None:
    pages = [p for p in built.rglob("index.html") if "pagefind" not in p.parts
             and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]  # redirects of old plan URLs
    checked = 0
    for path in pages:
        url = page_url(built, path)
        twin = url.removeprefix("en/") if url.startswith("en/") else "en/" + url
        html = path.read_text(encoding="utf-8")
        for href, lang in re.findall(r'<a href="([^"]+)" hreflang="(zh|en)" class="md-select__link"', html):
            target, _ = target_file(built, url, href)
            assert target is not None and target.exists(), (url, href)
            expected = url if lang == ("en" if url.startswith("en/") else "zh") else twin
            assert page_url(built, target) == expected, (url, lang, href)
            checked += 1
    assert checked >= 2 * len(pages) - 10


def test_all_links_of_both_languages_resolve(built: Path) -> None:
    assert broken_links(built) == []


def test_english_plan_page_has_an_english_card_and_a_note(built: Path) -> None:
    html = (built / "en" / "plan" / "kindergarten-jiaokeshi-xxxx-7b8f-1" / "index.html").read_text(encoding="utf-8")
    card = html[html.index('class="plan-card"'):html.index('id="reader-tools"')]
    for label in ("Sector", "Institution", "Department", "Year", "Term", "Topics", "Source", "Kindergarten",
                  "Teaching Research Office", "Autumn term"):
        assert label in card, label
    assert "This plan is in Chinese" in html
    assert "做好迎新工作" in html  # the plan itself stays Chinese
    assert '<html lang="en"' in html
    assert '<div class="plan-body" data-plan="kindergarten-jiaokeshi-xxxx-7b8f-1" lang="zh">' in html


def test_english_index_pages_use_english_labels(built: Path) -> None:
    text = "".join(parse(built / "en" / "browse" / "index.html").hrefs)
    html = (built / "en" / "browse" / "index.html").read_text(encoding="utf-8")
    for label in ("Browse the plans", "By sector and institution", "By department", "By year", "By topic",
                  "Part galleries", "Guiding principles", "Research projects"):
        assert label in html, label
    assert text


def test_check_fails_when_a_taxonomy_entry_lacks_its_english_label(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", plans=None)
    taxonomy = root / "plans" / "taxonomy.yml"
    text = taxonomy.read_text(encoding="utf-8")
    taxonomy.write_text(text.replace("    en: Kindergarten\n", "", 1), encoding="utf-8")
    result = run_planlib("check", cwd=root)
    assert result.returncode == 1
    assert re.search(r"plans/taxonomy\.yml:\d+: 'institutions\.kindergarten\.en' is missing", result.stderr)
    assert "Traceback" not in result.stderr
