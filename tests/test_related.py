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
