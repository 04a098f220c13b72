"""The importer's boundary with the document tree: what it writes parses back to exactly the source text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from planlib.document import blocks, escape_marking_placeholders, plain_text
from planlib.importer.accounting import compare, expected_text, output_text
from planlib.importer.ledger import Removal
from planlib.importer.render import Block, render_body
from planlib.importer.schedule import starts_with_month
from planlib.importer.script import is_traditional, simplified
from planlib.importer.structure import numbering_level
from planlib.importer.titles import choose_title
from planlib.importer.writer import plan_writes

SPECIAL = list("\\`*_[]{}<>&#!|~=-+.()0123456789 \t") + ["&lt;", "&amp;", "<https://x.cn>", "1. ", "- ", "> ", "---",
                                                         "~~~", "```", "计划", "20xx", "**", "xx市"]


@given(st.lists(st.sampled_from(SPECIAL), min_size=1, max_size=20).map("".join))
def test_escaped_text_reads_back_as_written(text: str) -> None:
    """Any line of source text, written as Markdown by the importer, is read by the tree as that text."""
    line = " ".join(text.split())
    markdown = escape_marking_placeholders(line)
    assert "".join(plain_text(markdown).split()) == "".join(line.split()), markdown


def test_rendered_body_has_the_blocks_the_importer_meant() -> None:
    def block(kind: str, level: int, text: str) -> Block:
        return Block(kind, level, None, added=text)

    body = render_body([block("heading", 2, "一、指导思想"), block("para", 0, "以2023年为例，*重点*工作。"),
                        block("heading", 2, "二、工作安排"), block("heading", 3, "九月"),
                        block("item", 0, "1. 开学"), block("item", 1, "检查")])
    found = [(b.kind, b.level, b.text) for b in blocks(body)]
    assert found == [("heading", 2, "一、指导思想"), ("paragraph", 0, "以2023年为例，*重点*工作。"),
                     ("heading", 2, "二、工作安排"), ("heading", 3, "九月"), ("item", 0, "1. 开学"), ("item", 1, "检查")]


def test_accounting_reads_the_output_through_the_tree() -> None:
    source = {1: "一、目标 小编推荐", 2: "提高质量。"}
    removed = [Removal("watermark", "小编推荐", 1, 5)]
    assert compare(expected_text(source, removed), output_text("## 一、目标\n\n提高质量。\n", [])) is None
    mismatch = compare(expected_text(source, []), output_text("## 一、目标\n\n提高质量。\n", []))
    assert mismatch is not None and "小编" in mismatch.describe()
    assert output_text("## 补充的标题\n\n正文\n", ["补充的标题"]) == "正文"
    assert numbering_level("（一）加强管理") > 0


def test_writes_refuse_a_different_file_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "plans" / "education" / "a.md"
    path.parent.mkdir(parents=True)
    path.write_text("old", encoding="utf-8")
    outcomes, problems = plan_writes({path: "new"}, force=False, dry_run=False)
    assert outcomes == [] and "already there" in problems[0].message
    outcomes, problems = plan_writes({path: "new"}, force=True, dry_run=True)
    assert problems == [] and outcomes[0].status == "would overwrite"


def test_the_importers_helpers_that_meet_the_tree() -> None:
    """Month lines, traditional script and unique titles, as the import pipeline uses them."""
    assert starts_with_month("九月份：做好迎新工作") and not starts_with_month("以课题研究为载体")
    assert is_traditional("醫院感染管理工作計劃") and simplified("醫院") == "医院"
    assert choose_title(["城东小学工作计划"], {"城东小学工作计划"}, "篇三") == "城东小学工作计划（篇三）"
