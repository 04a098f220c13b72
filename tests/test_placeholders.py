"""Placeholders: every standalone xx/XX/** next to Chinese text is one, and typography leaves it alone."""

from __future__ import annotations

import pytest

from planlib.document import escape_marking_placeholders
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


def test_marked_in_plan_markdown_and_kinds() -> None:
    assert escape_marking_placeholders("党的xx届四中全会，201X年") == "党的{{xx}}届四中全会，{{201X}}年"
    assert placeholder_kind("201X") == "year" and placeholder_kind("xx", "市") == "region"


def test_typography_puts_no_space_around_a_placeholder() -> None:
    assert format_text("深入贯彻党的xx届四中全会，XX学科和201X年", shield=FIND_RE) == \
        "深入贯彻党的xx届四中全会，XX学科和201X年"
    assert format_text("共 3 个XX学科", shield=FIND_RE).endswith("XX学科")
