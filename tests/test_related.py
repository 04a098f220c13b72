"""Related plans: nearest by content, of the same department or institution, up to five."""

from __future__ import annotations

from conftest import REPO
from planlib.library import load_library
from planlib.pages.related import related_plans


def test_related_plans_share_a_department_or_an_institution() -> None:
    library = load_library(REPO)
    plans = library.published
    related = related_plans(plans, library.taxonomy)
    by_id = {plan.id: plan for plan in plans}
    for plan in plans:
        found = related[plan.id]
        assert len(found) <= 5 and plan.id not in found
        assert all(by_id[other].meta.section == plan.meta.section or by_id[other].meta.institution == plan.meta.institution
                   for other in found)
    assert related_plans(plans, library.taxonomy) == related  # the same every time


def test_the_last_answer_is_given_again_only_while_ids_departments_and_terms_are_unchanged(tmp_path) -> None:
    from conftest import make_repo

    root = make_repo(tmp_path / "repo", plans=REPO / "plans")
    library = load_library(root)
    plans = library.published
    first = related_plans(plans, library.taxonomy)
    assert related_plans(list(plans), library.taxonomy) is first  # same inputs: the same answer, not recomputed
    # a plan whose text now shares all its terms with the first plan's: computed again, and it changes
    target, other = plans[0], next(p for p in plans[1:] if p.meta.section == plans[0].meta.section)
    path = root / other.path
    text = path.read_text(encoding="utf-8")
    front_end = text.index("\n---\n", 3) + len("\n---\n")
    path.write_text(text[:front_end] + target.markdown, encoding="utf-8")
    edited = load_library(root)
    again = related_plans(edited.published, edited.taxonomy)
    assert again is not first and again == related_plans(edited.published, edited.taxonomy)
    assert again[other.id][0] == target.id  # its nearest plan now
