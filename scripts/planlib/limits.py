"""Limits on a plan file, checked before the expensive work (YAML, Markdown), each in linear time.

libyaml recurses once per nesting level, and a Markdown parser nests once per
level of list or quote and scans ahead from every `[` and emphasis mark: past
these limits a plan could crash or stall a build. `planlib check` refuses a
plan over any of them and a build leaves it out; SECURITY.md states the values.
The limits of the file and its front matter are tested here; those of the
Markdown body by the module that reads Markdown (`document.body_excess`).
"""

from __future__ import annotations

import yaml

from planlib.problems import Problem

MAX_PLAN_BYTES = 1_000_000  # a whole plan file
MAX_FRONT_MATTER_CHARS = 10_000  # the YAML between the --- lines
MAX_YAML_DEPTH = 8  # nested lists and mappings (a plan needs 2: source: file:)
MAX_LINE_CHARS = 10_000  # one line (the longest paragraph of the library has some 500)
MAX_BLOCK_CHARS = 20_000  # a paragraph or list: lines with no blank line between them
MAX_BRACKETS = 32  # '[' in a plan's body (links, and brackets typed as text)
MAX_EMPHASIS_MARKS = 100  # '*' and '_' in one paragraph or list, list markers and {{**}} aside
MAX_INDENT = 32  # columns of indentation of a line (a tab counts as 4)
MAX_QUOTE_DEPTH = 8  # '>' quote markers at the start of a line


_SCANNER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's scanner is some 10× faster
_NESTING_START = (yaml.FlowSequenceStartToken, yaml.FlowMappingStartToken, yaml.BlockMappingStartToken,
                  yaml.BlockSequenceStartToken)
_NESTING_END = (yaml.FlowSequenceEndToken, yaml.FlowMappingEndToken, yaml.BlockEndToken)


def yaml_excess(text: str, path: str = "", first_line: int = 1) -> Problem | None:
    """YAML nested deeper than MAX_YAML_DEPTH, found before libyaml reads it (`first_line`: the file line
    of the text's first line).

    Tokens come one at a time from libyaml's scanner, which keeps its nesting
    in arrays, not on the call stack (the pure-Python scanner when PyYAML was
    built without libyaml): reading stops at the first level too many, so a
    document nested 40,000 deep costs no more than one nested 9 deep. A syntax
    error is left for the real reading to report.
    """
    depth = 0
    try:
        for token in yaml.scan(text, Loader=_SCANNER):
            if isinstance(token, _NESTING_START):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    return Problem(path, first_line + token.start_mark.line,
                                   f"YAML is nested more than {MAX_YAML_DEPTH} levels deep",
                                   "plan fields are flat: write title: …, tags: [a, b], source: with file: under it")
            elif isinstance(token, _NESTING_END):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def front_matter_excess(front: str, path: str = "", first_line: int = 1) -> Problem | None:
    """Front matter too long (`first_line`: the file line of the front matter's first). Its nesting is
    checked by the one YAML reader, `yamlsafe.load_yaml`, before libyaml meets it (yaml_excess)."""
    if len(front) > MAX_FRONT_MATTER_CHARS:
        return Problem(path, first_line, f"front matter is too long ({len(front):,} characters; at most {MAX_FRONT_MATTER_CHARS:,})",
                       "the fields between the --- lines are a few lines; the plan's text goes below them")
    return None


def line_excess(text: str, path: str = "") -> Problem | None:
    """The first line of a file longer than MAX_LINE_CHARS, if any."""
    start = 0
    number = 1
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > MAX_LINE_CHARS:
            return Problem(path, number, f"line is too long ({stop - start:,} characters; at most {MAX_LINE_CHARS:,})",
                           "break it into paragraphs or list items")
        if end < 0:
            return None
        start = end + 1
        number += 1
