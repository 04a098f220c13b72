"""`planlib synth`: a realistic synthetic library, made from the real plans' document trees."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO, run_planlib
from planlib.bench.judged import JUDGED
from planlib.bench.share import median_share
from planlib.library import load_library
from planlib.synth import synthetic_plans, write_synthetic_site
from planlib.yamlsafe import load_yaml

COUNT = 240


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "site"
    result = run_planlib("synth", str(COUNT), "--out", str(out))
    assert result.returncode == 0 and f"{COUNT} synthetic plans" in result.stdout
    return out


def test_the_synthetic_library_passes_planlib_check(synthetic: Path) -> None:
    result = run_planlib("--root", str(synthetic), "check")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert "no problems" in result.stdout and "near" not in result.stdout


def test_each_plan_keeps_the_outline_of_the_plan_it_is_made_from(synthetic: Path) -> None:
    real = {plan.id: plan for plan in load_library(REPO).published}
    for plan in load_library(synthetic).plans:
        assert plan.meta.source and plan.meta.source.collection
        source = real[plan.meta.source.collection.removeprefix("synthetic from ")]
        assert [part.kind for part in plan.parts] == [part.kind for part in source.parts], plan.id
        assert [m.months for m in plan.schedule] == [m.months for m in source.schedule], plan.id
        assert plan.meta.term == source.meta.term and plan.meta.sector == source.meta.sector


def test_units_departments_years_and_topics_vary(synthetic: Path) -> None:
    plans = load_library(synthetic).plans
    assert len({plan.meta.title for plan in plans}) == len(plans)
    assert len({plan.meta.section for plan in plans}) >= 15
    assert len({plan.meta.institution for plan in plans}) >= 8
    assert len({plan.meta.year for plan in plans}) >= 12
    units = Counter(re.sub(r"^\d{4}年", "", plan.meta.title)[:6] for plan in plans)
    assert units.most_common(1)[0][1] <= 3  # unit names are made up per plan
    topics = Counter(tag for plan in plans for tag in plan.meta.tags)
    assert topics["课题研究"] < 0.5 * len(plans)  # the seeds' favourite topic no longer dominates


def test_a_typical_query_matches_about_as_many_plans_as_in_the_real_library(synthetic: Path) -> None:
    document, _ = load_yaml((REPO / JUDGED).read_text(encoding="utf-8"), "judged.yml")
    queries = [entry["query"] for entry in document.data if entry["lang"] == "zh"]
    real = median_share(load_library(REPO).published, queries)
    synth = median_share(load_library(synthetic).published, queries)
    assert 0.5 * real <= synth <= 1.5 * real, (real, synth)


def test_the_same_seed_gives_the_same_library(tmp_path: Path) -> None:
    library = load_library(REPO)
    assert synthetic_plans(library, 40) == synthetic_plans(library, 40)
    assert synthetic_plans(library, 40, seed=8) != synthetic_plans(library, 40)
    assert write_synthetic_site(REPO, tmp_path / "a", 5) == 5
    assert len(list((tmp_path / "a" / "plans").rglob("synth-*.md"))) == 5
