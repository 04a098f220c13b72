"""Month and quarter names as written in plans (九月份, 元月, 2月, 第一季度, 3-4月...).

A label may also be the time of a phase in parentheses after the phase's
name: `第一期（第一季度）`, `（一）第一阶段（7月下旬至8月中旬）`; then the label
is the time expression (第一季度, 7月下旬至8月中旬), which may name parts of a
month and days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")

_YEAR = r"(?:(?:19|20)[0-9xX]{2}|[〇零一二三四五六七八九]{2,4}|[0-9]{2})年(?:度)?"
_NUM = r"(?:[0-9０-９]{1,2}|[〇零一二三四五六七八九十]{1,3})"
MONTH_RE = re.compile(rf"^(?:{_YEAR})?\s*(?P<num>{_NUM}|元|正)\s*月(?:份)?$")
# a range of months: 3-4月, 3—4月份, 三至四月, 12月—1月
RANGE_RE = re.compile(rf"^(?:{_YEAR})?\s*(?P<first>{_NUM}|元)\s*(?:月份?)?\s*(?:[-—–~至到]|——)\s*(?P<last>{_NUM})\s*月(?:份)?$")
QUARTER_RE = re.compile(r"^(?:" + _YEAR + r")?\s*第?(?P<num>[一二三四1-4１-４])季度$")
_PART = r"(?:上旬|中旬|下旬|中下旬|上中旬|初|中|底|末|上半月|下半月)"
_DAY = r"(?:\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日号](?:前|后|止|左右)?)"
# the time of a phase: 5月中下旬, 7月下旬至8月中旬, 5月下旬至6月2日前, 6月
TIME_RE = re.compile(rf"^(?:{_YEAR})?\s*(?P<first>{_NUM}|元)\s*月份?\s*{_PART}?{_DAY}?(?:\s*(?:[-—–~至到]|——)\s*"
                     rf"(?:(?:{_YEAR})?\s*(?P<last>{_NUM})\s*月份?)?\s*{_PART}?{_DAY}?)?$")
# the number of a schedule entry before its month (1、1—2 月份, 2 四月份): not part of the label
ENTRY_RE = re.compile(r"^(?:\d{1,2}\s*[、.．]|[一二三四五六七八九十]{1,3}\s*、|\d{1,2}\s+)\s*(?=\S)")
PHASE_RE = re.compile(r"^(?P<name>(?:[（(][一二三四五六七八九十\d]{1,3}[）)])?[^（()）]{0,14}?(?:阶段|期)(?:[:：][^（()）:：]{1,12})?)\s*[（(](?P<time>[^（()）]{2,24})[）)]$")
TRAILING = " \t:：。.，,、;；"


@dataclass(frozen=True)
class MonthLabel:
    label: str  # as written, without trailing punctuation
    months: tuple[int, ...]  # 1-12; three months for a quarter

    @property
    def month(self) -> int:
        return self.months[0]

    @property
    def is_quarter(self) -> bool:
        """True for a label naming several months (a quarter or a range)."""
        return len(self.months) > 1


def chinese_number(text: str) -> int | None:
    """Value of a small number written in digits or Chinese numerals (0-99)."""
    text = text.translate(FULLWIDTH_DIGITS)
    if text.isdigit():
        return int(text)
    if not text or any(ch not in CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        if len(text) != 1:
            return None
        return CN_DIGITS[text]
    tens, _, ones = text.partition("十")
    if "十" in ones:
        return None
    tens_value = CN_DIGITS[tens] if tens else 1
    if len(tens) > 1 or len(ones) > 1:
        return None
    return tens_value * 10 + (CN_DIGITS[ones] if ones else 0)


def clean_label(text: str) -> str:
    """The label without surrounding spaces and trailing punctuation."""
    return text.strip().rstrip(TRAILING).strip()


def parse_month_label(text: str) -> tuple[MonthLabel | None, str]:
    """Parse a month or quarter name; return (label, "") or (None, why not).

    The reason is empty when the text is not a month name at all, and says
    what is wrong when it is one but out of range (十三月, 〇月).
    """
    label = clean_label(text)
    compact = re.sub(r"\s+", "", label)
    entry = ENTRY_RE.match(label)
    if entry and not MONTH_RE.match(compact) and not RANGE_RE.match(compact):
        inner, why = parse_month_label(label[entry.end():])
        if inner is not None:
            return inner, why
    phase = PHASE_RE.match(compact)
    if phase:
        inner, why = parse_month_label(phase.group("time"))
        if inner is None and not why:
            inner, why = _phase_time(phase.group("time"))
        return inner, why
    match = MONTH_RE.match(compact)
    if match:
        raw = match.group("num")
        number = 1 if raw in ("元", "正") else chinese_number(raw)
        if number is None:
            return None, ""
        if not 1 <= number <= 12:
            return None, f"month {number} does not exist"
        return MonthLabel(label, (number,)), ""
    match = RANGE_RE.match(compact)
    if match:
        first = 1 if match.group("first") == "元" else chinese_number(match.group("first"))
        last = chinese_number(match.group("last"))
        if first is None or last is None:
            return None, ""
        if not (1 <= first <= 12 and 1 <= last <= 12) or first == last:
            return None, f"month range {first}-{last} does not exist"
        span = [(first - 1 + step) % 12 + 1 for step in range((last - first) % 12 + 1)]
        return MonthLabel(label, tuple(span)), ""
    match = QUARTER_RE.match(compact)
    if match:
        quarter = chinese_number(match.group("num"))
        assert quarter is not None
        first = (quarter - 1) * 3 + 1
        return MonthLabel(label, (first, first + 1, first + 2)), ""
    return None, ""


def _phase_time(text: str) -> tuple[MonthLabel | None, str]:
    """The time of a phase: a month, part of a month or a range, days allowed (7月下旬至8月中旬)."""
    match = TIME_RE.match(text)
    if match is None:
        return None, ""
    first = 1 if match.group("first") == "元" else chinese_number(match.group("first"))
    last = chinese_number(match.group("last")) if match.group("last") else first
    if first is None or last is None or not (1 <= first <= 12 and 1 <= last <= 12):
        return None, f"{text} names no month between 1 and 12"
    span = [(first - 1 + step) % 12 + 1 for step in range((last - first) % 12 + 1)]
    return MonthLabel(text, tuple(span)), ""


def looks_like_month_label(text: str) -> bool:
    """True for a bare month name, also an impossible one like 十三月."""
    label, why = parse_month_label(text)
    return label is not None or bool(why)
