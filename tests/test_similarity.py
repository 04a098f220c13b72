"""Near-duplicates: one plan repeating most of another, found without comparing every pair."""

from __future__ import annotations

from planlib.similarity import containment, near_duplicates, shingles

BASE = "以课题研究为载体，以课堂教学为主阵地，提升教师专业素养，提高学校的教育质量。每月召开一次课题组会议，做好过程性资料的积累。"


def test_a_copy_with_small_edits_is_found_and_different_plans_are_not() -> None:
    texts = {"a": BASE * 3, "b": (BASE * 3).replace("每月", "每周"), "c": "全院医务人员医院感染知识培训率达到百分之九十以上。" * 5}
    found = near_duplicates(texts)
    assert [(a, b) for a, b, _ in found] == [("a", "b")] and found[0][2] > 0.8


def test_containment_is_the_share_of_the_smaller_text() -> None:
    small, large = shingles(BASE), shingles(BASE + "另外一段完全不同的内容。" * 4)
    assert containment(small, large) == 1.0 and containment(set(), large) == 0.0
