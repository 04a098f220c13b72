"""`planlib new`: a plan skeleton with the usual parts and a monthly schedule, named by pinyin."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError
from pypinyin import lazy_pinyin

from planlib.planfile import render_front_matter
from planlib.planfile import write_atomic
from planlib.model import SLUG_RE, PlanMeta
from planlib.problems import Problem, ProblemError
from planlib.taxonomy import Taxonomy
from planlib.validate import TEMPLATE_MARK, meta_problems

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


def _year(text: str) -> int | str | None:
    """The year of an answer: a number, or the word unknown; None when it is neither."""
    if text == "unknown":
        return text
    return int(text) if text.isdigit() else None


def validate(values: dict[str, str], tax: Taxonomy) -> list[Problem]:
    """The answers against the rules every plan meets (validate.py); a problem names its option."""
    problems = []
    year = _year(values.get("year", ""))
    if year is None:
        problems.append(Problem("--year", 0, f"year '{values.get('year', '')}' is not a year",
                                f"write it in digits ({tax.years.min}-{tax.years.max}) or unknown"))
    fields = {name: values.get(name, "") for name in FIELDS} | {"year": year if year is not None else "unknown"}
    try:
        PlanMeta.model_validate(fields)
    except ValidationError as error:
        for item in error.errors():
            if item["loc"] and item["loc"][0] == "title":
                problems.append(Problem("--title", 0, "the title must be one line of plain text",
                                        "give the plan's title, e.g. 2024年城东小学教科室第二学期工作计划"))
                break
    meta = PlanMeta.model_construct(None, tags=[], **fields)
    problems.extend(meta_problems(meta, tax, lambda field, *_: (f"--{field}", 0)))
    return problems


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
            problems = [p for p in validate(values, tax) if p.path == f"--{field}"]
            if problems:
                print(problems[0].format().replace("--" + field + ": ", ""), file=sys.stderr)
                values[field] = ""
    return values


def create(root: Path, tax: Taxonomy, values: dict[str, str], slug: str | None) -> Path:
    problems = validate(values, tax)
    if problems:
        raise ProblemError(problems)
    year = _year(values["year"])
    assert year is not None  # validated above
    plan = NewPlan(values["title"].strip(), values["sector"], values["institution"], values["section"], year,
                   values["term"])
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
