"""The document tree of a plan body: parts, blocks, the month schedule, lines, problems."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from conftest import FIXTURES, REPO
from planlib.document import parse, plain_text
from planlib.export import plan_record
from planlib.library import load_plan, parse_plan_text
from planlib.months import clean_label
from planlib.taxonomy import load_taxonomy
from sitecheck import plan_outline

CJK_TEXT = "计划工作教研学校月安排一二三四五六七八九十、，。；：“”（）《》"

TAXONOMY = load_taxonomy(REPO / "plans" / "taxonomy.yml")


def test_fixture_plan_parts_and_schedule() -> None:
    path = FIXTURES / "library" / "plans" / "education" / "fixture-kindergarten-autumn.md"
    plan, problems = load_plan(path, TAXONOMY, FIXTURES / "library")
    assert problems == [] and plan is not None
    assert [(p.title, p.kind) for p in plan.parts] == [
        ("一、指导思想", "guiding"), ("二、工作目标", "goals"),
        ("三、主要工作与措施", "measures"), ("四、月度安排", "schedule")]
    assert [(m.label, m.month, m.texts) for m in plan.schedule] == [
        ("九月份", 9, ["1、做好迎新工作；", "2、教研组长制定教科研工作计划。"]),
        ("十月", 10, ["1、周四组内听课评课。"]),
        ("元月份", 1, ["1、撰写各类总结。", "2、班级考核。"]),
    ]
    # line numbers point into the file
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[plan.schedule[0].line - 1] == "### 九月份"
    assert lines[plan.schedule[0].items[1].line - 1].endswith("教研组长制定教科研工作计划。")


def test_a_part_with_month_subheadings_is_the_schedule_whatever_its_title() -> None:
    body = parse("## 三、具体安排说明\n\n### 2月\n\n- 1、开学。\n- 4、跳号也照写。\n", 1, TAXONOMY.part_kind)
    assert body.problems == []
    assert body.parts[0].kind == "schedule"
    assert body.schedule[0].texts == ["1、开学。", "4、跳号也照写。"]


def test_quarters_span_three_months() -> None:
    body = parse("## 工作安排\n\n### 第二季度\n\n- 理论考核。\n", 1, TAXONOMY.part_kind)
    assert body.schedule[0].months == (4, 5, 6)


def test_wrapped_items_continue() -> None:
    body = parse("## 工作安排\n\n### 九月\n\n- 1、制定计划，\n  报教务处。\n- 2、开学。\n", 1, TAXONOMY.part_kind)
    assert body.schedule[0].texts == ["1、制定计划，报教务处。", "2、开学。"]


def test_subheadings_outside_the_schedule_are_not_months() -> None:
    body = parse("## 二、主要措施\n\n### （一）教研\n\n- 每周一次。\n", 1, TAXONOMY.part_kind)
    assert body.problems == [] and body.schedule == [] and body.parts[0].kind == "measures"


def test_plain_text_drops_markers_and_escapes() -> None:
    assert plain_text("## 一、目标\n\n- 1、利用\\*\\*文化资源\n\n1. 第二") == "一、目标\n1、利用**文化资源\n第二"


def test_character_count_ignores_markup_and_space() -> None:
    body = parse("## 一、目标\n\n- 甲乙丙\n\n丁 戊\n", 1, TAXONOMY.part_kind)
    assert body.parts[0].chars == 5


# -- the page and the tree cannot disagree ---------------------------------------------

SETEXT_AND_LAZY = """## 一、指导思想

以课题研究为载体。

二、工作目标
------

完成市级课题中期检查。

## 三、工作安排

### 二月

- 1、制定教科室工作计划，
报教务处。
- 2、召开课题负责人会议。
"""


def _parsed(body: str):
    text = "---\ntitle: 测试计划\nsector: education\ninstitution: primary\nsection: 教科室\nyear: 2024\n" \
           "term: spring\n---\n\n" + body
    return parse_plan_text(text, "plans/education/test.md", "test", TAXONOMY)


def _plan(body: str):
    plan, problems = _parsed(body)
    assert plan is not None
    return plan, [p for p in problems if p.severity == "error"]


def _page_outline(plan) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Parts and schedule as the page shows them; a month's label is its heading without trailing punctuation."""
    parts, months = plan_outline(f'<div class="plan-body">{plan.document.html}</div>')
    return parts, [(clean_label(label), items) for label, items in months]


def _export_outline(plan) -> tuple[list[str], list[tuple[str, list[str]]]]:
    record = plan_record(plan)
    squash = "".join
    return ([squash(part["title"].split()) for part in record["parts"]],
            [(squash(month["label"].split()), [squash(item.split()) for item in month["items"]])
             for month in record["schedule"]])


def test_a_setext_heading_and_a_lazy_line_are_what_the_page_shows() -> None:
    plan, errors = _plan(SETEXT_AND_LAZY)
    assert errors == []
    assert [part.title for part in plan.parts] == ["一、指导思想", "二、工作目标", "三、工作安排"]
    assert plan.schedule[0].texts == ["1、制定教科室工作计划，报教务处。", "2、召开课题负责人会议。"]
    assert plan.schedule[0].items[0].line == 23 and plan.parts[1].line == 14
    assert _export_outline(plan) == _page_outline(plan)


INLINE = st.one_of(
    st.text(alphabet=CJK_TEXT + "abcXYZ019 ,.;:!?()[]{}<>&#*_`~|\\-+=/'\"", min_size=1, max_size=12),
    st.sampled_from(["{{20xx}}", "{{**}}", "{{xx}}市", "**粗体**", "*强调*", "_下划线_", "`代码`",
                     "[链接](https://example.com)", "[坏链接](javascript:alert(1))", "![图](x.png)", "\\*",
                     "&amp;", "&#42;", "&lt;b&gt;", "<b>", "<https://example.com>", "1、", "（一）", "20xx", "**"]))
LINE = st.lists(INLINE, min_size=1, max_size=4).map("".join).filter(lambda line: line.strip() != "")


@st.composite
def _list(draw, depth: int = 0) -> list[str]:
    marker = draw(st.sampled_from(["- ", "* ", "+ ", "1. ", "2) "]))
    indent = " " * draw(st.sampled_from([0, 2, 4])) if depth else ""
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        lines.append(indent + marker + draw(LINE))
        continuation = draw(st.sampled_from(["", "", "lazy", "indented"]))
        if continuation == "lazy":
            lines.append(draw(LINE))
        elif continuation == "indented":
            lines.append(indent + " " * len(marker) + draw(LINE))
        if depth < 2 and draw(st.integers(0, 5)) == 0:
            lines.extend(draw(_list(depth + 1)))
        if draw(st.integers(0, 4)) == 0:
            lines.append("")
    return lines


@st.composite
def _blocks(draw) -> list[str]:
    lines: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["paragraph", "list", "h3", "h4", "table", "quote", "rule"]))
        if kind == "paragraph":
            lines += draw(st.lists(LINE, min_size=1, max_size=3))
        elif kind == "list":
            lines += draw(_list())
        elif kind == "h3":
            lines.append("### " + draw(LINE))
        elif kind == "h4":
            lines.append("#### " + draw(LINE))
        elif kind == "table":
            lines += ["| " + draw(LINE) + " | " + draw(LINE) + " |", "|---|:-:|", "| " + draw(LINE) + " | x |"]
        elif kind == "quote":
            lines.append("> " + draw(LINE))
        else:
            lines.append(draw(st.sampled_from(["***", "___"])))
        lines.append(draw(st.sampled_from(["", "", "\n"])))
    return lines


@st.composite
def plan_bodies(draw) -> str:
    """Plan bodies in every form CommonMark allows a part, a month and an item to take."""
    lines: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        title = draw(LINE).strip()
        if draw(st.booleans()):
            lines += ["## " + title, ""]
        else:
            lines += [title, draw(st.sampled_from(["---", "------"])), ""]
        if draw(st.booleans()):  # a schedule
            lines += ["## " + draw(st.sampled_from(["工作安排", "四、月度安排", "行事历"])), ""]
            for _ in range(draw(st.integers(1, 3))):
                lines += ["### " + draw(st.sampled_from(["九月", "九月份：", "10月", "元月", "第二季度", "20xx年元月"])), ""]
                lines += draw(_list())
                lines += draw(_blocks()) if draw(st.integers(0, 3)) == 0 else []
                lines.append("")
        else:
            lines += draw(_blocks())
    return "\n".join(lines)


@given(plan_bodies())
def test_export_parts_and_items_are_those_of_the_page(body: str) -> None:
    """Every body whose form the checker accepts (raw HTML and the like aside, which it refuses too).

    A body past a size limit (e.g. too many '[') is refused whole, before parsing: nothing to compare.
    """
    plan, _ = _parsed(body)
    assume(plan is not None and plan.parts and not plan.document.problems)
    assert _export_outline(plan) == _page_outline(plan)


def test_a_part_named_like_a_schedule_without_months_is_an_ordinary_part() -> None:
    body = parse("## 五、工作进度\n\n1、每季度召开一次会议。\n2、每月检查一次。\n", 1, TAXONOMY.part_kind)
    assert [(part.title, part.kind) for part in body.parts] == [("五、工作进度", "other")]
    assert body.problems == []


def test_an_empty_month_is_an_error_unless_the_plan_was_cut_after_it() -> None:
    inside = parse("## 月度安排\n\n### 九月\n\n### 十月\n\n- 1、期中考试。\n", 1, TAXONOMY.part_kind)
    assert [(problem.line, problem.severity) for problem in inside.problems] == [(3, "error")]
    cut = parse("## 月度安排\n\n### 九月\n\n- 1、开学。\n\n### 十月\n\n诚信读书月\n", 1, TAXONOMY.part_kind)
    assert [(problem.line, problem.severity) for problem in cut.problems] == [(7, "warning")]
