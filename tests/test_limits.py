"""Limits checked before the expensive work: their values as SECURITY.md states them, and each found early."""

from __future__ import annotations

import re

from conftest import REPO
from planlib import document, limits


def test_security_md_states_every_limit_with_its_value() -> None:
    text = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    for name in ("MAX_PLAN_BYTES", "MAX_FRONT_MATTER_CHARS", "MAX_YAML_DEPTH", "MAX_LINE_CHARS", "MAX_BLOCK_CHARS",
                 "MAX_BRACKETS", "MAX_EMPHASIS_MARKS", "MAX_INDENT", "MAX_QUOTE_DEPTH"):
        row = re.search(rf"^\|[^|\n]*\| `{name}` \| ([\d,]+) \|", text, re.MULTILINE)
        assert row, f"SECURITY.md has no row for {name}"
        assert int(row.group(1).replace(",", "")) == getattr(limits, name), name


def test_the_taxonomy_and_plain_front_matter_are_within_the_yaml_limits() -> None:
    assert limits.yaml_excess((REPO / "plans" / "taxonomy.yml").read_text(encoding="utf-8")) is None
    assert limits.yaml_excess("title: x\nsource:\n  file: a\ntags: [a, b]\n") is None


def test_nesting_is_found_at_its_line_before_any_yaml_is_built() -> None:
    text = "title: x\n" + "y: " + "[" * 40_000 + "\n"
    excess = limits.yaml_excess(text)
    assert excess is not None and excess.line == 2


def test_body_limits_name_the_line_where_each_is_passed() -> None:
    body = "## 一\n\n正文\n\n" + " " * 40 + "缩进\n\n" + "> " * 9 + "引用\n\n" + "[" * 70 + "\n"
    found = {excess.message.split(" (")[0]: excess.line for excess in document.body_excess(body, first_line=10)}
    assert found == {"line is indented 40 columns": 14, "over 8 quote markers '>' at the start of a line": 16,
                     "over 32 '[' in the plan": 18}
