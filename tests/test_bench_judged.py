"""The judged query set: its file is read with clear errors, and result lists are scored as documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REPO
from planlib.bench.judged import JUDGED, load_judged, score
from planlib.library import load_library
from planlib.problems import ProblemError
from planlib.redirects import load_redirects


def test_the_committed_set_has_forty_queries_or_more_in_both_languages() -> None:
    library = load_library(REPO)
    redirects, _ = load_redirects(REPO, {plan.id for plan in library.plans})
    judged = load_judged(REPO / JUDGED, "judged.yml", {plan.id for plan in library.published}, redirects)
    assert len(judged.queries) >= 40 and judged.of("zh") and judged.of("en")
    assert {q.kind for q in judged.of("zh")} >= {"topic", "department", "month", "phrase", "word"}
    assert all(2 <= len(q.query) <= 6 for q in judged.of("zh"))


def test_precision_recall_and_reciprocal_rank() -> None:
    relevant = frozenset({"a", "b", "c"})
    result = score(["x", "a", "b", "y"], relevant)
    assert result.precision == 0.5 and result.recall == pytest.approx(2 / 3) and result.reciprocal_rank == 0.5
    assert score([], relevant).recall == 0.0
    many = frozenset(f"p{i}" for i in range(20))
    assert score([f"p{i}" for i in range(10)], many).recall == 1.0  # at most ten can be listed first


def test_an_unknown_plan_is_reported_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "judged.yml"
    path.write_text("- query: 手卫生\n  lang: zh\n  kind: topic\n  relevant: [no-such-plan]\n", encoding="utf-8")
    with pytest.raises(ProblemError) as raised:
        load_judged(path, "judged.yml", {"a-plan"}, {})
    (problem,) = raised.value.problems
    assert problem.line == 4 and "no-such-plan" in problem.message and problem.hint


def test_a_renamed_plan_is_read_through_the_redirects(tmp_path: Path) -> None:
    path = tmp_path / "judged.yml"
    path.write_text("- query: 手卫生\n  lang: zh\n  kind: topic\n  relevant: [old-id]\n", encoding="utf-8")
    judged = load_judged(path, "judged.yml", {"new-id"}, {"old-id": "new-id"})
    assert judged.queries[0].relevant == frozenset({"new-id"})


def test_a_wrong_language_and_a_repeated_query_are_errors(tmp_path: Path) -> None:
    path = tmp_path / "judged.yml"
    entry = "- query: 手卫生\n  lang: {lang}\n  kind: topic\n  relevant: [a-plan]\n"
    path.write_text(entry.format(lang="fr") + entry.format(lang="zh") + entry.format(lang="zh"), encoding="utf-8")
    with pytest.raises(ProblemError) as raised:
        load_judged(path, "judged.yml", {"a-plan"}, {})
    messages = [p.message for p in raised.value.problems]
    assert any("'fr'" in m for m in messages) and any("judged twice" in m for m in messages)
