"""Month names as written in plans."""

from __future__ import annotations

import pytest

from planlib.months import chinese_number, parse_month_label


@pytest.mark.parametrize("text,label,months", [
    ("九月份：", "九月份", (9,)), ("十一月份", "十一月份", (11,)), ("2月：", "2月", (2,)),
    ("二月:", "二月", (2,)), ("元月份", "元月份", (1,)), ("20xx年元月", "20xx年元月", (1,)),
    ("12月", "12月", (12,)), ("９月", "９月", (9,)), ("二〇二三年九月", "二〇二三年九月", (9,)),
    ("第一季度", "第一季度", (1, 2, 3)), ("第四季度：", "第四季度", (10, 11, 12)),
    ("一月份", "一月份", (1,)), ("十二月份", "十二月份", (12,)),
    # ranges of months, and the time of a phase (the label is the time, as written)
    ("3-4月", "3-4月", (3, 4)), ("3—4月份：", "3—4月份", (3, 4)), ("10—11月", "10—11月", (10, 11)),
    ("12月—1月", "12月—1月", (12, 1)), ("三至四月", "三至四月", (3, 4)), ("2017年3月", "2017年3月", (3,)),
    ("第一期(第一季度)", "第一季度", (1, 2, 3)), ("（一）第一阶段（7月下旬至8月中旬）", "7月下旬至8月中旬", (7, 8)),
    ("(二)材料准备阶段(5月下旬至6月2日前)", "5月下旬至6月2日前", (5, 6)), ("(一)深入发动阶段(5月中下旬)", "5月中下旬", (5,)),
    ("第一阶段:活动动员(2017年3月份)", "2017年3月份", (3,)),
    # a schedule entry's number is not part of its month: 1、1—2 月份, 2 四月份
    ("1、1—2 月份", "1—2 月份", (1, 2)), ("2 四月份", "四月份", (4,)), ("12 月", "12 月", (12,)),
])
def test_month_labels(text: str, label: str, months: tuple[int, ...]) -> None:
    parsed, why = parse_month_label(text)
    assert why == ""
    assert parsed is not None and parsed.label == label and parsed.months == months


@pytest.mark.parametrize("text,why", [("十三月", "month 13"), ("13月", "month 13"), ("〇月", "month 0"),
                                      ("0月", "month 0"), ("5-5月", "range 5-5"), ("3-14月", "range 3-14")])
def test_impossible_months_say_why(text: str, why: str) -> None:
    parsed, reason = parse_month_label(text)
    assert parsed is None and why in reason


@pytest.mark.parametrize("text", ["月份 活动名称", "下旬", "期末", "腊月", "（一）加强管理", "", "三月上旬",
                                  "3月1日—3月7日", "10年2月26日—2月28日", "第一阶段(我们)", "（一）加强管理（3月）"])
def test_other_text_is_not_a_month(text: str) -> None:
    assert parse_month_label(text) == (None, "")


def test_chinese_numbers() -> None:
    assert [chinese_number(t) for t in ("一", "十", "十二", "二十", "二十一", "9", "１２")] == [1, 10, 12, 20, 21, 9, 12]
    assert chinese_number("十十") is None and chinese_number("abc") is None
