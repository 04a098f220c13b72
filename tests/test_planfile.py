"""The plan file format: decode, split at the fences, render, write atomically."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from planlib import planfile


def test_render_then_split_gives_back_fields_and_body() -> None:
    text = planfile.render({"year": 2023, "title": "某小学教科室工作计划", "tags": ["课题研究"],
                            "source": {"item": "篇一", "file": None}}, "## 一、指导思想\n\n正文。\n\n")
    assert text.splitlines()[:5] == ["---", "title: 某小学教科室工作计划", "year: 2023", "tags: [课题研究]",
                                     "source:"], "fields come in the documented order, empty ones left out"
    split, problems = planfile.split(text, "x.md")
    assert problems == [] and split is not None
    assert split.body == "\n## 一、指导思想\n\n正文。\n"
    assert text.split("\n")[split.body_line - 1] == "", "body_line is the file line where the body starts"


@pytest.mark.parametrize("text, message", [
    ("title: x\n---\n", "no front matter"),
    ("---\ntitle: x\n", "not closed"),
])
def test_split_names_a_missing_fence(text: str, message: str) -> None:
    split, problems = planfile.split(text, "x.md")
    assert split is None and message in problems[0].message and problems[0].path == "x.md"


def test_decode_reports_and_undoes_bom_and_crlf() -> None:
    text, problems = planfile.decode("\ufeff---\r\ntitle: x\r\n---\r\n".encode("utf-8"), "x.md")
    assert text == "---\ntitle: x\n---\n"
    assert [p.message.split(" ")[0] for p in problems] == ["file", "Windows"]


@pytest.mark.parametrize("data, message", [
    (b"", "empty"), (b"\xff\xfe-\x00-\x00", "UTF-16"), (b"---\nx\x00", "NUL"), (b"---\n\xb9\xfa", "not UTF-8"),
])
def test_decode_refuses_what_is_not_a_text_file(data: bytes, message: str) -> None:
    text, problems = planfile.decode(data, "x.md")
    assert text is None and message in problems[0].message


def test_write_atomic_leaves_old_file_when_interrupted(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old", encoding="utf-8")

    def fail(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        planfile.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert list(tmp_path.iterdir()) == [target], "no temporary file is left behind"
