"""Relevance of the site's search on the judged queries (planlib.bench.relevance), in headless Chromium.

Every judged query is typed into the real built site's dialog; the figures
may not fall below those committed in tests/search/figures.yml (written by
`planlib bench search --judged --write-figures`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from planlib.bench.judged import FIGURES, JUDGED, load_figures, load_judged, summarize
from planlib.bench.relevance import Judged, run_judged
from planlib.library import load_library
from planlib.redirects import load_redirects

TOLERANCE = 0.001  # the figures are printed to three places


@pytest.fixture(scope="module")
def judged_results(site: Path, browser) -> list[Judged]:
    library = load_library(REPO)
    redirects, _ = load_redirects(REPO, {plan.id for plan in library.plans})
    judged = load_judged(REPO / JUDGED, JUDGED.as_posix(), {plan.id for plan in library.published}, redirects)
    return run_judged(site / "site", judged, browser)


def test_relevance_does_not_fall_below_the_committed_figures(judged_results: list[Judged]) -> None:
    committed = load_figures(REPO / FIGURES)
    for summary in summarize([(r.query, r.score) for r in judged_results]):
        floor = committed[summary.lang]
        assert summary.precision >= floor["precision"] - TOLERANCE, summary
        assert summary.recall >= floor["recall"] - TOLERANCE, summary
        assert summary.mrr >= floor["mrr"] - TOLERANCE, summary


def test_chinese_queries_list_few_plans_that_are_not_relevant(judged_results: list[Judged]) -> None:
    (zh,) = [s for s in summarize([(r.query, r.score) for r in judged_results]) if s.lang == "zh"]
    assert zh.precision >= 0.9


def test_english_queries_find_the_plans_by_their_topic(judged_results: list[Judged]) -> None:
    (en,) = [s for s in summarize([(r.query, r.score) for r in judged_results]) if s.lang == "en"]
    assert en.recall >= 0.8


def test_no_guide_is_listed_above_a_plan_for_any_judged_query(judged_results: list[Judged]) -> None:
    above = {r.query.query: r.listed.guides_above_a_plan for r in judged_results if r.listed.guides_above_a_plan}
    assert above == {}
