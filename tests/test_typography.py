"""CJK typography: spaces and full-width punctuation, with Markdown markers, numbering and placeholders kept."""

from __future__ import annotations

import autocorrect_py
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planlib.placeholders import split
from planlib.typography import lint_line

CHINESE_ONLY = st.text(st.sampled_from("计划工作学校医院护理科室的了一二三十月年" "\u3400\u4dbf\u9fff"
                                       "，。、；：？！“”‘’（）《》【】—…·「」『』〔〕"), max_size=40)


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


@given(CHINESE_ONLY)
def test_chinese_only_text_is_left_as_autocorrect_leaves_it(text: str) -> None:
    """lint_line does not hand such text to autocorrect: autocorrect would not change it either."""
    assert autocorrect_py.format(text) == text
    assert lint_line(text) is None and lint_line("- 1、" + text) is None


def test_placeholders_are_found() -> None:
    assert split("20xx年**市某某") == [("20xx", True), ("年", False), ("**", True), ("市", False), ("某某", True)]
