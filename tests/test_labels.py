"""The one table of interface words: every word in both languages, scripts included."""

from __future__ import annotations

from planlib.labels import UI, month_name, script_words, t, year_label


def test_every_word_is_in_chinese_and_english() -> None:
    missing = [key for key, entry in UI.items() if not entry.get("zh") and key != "in_chinese" or not entry.get("en")]
    assert missing == []


def test_words_with_values() -> None:
    assert t("total", "zh", n=3) == "共 3 篇计划" and t("total", "en", n=3) == "3 plans in all"
    assert year_label(2023, "zh") == "2023年" and year_label("unknown", "en") == "Year unknown"
    assert month_name(1, "zh") == "一月" and month_name(9, "zh", short=True) == "9月" and month_name(9, "en") == "September"


def test_the_scripts_get_their_words_from_the_table() -> None:
    words = script_words("en")
    assert words["reader"]["copyPart"] == "Copy this part" and words["reader"]["year"] == "Year"
    assert script_words("zh")["search"]["loading"] == "正在载入索引……"
