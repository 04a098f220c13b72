"""The maintainer workflow: planlib new, near-duplicates, typography --fix, annotations, the PR kit."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import REPO, make_repo, run_planlib
from planlib.checker import duplicate_problems
from planlib.library import load_library
from planlib.render import Renderer
from planlib.site import prepare, site_pages
from planlib.new import slug_for_title

NEW = ["new", "--title", "2024年城东小学教科室第二学期工作计划", "--sector", "education", "--institution",
       "primary", "--section", "教科室", "--year", "2024", "--term", "spring"]
FILLED = {
    "（请填写：本计划依据的上级文件、单位的工作要点和总体思路）": "以课题研究为载体，以课堂教学为主阵地，提升教师专业素养。",
    "（请填写：这一学期要达到的目标，可以分条写）": "完成市级课题中期检查，每位青年教师上一节研究课。",
    "（请填写第一项工作的标题）": "课题研究",
    "（请填写具体措施）": "每月召开一次课题组会议。",
    "（请填写：组织领导、制度、经费等方面的保障；没有可以删去这一部分）": "成立教科研领导小组，落实经费。",
}


def fill_in(path: Path) -> None:
    """What a teacher does with the skeleton: write the parts, keep two months of the schedule."""
    text = path.read_text(encoding="utf-8")
    for template, content in FILLED.items():
        text = text.replace(template, content)
    text = re.sub(r"- 1、（请填写二月的活动[^\n]*", "- 1、制定教科室工作计划。\n- 2、召开课题负责人会议。", text)
    text = re.sub(r"- 1、（请填写三月的活动[^\n]*", "- 1、组织青年教师研究课。", text)
    text = re.sub(r"\n### (四|五|六)月份\n\n- 1、（请填写[^\n]*\n", "\n", text)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo", plans=REPO / "plans")


def test_new_plan_end_to_end(repo: Path) -> None:
    result = run_planlib(*NEW, cwd=repo)
    assert result.returncode == 0, result.stderr
    slug = slug_for_title("2024年城东小学教科室第二学期工作计划")
    path = repo / "plans" / "education" / f"{slug}.md"
    assert path.exists() and f"wrote plans/education/{slug}.md" in result.stdout
    # an unfilled skeleton does not pass
    unfilled = run_planlib("check", str(path), cwd=repo)
    assert unfilled.returncode == 1 and "template text left in the plan" in unfilled.stdout
    fill_in(path)
    checked = run_planlib("check", str(path), cwd=repo)
    assert checked.returncode == 0, checked.stdout
    # never overwritten
    again = run_planlib(*NEW, cwd=repo)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert "每月召开一次课题组会议" in path.read_text(encoding="utf-8")
    # it appears in the right indexes and calendars after a build
    # the build's pages and files (in-process: the same functions the hooks call)
    library = load_library(repo)
    assert slug in {plan.id for plan in library.published}
    data = prepare(library)
    renderer = Renderer(repo / "overrides" / "planlib")
    pages = {page.src_uri: page for page in site_pages(data, "zh")}
    assert f"plan/{slug}.md" in pages
    for index in ("browse/section/jiaokeshi/", "browse/year/2024/", "browse/sector/education/primary/",
                  "browse/term/spring/"):
        html = "".join(renderer.render(page, "zh") for uri, page in pages.items() if uri.startswith(index))
        assert f"plan/{slug}/" in html, index
    february = renderer.render(pages["calendar/month-02/index.md"], "zh")
    assert "召开课题负责人会议" in february and f"plan/{slug}/" in february
    plan_page = renderer.render(pages[f"plan/{slug}.md"], "zh")
    assert "召开课题负责人会议" in plan_page[plan_page.index('class="plan-ics"'):]  # its calendar's entries


def test_new_asks_for_what_is_missing(repo: Path) -> None:
    answers = "2025年城西医院护理部年度工作计划\nhealth\nhospital\n教科室\n护理部\n二零二五\n2025\nyear\n"
    result = run_planlib("new", cwd=repo, input=answers)
    assert result.returncode == 0, result.stderr
    assert "unknown" not in result.stdout
    assert "section '教科室' is not used in sector 'health'" in result.stderr  # asked again
    assert "year must be a number such as 2023, or the word unknown" in result.stderr  # check's own words
    path = next((repo / "plans" / "health").glob("2025-nian-cheng-xi-*.md"))
    text = path.read_text(encoding="utf-8")
    assert "section: 护理部" in text and "year: 2025" in text and "### 十二月" in text


def test_new_without_answers_is_a_clear_error(repo: Path) -> None:
    result = run_planlib("new", "--title", "某计划", cwd=repo, input="")
    assert result.returncode == 1 and "no answer for --sector" in result.stderr
    assert "Traceback" not in result.stderr


def test_seed_pair_that_repeats_itself_is_flagged_and_nothing_else(repo: Path) -> None:
    assert "%" not in run_planlib("check", cwd=repo).stdout  # declared with duplicate_of: not flagged
    fifth = next((repo / "plans").rglob("secondary-jiaokeshi-xxxx-0a95-5.md"))
    fifth.write_text(re.sub(r"\nduplicate_of: [^\n]+", "", fifth.read_text(encoding="utf-8")), encoding="utf-8")
    result = run_planlib("check", cwd=repo)
    assert result.returncode == 1
    flagged = [line for line in result.stdout.splitlines() if "% the same as" in line]
    assert len(flagged) == 1, flagged
    assert re.match(r"plans/education/secondary-jiaokeshi-xxxx-0a95-5\.md:1: 9\d% the same as "
                    r"plans/education/secondary-jiaokeshi-xxxx-0a95-1\.md \(if it repeats that plan, add "
                    r"duplicate_of: secondary-jiaokeshi-xxxx-0a95-1", flagged[0])


def test_a_copy_with_small_edits_is_flagged_with_its_similarity(repo: Path) -> None:
    original = next((repo / "plans").rglob("kindergarten-jiaokeshi-xxxx-7b8f-1.md"))
    copy = original.with_name("chengdong-youeryuan-jiaokeshi-2024.md")
    text = original.read_text(encoding="utf-8").replace("幼儿园教科室", "城东幼儿园教科室")
    text = text.replace("做好迎新工作", "做好新生入园工作").replace("幼儿运动会", "亲子运动会")
    copy.write_text(text, encoding="utf-8")
    result = run_planlib("check", str(copy), cwd=repo)
    assert result.returncode == 1
    match = re.search(r"chengdong-youeryuan-jiaokeshi-2024\.md:1: (\d+)% the same as "
                      r"plans/education/kindergarten-jiaokeshi-xxxx-7b8f-1\.md", result.stdout)
    assert match and 90 <= int(match.group(1)) <= 100


def test_fix_corrects_typography_and_is_idempotent(repo: Path) -> None:
    plan = repo / "plans" / "health" / "messy.md"
    shutil.copy(next((repo / "plans").rglob("hospital-ganranguanlike-xxxx-2b63-1.md")), plan)
    text = plan.read_text(encoding="utf-8")
    text = text.replace("院感知识考试成绩 85 分以上", "院感知识考试成绩85分以上")
    text = text.replace("手卫生", "手\u200b卫生", 1)
    plan.write_bytes(("\ufeff" + text).replace("\n", "\r\n").encode("utf-8"))
    before = run_planlib("check", str(plan), cwd=repo)
    assert before.returncode == 1
    assert "typography: " in before.stdout and "byte-order mark" in before.stdout
    fixed = run_planlib("check", "--fix", str(plan), cwd=repo)
    assert fixed.returncode == 1  # it still repeats the plan it was copied from
    assert "fixed: plans/health/messy.md" in fixed.stdout
    assert "typography" not in fixed.stdout and "byte-order" not in fixed.stdout and "invisible" not in fixed.stdout
    once = plan.read_bytes()
    assert "院感知识考试成绩 85 分以上".encode() in once and b"\r" not in once and not once.startswith(b"\xef\xbb\xbf")
    again = run_planlib("check", "--fix", str(plan), cwd=repo)
    assert "fixed:" not in again.stdout
    assert plan.read_bytes() == once


def test_warnings_become_github_annotations(repo: Path) -> None:
    plan = next((repo / "plans").rglob("hospital-hulibu-xxxx-7b8f-7.md"))
    plan.write_text(plan.read_text(encoding="utf-8").replace("骨一科床位 48 张", "骨一科床位48张"), encoding="utf-8")
    result = run_planlib("check", "--github", str(plan), cwd=repo)
    assert result.returncode == 0
    assert re.search(r"^::warning file=plans/health/hospital-hulibu-xxxx-7b8f-7\.md,line=\d+::typography: ", result.stdout, re.M)


def test_pull_request_kit_and_ci() -> None:
    template = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    assert "planlib check" in template and "- [ ]" in template
    forms = {p.name for p in (REPO / ".github" / "ISSUE_TEMPLATE").glob("*.yml")}
    assert {"submit-plan.yml", "report-problem.yml"} <= forms
    workflow = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    for step in ("planlib check", ".ci/run", "mkdocs build --strict", "lychee", "upload-artifact"):
        assert step in workflow, step
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "docs/contributing.md" in readme


def test_the_library_repeats_no_plan_it_does_not_declare() -> None:
    library = load_library(REPO)
    assert duplicate_problems(library, {plan.path for plan in library.plans}) == []
