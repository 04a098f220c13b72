"""The facet table: indexes, card rows and search filters by taxonomy key; a new facet from the taxonomy."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, make_repo
from planlib import facets
from planlib.facets import Facet, by_institution
from planlib.library import load_library
from planlib.pages.catalog import build_catalog, filter_names, filter_values
from planlib.pages.plan_page import card
from planlib.taxonomy import load_taxonomy


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    library = load_library(make_repo(tmp_path_factory.mktemp("facets") / "repo"))
    return build_catalog(library.publishable, library.taxonomy)


def test_every_facet_value_has_its_index_at_its_url(catalog) -> None:
    assert catalog.group("sector", "education").uri == "browse/sector/education/index.md"
    assert catalog.group("institution", "education", "kindergarten").uri == \
        "browse/sector/education/kindergarten/index.md"
    assert catalog.group("sector-year", "education", "2023").uri == "browse/sector/education/year-2023/index.md"
    assert catalog.group("section", "教科室").uri == "browse/section/jiaokeshi/index.md"
    assert catalog.group("section-year", "教科室", "2023").uri == "browse/section/jiaokeshi/year-2023/index.md"
    assert catalog.group("year", "unknown").uri == "browse/year/unknown/index.md"
    assert catalog.group("term", "autumn").uri == "browse/term/autumn/index.md"
    assert catalog.group("tag", "课题研究").uri == "browse/tag/ketiyanjiu/index.md"
    assert catalog.group("sector", "government") is None  # no plans, no index


def test_search_filters_and_chips_are_taxonomy_keys_named_per_language(catalog) -> None:
    plan = catalog.all_by_id["fixture-primary-spring"]
    assert facets.search_filters(plan, catalog.taxonomy) == {
        "sector": ["education"], "institution": ["primary"], "section": ["教务处"], "year": ["unknown"],
        "term": ["spring"], "part": ["goals", "schedule"]}  # its parts: 一、工作目标, 二、工作日程
    # every search filter is a group of chips: sector, kind of unit, 科室, year, term, kind of part,
    # in the table's order
    assert list(filter_names(catalog.taxonomy, "en").items()) == [
        ("sector", "Sector"), ("institution", "Institution"), ("section", "Department"), ("year", "Year"),
        ("term", "Term"), ("part", "Parts")]
    chips = filter_values(catalog, "en")
    assert ("primary", catalog.taxonomy.institutions["primary"].en) in chips["institution"]
    assert ("spring", catalog.taxonomy.terms["spring"].en) in chips["term"]
    assert chips["sector"] == [("education", "Education"), ("health", "Health")]
    assert chips["year"][-1] == ("unknown", "Year unknown")
    assert [value for value, _ in chips["section"]] == ["感染管理科", "教科室", "教务处"]  # most plans, then pinyin
    assert filter_values(catalog, "zh")["sector"] == [("education", "教育"), ("health", "卫生健康")]
    kinds = [value for value, _ in chips["part"]]
    assert kinds == [kind for kind in catalog.taxonomy.part_kinds if kind in kinds] and "other" not in kinds
    assert ("schedule", catalog.taxonomy.part_kinds["schedule"].en) in chips["part"]


def test_the_kind_of_part_filters_search_but_has_no_browse_pages_or_card_row(catalog) -> None:
    """Parts are browsed in their galleries (/parts/); the kind of part is a search filter only."""
    assert not any(group.kind == "part" for group in catalog.groups.values())
    plan = catalog.all_by_id["fixture-primary-spring"]
    names = [row.name for row in card(catalog, plan, "en")]
    assert "Parts" not in names and "Term" in names


def test_a_new_facet_needs_the_taxonomy_and_one_entry_in_the_table(tmp_path: Path, monkeypatch) -> None:
    """学段 (school stage), read off the institution: the vocabulary in taxonomy.yml, one Facet in FACETS."""
    root = tmp_path / "repo"
    (root / "plans").mkdir(parents=True)
    taxonomy = (REPO / "plans" / "taxonomy.yml").read_text(encoding="utf-8") + """
facets:
  names:
    stage: {zh: 学段, en: School stage}
  groups:
    stages:
      preschool: {zh: 学前, en: Preschool}
      primary: {zh: 小学, en: Primary}
  by_institution:
    stage: {kindergarten: preschool, primary: primary}
"""
    (root / "plans" / "taxonomy.yml").write_text(taxonomy, encoding="utf-8")
    for plan in (FIXTURES / "library" / "plans").rglob("*.md"):
        target = root / "plans" / plan.parent.name / plan.name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(plan.read_bytes())
    stage = Facet("stage", "stages", by_institution("stage"), "stage", chips=True, search=True)
    monkeypatch.setattr(facets, "FACETS", facets.FACETS + (stage,))
    monkeypatch.setitem(facets.BY_KEY, "stage", stage)
    library = load_library(root)
    assert library.errors == []
    catalog = build_catalog(library.publishable, library.taxonomy)
    assert catalog.group("stage", "preschool").uri == "browse/stage/preschool/index.md"
    assert sorted(p.id for p in catalog.group("stage", "preschool").plans) == ["fixture-kindergarten-autumn"]
    assert filter_names(catalog.taxonomy, "zh")["stage"] == "学段"
    assert filter_values(catalog, "en")["stage"] == [("preschool", "Preschool"), ("primary", "Primary")]
    plan = catalog.all_by_id["fixture-primary-spring"]
    assert facets.search_filters(plan, catalog.taxonomy)["stage"] == ["primary"]


def test_a_facet_value_unknown_to_the_taxonomy_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.yml"
    path.write_text((REPO / "plans" / "taxonomy.yml").read_text(encoding="utf-8")
                    + "\nfacets:\n  by_institution:\n    stage: {kindergarden: preschool}\n", encoding="utf-8")
    try:
        load_taxonomy(path)
    except Exception as error:  # ProblemError
        assert "unknown institution 'kindergarden'" in str(error)
    else:
        raise AssertionError("a typo in the taxonomy passed")
