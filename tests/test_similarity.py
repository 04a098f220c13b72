"""Near-duplicates: one plan repeating most of another, found without comparing every pair."""

from __future__ import annotations

import numpy as np

from planlib.similarity import Sketch, containment, grams, near_copies, near_copies_of, signature

BASE = "以课题研究为载体，以课堂教学为主阵地，提升教师专业素养，提高学校的教育质量。每月召开一次课题组会议，做好过程性资料的积累。"
OTHER = "全院医务人员医院感染知识培训率达到百分之九十以上。" * 5


def _copies(texts: dict[str, str], excused=lambda a, b: False) -> list[tuple[str, str, float]]:
    kept = {key: grams(text) for key, text in texts.items()}
    sketches = {key: Sketch(len(g), signature(g)) for key, g in kept.items()}
    return near_copies(sketches, lambda a, b: containment(kept[a], kept[b]), excused)


def test_a_copy_with_small_edits_is_found_and_different_plans_are_not() -> None:
    found = _copies({"a": BASE * 3 + "另外一句。", "b": (BASE * 3).replace("每月", "每周"), "c": OTHER})
    assert [(copy, original) for copy, original, _ in found] == [("b", "a")] and found[0][2] > 0.8


def test_a_cluster_of_copies_names_each_copy_once_with_the_largest_as_original() -> None:
    texts = {f"copy-{n:02d}": BASE * 3 for n in range(30)} | {"full": BASE * 3 + "另外一段完全不同的内容。" * 2,
                                                              "other": OTHER}
    found = _copies(texts)
    assert [copy for copy, _, _ in found] == sorted(f"copy-{n:02d}" for n in range(30))
    assert {original for _, original, _ in found} <= {"full", "copy-29"}


def test_a_declared_copy_is_not_reported() -> None:
    found = _copies({"a": BASE * 3, "b": BASE * 3}, excused=lambda a, b: {a, b} == {"a", "b"})
    assert found == []


def test_grams_are_the_five_character_runs_of_letters_and_characters() -> None:
    assert len(grams("一二三四五")) == 1 and len(grams("一二三，四五")) == 1 and len(grams("一二三四")) == 0
    assert len(grams("一二三四五六")) == 2 and grams("一二三四五六").dtype == np.uint64
    assert np.array_equal(grams("一二三四五六"), grams("一二三 四五六"))


def test_containment_is_the_share_of_the_smaller_text() -> None:
    small, large = grams(BASE), grams(BASE + "另外一段完全不同的内容。" * 4)
    assert containment(small, large) == 1.0 and containment(grams(""), large) == 0.0
    assert 0.4 < containment(grams(BASE), grams(BASE[:len(BASE) // 2] + OTHER)) < 0.6


def test_a_library_of_many_near_copies_costs_comparisons_in_its_plans_not_its_pairs() -> None:
    """400 plans: 200 the same text, 200 that each change a few characters of it; every pair is a near-copy
    (79,800 pairs). Each plan is compared with a few others at most, the identical ones with one."""
    base = BASE * 6
    texts = {f"same-{n:03d}": base for n in range(200)}
    texts |= {f"edit-{n:03d}": base[:n % 100] + "改" + base[n % 100 + 1:] for n in range(200)}
    kept = {key: grams(text) for key, text in texts.items()}
    sketches = {key: Sketch(len(g), signature(g)) for key, g in kept.items()}
    compared: list[tuple[str, str]] = []

    def score(a: str, b: str) -> float:
        compared.append((a, b))
        return containment(kept[a], kept[b])

    found = near_copies(sketches, score)
    assert len(found) == 399  # all but one original
    assert len(compared) <= 2 * len(texts)
    assert sum(a.startswith("same-") for a, _ in compared) <= 200


def test_no_plan_or_one_plan_has_no_copies() -> None:
    one = {"a": Sketch(len(grams(BASE)), signature(grams(BASE)))}
    assert near_copies({}, lambda a, b: 1.0) == [] and near_copies(one, lambda a, b: 1.0) == []
    assert near_copies_of({}, set(), lambda a, b: 1.0) == [] and near_copies_of(one, {"a"}, lambda a, b: 1.0) == []


def test_a_named_plan_is_found_as_a_copy_or_as_the_original_of_one_not_named() -> None:
    texts = {"long": BASE * 3 + "另外一句。", "short": BASE * 3, "other": OTHER}
    kept = {key: grams(text) for key, text in texts.items()}
    sketches = {key: Sketch(len(g), signature(g)) for key, g in kept.items()}

    def score(a: str, b: str) -> float:
        return containment(kept[a], kept[b])

    assert [(c, o) for c, o, _ in near_copies_of(sketches, {"short"}, score)] == [("short", "long")]
    assert [(c, o) for c, o, _ in near_copies_of(sketches, {"long"}, score)] == [("short", "long")]
    assert [(c, o) for c, o, _ in near_copies_of(sketches, {"long", "short"}, score)] == [("short", "long")]
    assert near_copies_of(sketches, {"other"}, score) == []
