"""Property tests (hypothesis): the importer, the schedule parser and the checker on generated input."""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from conftest import REPO
from planlib.document import parse, plain_text
from planlib.importer.decode import DecodeError
from planlib.importer.pipeline import import_page
from planlib.library import load_plan
from planlib.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy(REPO / "plans" / "taxonomy.yml")
LINE_RE = re.compile(r"^.+?:\d+: .+ \(.+\)$")

FRAGMENTS = [
    "科室工作计划篇一\n", "科室工作计划 篇2\n", "第三篇\n", "一、指导思想\n", "二、工作目标：\n", "三、\n", "（一）加强管理\n",
    "1、做好迎新工作；\n", "2. 开展教研活动。\n", "⒈统一思想\n", "（1）每周一次\n", "①听课\n", "- 3、评课\n",
    "九月份：\n", "十一月份\n", "2月：\n", "二月:\n", "元月份\n", "20xx年元月\n", "月份 活动名称\n", "第一季度：\n",
    "二\n月\n份\n", "9月份。组织开学;检查备课。\n", "2月 | 1.计划 2.检查\n", "十三月\n", "〇月\n",
    "海考网>考生写作>工作计划\n", "时间:2023-04-14 我要投稿\n", "下面是小编整理的范文，仅供参考。\n",
    "【科室工作计划】相关文章:\n", "热门标签\n", "第1页共2页\n", "医-学教育-网搜集整-理", "的.", "的`", "处臵",
    "环节[]20xx年", "档次□", "以2023年为例,", "1.5%", "70uW/cm2", "8-12个", "**市", "xx区", "某某", "{{", "}}",
    "<script>alert(1)</script>", "&lt;b&gt;", "[链接](javascript:x)", "\u200b", "\u202e", "😀", "\r\n", "\t", "  ",
    "\n\n", "，", "。", ",", ";", ":", "(", ")", "?", "|", "#", "*", "_", "`", ">", "\\",
]
CJK = "的一是在了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质"


@st.composite
def raw_pages(draw) -> str:
    pieces = draw(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(alphabet=CJK + "0123456789xX，。、；：“”（） \n",
                                                                      max_size=30)), max_size=40))
    return "".join(pieces)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@given(raw_pages())
def test_importer_never_crashes_and_accounts_for_every_character(text: str) -> None:
    try:
        page = import_page(text.encode("utf-8"), "page.txt", TAXONOMY)
    except DecodeError:
        assert not text.strip() or "\x00" in text
        return
    assert not any("would lose text" in p.message for p in page.problems)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for imported in page.plans:
        first, last = min(imported.source_lines), max(imported.source_lines)
        source = Counter(_squash("".join(lines[first - 1:last])))
        body = imported.file_text.split("\n---\n", 1)[1]
        for heading in imported.added_headings:
            body = body.replace(f"## {heading}\n", "", 1)
        removed, replaced = Counter(), Counter()
        for removal in imported.removed:
            assert removal.text.strip(), "a removal names what it removed"
            removed.update(_squash(removal.text))
            replaced.update(_squash(removal.replaced_by or ""))
        assert source == Counter(_squash(plain_text(body))) + removed - replaced


MONTHS = ["九月", "九月份", "9月", "元月", "元月份", "20xx年元月", "第一季度", "第四季度", "十二月", "12月", "十三月", "〇月",
          "0月", "13月", "下旬", "（一）加强", ""]


@st.composite
def plan_bodies(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.sampled_from(["part", "schedule", "month", "item", "text", "blank", "h4", "fence"]))
        if kind == "part":
            lines.append("## " + draw(st.text(alphabet=CJK + "一二三、", max_size=8)))
        elif kind == "schedule":
            lines.append("## " + draw(st.sampled_from(["月度安排", "工作日程", "四、工作安排"])))
        elif kind == "month":
            lines.append("### " + draw(st.sampled_from(MONTHS)))
        elif kind == "item":
            lines.append(draw(st.sampled_from(["- ", "* ", "1. ", "  - "])) + draw(st.text(alphabet=CJK + "1、", max_size=12)))
        elif kind == "text":
            lines.append(draw(st.text(alphabet=CJK + "#-*{}[]\\", max_size=20)))
        elif kind == "h4":
            lines.append("#### " + draw(st.text(alphabet=CJK, max_size=5)))
        elif kind == "fence":
            lines.append("```")
        else:
            lines.append("")
    return "\n".join(lines)


@given(plan_bodies(), st.integers(1, 500))
def test_schedule_parser_never_crashes_and_keeps_months_in_range(markdown: str, first_line: int) -> None:
    body = parse(markdown, first_line, TAXONOMY.part_kind)
    last_line = first_line + len(markdown.split("\n")) - 1
    for month in body.schedule:
        assert all(1 <= m <= 12 for m in month.months)
        assert first_line <= month.line <= last_line
        assert all(item.strip() for item in month.texts)
    for issue in body.problems:
        assert first_line <= issue.line <= last_line and issue.message and issue.hint
    for part in body.parts:
        assert part.kind in TAXONOMY.part_kinds


FRONT_LINES = ["title: 测试计划", "title: [一]", "title: <b>", "sector: education", "sector: educaton", "institution: primary",
               "institution: hospital", "section: 教科室", "year: 2023", "year: 二零二三", "year: unknown", "year: 1e9",
               "term: autumn", "term: summer", "tags: [课题研究]", "tags: 课题研究", "a: &x 1", "b: *x", "c: !!python/name:os",
               "source:", "  file: x", "duplicate_of: ../x", "\ttitle: tab", "title: \"open", "---", "..."]


@st.composite
def plan_files(draw) -> bytes:
    if draw(st.booleans()):
        return draw(st.binary(max_size=400))
    head = draw(st.lists(st.sampled_from(FRONT_LINES), max_size=10))
    text = "---\n" * draw(st.integers(0, 1)) + "\n".join(head) + "\n---\n" * draw(st.integers(0, 1)) + draw(plan_bodies())
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text.encode(encoding, errors="replace")


@given(plan_files())
def test_checker_never_crashes_and_says_where_and_how(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.md"
        path.write_bytes(data)
        plan, problems = load_plan(path, TAXONOMY, Path(folder))
    assert plan is not None or problems
    for problem in problems:
        assert LINE_RE.match(problem.format()), problem.format()
        assert problem.line >= 1
