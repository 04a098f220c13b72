"""Recover a plan's structure from its numbering and month names.

Numbering levels: 一、 → `##` part; （一） → subheading; 1、 1. ⒈ → subheading
or list item; （1） ⑴ → deeper; ① → deepest. A numbered line is a
subheading when it is short, has no full stop and is followed by its own
content; otherwise it is a list item. Month schedules in every form seen in
real pages become `### 九月份` + `- 1、…` items inside a schedule part.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from planlib.importer.ledger import Ledger, Para
from planlib.months import parse_month_label

L1_RE = re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、.．，]")
L2_RE = re.compile(r"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]")
L3_RE = re.compile(r"^(?:\d{1,2}\s*[、.．。](?!\d)|[⒈-⒛])")
L4_RE = re.compile(r"^(?:[（(]\s*\d{1,2}\s*[）)]|[⑴-⒇])")
L5_RE = re.compile(r"^[①-⑳]")
LEVELS = ((1, L1_RE), (2, L2_RE), (3, L3_RE), (4, L4_RE), (5, L5_RE))
DASH_RE = re.compile(r"^(?:[-–*]\s+|[•·]\s*)")
DASH_LEVEL = 6  # a bullet without numbering: deeper than any numbering level
MONTH_WORD = r"(?:(?:19|20)[0-9xX]{2}\s*年\s*)?(?:[一二三四五六七八九十]{1,3}|元|正|\d{1,2}|[０-９]{1,2})\s*月\s*份?|第\s*[一二三四1-4]\s*季\s*度"
MONTH_INLINE_RE = re.compile(rf"^(?P<label>{MONTH_WORD})\s*(?P<sep>[：:。．.|｜]|\s)\s*(?P<rest>\S.*)$")
SCHEDULE_HEADER_RE = re.compile(r"^月\s*份\s*[|｜]?\s*(?:活动|工作|主要工作|具体工作|内容|项目)(?:名称|内容|安排|项目)?\s*[|｜]?\s*(?:负责人|备注)?$")
SCHEDULE_LEAD_RE = re.compile(r"(?:安排|日程|行事历|月工作|计划表|进度)[:：]?$")
NOTE_RE = re.compile(r"^(?:说明|注|备注|附注)\s*[:：]")
INLINE_ITEM_SPLIT_RE = re.compile(r"(?<=[；;。，,\s])(?=\s*(?:\d{1,2}\s*[、.．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳⑴-⒇⒈-⒛]))|(?<=[；;])")
GUIDING_RE = re.compile(r"指导|贯彻|为准绳|为指针|为指引|为核心|为先导|理念|精神|方针")
TITLE_COLON_RE = re.compile(r"\s*[:：]\s*$")
SUBPLAN_TITLE_RE = re.compile(r"^[0-9０-９xX〇零一二三四五六七八九十年度\s]*[\u4e00-\u9fff]{1,12}工作计划$")
MAX_HEADING_CHARS = 40
STRONG_TITLE = 3.0  # an unnumbered line is a part title only with a strong keyword (目标, 措施 ...)


@dataclass
class Block:
    """One Markdown block of the output."""

    kind: str  # "heading" | "item" | "para"
    level: int  # heading level (2-5) or list depth (0-3)
    para: Para | None  # source text; None for a heading the importer had to supply
    added: str = ""  # text the importer supplied (inferred headings)
    month: bool = False  # a month heading of a schedule: its label stays exactly as written

    @property
    def text(self) -> str:
        return self.para.text if self.para is not None else self.added


def numbering_level(text: str) -> int:
    """1-5 for the numbering levels above, 0 for an unnumbered line."""
    for level, pattern in LEVELS:
        if pattern.match(text):
            return level
    return 0


def _body_after_marker(text: str) -> str:
    for _, pattern in LEVELS:
        match = pattern.match(text)
        if match:
            return text[match.end():].strip()
    return text


def _is_heading_like(text: str, has_own_content: bool) -> bool:
    """Short, no full stop inside; one at the very end only for a short title with content under it."""
    body = TITLE_COLON_RE.sub("", _body_after_marker(text))
    if body.endswith("。") and len(body) <= 30 and has_own_content:
        body = body[:-1]
    return len(body) <= MAX_HEADING_CHARS and "。" not in body and "；" not in body and not body.endswith(("，", "、"))


@dataclass
class _Kind:
    """What a paragraph is, for the structure pass."""

    month: tuple[str, int] | None = None  # (label text, end index of label in para) for a month line
    inline: bool = False
    header: bool = False
    level: int = 0


def _classify(para: Para) -> _Kind:
    text = para.text
    label, why = parse_month_label(text)
    if label is not None or why:
        return _Kind(month=(text, len(text)))
    if SCHEDULE_HEADER_RE.match(text):
        return _Kind(header=True)
    match = MONTH_INLINE_RE.match(text)
    if match and parse_month_label(match.group("label"))[0] is not None:
        return _Kind(month=(match.group("label"), match.end("label")), inline=True)
    return _Kind(level=numbering_level(text))


def _merge_vertical_months(paras: list[Para]) -> list[Para]:
    """二 / 月 / 份 written one character per line → one month line (layout only)."""
    out: list[Para] = []
    index = 0
    while index < len(paras):
        merged = None
        for width in (4, 3, 2):
            group = paras[index:index + width]
            if len(group) == width and all(len(p.text) <= 2 for p in group):
                candidate = "".join(p.text for p in group)
                label, _ = parse_month_label(candidate)
                if label is not None:
                    merged = group[0]
                    for other in group[1:]:
                        merged = merged.join(other)
                    index += width
                    break
        if merged is None:
            out.append(paras[index])
            index += 1
        else:
            out.append(merged)
    return out


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


def _find_runs(paras: list[Para], kinds: list[_Kind], dashed: list[bool]) -> list[tuple[int, int]]:
    """[start, end) index ranges of month schedules."""

    def is_item(cursor: int) -> bool:
        current, text = kinds[cursor], paras[cursor].text
        if current.level >= 3 or dashed[cursor]:
            return True
        if current.level != 0 or len(text) > 50 or NOTE_RE.match(text):
            return False
        previous = kinds[cursor - 1]
        if previous.month is not None:
            return True
        return (previous.level >= 3 or dashed[cursor - 1]) and not text.endswith(("：", ":")) \
            and "。" not in text[:-1]

    runs = []
    index = 0
    while index < len(paras):
        if kinds[index].month is None and not kinds[index].header:
            index += 1
            continue
        start, months, cursor = index, 0, index
        while cursor < len(paras):
            current = kinds[cursor]
            if current.month is not None:
                months += 1
            elif not current.header and not (cursor > start and is_item(cursor)):
                break
            cursor += 1
        has_lead = start > 0 and SCHEDULE_LEAD_RE.search(paras[start - 1].text) is not None
        if months >= 2 or (months >= 1 and (has_lead or any(k.header for k in kinds[start:cursor]))):
            runs.append((start, cursor))
            index = cursor
        else:
            index += 1
    return runs


def _split_inline_items(para: Para) -> list[Para]:
    """`a；b；c。` or `1.… 2.…` on one line → one Para per item (nothing dropped)."""
    cuts = [m.start() for m in INLINE_ITEM_SPLIT_RE.finditer(para.text) if 0 < m.start() < len(para)]
    pieces, last = [], 0
    for cut in sorted(set(cuts)):
        pieces.append(para.slice(last, cut).strip())
        last = cut
    pieces.append(para.slice(last, len(para)).strip())
    return [piece for piece in pieces if piece.text]


def _schedule_blocks(paras: list[Para], kinds: list[_Kind], ledger: Ledger) -> list[Block]:
    blocks: list[Block] = []
    for para, kind in zip(paras, kinds):
        if kind.header:
            para.remove(0, len(para), "schedule-header", ledger)
            continue
        if kind.month is not None and not kind.inline:
            _strip_title_colon(para, ledger)
            blocks.append(Block("heading", 3, para, month=True))
            continue
        if kind.month is not None:
            end = kind.month[1]
            label = para.slice(0, end).strip()
            rest = para.slice(end, len(para))
            separator = re.match(r"\s*[：:。．.|｜]?\s*", rest.text)
            if separator and separator.group(0).strip():
                rule = "table-separator" if separator.group(0).strip() in "|｜" else "heading-colon"
                rest.remove(0, separator.end(), rule, ledger)
            blocks.append(Block("heading", 3, label, month=True))
            blocks.extend(Block("item", 0, item) for item in _split_inline_items(rest.strip()))
            continue
        if not blocks:  # text before the first month: keep as a paragraph
            blocks.append(Block("para", 0, para))
        elif NOTE_RE.match(para.text) or (blocks[-1].kind == "para"):
            blocks.append(Block("para", 0, para))
        else:
            blocks.append(Block("item", 0, para))
    return blocks


def _lead_title(paras: list[Para], first_l1: str | None) -> str:
    lead = "".join(p.text for p in paras[:2])
    title = "指导思想" if GUIDING_RE.search(lead) else "概述"
    if first_l1 is not None and first_l1.startswith("二"):
        return "一、" + title
    return title


def build_blocks(paras: list[Para], ledger: Ledger, kind_of: Callable[[str], tuple[str, float]]) -> list[Block]:
    """The Markdown blocks of one plan from its cleaned paragraphs.

    `kind_of(title)` gives the part kind a heading title maps to and how strongly.
    """
    paras = _merge_vertical_months(paras)
    dashed = [_strip_dash(para, ledger) for para in paras]
    paras = [para.strip() for para in paras]
    kinds = [_classify(para) for para in paras]
    runs = _find_runs(paras, kinds, dashed)
    run_at = {start: end for start, end in runs}

    def is_part_title(index: int) -> bool:
        text = paras[index].text
        bare = TITLE_COLON_RE.sub("", text)
        if kinds[index].level == 1:
            return True
        if kinds[index].level or kinds[index].month is not None or len(bare) > 20 or not bare:
            return False
        if re.search(r"[，。；、,;]", bare):
            return False
        next_is_schedule = index + 1 in run_at
        kind_name, strength = kind_of(bare)
        return (kind_name != "other" and strength >= STRONG_TITLE) or bool(SUBPLAN_TITLE_RE.match(bare)) or \
            (next_is_schedule and SCHEDULE_LEAD_RE.search(text) is not None)

    blocks: list[Block] = []
    heading_stack: list[int] = []
    list_stack: list[int] = []
    in_schedule_part = False
    part_has_content = False
    first_l1 = next((p.text for p, k in zip(paras, kinds) if k.level == 1), None)
    index = 0
    while index < len(paras):
        para, kind = paras[index], kinds[index]
        if index in run_at:
            end = run_at[index]
            if not (in_schedule_part and not part_has_content):
                blocks.append(Block("heading", 2, None, "月度安排"))
            blocks.extend(_schedule_blocks(paras[index:end], kinds[index:end], ledger))
            in_schedule_part, part_has_content = True, True
            heading_stack, list_stack = [], []
            index = end
            continue
        if not blocks and not is_part_title(index):
            # text before the first heading: a part whose title the page lost
            blocks.append(Block("heading", 2, None, _lead_title(paras[index:], first_l1)))
            in_schedule_part, part_has_content = False, False
        if is_part_title(index):
            _strip_title_colon(para, ledger)
            blocks.append(Block("heading", 2, para))
            in_schedule_part = kind_of(para.text)[0] == "schedule" or (index + 1 in run_at)
            part_has_content = False
            heading_stack, list_stack = [], []
            index += 1
            continue
        if kind.level >= 2:
            following = kinds[index + 1].level if index + 1 < len(paras) and index + 1 not in run_at else -1
            child_follows = following == 0 or following > kind.level
            if _is_heading_like(para.text, child_follows) and (child_follows or kind.level == 2) and following != -1:
                while heading_stack and heading_stack[-1] >= kind.level:
                    heading_stack.pop()
                if len(heading_stack) < 3:
                    heading_stack.append(kind.level)
                    _strip_title_colon(para, ledger)
                    blocks.append(Block("heading", 2 + len(heading_stack), para))
                    list_stack = []
                    part_has_content = True
                    index += 1
                    continue
            while list_stack and list_stack[-1] >= kind.level:
                list_stack.pop()
            list_stack.append(kind.level)
            depth = min(len(list_stack) - 1, 3)
            blocks.append(Block("item", depth, para))
        elif dashed[index]:
            list_stack = [DASH_LEVEL]
            blocks.append(Block("item", 0, para))
        else:
            list_stack = []
            blocks.append(Block("para", 0, para))
        part_has_content = True
        index += 1
    return _split_lead_part(blocks)


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
