"""Recover a plan's structure from its numbering: parts, subheadings, list items.

Numbering levels: 一、 → `##` part; （一） → subheading; 1、 1. ⒈ → subheading
or list item; （1） ⑴ → deeper; ① → deepest. The rules:

- a numbered line whose text is over 40 characters or has a full stop (。)
  or semicolon is text, never a heading;
- siblings (the numbered lines of one level under one parent) are treated
  alike: they are subheadings only when every one of them is title-like and
  has content of its own below it, otherwise they are all list items;
- a part has content: a title line with nothing below it before the next
  part is kept as a paragraph, never as an empty part;
- month schedules (schedule.py) become their own part.

Headings the page lacks are supplied (and listed as such); a plan that ends
mid-sentence or on a heading cut short is flagged as truncated in the review.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from planlib.importer.ledger import Ledger, Para
from planlib.importer.render import Block
from planlib.importer.review import Review
from planlib.importer.schedule import (SCHEDULE_LEAD_RE, MonthLine, find_runs, merge_vertical_months, month_line,
                                       schedule_blocks)
from planlib.importer.script import simplified

L1_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．，]|[一二三四五六七八九十]{1,2}[ \u3000]+(?=[\u4e00-\u9fff]))")
L2_RE = re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")
L3_RE = re.compile(r"^(?:\d{1,2}\s*(?:、|[.．。](?!\d))|[⒈-⒛])")
L4_RE = re.compile(r"^(?:[（(]\s*\d{1,2}\s*[）)]|[⑴-⒇])")
L5_RE = re.compile(r"^[①-⑳]")
LEVELS = ((1, L1_RE), (2, L2_RE), (3, L3_RE), (4, L4_RE), (5, L5_RE))
DASH_RE = re.compile(r"^(?:[-–*]\s+|[•·]\s*)")
DASH_LEVEL = 6  # a bullet without numbering: deeper than any numbering level
GUIDING_RE = re.compile(r"指导|贯彻|为准绳|为指针|为指引|为核心|为先导|理念|精神|方针")
TITLE_COLON_RE = re.compile(r"\s*[:：]\s*$")
SUBPLAN_TITLE_RE = re.compile(r"^[0-9０-９xX〇零一二三四五六七八九十年度\s]*[\u4e00-\u9fff]{1,12}工作计划$")
MAX_HEADING_CHARS = 40
MAX_TITLE_CHARS = 20  # an unnumbered part title
STRONG_TITLE = 3.0  # an unnumbered line is a part title only with a strong keyword (目标, 措施 ...)
SENTENCE_END = "。；;！!？?…”’」）)"


def numbering_level(text: str) -> int:
    """1-5 for the numbering levels above, 0 for an unnumbered line."""
    for level, pattern in LEVELS:
        if pattern.match(text):
            return level
    return 0


def body_after_marker(text: str) -> str:
    """The text of a numbered line without its number."""
    for _, pattern in LEVELS:
        match = pattern.match(text)
        if match:
            return text[match.end():].strip()
    return text


def is_title_like(text: str) -> bool:
    """A numbered line that can be a heading: at most 40 characters, no full stop or semicolon inside."""
    body = TITLE_COLON_RE.sub("", body_after_marker(text))
    return len(body) <= MAX_HEADING_CHARS and not re.search(r"[。；;]", body) and not body.endswith(("，", "、", ","))


@dataclass
class _Line:
    """One paragraph and what the structure pass decided it is."""

    para: Para
    level: int  # numbering level, 0 for none
    dashed: bool  # started with a bullet (- •), now removed
    month: MonthLine
    role: str = "para"  # part | heading | item | para


def _strip_dash(para: Para, ledger: Ledger) -> bool:
    match = DASH_RE.match(para.text)
    if match and len(para.text) > match.end():
        para.remove(0, match.end(), "list-marker", ledger)
        return True
    return False


def _strip_title_colon(para: Para, ledger: Ledger) -> None:
    match = TITLE_COLON_RE.search(para.text)
    if match and match.start() > 0:
        para.remove(match.start(), match.end(), "heading-colon", ledger)


def _part_titles(lines: list[_Line], run_at: dict[int, int], kind_of: Callable[[str], tuple[str, float]]) -> None:
    """Mark the lines that start a part: title-like 一、 lines and strong unnumbered titles."""
    for index, line in enumerate(lines):
        if any(start <= index < end for start, end in run_at.items()):
            continue
        text = simplified(line.para.text)
        if line.level == 1:
            if is_title_like(text):
                line.role = "part"
            continue
        bare = TITLE_COLON_RE.sub("", text)
        if line.level or line.dashed or not bare or len(bare) > MAX_TITLE_CHARS or re.search(r"[，。；、,;]", bare):
            continue
        kind_name, strength = kind_of(bare)
        leads_schedule = index + 1 in run_at and SCHEDULE_LEAD_RE.search(text) is not None
        if (kind_name != "other" and strength >= STRONG_TITLE) or SUBPLAN_TITLE_RE.match(bare) or leads_schedule:
            line.role = "part"
    # a part title with nothing of its own before the next part is a title over several parts: text
    for index, line in enumerate(lines):
        if line.role != "part":
            continue
        following = index + 1
        if following < len(lines) and following not in run_at and lines[following].role == "part":
            line.role = "para"


def _siblings(lines: list[_Line], run_at: dict[int, int]) -> list[list[int]]:
    """Groups of numbered lines of one level under one parent (indexes into `lines`)."""
    groups: dict[tuple[int, int], list[int]] = {}
    parents: list[tuple[int, int]] = []  # (level, index) of the open numbered lines
    part = -1
    skip_until = -1
    for index, line in enumerate(lines):
        if index in run_at:
            skip_until = run_at[index]
            parents = []
        if index < skip_until:
            continue
        if line.role == "part":
            part, parents = index, []
            continue
        if line.level < 2:
            continue
        while parents and parents[-1][0] >= line.level:
            parents.pop()
        parent = parents[-1][1] if parents else part
        groups.setdefault((parent, line.level), []).append(index)
        parents.append((line.level, index))
    return list(groups.values())


def _has_own_content(lines: list[_Line], index: int, run_at: dict[int, int]) -> bool:
    following = index + 1
    if following >= len(lines) or following in run_at:
        return False
    after = lines[following]
    if after.role == "part" or after.month.month is not None:
        return False
    return after.level == 0 or after.level > lines[index].level


def _decide_siblings(lines: list[_Line], run_at: dict[int, int]) -> None:
    for group in _siblings(lines, run_at):
        headings = all(is_title_like(simplified(lines[i].para.text)) and _has_own_content(lines, i, run_at)
                       for i in group)
        for index in group:
            lines[index].role = "heading" if headings else "item"


def _lead_title(paras: list[Para], first_l1: str | None) -> str:
    lead = simplified("".join(p.text for p in paras[:2]))
    title = "指导思想" if GUIDING_RE.search(lead) else "概述"
    if first_l1 is not None and first_l1.startswith("二"):
        return "一、" + title
    return title


def build_blocks(paras: list[Para], ledger: Ledger, kind_of: Callable[[str], tuple[str, float]],
                 review: Review | None = None) -> list[Block]:
    """The Markdown blocks of one plan from its cleaned paragraphs.

    `kind_of(title)` gives the part kind a heading title maps to and how strongly.
    """
    review = review if review is not None else Review()
    paras = merge_vertical_months(paras)
    dashed = [_strip_dash(para, ledger) for para in paras]
    paras = [para.strip() for para in paras]
    lines = [_Line(para, numbering_level(simplified(para.text)), dash, month_line(para))
             for para, dash in zip(paras, dashed)]
    runs = find_runs(paras, [line.month for line in lines], [line.level for line in lines], dashed)
    run_at = {start: end for start, end in runs}
    _part_titles(lines, run_at, kind_of)
    _decide_siblings(lines, run_at)
    for line in lines:
        if line.role == "item" and line.level == 0:
            line.role = "para"
        if line.dashed and line.role == "para":
            line.role = "item"

    blocks: list[Block] = []
    heading_stack: list[int] = []
    list_stack: list[int] = []
    in_schedule_part = part_has_content = False
    first_l1 = next((simplified(line.para.text) for line in lines if line.level == 1), None)
    index = 0
    while index < len(lines):
        line = lines[index]
        if index in run_at:
            end = run_at[index]
            if not (in_schedule_part and not part_has_content):
                blocks.append(Block("heading", 2, None, "月度安排"))
            blocks.extend(schedule_blocks(paras[index:end], [l.month for l in lines[index:end]],
                                          [l.dashed for l in lines[index:end]], ledger, review,
                                          ends_plan=end == len(lines)))
            in_schedule_part = part_has_content = True
            heading_stack, list_stack = [], []
            index = end
            continue
        if not blocks and line.role != "part":
            # text before the first heading: a part whose title the page lost
            blocks.append(Block("heading", 2, None, _lead_title(paras[index:], first_l1)))
            in_schedule_part = part_has_content = False
        if line.role == "part":
            _strip_title_colon(line.para, ledger)
            blocks.append(Block("heading", 2, line.para))
            in_schedule_part = kind_of(simplified(line.para.text))[0] == "schedule" or (index + 1 in run_at)
            part_has_content = False
            heading_stack, list_stack = [], []
        elif line.role == "heading":
            while heading_stack and heading_stack[-1] >= line.level:
                heading_stack.pop()
            if len(heading_stack) < 3:
                heading_stack.append(line.level)
                _strip_title_colon(line.para, ledger)
                blocks.append(Block("heading", 2 + len(heading_stack), line.para))
                list_stack = []
            else:
                blocks.append(Block("para", 0, line.para))
            part_has_content = True
        elif line.role == "item":
            level = line.level or DASH_LEVEL
            while list_stack and list_stack[-1] >= level:
                list_stack.pop()
            list_stack.append(level)
            blocks.append(Block("item", min(len(list_stack) - 1, 3), line.para))
            part_has_content = True
        else:
            list_stack = []
            blocks.append(Block("para", 0, line.para))
            part_has_content = True
        index += 1
    blocks = _split_lead_part(blocks)
    _flag_truncation(blocks, review)
    blocks = _no_empty_parts(blocks)
    for block in blocks:
        if block.kind == "heading" and block.para is None:
            review.inferred(f"heading “{block.added}” supplied (the page has none here)", _next_line(blocks, block))
    return blocks


def _next_line(blocks: list[Block], block: Block) -> int:
    position = blocks.index(block)
    return next((b.line for b in blocks[position + 1:] if b.line), 0)


def _split_lead_part(blocks: list[Block]) -> list[Block]:
    """A plan with no part headings at all: its opening paragraphs are one part, the rest another."""
    real_parts = [b for b in blocks if b.kind == "heading" and b.level == 2 and b.para is not None]
    if real_parts or not blocks or blocks[0].para is not None:
        return blocks
    for position, block in enumerate(blocks[1:], start=1):
        if block.kind == "heading" and block.level == 2:
            return blocks  # the schedule (or another inferred part) already splits it
        if block.kind != "para":
            if position > 1:
                return blocks[:position] + [Block("heading", 2, None, "工作内容")] + blocks[position:]
            return blocks
    return blocks


def _no_empty_parts(blocks: list[Block]) -> list[Block]:
    """A `##` heading with nothing under it becomes a paragraph (of the part before, or a supplied one)."""
    out: list[Block] = []
    for position, block in enumerate(blocks):
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        empty = block.kind == "heading" and block.level == 2 and (
            following is None or (following.kind == "heading" and following.level == 2))
        if not empty:
            out.append(block)
        elif block.para is not None:
            if not out:
                out.append(Block("heading", 2, None, "概述"))
            out.append(Block("para", 0, block.para))
    return out


def _flag_truncation(blocks: list[Block], review: Review) -> None:
    """A plan that ends mid-sentence, or on a heading cut short (一、指导思), was cut off by its page."""
    texts = [block for block in blocks if block.para is not None]
    if not texts:
        return
    last = texts[-1]
    text = last.text.rstrip()
    if last.kind == "heading" and not last.month:
        review.look(f"the plan ends on the heading “{text}”: the page cut it short", last.line)
    elif last.kind != "heading" and text and text[-1] not in SENTENCE_END and (
            len(body_after_marker(text)) > 12 or text[-1] in "，、,（(“《—"):
        review.look("the plan ends mid-sentence: the page cut it short", last.line)


def apply_typography(blocks: list[Block]) -> None:
    """Spaces between Chinese and Latin text or digits (docs/contributing.md, style rule 4).

    Only spacing is changed here, never a visible character, and month labels stay as written;
    a paragraph for which autocorrect would change more is left alone (planlib check reports it).
    """
    from planlib.placeholders import FIND_RE
    from planlib.typography import format_text, only_spacing_differs

    for block in blocks:
        if block.para is None or block.month:
            continue
        formatted = format_text(block.para.text, shield=FIND_RE)
        if formatted != block.para.text and only_spacing_differs(block.para.text, formatted):
            block.para = block.para.respaced(formatted)
