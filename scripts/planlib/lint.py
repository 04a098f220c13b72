"""Advice on plan files beyond validity: typography and the plan form.

Findings are warnings: the check still passes, and the plan is published.
Both read the plan's document tree: which lines are running text, which
blocks are headings or numbered items.
"""

from __future__ import annotations

from planlib import document, junk, planfile, typography
from planlib.model import Plan
from planlib.problems import Problem

def typography_problems(plan: Plan) -> list[Problem]:
    problems = []
    lines = plan.markdown.split("\n")
    for number in sorted(plan.document.prose_lines):
        line = lines[number - plan.body_line]
        corrected = typography.lint_line(line)
        if corrected is not None:
            before, after = _difference(line, corrected)
            problems.append(Problem(plan.path, number, f"typography: {before} → {after}",
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
    for part in plan.parts:
        if not part.text.strip():
            problems.append(Problem(plan.path, part.line, f"part '{part.title}' is empty",
                                    "write its text, or remove the heading", "warning"))
        previous_level = 2
        for block in part.blocks:
            if block.kind == "item" and block.ordered:
                problems.append(Problem(plan.path, block.line,
                                        "a Markdown numbered list ('1. ') renumbers its items",
                                        "write the item as '- 1、…' so that the numbering stays as written", "warning"))
            if block.kind == "heading":
                if block.level > previous_level + 1:
                    problems.append(Problem(plan.path, block.line,
                                            f"heading level jumps from {previous_level} to {block.level}",
                                            f"use {'#' * (previous_level + 1)} for this heading", "warning"))
                previous_level = block.level
    return problems


def advice(plan: Plan) -> list[Problem]:
    """Every piece of advice for one plan: typography and form."""
    return typography_problems(plan) + form_problems(plan)


def fix_text(text: str) -> str:
    """A plan file's text with its typography corrected (front matter untouched) and stray bytes cleaned."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = junk.INVISIBLE_RE.sub("", text)
    split, _ = planfile.split(text, "")
    if split is None:
        return text
    lines = text.split("\n")
    body = document.parse(split.body, split.body_line, lambda title: "other")
    for number in range(split.body_line, len(lines) + 1):
        index = number - 1
        line = lines[index].rstrip()
        corrected = typography.lint_line(line) if number in body.prose_lines else None
        lines[index] = corrected if corrected is not None else line
    return "\n".join(lines)
