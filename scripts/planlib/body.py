"""The body of a plan file: `##` parts, `###` subheadings and the month schedule.

The documented form (docs/contributing.md):

    ## 一、指导思想
    paragraphs and lists ...

    ## 四、工作安排          <- a part whose ### headings are month names
    ### 九月份                <- the month as written: 九月 / 9月 / 元月 / 第一季度
    - 1、做好迎新工作；       <- one list item per activity, numbering as written
    - 2、检查班级环境创设。

Parsing is line based and never fails: what does not fit the form is
returned as `BodyIssue`s with the line it is on.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from planlib import placeholders
from planlib.months import parse_month_label

HEADING_RE = re.compile(r"^(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
LIST_ITEM_RE = re.compile(r"^( {0,3})(?:[-*+]|\d{1,3}[.)])(?:[ \t]+(.*))?$")
FENCE_RE = re.compile(r"^ {0,3}(```|~~~)")


@dataclass(frozen=True)
class BodyIssue:
    line: int
    message: str
    hint: str
    severity: str = "error"  # "error" or "warning"


@dataclass
class ScheduleMonth:
    label: str
    months: tuple[int, ...]
    line: int
    items: list[str] = field(default_factory=list)
    item_lines: list[int] = field(default_factory=list)

    @property
    def month(self) -> int:
        """The (first) month, 1-12."""
        return self.months[0]


@dataclass
class Part:
    title: str
    kind: str
    line: int
    lines: list[str] = field(default_factory=list)  # Markdown lines after the heading
    months: list[ScheduleMonth] = field(default_factory=list)

    @property
    def markdown(self) -> str:
        return "\n".join(self.lines).strip("\n")

    @cached_property
    def text(self) -> str:
        """The part's plain text: no Markdown markers, one line per block."""
        return plain_text(self.markdown)

    @cached_property
    def chars(self) -> int:
        return sum(1 for ch in self.text if not ch.isspace())


@dataclass
class Body:
    preamble: list[str]
    parts: list[Part]
    issues: list[BodyIssue]

    @property
    def schedule(self) -> list[ScheduleMonth]:
        return [month for part in self.parts for month in part.months]


_MARKER_RE = re.compile(r"^\s*(?:#{1,6}\s+|>\s?|(?:[-*+]|\d{1,3}[.)])\s+)")
_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")


def plain_text(markdown: str) -> str:
    """Markdown to readable text: markers, placeholder braces and escapes removed, blank lines dropped."""
    out = []
    for line in markdown.splitlines():
        line = _MARKER_RE.sub("", line).strip()
        if line:
            out.append(unescape(line))
    return "\n".join(out)


def unescape(text: str) -> str:
    """Plain text of Markdown inline text: backslash escapes and placeholder braces removed."""
    return _ESCAPE_RE.sub(r"\1", placeholders.unmark(text))


def _heading(line: str) -> tuple[int, str] | None:
    if not line.startswith("#"):
        return None
    match = HEADING_RE.match(line)
    if not match:
        return None
    return len(match.group(1)), unescape((match.group(2) or "").strip())


def _collect_months(part: Part, first_line: int, issues: list[BodyIssue], last_part: bool = False) -> None:
    """Read the schedule months of a schedule part from its lines."""
    current: ScheduleMonth | None = None
    for offset, line in enumerate(part.lines):
        number = first_line + offset
        heading = _heading(line)
        if heading and heading[0] == 3:
            label, why = parse_month_label(heading[1])
            if label is None:
                if why:
                    issues.append(BodyIssue(number, f"'### {heading[1]}': {why}",
                                            "months are 1-12: write 九月, 9月 or 元月"))
                else:
                    issues.append(BodyIssue(number, f"'### {heading[1]}' in the schedule is not a month name",
                                            "write the month as ### 九月 or ### 9月, or move this text to another part"))
                current = None
                continue
            current = ScheduleMonth(label.label, label.months, number)
            part.months.append(current)
            continue
        if heading and heading[0] > 3:
            continue
        item = LIST_ITEM_RE.match(line)
        if item and current is not None:
            text = unescape((item.group(2) or "").strip())
            if not text:
                issues.append(BodyIssue(number, f"empty item in month '{current.label}'",
                                        "write the activity after '- ' or delete the line"))
                continue
            current.items.append(text)
            current.item_lines.append(number)
        elif current is not None and current.items and line.startswith((" ", "\t")) and line.strip():
            current.items[-1] += unescape(line.strip())  # continuation of a wrapped item
    for month in part.months:
        if not month.items:
            # the plan's last month with nothing after it: its source page was cut there
            cut = last_part and month is part.months[-1]
            issues.append(BodyIssue(month.line, f"month '{month.label}' has no items",
                                    "list its activities as '- 1、…' lines below the heading"
                                    + ("; an imported plan cut short here may keep it" if cut else ""),
                                    "warning" if cut else "error"))


def _is_schedule(part: Part) -> bool:
    """A part is the schedule when it has month headings; one only named like a schedule is an ordinary part."""
    for line in part.lines:
        heading = _heading(line)
        if heading and heading[0] == 3:
            label, why = parse_month_label(heading[1])
            if label is not None or why:
                return True
    return False


def parse_body(text: str, first_line: int, kind_of: Callable[[str], str]) -> Body:
    """Split a plan body into parts; `first_line` is the file line of text's first line.

    `kind_of(title)` maps a `##` heading title to a part kind.
    """
    lines = text.split("\n")
    preamble: list[str] = []
    parts: list[Part] = []
    part_first_lines: list[int] = []
    issues: list[BodyIssue] = []
    in_fence = False
    for offset, line in enumerate(lines):
        number = first_line + offset
        if FENCE_RE.match(line):
            in_fence = not in_fence
        heading = None if in_fence else _heading(line)
        if heading and heading[0] == 1:
            issues.append(BodyIssue(number, "a '#' heading in the body",
                                    "the title belongs in the front matter; use '##' for the plan's parts"))
            continue
        if heading and heading[0] == 2:
            if not heading[1]:
                issues.append(BodyIssue(number, "'##' heading without text",
                                        "write the part's title after '## '"))
            parts.append(Part(heading[1], "other", number))
            part_first_lines.append(number + 1)
            continue
        if parts:
            parts[-1].lines.append(line)
        else:
            if heading and heading[0] >= 3:
                issues.append(BodyIssue(number, f"'{'#' * heading[0]}' heading before the first '##' part",
                                        "start the plan with a '## ' part heading"))
            preamble.append(line)
    if in_fence:
        issues.append(BodyIssue(first_line + len(lines) - 1, "code fence (```) is never closed",
                                "plans do not need code blocks; remove the ``` line"))
    for part, part_first in zip(parts, part_first_lines):
        if _is_schedule(part):
            part.kind = "schedule"
            _collect_months(part, part_first, issues, last_part=part is parts[-1])
        else:
            kind = kind_of(part.title)
            part.kind = "other" if kind == "schedule" else kind
    return Body(preamble, parts, issues)
