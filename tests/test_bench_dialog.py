"""What the search dialog lists, as the benchmarks read it (planlib.bench.dialog)."""

from __future__ import annotations

from planlib.bench.dialog import Listed, plan_id


def test_plan_ids_are_read_from_result_links_in_order_each_once() -> None:
    listed = Listed(["/plan/a-1/?highlight=x#part", "/guide/", "/plan/b-2/#m9", "/en/plan/a-1/"], "3 篇计划")
    assert listed.plans == ["a-1", "b-2"]
    assert plan_id("/%E8%AF%BE/") is None and plan_id("/en/plan/c-3/?highlight=%E8%AF%BE") == "c-3"


def test_guides_listed_above_the_last_plan_are_counted() -> None:
    assert Listed(["/plan/a/", "/plan/b/", "/search/"], "").guides_above_a_plan == 0
    assert Listed(["/search/", "/plan/a/", "/about/", "/plan/b/", "/data/"], "").guides_above_a_plan == 2
    assert Listed(["/search/"], "").guides_above_a_plan == 0
