"""Recount the corpus truth from the page text alone, with simple rules of its own.

An independent second count of tests/corpus/truth.yml: it imports nothing
from planlib, finds plan headers, month labels and list markers with a few
regular expressions, and prints every page where its count and the hand
count differ. Its rules are deliberately naive; tests/corpus/README.md lists
the pages where the script, not the truth, is wrong.

Usage: python tests/corpus/recount.py [--verbose]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent

NUM = "一二三四五六七八九十"

# plan headers: 篇1 / 篇一 at the end of a line, 篇一: at the start, 第1篇, 【篇一】,
# 范文五:, and "<title>计划1" (a title followed by an item number)
HEADER_PATTERNS = [
    re.compile(rf"篇\s*[{NUM}\d]+\s*[::]?$"),
    re.compile(rf"^篇[{NUM}\d]+[::]"),
    re.compile(rf"^第[{NUM}\d]+篇"),
    re.compile(rf"范文[{NUM}]+[::]?$"),
    re.compile(r"(?:计划|計劃|計畫)\s*\d{1,2}$"),
]
BRACKET_HEADER = re.compile(rf"【第?篇?[{NUM}\d]+篇?】")

MONTH = rf"(?:1[0-2]|[1-9]|十[一二]?|[{NUM[:9]}])月份?"
LABEL = re.compile(
    rf"^(?:第[一二三四]期[((])?(第[一二三四]季度|(?:\d{{2,4}}年)?{MONTH})[))]?"
)
PART_HEADING = re.compile(rf"^[{NUM}]+[、.]")

BOUNDARY = r"(?:^|(?<=[\s,,。;;::|]))"
MARKERS = {
    "number": re.compile(BOUNDARY + r"\d{1,2}[、.．。](?!\d)"),
    "paren": re.compile(BOUNDARY + r"[((]\d{1,2}[))]"),
    "circled": re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩]"),
    "dotted": re.compile(r"[⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑]"),
    "dash": re.compile(BOUNDARY + r"[-•–]\s"),
}


@dataclass
class Month:
    label: str
    lines: list[str] = field(default_factory=list)

    def items(self) -> int:
        """Top-level items: markers of the first marker style seen in the block."""
        text = "\n".join(self.lines)
        found = [
            (match.start(), style)
            for style, pattern in MARKERS.items()
            for match in pattern.finditer(text)
        ]
        if not found:
            return 1 if text.strip() else 0
        first_style = min(found)[1]
        return sum(1 for _, style in found if style == first_style)


@dataclass
class Plan:
    header: str | None
    months: list[Month] = field(default_factory=list)


def page_lines(text: str) -> list[str]:
    """Split a page into logical lines: table cells and HTML tags break lines too."""
    text = re.sub(r"<[^>]+>", "\n", text)
    text = text.replace("|", "\n")
    lines = []
    for raw in text.split("\n"):
        line = raw.strip().strip(",").strip()
        if line:
            lines.append(line)
    return lines


def header_of(line: str) -> str | None:
    brackets = list(BRACKET_HEADER.finditer(line))
    if brackets:
        last = brackets[-1]
        # a table of contents lists several markers; the plan text follows the last one
        return last.group(0) if len(line) - last.end() > 20 or len(brackets) == 1 else None
    for pattern in HEADER_PATTERNS:
        if pattern.search(line):
            return line
    return None


def month_label(line: str) -> tuple[str, str] | None:
    """A month (or quarter) label at the start of a line, and the rest of the line."""
    match = LABEL.match(line)
    if not match:
        return None
    rest = line[match.end():]
    if rest == "" or rest[0] in "::" or rest.startswith("主题") or rest[0].isspace():
        return match.group(1), rest.lstrip("::").strip()
    if len(rest) <= 4 and not any(p.search(rest) for p in MARKERS.values()):
        return match.group(1), ""
    return None


def recount(text: str) -> list[Plan]:
    """Plans on a page, each with its month blocks, by the naive rules above."""
    plans: list[Plan] = []
    current = Plan(header=None)
    content = False  # has the current (headerless) plan shown plan content yet?
    month: Month | None = None
    previous_header = None
    for line in page_lines(text):
        header = header_of(line)
        if header is not None:
            if header == previous_header:
                continue  # some sites print each item header twice
            previous_header = header
            if current.header is not None or content:
                plans.append(current)
            current = Plan(header=header)
            month = None
            continue
        label = month_label(line)
        if label is not None:
            month = Month(label=label[0])
            if label[1]:
                month.lines.append(label[1])
            current.months.append(month)
            content = True
            continue
        if PART_HEADING.match(line):
            month = None
            content = True
            continue
        if any(pattern.match(line) for pattern in MARKERS.values()):
            content = True
        if month is not None:
            month.lines.append(line)
    plans.append(current)
    return plans


def compare(entry: dict[str, Any], plans: list[Plan]) -> list[str]:
    problems = []
    truth_plans = entry["plans"]
    if len(truth_plans) != len(plans):
        problems.append(f"plans: truth {len(truth_plans)}, script {len(plans)}")
    for index, (truth, found) in enumerate(zip(truth_plans, plans), start=1):
        want = [(m["label"], m["items"]) for m in truth["months"]]
        got = [(m.label, m.items()) for m in found.months]
        if [label for label, _ in want] != [label for label, _ in got]:
            problems.append(f"plan {index} months: truth {want}, script {got}")
        elif want != got:
            problems.append(f"plan {index} items: truth {want}, script {got}")
    return problems


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    truth = yaml.safe_load((HERE / "truth.yml").read_text(encoding="utf-8"))
    pages = plan_agree = month_agree = item_agree = 0
    plan_total = month_total = item_total = 0
    disagreeing = []
    for entry in truth:
        text = (HERE / "pages" / entry["page"]).read_text(encoding="utf-8")
        plans = recount(text)
        problems = compare(entry, plans)
        pages += 1
        plan_total += 1
        plan_agree += len(entry["plans"]) == len(plans)
        for truth_plan, found in zip(entry["plans"], plans):
            want = [(m["label"], m["items"]) for m in truth_plan["months"]]
            got = [(m.label, m.items()) for m in found.months]
            month_total += 1
            month_agree += [w[0] for w in want] == [g[0] for g in got]
            item_total += 1
            item_agree += want == got
        if problems:
            disagreeing.append(entry["page"])
            print(entry["page"])
            for problem in problems:
                print("  " + problem)
        elif verbose:
            print(entry["page"], "agrees")
    print()
    print(f"pages: {pages}, agree on everything: {pages - len(disagreeing)}, "
          f"disagree: {len(disagreeing)}")
    print(f"plan count agrees: {plan_agree}/{plan_total} pages")
    print(f"month labels agree: {month_agree}/{month_total} plans compared")
    print(f"month labels and items agree: {item_agree}/{item_total} plans compared")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
