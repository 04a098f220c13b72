"""CJK typography: spaces and full-width punctuation, with Markdown markers, numbering and placeholders kept."""

from __future__ import annotations

import pytest

from planlib.placeholders import split
from planlib.typography import lint_line


@pytest.mark.parametrize("line,corrected", [
    ("以2023年为例", "以 2023 年为例"),
    ("- 1、院感知识考试成绩85分以上", "- 1、院感知识考试成绩 85 分以上"),
    ("### （一）使用PPT课件", "### （一）使用 PPT 课件"),
    ("1\\. 组织{{xx}}市教师培训,提高水平", "1\\. 组织{{xx}}市教师培训，提高水平"),
    ("已经很好。", None),
    ("", None),
])
def test_lines_are_corrected_around_what_must_stay(line: str, corrected: str | None) -> None:
    assert lint_line(line) == corrected


def test_placeholders_are_found() -> None:
    assert split("20xx年**市某某") == [("20xx", True), ("年", False), ("**", True), ("市", False), ("某某", True)]
