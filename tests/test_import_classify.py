"""Metadata from the plan's own words: years in every written form, units, sectors first, the title as fallback."""

from __future__ import annotations

import pytest

from conftest import REPO
from planlib.importer.classify import classify, named_units, years_in
from planlib.importer.review import Review
from planlib.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy(REPO / "plans" / "taxonomy.yml")


@pytest.mark.parametrize("text,years", [
    ("为保证11年的健康教育工作有序开展", [2011]), ("温暖2011的春天", [2011]), ("2013少先队工作计划范文五", [2013]),
    ("10年2月26日—2月28日", [2010]), ("2022--2023学年第一学期", [2022]), ("2011學年少先隊工作計畫", [2011]),
    ("二○○八年二月", [2008]), ("幼儿园2024春季园务计划2", [2024]),
    ("全校2000多名学生", []), ("15年教龄", []), ("区教育局201X年工作要点", []), ("20xx年工作计划", []),
])
def test_years_in_every_written_form(text: str, years: list[int]) -> None:
    assert years_in(text) == years


def facts(lines: list[str], title: str | None = None, months: list[int] | None = None):
    review = Review()
    found = classify([(number, text) for number, text in enumerate(lines, start=1)], months or [], TAXONOMY, review,
                     (0, title) if title else None)
    return found, review


def test_a_signature_date_wins_over_other_years_and_the_title() -> None:
    found, review = facts(["开展“学雷锋”活动，制定2011年德育工作计划。", "城港路街道中心小学", "二○○八年二月"],
                          title="2017年中心小学德育工作计划")
    assert found.year == 2008
    assert any(note.message.startswith("year 2008 from the signature date") and note.line == 3 for note in review.notes)


def test_the_title_year_counts_the_collection_year_never() -> None:
    assert facts(["以少代会精神为指导，开展教育活动。"], title="2013少先队工作计划范文五:")[0].year == 2013
    assert facts(["以少代会精神为指导，开展教育活动。"])[0].year == "unknown"


def test_a_unit_named_by_place_and_kind_decides() -> None:
    units = named_units([(4, "以《泰州市城东中心小学教学工作规程》为准绳"), (9, "由XX乡卫生院负责"),
                         (12, "准备全州初中物理教学研讨会"), (13, "抓好已经立项的泰州市中小学教学研究")], TAXONOMY)
    assert [(name, line, key) for name, line, key in units] == [("泰州市城东中心小学", 4, "primary"),
                                                                ("XX乡卫生院", 9, "clinic")]


def test_the_sector_the_words_point_to_comes_first() -> None:
    found, _ = facts(["我校与社区、居民委员会联系，开展学生安全教育。", "本学期组织教师学习，提高教学质量。"])
    assert found.sector == "education", "a school that mentions 社区 and 居民 stays a school"
    found, _ = facts(["中心今年的健康教育工作将在去年的基础上开展，深入社区讲课。", "向社区内患者播放光碟，就诊居民发放处方。"])
    assert found.institution == "clinic"


def test_the_title_names_the_unit_only_where_the_text_does_not() -> None:
    assert facts(["本学期我校积极开展学生健康教育，培养学生文明习惯。"], title="医院健康教育工作计划【第一篇】")[0].institution \
        == "school", "a title naming another kind of unit loses to the text"
    assert facts(["本年度我校工会决定从以下几个方面切入突破，教师是学校的生命力。"], title="小学工会工作计划 【篇1】")[0] \
        .institution == "primary", "the text says a school, the title which one"


def test_term_from_the_title_then_months_then_words() -> None:
    assert facts(["坚持以学生为本，全面深化素质教育。"], title="小學德育工作計劃春季篇一")[0].term == "spring"
    assert facts(["组织活动。"], months=[2, 3, 11])[0].term == "year"
    assert facts(["本学期要抓好常规工作。"])[0].term == "semester"
    assert facts(["组织活动。"])[0].term == "year"


def test_a_kindergarten_plan_naming_no_department_is_the_kindergartens_office() -> None:
    found, review = facts(["全面提升我园幼儿的身心健康，幼儿园开展丰富多彩的活动。"])
    assert (found.institution, found.section) == ("kindergarten", "园办")
    assert any("section 园办" in note.message for note in review.looks)
