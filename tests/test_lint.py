"""Advice: typography of running text only (not month headings, not code), the form of numbered lists and headings."""

from __future__ import annotations

from conftest import REPO
from planlib.library import parse_plan_text
from planlib.lint import fix_text, form_problems, typography_problems
from planlib.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy(REPO / "plans" / "taxonomy.yml")
FRONT = "---\ntitle: 计划\nsector: education\ninstitution: primary\nsection: 教科室\nyear: 2024\nterm: spring\n---\n\n"
BODY = """## 一、目标

以2023年为例,提高质量

#### （一）跳级的标题

1. 使用PPT课件

## 二、工作安排

### 2月

- 1、召开会议

```
代码2023年
```
"""


def test_typography_is_advice_on_running_text_lines() -> None:
    plan, problems = parse_plan_text(FRONT + BODY, "plans/education/x.md", "x", TAXONOMY)
    assert plan is not None
    found = typography_problems(plan)
    assert [(p.line, p.severity) for p in found] == [(12, "warning"), (16, "warning")]
    assert "以 2023 年为例，提高质量" in found[0].message


def test_fix_corrects_those_lines_and_nothing_else_and_is_idempotent() -> None:
    text = "\ufeff" + (FRONT + BODY).replace("\n", "\r\n")
    fixed = fix_text(text)
    assert "以 2023 年为例，提高质量" in fixed and "1. 使用 PPT 课件" in fixed
    assert "### 2月" in fixed and "代码2023年" in fixed and "\r" not in fixed and not fixed.startswith("\ufeff")
    assert fix_text(fixed) == fixed


def test_form_advice() -> None:
    plan, _ = parse_plan_text(FRONT + BODY, "plans/education/x.md", "x", TAXONOMY)
    assert plan is not None
    found = {(p.line, p.message) for p in form_problems(plan)}
    assert (14, "heading level jumps from 2 to 4") in found
    assert (16, "a Markdown numbered list ('1. ') renumbers its items") in found
    assert all(p.severity == "warning" for p in form_problems(plan))
