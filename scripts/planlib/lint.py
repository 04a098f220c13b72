"""Advice on plan files beyond validity: typography, the plan form, unfilled templates.

Typography and form findings are warnings (the check still passes); text
left over from the `planlib new` template is an error.
"""

from __future__ import annotations

import re

from planlib import junk, typography
from planlib.model import Plan
from planlib.problems import Problem

TEMPLATE_MARK = "（请填写"  # planlib new writes its instructions in this form
ORDERED_RE = re.compile(r"^\s{0,3}\d{1,3}[.)]\s")
HEADING_RE = re.compile(r"^(#{2,6})\s")


def typography_problems(plan: Plan) -> list[Problem]:
    problems = []
    for offset, line in enumerate(plan.markdown.split("\n")):
        corrected = typography.lint_line(line)
        if corrected is not None:
            before, after = _difference(line, corrected)
            problems.append(Problem(plan.path, plan.body_line + offset, f"typography: {before} → {after}",
                                    "planlib check --fix applies it", "warning"))
    return problems


def _difference(before: str, after: str, context: int = 6) -> tuple[str, str]:
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b, end_a = end_b - 1, end_a - 1
    lo = max(0, start - context)
    return before[lo:end_b + context].strip(), after[lo:end_a + context].strip()


def form_problems(plan: Plan) -> list[Problem]:
    problems = []
    previous_level = 2
    lines = plan.markdown.split("\n")
    for offset, line in enumerate(lines):
        number = plan.body_line + offset
        if TEMPLATE_MARK in line:
            problems.append(Problem(plan.path, number, "template text left in the plan",
                                    "replace the （请填写…） line with the plan's own text, or delete it"))
        if ORDERED_RE.match(line):
            problems.append(Problem(plan.path, number, "a Markdown numbered list ('1. ') renumbers its items",
                                    "write the item as '- 1、…' so that the numbering stays as written", "warning"))
        heading = HEADING_RE.match(line)
        if heading:
            level = len(heading.group(1))
            if level > previous_level + 1:
                problems.append(Problem(plan.path, number, f"heading level jumps from {previous_level} to {level}",
                                        f"use {'#' * (previous_level + 1)} for this heading", "warning"))
            previous_level = level
    for part in plan.parts:
        if not part.text.strip():
            problems.append(Problem(plan.path, part.line, f"part '{part.title}' is empty",
                                    "write its text, or remove the heading", "warning"))
    return problems


def fix_text(text: str) -> str:
    """A plan file's text with its typography corrected (front matter untouched) and stray bytes cleaned."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = junk.INVISIBLE_RE.sub("", text)
    lines = text.split("\n")
    close = next((i for i in range(1, len(lines)) if lines[0].strip() == "---" and lines[i].rstrip() == "---"), 0)
    for index in range(close + 1, len(lines)):
        line = lines[index].rstrip()
        corrected = typography.lint_line(line)
        lines[index] = corrected if corrected is not None else line
    return "\n".join(lines)
