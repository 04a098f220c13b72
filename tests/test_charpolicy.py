"""One character policy: check refuses, --fix and import delete, new never writes, the build never meets them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO
from hostile_cases import BODY, REFUSED_CHARACTERS, plan_text
from planlib import charpolicy, junk
from test_hostile import run

FIXABLE = {name: ch for name, (_, ch, _) in REFUSED_CHARACTERS.items() if name not in ("nul", "carriage-return")}


def repo_with(root: Path, name: str, text: str) -> Path:
    (root / "plans" / "education").mkdir(parents=True)
    shutil.copy(REPO / "plans" / "taxonomy.yml", root / "plans" / "taxonomy.yml")
    (root / "plans" / "education" / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("name", sorted(FIXABLE))
def test_fix_deletes_each_refused_character_and_the_plan_then_checks(name: str, tmp_path: Path) -> None:
    root = repo_with(tmp_path / "repo", "plan.md", plan_text(body=BODY + f"内容{FIXABLE[name]}内容。\n"))
    assert run("--root", str(root), "check")[0] == 1
    code, output = run("--root", str(root), "check", "--fix")
    assert code == 0, output
    assert "内容内容。" in (root / "plans" / "education" / "plan.md").read_text(encoding="utf-8")


def test_import_deletes_what_check_refuses(tmp_path: Path) -> None:
    root = repo_with(tmp_path / "repo", "keep.md", plan_text())
    page = tmp_path / "page.txt"
    characters = "".join(FIXABLE.values())
    page.write_text(f"工作计划\n\n一、指导思想\n\n以课题研究为载体{characters}，提高教育质量，全面推进素质教育。\n", encoding="utf-8")
    code, output = run("--root", str(root), "import", str(page))
    assert code == 0, output
    assert run("--root", str(root), "check")[0] == 0


def test_the_importer_and_fix_use_the_policy_itself() -> None:
    assert junk.INVISIBLE_RE is charpolicy.REFUSED_RE


def test_a_field_is_one_line_and_a_body_line_may_hold_a_tab() -> None:
    assert charpolicy.first_refused("计划\n计划", one_line=True) == "\n"
    assert charpolicy.first_refused("计划\t计划") is None and charpolicy.first_refused("计划\t计划", one_line=True) is None
    assert charpolicy.is_clean({"title": "计划", "tags": ["课题研究"]}, "正文\t内容\n")
    assert not charpolicy.is_clean({"source": {"collection": "集\u202e"}}, "正文")
    assert charpolicy.describe("\u2029") == "paragraph separator U+2029"
    assert charpolicy.text_problems("计划\n教\u200b研\n") == [(2, "invisible character U+200B ZERO WIDTH SPACE",
                                                               charpolicy.HINT)]


def test_every_refused_character_is_found_in_a_file_of_printable_text() -> None:
    """text_problems passes over a file of printable characters at once: that holds only because no refused
    character is printable. Each one, amid Chinese text with an ideographic space and a tab, is reported."""
    refused = [chr(code) for code in range(0x110000) if charpolicy.REFUSED_RE.match(chr(code))]
    assert not [char for char in refused if char.isprintable()]
    assert charpolicy.text_problems("一、指导思想\n\u3000\u3000认真做好\t工作。\n") == []
    for char in refused[::97] + ["\u202e", "\u200b", "\x00", "\u2028", "\ufeff"]:
        assert [line for line, _, _ in charpolicy.text_problems(f"一、指导思想\n认真{char}做好\n")] == [2]
