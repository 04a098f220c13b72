"""Limits on a plan file, checked before the expensive work (YAML, Markdown), each in linear time.

libyaml recurses once per nesting level and Python-Markdown once per level of
emphasis, list or quote, and it scans ahead from every `[`: past these limits
a plan could crash or stall a build. `planlib check` refuses a plan over any
of them and a build leaves it out; SECURITY.md states the values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from planlib.placeholders import MARKED_RE

MAX_PLAN_BYTES = 1_000_000  # a whole plan file
MAX_FRONT_MATTER_CHARS = 10_000  # the YAML between the --- lines
MAX_YAML_DEPTH = 8  # nested lists and mappings (a plan needs 2: source: file:)
MAX_LINE_CHARS = 10_000  # one line (the longest paragraph of the library has some 500)
MAX_BLOCK_CHARS = 20_000  # a paragraph or list: lines with no blank line between them
MAX_BRACKETS = 32  # '[' in a plan's body (links, and brackets typed as text)
MAX_EMPHASIS_MARKS = 100  # '*' and '_' in one paragraph or list, list markers and {{**}} aside
MAX_INDENT = 32  # columns of indentation of a line (a tab counts as 4)
MAX_QUOTE_DEPTH = 8  # '>' quote markers at the start of a line


@dataclass(frozen=True)
class Excess:
    """One limit a text goes over, at a line (1-based, relative to the text given)."""

    line: int
    message: str
    hint: str


_NESTING_START = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken, yaml.BlockMappingStartToken,
                  yaml.BlockSequenceStartToken)
_NESTING_END = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)


def yaml_excess(text: str) -> Excess | None:
    """YAML nested deeper than MAX_YAML_DEPTH, found before libyaml reads it.

    PyYAML's pure-Python scanner is iterative and gives up at the first level
    too many, so a document nested 40,000 deep costs no more than one nested 9
    deep; a syntax error is left for the real reading to report.
    """
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, _NESTING_START):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return Excess(token.start_mark.line + 1, f"YAML is nested more than {MAX_YAML_DEPTH} levels deep",
                                  "plan fields are flat: write title: …, tags: [a, b], source: with file: under it")
            elif isinstance(token, _NESTING_END):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def front_matter_excess(front: str) -> Excess | None:
    """Front matter too long or nested too deeply (lines relative to the front matter)."""
    if len(front) > MAX_FRONT_MATTER_CHARS:
        return Excess(1, f"front matter is too long ({len(front):,} characters; at most {MAX_FRONT_MATTER_CHARS:,})",
                      "the fields between the --- lines are a few lines; the plan's text goes below them")
    return yaml_excess(front)


def line_excess(text: str) -> Excess | None:
    """The first line longer than MAX_LINE_CHARS, if any."""
    start = 0
    number = 1
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > MAX_LINE_CHARS:
            return Excess(number, f"line is too long ({stop - start:,} characters; at most {MAX_LINE_CHARS:,})",
                          "break it into paragraphs or list items")
        if end < 0:
            return None
        start = end + 1
        number += 1


_LIST_MARKERS_RE = re.compile(r"^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]", re.MULTILINE)
_RULES_RE = re.compile(r"^[ \t]*(?:[*_][ \t]*){3,}$", re.MULTILINE)
_DEEP_INDENT_RE = re.compile(r"^[ \t]{9,}", re.MULTILINE)  # 9 tabs or 33 spaces at least: the lines to measure
_DEEP_QUOTE_RE = re.compile(rf"^[ \t]*(?:>[ \t]?){{{MAX_QUOTE_DEPTH + 1},}}", re.MULTILINE)
_BLOCK_RE = re.compile(r"(?:^[ \t]*\S.*(?:\n|$))+", re.MULTILINE)  # lines with text, no blank line between


def body_excess(body: str, first_line: int = 1) -> list[Excess]:
    """Markdown that would nest too deeply or make the renderer scan too far; lines are file lines.

    Each limit is reported once, where it is first passed. Every test is a
    regular expression or a count over the whole text: linear, and fast.
    """
    found: list[Excess] = []

    def at(offset: int, message: str, hint: str) -> None:
        found.append(Excess(first_line + body.count("\n", 0, offset), message, hint))

    for match in _DEEP_INDENT_RE.finditer(body):
        columns = match.group(0).count(" ") + 4 * match.group(0).count("\t")
        if columns > MAX_INDENT:
            at(match.start(), f"line is indented {columns} columns (at most {MAX_INDENT})",
               "lists nest two or three levels; start the line further left")
            break
    quotes = _DEEP_QUOTE_RE.search(body)
    if quotes:
        at(quotes.start(), f"over {MAX_QUOTE_DEPTH} quote markers '>' at the start of a line",
           "plans rarely quote: remove the > at the start of the line")
    if body.count("[") > MAX_BRACKETS:
        position = -1
        for _ in range(MAX_BRACKETS + 1):
            position = body.index("[", position + 1)
        at(position, f"over {MAX_BRACKETS} '[' in the plan", "write 【】 for brackets in text; keep links to a few")
    long_block = many_marks = None
    for block in _BLOCK_RE.finditer(body):
        text = block.group(0)
        if long_block is None and len(text) > MAX_BLOCK_CHARS:
            long_block = block.start()
        if many_marks is None and text.count("*") + text.count("_") > MAX_EMPHASIS_MARKS:
            plain = MARKED_RE.sub("", _RULES_RE.sub("", _LIST_MARKERS_RE.sub("", text)))
            if plain.count("*") + plain.count("_") > MAX_EMPHASIS_MARKS:
                many_marks = block.start()
    if long_block is not None:
        at(long_block, f"paragraph or list is too long (over {MAX_BLOCK_CHARS:,} characters without a blank line)",
           "separate paragraphs with blank lines")
    if many_marks is not None:
        at(many_marks, f"over {MAX_EMPHASIS_MARKS} emphasis marks (* and _) in one paragraph or list",
           "write the text plainly, without * and _")
    return sorted(found, key=lambda excess: excess.line)
