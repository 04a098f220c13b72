"""Recount the corpus truth from the page text alone, with simple rules of its own.

An independent second count of tests/corpus/truth.yml: it imports nothing
from planlib, finds plan headers, schedule labels (months, quarters, month
ranges, dated entries, phases, weeks) and list markers with a few regular
expressions, and prints every page where its count and the hand count differ.
Its rules are deliberately naive; tests/corpus/README.md lists the pages
where the script, not the truth, is wrong.

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
# 范文五:, "<title>计划1" (a title followed by an item number), and 篇1 glued to
# the plan's first heading (篇1一、)
HEADER_PATTERNS = [
    re.compile(rf"篇\s*[{NUM}\d]+\s*[::]?$"),
    re.compile(rf"^篇[{NUM}\d]+[::]"),
    re.compile(rf"^第[{NUM}\d]+篇"),
    re.compile(rf"范文[{NUM}]+[::]?$"),
    re.compile(r"(?:计划|計劃|計畫)\s*\d{1,2}$"),
    re.compile(rf"篇\s*\d+(?=[{NUM}]、)"),
]
BRACKET_HEADER = re.compile(rf"【第?篇?[{NUM}\d]+篇?】")

MONTH_NUMBER = rf"(?:1[0-2]|[1-9]|十[一二]?|[{NUM[:9]}])"
# a month, a month range (3-4月, 3 — 4月份, 1—2 月份) or a month with its year
# (2017年3月, 一一年一月)
MONTH = (rf"(?:\d{{2,4}}年|[一二三四五六七八九〇○零]{{2}}年)?"
         rf"{MONTH_NUMBER}(?:\s*[-—–~至]\s*{MONTH_NUMBER})?\s*月份?")
QUARTER = rf"第[{NUM[:4]}]季度"
LABEL = re.compile(rf"^(?:第[{NUM[:4]}]期[((])?({QUARTER}|{MONTH})[))]?")
# a dated entry standing alone on its line: 4月5日下午, 4月6日至月底, 4月17日
DATE = re.compile(r"^(\d{1,2}月\d{1,2}日(?:[上下]午)?(?:至[^\s::,,。;;]*)?)[::]?$")
# a numbered schedule entry: 一、4月5日下午 / 1、1—2 月份开展… / 2 四月份:(1)…
NUMBERED_ENTRY = re.compile(rf"^(?:[{NUM}]+、|\d{{1,2}}、|(\d{{1,2}})\s)\s*")
# a phase or season with its time in brackets: 第一阶段:活动动员(2017年3月份),
# (一)深入发动阶段(5月中下旬), (1)春冬季(4、10月)重点是灭鼠
BRACKETED_TIME = re.compile(
    r"^(?:[((][一二三四五六七八九十\d]{1,2}[))])?"
    r"(?:[^((]{0,12}阶段|[春夏秋冬]{1,2}季)[^((]{0,10}[((]([^))]*\d月[^))]*)[))]")
# week tables: 预备周 / 第一周 / 开学前 alone on a line; bare week numbers only
# in a table with a 周次 header
WEEK = re.compile(rf"^(预备周?|开学前|第[{NUM}]+周)$")
BARE_WEEK = re.compile(r"^(\d{1,2})$")
PART_HEADING = re.compile(rf"^[{NUM}]+[、.]")
# site chrome that ends a schedule: related-article lists, paywalls
CHROME = re.compile(r"相关文章|相关推荐|试读结束|版权声明")

BOUNDARY = r"(?:^|(?<=[\s,,。;;::|]))"
MARKERS = {
    # a number that is not the start of a decimal, unless a date follows (2.11月9日)
    "number": re.compile(BOUNDARY + r"(\d{1,2})(?:、|[.．。](?:(?!\d)|(?=\d{1,2}月)))"),
    "paren": re.compile(BOUNDARY + r"[((]\d{1,2}[))]"),
    "circled": re.compile(r"[①②③④⑤⑥⑦⑧⑨⑩]"),
    "dotted": re.compile(r"[⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑]"),
    "dash": re.compile(BOUNDARY + r"[-•–]\s"),
}
# glued text: a number marker right after a character, counted only when it is
# the next number of the sequence (会议2、常规…)
GLUED_NUMBER = re.compile(r"(?<=[^\s\d])(\d{1,2})(?:、|[.．。](?!\d))")


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
        if first_style == "number":
            return numbered_items(text)
        return sum(1 for _, style in found if style == first_style)


def numbered_items(text: str) -> int:
    """Number markers at a boundary, plus glued ones that continue the sequence."""
    marks: dict[int, tuple[int, bool]] = {
        m.start(): (int(m.group(1)), False) for m in GLUED_NUMBER.finditer(text)}
    marks.update((m.start(), (int(m.group(1)), True)) for m in MARKERS["number"].finditer(text))
    count, last = 0, 0
    for _, (number, at_boundary) in sorted(marks.items()):
        if at_boundary or number == last + 1:
            count += 1
            last = number
    return count


@dataclass
class Plan:
    header: str | None
    months: list[Month] = field(default_factory=list)


VERTICAL_MONTH = re.compile(rf"(?m)^([{NUM}]{{1,2}})\n月\n(份\n)?")
# a label glued inside a line right before its first item (第一季度1月份1、…) or
# after a space on a one-line page (… 第一期(第一季度):…)
GLUED_LABEL = re.compile(
    rf"(?<=[^\s\d])(?=(?:\d{{1,2}}|十[一二]?|[{NUM[:9]}])月份?[::]?(?:1[、.]|[((]1[))]))"
    rf"|(?<=\s)(?=(?:第[{NUM[:4]}]期[((])?{QUARTER}[))]?[::])"
    rf"|(?<=\s)(?=\d{{1,2}}、\s*{MONTH_NUMBER}(?:\s*[-—–~至]\s*{MONTH_NUMBER})?\s*月份)")


def page_lines(text: str) -> list[str]:
    """Split a page into logical lines: table cells, HTML tags, runs of spaces,
    'Р' separators and glued labels break lines too; vertical month names join."""
    text = re.sub(r"<[^>]+>", "\n", text)
    text = text.replace("|", "\n").replace("Р", "\n")
    text = re.sub(r"[ \t\u00a0\u3000]{3,}", "\n", text)
    text = VERTICAL_MONTH.sub(lambda m: f"{m.group(1)}月{'份' if m.group(2) else ''}\n", text)
    text = GLUED_LABEL.sub("\n", text)
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
    """A month, quarter or range label at the start of a line, and the rest of the line."""
    match = LABEL.match(line)
    if not match:
        return None
    rest = line[match.end():]
    if re.match(r"\d{0,2}日", rest):
        return None  # a date (2月25日), not a label
    if rest == "" or rest[0] in "::" or rest.startswith(("主题", "—")) or rest[0].isspace():
        return match.group(1), rest.lstrip("::—").strip()
    if any(pattern.match(rest) for pattern in MARKERS.values()):
        return match.group(1), rest.lstrip("::—").strip()
    if re.fullmatch(r"[\u4e00-\u9fff]{1,6}[::]?", rest):
        return match.group(1), ""  # a short topic: 二月园务行政, 第一季度工作要求:
    return None


def schedule_label(line: str, weeks: bool, bare_weeks: bool) -> tuple[str, str] | None:
    """Any schedule label at the start of a line, and the rest of the line."""
    found = month_label(line)
    if found:
        return found
    bracketed = BRACKETED_TIME.match(line)
    if bracketed:
        return bracketed.group(1), line[bracketed.end():].strip("。 ")
    entry = NUMBERED_ENTRY.match(line)
    if entry:
        rest = line[entry.end():]
        dated = DATE.match(rest)
        if dated:
            return dated.group(1), ""
        found = month_label(rest)
        # a bare number and a space is a weak marker: its month needs a colon
        if found and (entry.group(1) is None or rest[len(found[0]):len(found[0]) + 1] in "::"):
            return found
        if found is None and entry.group(1) is None:
            ranged = re.match(rf"^({MONTH})(?=\S)", rest)
            if ranged and not rest[ranged.end():][:1].isdigit():
                return ranged.group(1), rest[ranged.end():]
    if weeks and WEEK.match(line):
        return line, ""
    if bare_weeks and BARE_WEEK.match(line):
        return line, ""
    return None


def recount(text: str) -> list[Plan]:
    """Plans on a page, each with its schedule blocks, by the naive rules above."""
    lines = page_lines(text)
    # week rows are labels only on pages without month labels (page 25 has both)
    has_months = any(month_label(line) for line in lines)
    weeks = not has_months
    bare_weeks = weeks and any(line.replace(" ", "") == "周次" for line in lines)
    plans: list[Plan] = []
    current = Plan(header=None)
    content = False  # has the current (headerless) plan shown plan content yet?
    month: Month | None = None
    previous_header = None
    for line in lines:
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
        if CHROME.search(line):
            month = None
            continue
        label = schedule_label(line, weeks, bare_weeks)
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
