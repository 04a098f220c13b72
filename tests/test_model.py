"""The plan schema (pydantic) and the taxonomy it is checked against."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from conftest import REPO
from planlib.model import PlanMeta
from planlib.problems import ProblemError
from planlib.taxonomy import load_taxonomy

VALID = {"title": "某小学教科室工作计划", "sector": "education", "institution": "primary",
         "section": "教科室", "year": 2023, "term": "autumn"}


def test_minimal_front_matter_is_valid() -> None:
    meta = PlanMeta.model_validate(VALID)
    assert meta.tags == [] and meta.source is None and meta.duplicate_of is None


def test_year_may_be_unknown_but_not_any_word() -> None:
    assert PlanMeta.model_validate({**VALID, "year": "unknown"}).year == "unknown"
    for bad in ("二零二三", "2023", 2023.0, True, None):
        with pytest.raises(ValidationError):
            PlanMeta.model_validate({**VALID, "year": bad})


@pytest.mark.parametrize("field", ["title", "sector", "institution", "section", "year", "term"])
def test_required_fields(field: str) -> None:
    data = dict(VALID)
    del data[field]
    with pytest.raises(ValidationError):
        PlanMeta.model_validate(data)


def test_unknown_fields_and_wrong_types_are_refused() -> None:
    with pytest.raises(ValidationError):
        PlanMeta.model_validate({**VALID, "autor": "张三"})
    with pytest.raises(ValidationError):
        PlanMeta.model_validate({**VALID, "tags": "课题研究"})
    with pytest.raises(ValidationError):
        PlanMeta.model_validate({**VALID, "title": 2023})
    with pytest.raises(ValidationError):
        PlanMeta.model_validate({**VALID, "title": "两行\n标题"})
    with pytest.raises(ValidationError):
        PlanMeta.model_validate({**VALID, "source": {"file": "a.txt", "page": 3}})


def test_repository_taxonomy_has_every_label_in_both_languages() -> None:
    taxonomy = load_taxonomy(REPO / "plans" / "taxonomy.yml")
    for group in ("sectors", "institutions", "sections", "terms", "part_kinds", "tags", "activities"):
        entries = getattr(taxonomy, group)
        assert entries, group
        for key, entry in entries.items():
            assert entry.zh and entry.en, f"{group}.{key}"
    for required in ("guiding", "goals", "measures", "schedule", "safeguards", "other"):
        assert required in taxonomy.part_kinds
    assert taxonomy.terms["autumn"].months[:2] == [8, 9] and taxonomy.terms["spring"].months[0] == 2


TAXONOMY = (REPO / "plans" / "taxonomy.yml").read_text(encoding="utf-8")


def _refused(path: Path, text: str) -> list:
    """The problems load_taxonomy raises for a taxonomy file of this text (written to `path`)."""
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemError) as caught:
        load_taxonomy(path)
    return caught.value.problems


def test_taxonomy_without_an_english_label_is_refused(tmp_path: Path) -> None:
    problem = _refused(tmp_path / "taxonomy.yml", TAXONOMY.replace("    en: Health\n", "", 1))[0]
    assert "sectors.health.en" in problem.message and problem.line > 1


def test_taxonomy_cross_references_are_checked(tmp_path: Path) -> None:
    problems = _refused(tmp_path / "taxonomy.yml", TAXONOMY.replace("    sector: health\n", "    sector: healt\n", 1))
    assert "unknown sector 'healt'" in problems[0].message


def test_synonym_sets_are_checked(tmp_path: Path) -> None:
    problems = _refused(tmp_path / "taxonomy.yml", TAXONOMY + "  - [导师制, 带徒]\n  - [孤词]\n  - [x, 好词]\n")
    lines = TAXONOMY.count("\n")
    found = {(problem.line, problem.message) for problem in problems}
    assert found == {(lines + 1, "synonym '导师制' is in two sets"),
                     (lines + 2, "synonym set ['孤词'] has fewer than two different words"),
                     (lines + 3, "synonym 'x' is not a word of two characters or more")}


def test_a_taxonomy_file_is_read_again_once_it_changes(tmp_path: Path) -> None:
    """A taxonomy read before is not parsed again, but an edited one (mkdocs serve, a fixed file) is."""
    path = tmp_path / "taxonomy.yml"
    path.write_text(TAXONOMY, encoding="utf-8")
    first = load_taxonomy(path)
    assert load_taxonomy(path) is first and load_taxonomy(REPO / "plans" / "taxonomy.yml") is first
    path.write_text(TAXONOMY.replace("    en: Health\n", "    en: Healthcare\n", 1), encoding="utf-8")
    assert load_taxonomy(path).sectors["health"].en == "Healthcare"
    assert "sectors.health.en" in _refused(path, TAXONOMY.replace("    en: Health\n", "", 1))[0].message
    path.write_text(TAXONOMY, encoding="utf-8")
    assert load_taxonomy(path) is first


def test_a_part_kind_key_must_be_a_plain_word(tmp_path: Path) -> None:
    path = tmp_path / "taxonomy.yml"
    (problem,) = _refused(path, TAXONOMY.replace("\n  safeguards:\n", "\n  safe guards:\n", 1))
    assert problem.message == "part kind key 'safe guards' is not a plain word"
    assert path.read_text(encoding="utf-8").splitlines()[problem.line - 1] == "  safe guards:"


@pytest.mark.parametrize("title,kind", [
    ("一、指导思想", "guiding"), ("二、工作目标：", "goals"), ("三、主要工作与措施", "measures"),
    ("三、工作措施", "measures"), ("四、工作安排", "schedule"), ("三、工作日程:", "schedule"),
    ("五、保障措施", "safeguards"), ("一、工作回顾", "review"), ("附：说明", "other"),
])
def test_part_titles_map_to_kinds(title: str, kind: str) -> None:
    taxonomy = load_taxonomy(REPO / "plans" / "taxonomy.yml")
    assert taxonomy.part_kind(title) == kind


def test_a_value_derived_from_a_plan_is_computed_once_per_taxonomy() -> None:
    from planlib.library import load_library

    library = load_library(REPO)
    plan, tax = library.plans[0], library.taxonomy
    calls: list[int] = []

    def compute() -> list[str]:
        calls.append(1)
        return [plan.meta.title]

    assert plan.derived("probe", tax, compute) == [plan.meta.title]
    assert plan.derived("probe", tax, compute) == [plan.meta.title] and len(calls) == 1
    other = tax.model_copy()  # another taxonomy object: computed again
    assert plan.derived("probe", other, compute) == [plan.meta.title] and len(calls) == 2


def test_every_vocabulary_is_found_by_name_and_a_field_that_is_not_one_gives_none() -> None:
    tax = load_taxonomy(REPO / "plans" / "taxonomy.yml")
    assert tax.group("sectors") is tax.sectors and tax.group("part_kinds") is tax.part_kinds
    for name, values in tax.facets.groups.items():
        assert tax.group(name) == values
    assert tax.group("years") == {} and tax.group("no such group") == {}
    assert tax.label("sectors", "education", "en") == tax.sectors["education"].en
    assert tax.label("sectors", "no-such-key", "en") == "no-such-key"
