"""Placeholders: every standalone xx/XX/** next to Chinese text is one, and typography leaves it alone."""

from __future__ import annotations

import re

import pytest

from planlib.document import escape_marking_placeholders, parse
from planlib.placeholders import FIND_RE, placeholder_kind, split
from planlib.typography import format_text


@pytest.mark.parametrize("text,found", [
    ("深入贯彻党的xx届四中全会精神", ["xx"]), ("加强XX学科建设", ["XX"]), ("“xx”发展的第一年", ["xx"]),
    ("区教育局201X年工作要点", ["201X"]), ("20xx—20xx学年", ["20xx—20xx"]), ("xx市教育局", ["xx"]),
    ("利用**文化资源", ["**"]), ("某某同志", ["某某"]), ("党的 xx 届", ["xx"]),
    # Latin words and codes are no placeholders
    ("taxi 与 Box xx ok", []), ("XXL码", []), ("B-D试验 24h", []),
])
def test_standalone_placeholders_next_to_chinese(text: str, found: list[str]) -> None:
    assert [piece for piece, is_placeholder in split(text) if is_placeholder] == found


def test_marked_in_plan_markdown() -> None:
    assert escape_marking_placeholders("党的xx届四中全会，201X年") == "党的{{xx}}届四中全会，{{201X}}年"


# each phrase as the committed plans write it: the placeholder, the text after it, and what fills it
@pytest.mark.parametrize("placeholder,following,kind", [
    ("20xx", "年务实、突破", "year"), ("201X", "年", "year"), ("20XX", "西部教师国家", "year"), ("xx", "年内安排", "year"),
    ("20xx-20xx", "学年第一学期", "school-year"), ("20XX—20XX", "学年度学术年", "school-year"),
    ("20xx", "学年度教育科", "school-year"),  # one year before 学年 names the school year it begins
    ("xx", "市和", "city"), ("**", "市师德师风", "city"), ("xx市", "中小学", "city"),
    ("xx", "区教科室", "district"), ("xx", "区委、区政府", "district"), ("xx", "县教育局", "district"),
    ("**", "小学", "unit"), ("某某", "医院", "unit"), ("xx", "中学", "unit"),
    # not the reader's details: never filled
    ("xx", "届五中全会", "other"), ("xx", "大五中全会", "other"), ("xx", "”科研课题", "other"),
    ("XX", "学科样板课", "other"), ("**", "文化资源", "other"), ("某某", "同志", "other"), ("xx", "年级", "other"),
])
def test_each_kind_is_filled_by_its_own_detail(placeholder: str, following: str, kind: str) -> None:
    assert placeholder_kind(placeholder, following) == kind


@pytest.mark.parametrize("preceding,placeholder,following,kind", [
    ("参加{{xx}}市和", "xx", "市20xx学年度", "other"),  # two cities named together: the second is another one
    ("参加{{xx}}市、", "xx", "市中小学", "other"),
    ("参加{{xx}}市和", "xx", "区教育局", "district"),  # a city and a district: each the reader's own
    ("《{{xx}}区", "xx", "教育科研成果集粹》", "other"),
    ("立足", "xx", "区教科室", "district"),
])
def test_the_second_of_two_places_of_one_kind_is_not_the_readers(preceding: str, placeholder: str, following: str,
                                                                  kind: str) -> None:
    assert placeholder_kind(placeholder, following, preceding) == kind


def test_a_plan_that_names_two_cities_fills_only_the_first() -> None:
    html = parse("## 一、工作内容\n\n参加{{xx}}市和{{xx}}市{{20xx}}学年度论文评选。\n", 1, lambda title: "measures").html
    assert [kind for kind in re.findall(r'data-ph="([a-z-]+)"', html)] == ["city", "other", "school-year"]


def test_typography_puts_no_space_around_a_placeholder() -> None:
    assert format_text("深入贯彻党的xx届四中全会，XX学科和201X年", shield=FIND_RE) == \
        "深入贯彻党的xx届四中全会，XX学科和201X年"
    assert format_text("共 3 个XX学科", shield=FIND_RE).endswith("XX学科")
