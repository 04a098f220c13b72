"""Month schedules in the forms real pages write them → `### 九月份` + `- 1、…` blocks.

Forms: a month name on its own line (九月份：, 十一月份, 2月:, 元月, 20xx年元月,
2017年3月, 第一季度, 3-4月, 3—4月份); a month name with its activities on the
same line (9月份。a；b；c。, 1 月份(1)…(2)…, `| 2月 | 1.… 2.… |`); month names
written one character per line by a flattened table (二 / 月 / 份); a table
header (月份 活动名称). An item is one list marker (1、 1. （1） ① - •); a
line without a marker continues the item before it; a month with no markers
at all is one item. A theme or festival line right after the month name
(主题：…, 主要节日：…) belongs to the month, not to its items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planlib.importer.ledger import Ledger, Para
from planlib.importer.render import Block
from planlib.importer.script import simplified
from planlib.months import parse_month_label

MONTH_WORD = (r"(?:(?:19|20)[0-9xX]{2}\s*年\s*(?:度\s*)?)?(?:第\s*[一二三四1-4]\s*季\s*度|"
              r"(?:[一二三四五六七八九十]{1,3}|元|正|\d{1,2}|[０-９]{1,2})(?:\s*(?:月份?)?\s*(?:[-—–~至到]|——)\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2}))?"
              r"\s*月\s*份?)")
MONTH_INLINE_RE = re.compile(rf"^(?P<label>{MONTH_WORD})\s*(?P<sep>[：:。．.|｜]|\s)\s*(?P<rest>\S.*)$")
SCHEDULE_HEADER_RE = re.compile(r"^月\s*份\s*[|｜]?\s*(?:活动|工作|主要工作|具体工作|内容|项目)(?:名称|内容|安排|项目)?\s*[|｜]?"
                                r"\s*(?:负责人|负责部门|备注)?$")
SCHEDULE_LEAD_RE = re.compile(r"(?:安排|日程|行事历|月工作|计划表|进度)[:：]?$")
NOTE_RE = re.compile(r"^(?:说明|注|备注|附注)\s*[:：]")
THEME_RE = re.compile(r"^(?:本月)?(?:主题|活动主题|教育主题|德育主题|主要节日|节日|重要节日|节日纪念日|纪念日|重点|工作重点|中心工作)"
                      r"\s*[:：]")
INLINE_ITEM_SPLIT_RE = re.compile(r"(?<=[；;。，,\s])(?=\s*(?:\d{1,2}\s*[、.．](?!\d)|[（(]\d{1,2}[）)]|[①-⑳⑴-⒇⒈-⒛]))|"
                                  r"(?<=[；;])")
ITEM_MARK_RE = re.compile(r"^(?:\d{1,2}\s*[、.．。](?!\d)|[（(]\s*\d{1,2}\s*[）)]|[（(]\s*[一二三四五六七八九十]{1,2}\s*[）)]|"
                          r"[⒈-⒛⑴-⒇①-⑳]|[-–•·*]\s*)")


@dataclass
class MonthLine:
    """What a paragraph is for the schedule pass."""

    month: tuple[str, int] | None = None  # (label text, end index of the label in the paragraph)
    inline: bool = False  # the month's activities follow on the same line
    header: bool = False  # a table header: 月份 活动名称


def month_line(para: Para) -> MonthLine:
    text = simplified(para.text)
    label, why = parse_month_label(text)
    if label is not None or why:
        return MonthLine(month=(text, len(text)))
    if SCHEDULE_HEADER_RE.match(text):
        return MonthLine(header=True)
    match = MONTH_INLINE_RE.match(text)
    if match and parse_month_label(match.group("label"))[0] is not None:
        return MonthLine(month=(match.group("label"), match.end("label")), inline=True)
    return MonthLine()


def merge_vertical_months(paras: list[Para]) -> list[Para]:
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


def find_runs(paras: list[Para], kinds: list[MonthLine], levels: list[int], dashed: list[bool]) -> list[tuple[int, int]]:
    """[start, end) index ranges of month schedules."""

    def is_item(cursor: int) -> bool:
        text = paras[cursor].text
        if levels[cursor] >= 3 or dashed[cursor]:
            return True
        if levels[cursor] != 0 or len(text) > 50 or NOTE_RE.match(text):
            return False
        if kinds[cursor - 1].month is not None:
            return True
        return (levels[cursor - 1] >= 3 or dashed[cursor - 1]) and not text.endswith(("：", ":")) \
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
        has_lead = start > 0 and SCHEDULE_LEAD_RE.search(simplified(paras[start - 1].text)) is not None
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


def _strip_colon(para: Para, ledger: Ledger) -> None:
    match = re.search(r"\s*[:：]\s*$", para.text)
    if match and match.start() > 0:
        para.remove(match.start(), match.end(), "heading-colon", ledger)


def schedule_blocks(paras: list[Para], kinds: list[MonthLine], ledger: Ledger) -> list[Block]:
    """The blocks of one schedule run: a `###` heading per month, its items below."""
    blocks: list[Block] = []
    for para, kind in zip(paras, kinds):
        if kind.header:
            para.remove(0, len(para), "schedule-header", ledger)
            continue
        if kind.month is not None and not kind.inline:
            _strip_colon(para, ledger)
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
