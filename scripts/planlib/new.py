"""`planlib new`: a plan skeleton with the usual parts and a monthly schedule, named by pinyin."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from pypinyin import lazy_pinyin

from planlib.planfile import render_front_matter
from planlib.planfile import write_atomic
from planlib import charpolicy
from planlib.library import parse_plan_text
from planlib.model import SLUG_RE
from planlib.problems import Problem, ProblemError
from planlib.taxonomy import Taxonomy
from planlib.validate import TEMPLATE_MARK

MAX_SLUG = 60
FIELDS = ("title", "sector", "institution", "section", "year", "term")


@dataclass
class NewPlan:
    title: str
    sector: str
    institution: str
    section: str
    year: int | str
    term: str


def slug_for_title(title: str) -> str:
    """A file name from the title's pinyin: 城东小学教科室工作计划 → cheng-dong-xiao-xue-jiao-ke-shi."""
    base = re.sub(r"工作计划$", "", title.strip()) or title
    syllables = [s.lower() for s in lazy_pinyin(base)]
    words = re.findall(r"[a-z0-9]+", "-".join(syllables))
    slug = "-".join(words)
    while len(slug) > MAX_SLUG and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug or "plan"


def skeleton(plan: NewPlan, tax: Taxonomy) -> str:
    """The text of a new plan file: front matter, the usual parts, the month headings of its term (taxonomy)."""
    front = render_front_matter({"title": plan.title, "sector": plan.sector, "institution": plan.institution,
                                 "section": plan.section, "year": plan.year, "term": plan.term, "tags": []})
    months = "\n\n".join(f"### {month}\n\n- 1、{TEMPLATE_MARK}{month[:-1] if month.endswith('份') else month}"
                         f"的活动，一项一行；没有安排的月份可以删去）" for month in tax.terms[plan.term].template)
    return f"""{front}
## 一、指导思想

{TEMPLATE_MARK}：本计划依据的上级文件、单位的工作要点和总体思路）

## 二、工作目标

{TEMPLATE_MARK}：这一{'学期' if tax.terms[plan.term].school_term else '年'}要达到的目标，可以分条写）

## 三、主要工作与措施

### （一）{TEMPLATE_MARK}第一项工作的标题）

- 1、{TEMPLATE_MARK}具体措施）

## 四、保障措施

{TEMPLATE_MARK}：组织领导、制度、经费等方面的保障；没有可以删去这一部分）

## 五、月度安排

{months}
"""


def _choices(entries: dict, label: Callable[[str], str]) -> str:
    return ", ".join(f"{key} ({label(key)})" for key in entries)


def _year(value: str) -> int | str:
    """The year as written in the file: a number when it is ASCII digits (not ²⁰²⁴ or ２０２４), else the text."""
    return int(value) if re.fullmatch(r"[0-9]{1,6}", value) else value


def _plan_of(values: dict[str, str]) -> NewPlan:
    return NewPlan(values.get("title", "").strip(), values.get("sector", ""), values.get("institution", ""),
                   values.get("section", ""), _year(values.get("year", "")), values.get("term", ""))


def _with_defaults(values: dict[str, str], tax: Taxonomy) -> dict[str, str]:
    """The answers so far, and for each question not yet answered one that fits them (while asking)."""
    filled = dict(values)
    sector = filled.get("sector") or next(iter(tax.sectors))
    defaults = {
        "title": "工作计划",
        "sector": sector,
        "institution": next((key for key, entry in tax.institutions.items() if entry.sector == sector),
                            next(iter(tax.institutions))),
        "section": next((key for key, entry in tax.sections.items() if sector in entry.sectors),
                        next(iter(tax.sections))),
        "year": "unknown",
        "term": "year",
    }
    for field, default in defaults.items():
        if not filled.get(field):
            filled[field] = default
    return filled


def validate(values: dict[str, str], tax: Taxonomy, partial: bool = False) -> list[Problem]:
    """What `planlib check` would say of the plan these values make, each problem named by its option.

    The skeleton is written out and read back by the checker itself, so that
    `new` accepts exactly what `check` accepts. While asking (`partial`), the
    questions not yet answered get answers that fit the others.
    """
    # characters the policy refuses are named as such (a lone surrogate cannot even be written as YAML)
    refused = {path[0]: Problem(f"--{path[0]}", 0, message, hint)
               for path, message, hint in charpolicy.value_problems(values) if path}
    usable = {k: v for k, v in values.items() if k not in refused}
    plan = _plan_of(_with_defaults(usable, tax) if partial else usable)
    if plan.term not in tax.terms:  # the skeleton's months depend on it
        plan = NewPlan(plan.title, plan.sector, plan.institution, plan.section, plan.year, "year")
    try:
        text = skeleton(plan, tax)
    except yaml.YAMLError:
        return [Problem("--title", 0, "the answers cannot be written as a plan file", "use plain text")]
    _, found = parse_plan_text(text, "new plan", "new-plan", tax)
    lines = text.split("\n")
    key_lines = {number: name for number, line in enumerate(lines, start=1)
                 for name in FIELDS if line.startswith(f"{name}:")}
    front_end = lines.index("---", 1) + 1  # the answers are all in the front matter; the body is the template
    problems = list(refused.values())
    for problem in found:
        if not problem.blocking or problem.line > front_end:
            continue
        owners = [key_lines[n] for n in sorted(key_lines) if n <= problem.line]
        field = owners[-1] if owners else "title"
        problems.append(Problem(f"--{field}", 0, problem.message, problem.hint))
    if values.get("term") not in tax.terms:
        problems.append(Problem("--term", 0, f"unknown term '{values.get('term')}'",
                                f"use one of: {', '.join(tax.terms)}"))
    return sorted(set(problems))


def ask(values: dict[str, str], tax: Taxonomy, read: Callable[[str], str]) -> dict[str, str]:
    """Fill the missing fields by asking (reading answers from `read`)."""
    hints = {
        "title": "标题 title (e.g. 2024年城东小学教科室第二学期工作计划)",
        "sector": "行业 sector: " + _choices(tax.sectors, lambda k: tax.sectors[k].zh),
        "institution": "单位类型 institution: " + _choices(tax.institutions, lambda k: tax.institutions[k].zh),
        "section": "科室 section (e.g. 教科室, 教务处, 医务科, 护理部)",
        "year": "年份 year (e.g. 2024, or unknown)",
        "term": "学期 term: " + _choices(tax.terms, lambda k: tax.terms[k].zh),
    }
    for field in FIELDS:
        while not values.get(field):
            answer = read(f"{hints[field]}\n> ").strip()
            if not answer:
                continue
            values[field] = answer
            problems = [p for p in validate(values, tax, partial=True) if p.path == f"--{field}"]
            if problems:
                print(problems[0].format().replace("--" + field + ": ", ""), file=sys.stderr)
                values[field] = ""
    return values


def create(root: Path, tax: Taxonomy, values: dict[str, str], slug: str | None) -> Path:
    problems = validate(values, tax)
    if problems:
        raise ProblemError(problems)
    plan = _plan_of(values)
    name = slug or slug_for_title(plan.title)
    if not SLUG_RE.match(name):
        raise ProblemError([Problem("--id", 0, f"'{name}' is not a file name planlib accepts",
                                    "use lowercase letters, digits and hyphens, e.g. chengdong-jiaokeshi-2024")])
    existing = list((root / "plans").rglob(f"{name}.md"))
    if existing:
        raise ProblemError([Problem(existing[0].relative_to(root).as_posix(), 1,
                                    "a plan with this file name already exists; nothing was written",
                                    "choose another title, or name the file with --id")])
    path = root / "plans" / plan.sector / f"{name}.md"
    write_atomic(path, skeleton(plan, tax))
    return path
