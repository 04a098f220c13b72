"""Line checks of a plan file's text: unsafe markup and junk of template sites (characters: test_charpolicy)."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from planlib.content_checks import line_problems, text_problems
from planlib.junk import spliced_signature_span


@pytest.mark.parametrize("line,message", [
    ("正文<script>alert(1)</script>", "raw HTML <script> in the plan"),
    ('<img src=x onerror="alert(1)">', "HTML event attribute (on…=) in a <img> tag"),
    ("[链接](javascript:alert(1))", "script or data URL 'javascript:' in the plan"),
    ("&lt;b&gt;粗体", "entity-encoded HTML tag (&lt;…) in the plan"),
    ("标题 {: #__config }", "attribute list '{: #__config }' in the plan"),
    ("我们的.工作", "anti-copy junk '的.'"),
    ("处臵", "mojibake '臵'"),
    ("加强医-学教育-网搜集整-理自己", "spliced-in site signature '加强医-学教育-网搜集整-理自己'"),
    ("{{20xx年", "placeholder '{{' is not closed"),
])
def test_each_kind_of_junk_or_markup_is_named(line: str, message: str) -> None:
    assert any(found == message for found, _ in line_problems(line)), line_problems(line)


def test_plain_plan_text_has_no_problem() -> None:
    assert line_problems("- 1、做好{{20xx}}年迎新工作，详见 <https://example.com>。") == []


def test_problems_name_their_file_line() -> None:
    problems = text_problems("---\ntitle: 计划\n---\n\n正文<iframe>\n", "plans/x.md", body_line=4)
    assert [(p.path, p.line) for p in problems] == [("plans/x.md", 5)]


def test_attribute_lists_and_admonitions_count_in_the_body_only() -> None:
    text = "---\ntitle: 计划 {#x}\n---\n\n正文 {#__planlib}\n!!! note\n"
    problems = text_problems(text, "plans/x.md", body_line=4)
    assert [(p.line, p.message.split(" '")[0]) for p in problems] == [(5, "attribute list"), (6, "admonition")]


def test_a_spliced_signature_is_cut_exactly() -> None:
    text = "医-学教育-网搜集整-理"
    start, end = spliced_signature_span(text) or (0, 0)
    assert text[start:end].replace("-", "") == "医学教育网搜集整理"


_PIECES = ["<b", "</ a", "<!", "&#", "&a", "script:", "SCRIPT :", "ſcript:", "Data:", "{", "!!!", "臵", "□", "[]",
           "的.", "的`", "的'", "的´", "医-学", "小编", "我要投稿", "相关文章:", "相关文章：", "热门标签", "范文网",
           "仅供参考", "中", "的", "a", "s", "d", " ", "\t", "\n", "-", "[", "<", "&", ":", "!"]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_the_fast_scan_finds_every_line_that_a_suspect_is_on(text: str) -> None:
    """The lookahead on SUSPECT_STARTS only skips work: the same lines are looked at as with every suspect
    tried at every character."""
    import re

    from planlib import content_checks

    every_suspect = re.compile("|".join(content_checks.SUSPECTS))

    def lines(pattern: re.Pattern[str]) -> set[int]:
        return {text.count("\n", 0, match.start()) for match in pattern.finditer(text)}
    assert lines(content_checks.SUSPECT_RE) == lines(every_suspect)
