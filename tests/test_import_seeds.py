"""End to end: the five seed collections through `planlib import`."""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO, SEEDS, make_repo, run_planlib
from planlib.document import plain_text

SEED_FILES = sorted(SEEDS.glob("*.txt"))
assert len(SEED_FILES) == 5, f"the five seed pages belong in {SEEDS}"
ITEM_LINE_RE = re.compile(r"篇\s*(?:[一二三四五六七八九十]+|\d+)\s*$")
CJK = "\u4e00-\u9fff"


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, list[dict]]:
    """A real import of all seeds into an empty library; the files and the JSON report."""
    root = make_repo(tmp_path_factory.mktemp("seeds") / "repo", plans=None)
    result = run_planlib("import", *map(str, SEED_FILES), cwd=root)
    assert result.returncode == 0, result.stderr
    report = run_planlib("import", "--dry-run", "--json", *map(str, SEED_FILES), cwd=root)
    assert report.returncode == 0, report.stderr
    return root, json.loads(report.stdout)["plans"]


def _body(root: Path, record: dict) -> str:
    text = (root / record["path"]).read_text(encoding="utf-8")
    return text.split("\n---\n", 1)[1]


def test_each_item_of_each_collection_is_one_plan(imported) -> None:
    _, records = imported
    for seed in SEED_FILES:
        lines = seed.read_text(encoding="utf-8").splitlines()
        announced = [line for line in lines if ITEM_LINE_RE.search(line.strip()) and "，" not in line]
        plans = [r for r in records if r["source"]["file"] == seed.name]
        items = [ITEM_LINE_RE.search(l.strip()).group(0).replace(" ", "") for l in announced]
        if seed.name.startswith("000"):  # 篇七 holds two plans: a 骨一科 plan, then “2016年护理工作计划”
            items.append("篇七之二")
        assert [r["source"]["item"] for r in plans] == items, seed.name
    counts = Counter(r["source"]["file"][:3] for r in records)
    assert counts == {"000": 8, "001": 8, "002": 3, "003": 5, "004": 6}
    assert len(records) == 30


def test_collection_titles_are_kept(imported) -> None:
    _, records = imported
    titles = {r["source"]["file"][:3]: r["source"]["collection"] for r in records}
    assert titles == {"000": "2023年宣教科室工作计划和目标(实用7篇)", "001": "有关科室工作计划范文锦集8篇",
                      "002": "医院科室年度工作计划", "003": "2023年小学少科室工作计划(汇总5篇)",
                      "004": "党校科室工作计划 科室工作计划(优秀6篇)"}


CHROME = ["小编", "我要投稿", "相关文章", "热门标签", "时间:", "来源:", "考生写作>", "仅供参考", "欢迎阅读",
          "第1页共", "臵", "的.", "的`", "的'", "医-学", "搜集整-理", "医学教育网", "□", "[]", "篇一", "篇1",
          "希望对大家", "飞鸿范文", "海考网"]


def test_no_chrome_junk_or_mojibake(imported) -> None:
    root, records = imported
    for record in records:
        body = _body(root, record)
        for junk in CHROME:
            assert junk not in body, (record["id"], junk)
        lines = {line.strip("# ") for line in body.splitlines()}
        assert record["source"]["collection"] not in lines
        assert "科室年度工作计划" not in lines and "科室工作计划" not in lines


def test_punctuation_in_chinese_text_is_fullwidth(imported) -> None:
    root, records = imported
    half = re.compile(rf"[{CJK}][,;:?!()]|[,;:?!()][{CJK}]")
    for record in records:
        text = plain_text(_body(root, record))
        assert not half.search(text), (record["id"], half.search(text).group(0))


def test_numbers_and_units_are_untouched(imported) -> None:
    root, records = imported
    # spacing between Chinese and digits is typography (style rule 4); the numbers and units are intact
    text = re.sub(r"\s+", "", "\n".join(plain_text(_body(root, r)) for r in records))
    for unit in ("1.5%", "70uW/cm2", "100uW/cm2", "<200cfu/ml", "<2EU/ml", "98.5%", "8-12个", "4-6分",
                 "B-D试验", "24h", "90%以上", "85分以上"):
        assert unit in text, unit


# month label, number of items, first item, last item: read off the seed pages
SCHEDULES = {
    ("000", "篇一"): [("九月份", 3, "1、做好迎新工作；", "3、教研组长制定各组教科研工作计划，班主任教师制定班务计划。"),
                     ("十月份", 3, "1、教学常规和幼儿一日常规检查；", "3、区域活动常规督导。"),
                     ("十一月份", 4, "1、周四组内讲课评课；", "4、区域活动常规督导。"),
                     ("十二月份", 4, "1、周四组内讲课评课；", "4、幼儿运动会。"),
                     ("元月份", 5, "1、常规教研；", "5、撰写各类总结。")],
    ("000", "篇二"): [("八月", 2, "1、各学科培训", "2、组织新生入学"),
                     ("九月", 12, "1、中小学整体开学视导、调研", "14、国庆庆祝活动"),
                     ("十月", 9, "1、各学科组织展示课、观摩课和研讨课", "10、准备全市教师技能大赛"),
                     ("十一月", 6, "1、初中生物优秀教学设计评选", "6、校园艺术节活动"),
                     ("十二月", 5, "1、12—1月美术课题研究活动", "5、结束新课、组织复习备考"),
                     ("20xx年元月", 1, "期末调研考试", "期末调研考试")],
    ("000", "篇三"): [("2月", 4, "1. 参加区教科室主任会议安排，制定工作计划。", "5. 参加“课题协作组”活动。"),
                     ("3月", 6, "1. 申报20xx年宁波市教科规划立项课题。", "6. 区专题调研申报立项。"),
                     ("4月", 4, "1. 参加区教育局学会年会。", "4. 做好市级立项课题开题抽查的迎检工作"),
                     ("5月", 4, "1. 进行期中教科室工作会议。", "4. 参加“课题协作组”活动。"),
                     ("6月", 4, "1. 市教育科研规划立项课题阶段总结、各级课题阶段小结。", "4. 参加“课题协作组”活动。"),
                     ("7月", 2, "1. 组织教师参与宁波市暑期心理健康教育培训活动。", "2. 做好市教育科规划课题延期结题准备。")],
    ("001", "篇2"): [("二月份", 3, "1、制定教科研工作计划。", "3、发放学习笔记。"),
                    ("三月份", 4, "1、组织开课日活动。", "6、制定技艺文化教育研究计划。"),
                    ("四月份", 1, "1、开展技艺文化教育实践课、心理教育课展示及研讨活动。", None),
                    ("五月份", 2, "1、开展教育随想评比活动。", "2、开展技艺文化教育评比活动。"),
                    ("六月份", 3, "1、检查教师听课笔记、学习笔记。", "3、检查各项教科研工作。")],
    ("001", "篇6"): [("二月", 2, "1、完成教科室工作计划", "2、参加年度教科研专项奖励的申报工作"),
                    ("三月", 2, "1、课题资料整理", "2、组织青年教师学习教科研理论"),
                    ("四月", 2, "1、专题讲座。", "4、举行各课题组联动研讨工作"),
                    ("五月份", 2, "1、组织教师的教育科研理论学习。", "3、布置德育课题结题资料的准备工作"),
                    ("六月份", 3, "1、各课题组上交课题研究资料。", "3、梳理课题研究工作，总结本学期工作，初步确定下学期工作计划。")],
    ("002", "篇三"): [("九月", 6, "1、制定学校教研工作计划，备课组活动方案，“优秀备课组”考核方案，“明星教师”评选方案。",
                      "6、与兄弟学校建立交流记实，制定本期互帮互学计划。"),
                     ("十月", 7, "1、继续开展集体备课研究活动。", "7、开展“三热爱”普通话朗诵比赛活动。"),
                     ("十一月", 4, "1、各备课组推选明星教师，学校对备课组进行中期评价。",
                      "4、学科竞赛：学生安全知识竞赛；优秀作业展评；冬季田径运动会。"),
                     ("十二月", 5, "1、教研组组织六年级教学研讨活动，主题是“探究模式下的学生学法”。", "5、制定复习计划，开展复习教学研究。"),
                     ("元月", 5, "1、考查学科的评价工作。", "5、各线资料归类、整理、完成工作总结")],
    ("003", "篇二"): [("九月份", 4, "2、准备“四节”活动；", "5、启动“青蓝工程”师徒结对活动；"),
                     ("十月份", 2, "1、启动校级论文、课题评审活动；", "3、数字化学习团队教研活动展示及研讨；"),
                     ("十一月份", 3, "1、个人课题中期检查管理；", "3、迎接区教育局办学水平督导工作；"),
                     ("十二月份", 4, "1、菜单式讲座；", "4、完善《淳谨课堂评价表》，关注课堂文化行为；"),
                     ("一月份", 4, "1、部分个人课题结题；", "4、完成学期工作总结及下一学期工作计划；")],
    ("003", "篇三"): [("九月份", 5, "1. 进行新学期校本培训，组织各学科组集体备课。", "5. 迎接区综合督导评估活动。"),
                     ("十月份", 4, "1. 举行“金秋之韵”校本研修活动。", "4. 举行英语“思维导图与学生作业”专题研讨活动。"),
                     ("十一月份", 6, "1. 加强“泰微课”资源建设及推广工作。", "6. 举行四、五、六年级学生写字竞赛。"),
                     ("十二月份", 5, "1. 组织教师积极撰写论文，参加各级各类论文评选。", "5. 举行学生英语学科主题活动。"),
                     ("元月份", 4, "1. 教学一得评比活动。", "4. 汇编行思集。")],
    ("004", "篇三"): [("八月份", 2, "2. 报送职称资料", "3. 反馈读书社团暑期活动情况。"),
                     ("九月份", 3, "1. 召开课题组长会议和读书社团组长会议；", "3. 组织省教育学会论文参赛。"),
                     ("十月份", 3, "1. 组织省规划课题（数学）研讨活动；", "3. 收集活动的过程性资料。"),
                     ("十一月份", 4, "1. 准备教科研年检；", "4. 骨干教师读书社团活动"),
                     ("十二月份", 3, "1. 参加教科研年检；", "3. 组织省规划课题（语文）研讨活动。"),
                     ("一月份", 3, "1. 都江区骨干年度考核；", "3. 完成教科室总结。")],
}


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _letters(text: str) -> str:
    return re.sub(r"[^\w]", "", text)


def test_every_schedule_month_and_item_in_order(imported) -> None:
    _, records = imported
    by_key = {(r["source"]["file"][:3], r["source"]["item"]): r for r in records}
    with_schedule = {key for key, record in by_key.items() if record["schedule"]}
    assert with_schedule == set(SCHEDULES)
    for key, months in SCHEDULES.items():
        schedule = by_key[key]["schedule"]
        assert [m["label"] for m in schedule] == [m[0] for m in months], key
        for got, (label, count, first, last) in zip(schedule, months):
            assert len(got["items"]) == count, (key, label)
            assert _squash(got["items"][0]) == _squash(first), (key, label)
            if last is not None:
                assert _squash(got["items"][-1]) == _squash(last), (key, label)
            assert 1 <= got["month"] <= 12
    # the items appear in the source in the same order
    for record in records:
        if not record["schedule"]:
            continue
        source = _letters((SEEDS / record["source"]["file"]).read_text(encoding="utf-8"))
        position = 0
        for month in record["schedule"]:
            for item in month["items"]:
                probe = _letters(item)[1:8]
                found = source.find(probe, position)
                assert found >= 0, (record["id"], item)
                position = found
    assert by_key[("000", "篇二")]["schedule"][-1]["month"] == 1


def test_accounting_nothing_dropped_but_what_removed_lists(imported) -> None:
    """Character accounting: source = output + removed − replacements, for every plan."""
    root, records = imported
    for record in records:
        lines = (SEEDS / record["source"]["file"]).read_text(encoding="utf-8").split("\n")
        first, last = record["source_lines"]
        source = Counter(_squash("".join(lines[first - 1:last])))
        body = _body(root, record)
        for heading in record["added_headings"]:
            body = body.replace(f"## {heading}\n", "", 1)
        output = Counter(_squash(plain_text(body)))
        removed = Counter()
        replaced = Counter()
        for removal in record["removed"]:
            removed.update(_squash(removal["text"]))
            replaced.update(_squash(removal.get("replaced_by") or ""))
        assert source == output + removed - replaced, record["id"]
    # the whole of every seed page is covered by its plans' line ranges
    for seed in SEED_FILES:
        ranges = sorted(r["source_lines"] for r in records if r["source"]["file"] == seed.name)
        assert ranges[0][0] == 1
        assert ranges[-1][1] == len(seed.read_text(encoding="utf-8").split("\n"))
        assert all(a[1] + 1 == b[0] for a, b in zip(ranges, ranges[1:]))


def test_removed_lists_name_their_rules(imported) -> None:
    _, records = imported
    rules = Counter(removal["rule"] for record in records for removal in record["removed"])
    for rule in ("breadcrumb", "page-meta", "intro", "collection-title", "item-heading", "related-articles",
                 "hot-tags", "anti-copy-insertion", "spliced-site-name", "mojibake", "lost-punctuation",
                 "title-watermark", "fullwidth-punctuation"):
        assert rules[rule] > 0, rule


def test_repeated_plan_is_marked_and_kept_out_of_indexes(imported) -> None:
    root, records = imported
    by_key = {(r["source"]["file"][:3], r["source"]["item"]): r for r in records}
    first, fifth = by_key[("004", "篇一")], by_key[("004", "篇五")]
    assert fifth["duplicate_of"] == first["id"]
    assert [r["id"] for r in records if r["duplicate_of"]] == [fifth["id"]]
    from planlib.library import load_library

    library = load_library(root)
    assert fifth["id"] not in {plan.id for plan in library.published}


def test_imported_library_checks_clean(imported) -> None:
    root, _ = imported
    result = run_planlib("check", cwd=root)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].startswith("ok: 30 plans checked, no problems")
    warnings = [line for line in result.stdout.splitlines()[:-1]]
    assert all(": warning: " in line for line in warnings) and len(warnings) <= 5


def test_committed_library_is_the_import_of_the_seeds(imported) -> None:
    root, _ = imported
    fresh = {p.relative_to(root / "plans"): p.read_bytes() for p in (root / "plans").rglob("*.md")}
    committed = {p.relative_to(REPO / "plans"): p.read_bytes() for p in (REPO / "plans").rglob("*.md")
                 if (p.read_text(encoding="utf-8").find("\nsource:\n") > 0)}
    assert committed == fresh


def test_importing_twice_changes_nothing(imported, tmp_path) -> None:
    root, _ = imported
    before = {p: p.read_bytes() for p in (root / "plans").rglob("*.md")}
    again = run_planlib("import", *map(str, SEED_FILES), cwd=root)
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("unchanged") == 30 and "written" not in again.stdout
    assert {p: p.read_bytes() for p in (root / "plans").rglob("*.md")} == before


def test_gbk_copy_imports_to_the_same_plans(imported, tmp_path) -> None:
    root, _ = imported
    copies = tmp_path / "gbk"
    copies.mkdir()
    for seed in SEED_FILES:
        (copies / seed.name).write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
    other = make_repo(tmp_path / "repo", plans=None)
    result = run_planlib("import", *map(str, sorted(copies.iterdir())), cwd=other)
    assert result.returncode == 0, result.stderr
    assert "gb18030" in result.stdout
    fresh = {p.relative_to(other / "plans"): p.read_bytes() for p in (other / "plans").rglob("*.md")}
    original = {p.relative_to(root / "plans"): p.read_bytes() for p in (root / "plans").rglob("*.md")}
    assert fresh == original
    shutil.rmtree(other)


# --- the seed audit (the audit's findings, each kind now absent) -------------------------------------------

NUMBER_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．，]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\\?[、.．。]|[⒈-⒛⑴-⒇①-⑳])\s*")


def _headings(body: str) -> list[tuple[int, str]]:
    return [(len(line) - len(line.lstrip("#")), line.lstrip("#").strip()) for line in body.splitlines()
            if line.startswith("#")]


def test_no_sentence_made_a_heading(imported) -> None:
    root, records = imported
    for record in records:
        for _, heading in _headings(_body(root, record)):
            text = NUMBER_RE.sub("", heading)
            assert len(text) <= 40 and "。" not in text, (record["id"], heading)


def test_no_empty_parts(imported) -> None:
    root, records = imported
    for record in records:
        headings = [(level, text) for level, text in _headings(_body(root, record))]
        body = _body(root, record).split("\n")
        starts = [number for number, line in enumerate(body) if line.startswith("## ")] + [len(body)]
        for start, end in zip(starts, starts[1:]):
            assert "".join(body[start + 1:end]).strip(), (record["id"], body[start])
        assert headings and headings[0][0] == 2


def test_titles_tell_the_plans_apart(imported) -> None:
    _, records = imported
    titles = Counter(record["title"] for record in records)
    assert titles.most_common(1)[0][1] == 1, titles.most_common(3)
    named = {record["source"]["item"]: record["title"] for record in records if record["source"]["file"][:3] == "000"}
    assert named["篇四"].startswith("泰州市城东中心小学") and "陵县人民医院" in named["篇五"]


JUNK = ["规范化 and 高效化", "互帮互助？智慧共生", "互帮互助?智慧共生", "班级管 理", "课题项\n", "最低\n", "1。课题研究抓好"]


def test_no_junk_of_the_audited_kinds(imported) -> None:
    root, records = imported
    text = "\n".join(_body(root, record) for record in records)
    for junk in JUNK:
        assert junk not in text, junk
    assert "规范化和高效化" in text and "互帮互助·智慧共生" in text and "班级管理" in text
    assert re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", "".join(
        line for line in text.splitlines() if "。" in line)) is None, "no space inside running Chinese text"


def test_two_plans_in_one_item_are_split(imported) -> None:
    root, records = imported
    by_item = {r["source"]["item"]: r for r in records if r["source"]["file"][:3] == "000"}
    first, second = by_item["篇七"], by_item["篇七之二"]
    assert "骨一科" in _body(root, first) and "22016年护理工作计划" not in _body(root, first)
    assert _body(root, second).lstrip().startswith("## 一、加强护士在职教育")
    assert second["year"] == 2016 and first["year"] == "unknown"


def test_years_only_from_the_plans_own_words(imported) -> None:
    root, records = imported
    for record in records:
        assert record["year"] != 2023, record["id"]  # the collections' year, stated by no plan
        if record["year"] != "unknown":
            lines = (SEEDS / record["source"]["file"]).read_text(encoding="utf-8").split("\n")
            first, last = record["source_lines"]
            own = "".join(lines[first - 1:last])
            assert str(record["year"]) in own or "零九" in own, record["id"]
    assert {r["source"]["published"] for r in records if r["source"]["file"][:3] == "001"} == {"2023-04-14"}
    assert {r["source"]["site"] for r in records if r["source"]["file"][:3] in ("001", "002")} == {"海考网", "飞鸿范文帮"}


def test_every_import_has_a_review(imported) -> None:
    _, records = imported
    for record in records:
        facts = [note["message"] for note in record["review"]["inferred"]]
        assert any(message.startswith(("institution ", "year ")) for message in facts), record["id"]
        assert all(isinstance(note["line"], int) for note in record["review"]["look_at"])
