"""Month schedules in the forms real pages write them → `### 九月份` + `- 1、…` blocks.

Month lines: a month name on its own line (九月份：, 十一月份, 2月:, 元月, 20xx年元月,
第一季度, 3-4月, 3—4月份); a month name and its activities on one line (9月份。a；b。,
`2月 | 1.… 2.…`); a month name and its theme or topic (二月主题：新起点, 十月：深深爱国情,
二月园务行政); a phase and its time (第一期（第一季度）：…, （一）第一阶段（7月下旬至8月中旬）);
month names written one character per line by a flattened table (二 / 月 / 份); a table
header (月份 活动名称). A line inside a month that repeats its name (1月份节日及节气：) is a
sub-heading of that month, not a new one.

Items: one per list marker of the month's first marker style (1、 1. 1。 （1） ① ⒈ - •),
several on one line split apart; markers of another style under an item are its sub-items; a
line without a marker continues the item before it; a month with no markers at all is one
item. Lines before a month's first marked item (its theme, festival days), group labels
(常规事项：) and festival lines are the month's text, not items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planlib.importer.ledger import Ledger, Para
from planlib.importer.render import Block
from planlib.importer.review import Review
from planlib.importer.script import simplified
from planlib.months import MonthLabel, chinese_number, parse_month_label

MONTH_WORD = (r"(?:(?:19|20)[0-9xX]{2}\s*年\s*(?:度\s*)?)?(?:第\s*[一二三四1-4]\s*季\s*度|"
              r"(?:[一二三四五六七八九十]{1,3}|元|正|\d{1,2}|[０-９]{1,2})(?:\s*(?:月份?)?\s*(?:[-—–~至到]|——)\s*"
              r"(?:[一二三四五六七八九十]{1,3}|\d{1,2}))?\s*月\s*份?)")
MONTH_INLINE_RE = re.compile(rf"^(?P<label>{MONTH_WORD})\s*(?P<sep>[：:。．.|｜]|——?|\s|(?=[（(]\s*\d{{1,2}}\s*[）)]|[⑴-⒇①-⑳]|1、))"
                             r"\s*(?P<rest>\S.*)$")
MONTH_START_RE = re.compile(rf"^(?:{MONTH_WORD})")
MONTH_TOPIC_RE = re.compile(rf"^(?P<label>{MONTH_WORD})(?P<rest>[\u4e00-\u9fff][^，。；,;：:！？!?]{{0,11}}(?:[：:](?P<theme>.*))?)$")
PHASE_LINE_RE = re.compile(r"^(?P<label>(?:[（(][一二三四五六七八九十\d]{1,3}[）)])?[^（()）]{0,14}?(?:阶段|期)"
                           r"(?:\s*[:：][^（()）:：]{1,12})?\s*[（(][^（()）]{2,24}[）)])"
                           r"\s*(?:[：:。．.]?\s*(?P<rest>\S.*))?$")
SCHEDULE_HEADER_RE = re.compile(r"^月\s*份\s*[|｜、,，]?\s*(?:活动|工作|主要工作|具体工作|重点工作|内容|项目|主题)(?:名称|内容|安排|项目)?\s*"
                                r"[|｜]?\s*(?:负责人|负责部门|备注)?$")
SCHEDULE_LEAD_RE = re.compile(r"(?:安排|日程|行事历|月工作|计划表|进度)[:：]?$")
NOTE_RE = re.compile(r"^(?:说明|注|备注|附注)\s*[:：]")
GROUP_LABEL_RE = re.compile(r"^[^，。；,;]{1,12}[:：]$")
FESTIVAL_RE = re.compile(r"^(?:\d{1,2}[.．]\d{1,2}\s*[\u4e00-\u9fff]{1,10}|第.个星期日?\s*[\u4e00-\u9fff]{1,8}|"
                         r"[\u4e00-\u9fff]{0,8}(?:节|日|节气|纪念日)(?:\s*[:：].*)?|元旦(?:\s*[:：].*)?|(?:本月)?主题\s*[:：].*|"
                         r"(?:主要|重要)?(?:节日|节气)[^，。；]{0,6}[:：].*|[\u4e00-\u9fff]{2,8}月)$")
MARK_RE = re.compile(r"^(?:(?P<digit>\d{1,2})\s*(?:、|[.．。](?!\d))|(?P<paren>[（(]\s*\d{1,2}\s*[）)])|"
                     r"(?P<cnparen>[（(]\s*[一二三四五六七八九十]{1,2}\s*[）)])|(?P<dotted>[⒈-⒛])|(?P<circled>[①-⑳])|"
                     r"(?P<pcircled>[⑴-⒇]))")
INLINE_MARK_RE = {
    "digit": re.compile(r"(?<=[；;。，,！!？?\s])\s*(?=\d{1,2}\s*(?:、|[.．](?!\d)))"),
    "paren": re.compile(r"(?<![0-9０-９])(?=[（(]\s*\d{1,2}\s*[）)])"),  # not the (1) of 3(1)班
    "dotted": re.compile(r"(?=[⒈-⒛])"),
    "circled": re.compile(r"(?=[①-⑳])"),
    "pcircled": re.compile(r"(?=[⑴-⒇])"),
}
# the number of a schedule entry that starts with its month: 1、 一、 or a bare 2 and a space
ENTRY_NUMBER_RE = re.compile(r"^(?:\d{1,2}\s*[、.．]|[一二三四五六七八九十]{1,3}\s*、|\d{1,2}\s+)\s*(?=\S)")
GLUED_DIGIT_RE = re.compile(r"(?<![0-9第.．])(\d{1,2})、(?!\d)")
MAX_ITEM_LINE = 50  # an unmarked line longer than this after a month's items ends the schedule


@dataclass
class MonthLine:
    """What a paragraph is for the schedule pass."""

    label: MonthLabel | None = None
    end: int = 0  # where the month's name (or the phase and its time) ends in the paragraph
    header: bool = False  # a table header: 月份 活动名称
    numbered: int = 0  # length of an entry number before the month (1、1—2 月份…): not an item, kept as text

    @property
    def entry(self) -> int | None:
        """The schedule entry's number (1 of 1、1—2 月份), if the month line has one."""
        return None if not self.numbered or self.label is None else self._entry

    _entry: int = 0

    @property
    def month(self) -> MonthLabel | None:
        return self.label


def month_line(para: Para) -> MonthLine:
    """Whether a paragraph starts a month, and where its name ends."""
    text = simplified(para.text)
    label, why = parse_month_label(text)
    if label is not None:
        return MonthLine(label, len(text))
    if why:
        return MonthLine()
    if SCHEDULE_HEADER_RE.match(text):
        return MonthLine(header=True)
    entry = ENTRY_NUMBER_RE.match(text)
    for offset in (0, entry.end()) if entry else (0,):  # 1 月份 is a month; 1、1—2 月份 a numbered entry
        for pattern in (PHASE_LINE_RE, MONTH_INLINE_RE, MONTH_TOPIC_RE):
            match = pattern.match(text[offset:])
            if match:
                label, _ = parse_month_label(match.group("label"))
                if label is not None:
                    return MonthLine(label, offset + match.end("label"), numbered=offset,
                                     _entry=_number(entry) if entry and offset else 0)
    if entry:  # a numbered entry: its month may run straight into its text (1、1—2 月份开展……)
        offset = entry.end()
        start = MONTH_START_RE.match(text[offset:])
        label = parse_month_label(start.group(0))[0] if start else None
        if start and label is not None:
            return MonthLine(label, offset + start.end(), numbered=offset, _entry=_number(entry) if entry else 0)
    return MonthLine()


def _number(entry: re.Match[str]) -> int:
    return chinese_number(re.sub(r"[^0-9一二三四五六七八九十]", "", entry.group(0))) or 0


def starts_with_month(text: str) -> bool:
    """A line that begins with a month, perhaps after a schedule entry's number (4 六月份:…)."""
    entry = ENTRY_NUMBER_RE.match(text)
    return MONTH_START_RE.match(text[entry.end():] if entry else text) is not None


def style(text: str, dashed: bool) -> str | None:
    """The marker style of a line: digit (1、 1. 1。), paren ((1)), cnparen, dotted (⒈), circled, pcircled, dash."""
    match = MARK_RE.match(text)
    if match is None:
        return "dash" if dashed else None
    return next(name for name, value in match.groupdict().items() if value)


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


def _starts_month(kind: MonthLine, current: MonthLine | None, para: Para) -> bool:
    """Whether a line starts a new month: not a sub-heading repeating the month's name, and not an item that
    begins with a month (4、10—11月艺体活动) inside a month whose own line was not numbered so."""
    if kind.label is None or _repeats_month(kind, current.label if current else None, para):
        return False
    return not (kind.numbered and current is not None and not current.numbered)


def _repeats_month(kind: MonthLine, current: MonthLabel | None, para: Para) -> bool:
    """1月份节日及节气： inside 一月: a sub-heading that repeats the month's name, not a new month."""
    return current is not None and kind.label is not None and kind.label.months == current.months \
        and kind.end < len(para.text)


def find_runs(paras: list[Para], kinds: list[MonthLine], levels: list[int], dashed: list[bool]) -> list[tuple[int, int]]:
    """[start, end) index ranges of month schedules."""
    runs = []
    index = 0
    while index < len(paras):
        if kinds[index].label is None and not kinds[index].header:
            index += 1
            continue
        start, months, cursor = index, 0, index
        current: MonthLine | None = None
        marked = content = False
        while cursor < len(paras):
            kind, text = kinds[cursor], simplified(paras[cursor].text)
            if _starts_month(kind, current, paras[cursor]) and current is not None and kind.entry is not None \
                    and current.entry is not None and kind.entry != current.entry + 1:
                break  # numbered entries run in sequence: 4 六月份… then 1 三月份 starts another schedule
            if _starts_month(kind, current, paras[cursor]):
                months += 1
                current, marked = kind, False
                rest = text[kind.end:].strip(" :：。.|｜—")
                content = bool(rest) and not FESTIVAL_RE.match(rest)
            elif kind.header or (kind.label is not None and not kind.numbered):
                pass
            elif cursor == start:
                break
            elif levels[cursor] == 1 or NOTE_RE.match(text):
                break
            elif style(text, dashed[cursor]) is not None:
                marked = content = True
            elif len(text) > MAX_ITEM_LINE and content and (marked or "。" in text[:-1]) and not FESTIVAL_RE.match(text):
                break
            else:
                content = content or not FESTIVAL_RE.match(text)
            cursor += 1
        has_lead = start > 0 and SCHEDULE_LEAD_RE.search(simplified(paras[start - 1].text)) is not None
        if months >= 2 or (months >= 1 and (has_lead or any(k.header for k in kinds[start:cursor]))):
            runs.append((start, cursor))
            index = cursor
        else:
            index += 1
    return runs


def _glued_cuts(text: str) -> set[int]:
    """Where numbered items glued to the text before them start (…会议2、常规…): only the next number counts."""
    first = MARK_RE.match(text)
    expected = (int(first.group("digit")) + 1) if first and first.group("digit") else None
    cuts = set()
    for match in GLUED_DIGIT_RE.finditer(text):
        if expected is not None and int(match.group(1)) == expected and match.start() > 0:
            cuts.add(match.start())
            expected += 1
    return cuts


def _split_marked(para: Para, kind: str) -> list[Para]:
    """`1.… 2.… 3.…` on one line → one Para per item of that marker style (nothing dropped)."""
    pattern = INLINE_MARK_RE.get(kind)
    if pattern is None:
        return [para]
    cuts = {m.start() for m in pattern.finditer(para.text) if 0 < m.start() < len(para)}
    if kind == "digit":
        cuts |= _glued_cuts(para.text)
    pieces, last = [], 0
    for cut in sorted(cut for cut in cuts if 0 < cut < len(para)):
        pieces.append(para.slice(last, cut).strip())
        last = cut
    pieces.append(para.slice(last, len(para)).strip())
    return [piece for piece in pieces if piece.text]


def _strip_separator(para: Para, ledger: Ledger) -> Para:
    """The colon or table bar between a month's name and its text."""
    separator = re.match(r"\s*(?:[：:。．.|｜]|——?)?\s*", para.text)
    if separator and separator.group(0).strip():
        rule = "table-separator" if separator.group(0).strip() in "|｜" else "heading-colon"
        para.remove(0, separator.end(), rule, ledger)
    return para.strip()


def _strip_colon(para: Para, ledger: Ledger) -> None:
    match = re.search(r"\s*[:：]\s*$", para.text)
    if match and match.start() > 0:
        para.remove(match.start(), match.end(), "heading-colon", ledger)


def _month_entries(paras: list[Para], kinds: list[MonthLine], dashed: list[bool], ledger: Ledger) -> list[
        tuple[str, Para, bool]]:
    """(what, paragraph, dashed) of one schedule run: month headings and their content lines, in order."""
    entries: list[tuple[str, Para, bool]] = []
    current: MonthLine | None = None
    for para, kind, dash in zip(paras, kinds, dashed):
        if kind.header:
            para.remove(0, len(para), "schedule-header", ledger)
            continue
        if _starts_month(kind, current, para):
            current = kind
            if kind.end >= len(para.text):
                _strip_colon(para, ledger)
                entries.append(("month", para, False))
                continue
            entries.append(("month", para.slice(0, kind.end).strip(), False))
            rest = _strip_separator(para.slice(kind.end, len(para)), ledger)
            if rest.text:
                entries.append(("line", rest, False))
            continue
        entries.append(("line", para, dash))
    return entries


def schedule_blocks(paras: list[Para], kinds: list[MonthLine], dashed: list[bool], ledger: Ledger,
                    review: Review, ends_plan: bool = False) -> list[Block]:
    """The blocks of one schedule run: a `###` heading per month, its items and text below.

    A month with no activity (cut off after its name) stays a month only where the plan ends, where the
    page cut it; elsewhere it is text. Either way the review says so.
    """
    entries = _month_entries(paras, kinds, dashed, ledger)
    blocks: list[Block] = []
    position = 0
    while position < len(entries):
        what, para, _ = entries[position]
        if what != "month":
            blocks.append(Block("para", 0, para))  # text before the first month
            position += 1
            continue
        end = position + 1
        while end < len(entries) and entries[end][0] != "month":
            end += 1
        content = _month_blocks(entries[position + 1:end])
        if any(block.kind == "item" for block in content):
            blocks.append(Block("heading", 3, para, month=True))
        elif ends_plan and end == len(entries):
            blocks.append(Block("heading", 3, para, month=True))
            review.look(f"month “{para.text}” has no activity: the page was cut after it", para.line)
        else:
            blocks.append(Block("para", 0, para))
            review.look(f"month “{para.text}” has no activity on the page: kept as text, "
                        "not as a month of the schedule", para.line)
        blocks.extend(content)
        position = end
    return blocks


def _month_blocks(lines: list[tuple[str, Para, bool]]) -> list[Block]:
    """One month's content: items of its first marker style, sub-items, continuations and its own text."""
    styles = [style(simplified(para.text), dash) for _, para, dash in lines]
    top = next((kind for kind in styles if kind is not None), None)
    if top == "digit":  # 2.11月9日为…: after item 1. it is item 2, not the number 2.11
        previous = 0
        for position, (_, para, _) in enumerate(lines):
            number = re.match(r"^(\d{1,2})\s*[、.．。]", simplified(para.text))
            if number and (styles[position] == "digit" or int(number.group(1)) == previous + 1):
                styles[position], previous = "digit", int(number.group(1))
    blocks: list[Block] = []
    in_item = False
    for (_, para, _), kind in zip(lines, styles):
        text = simplified(para.text)
        if kind is not None and kind == top:
            blocks.extend(Block("item", 0, piece) for piece in _split_marked(para, kind))
            in_item = True
        elif kind is not None and in_item:
            blocks.extend(Block("item", 1, piece) for piece in _split_marked(para, kind))
        elif top is None and not any(block.kind == "item" for block in blocks) and not FESTIVAL_RE.match(text) \
                and not GROUP_LABEL_RE.match(text):
            blocks.append(Block("item", 0, para))  # a month without markers: its text is one item
            in_item = True
        elif in_item and not GROUP_LABEL_RE.match(text) and not FESTIVAL_RE.match(text) and not NOTE_RE.match(text):
            blocks.append(Block("continuation", blocks[-1].level if blocks[-1].kind != "para" else 0, para))
        else:
            blocks.append(Block("para", 0, para))
            in_item = in_item and top is None
    return blocks
