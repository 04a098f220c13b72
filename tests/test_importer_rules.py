"""Each importer rule on real snippets from template sites."""

from __future__ import annotations

import pytest

from conftest import REPO
from planlib.importer.classify import classify, years_in
from planlib.importer.clean import clean_plan, fullwidth_punctuation, join_cut_paragraphs, title_variants
from planlib.importer.decode import DecodeError, decode_page
from planlib.importer.ledger import Ledger, Para
from planlib.importer.page import split_page
from planlib.importer.pipeline import import_page
from planlib.importer.review import Review
from planlib.taxonomy import load_taxonomy

TAXONOMY = load_taxonomy(REPO / "plans" / "taxonomy.yml")


def cleaned(text: str, title: str = "") -> tuple[str, Ledger]:
    ledger = Ledger()
    paras = clean_plan([Para.from_line(line, n) for n, line in enumerate(text.split("\n"), 1)],
                       title_variants(title), ledger)
    return "\n".join(p.text for p in paras), ledger


def one_plan(text: str):
    page = import_page(text.encode("utf-8"), "snippet.txt", TAXONOMY)
    assert page.problems == [], [p.format() for p in page.problems]
    assert len(page.plans) == 1
    return page.plans[0]


# --- decoding -------------------------------------------------------------

SAMPLE = "一、指导思想\n\n认真贯彻落实学校工作意见，提高教育教学质量。\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_encodings_are_detected(encoding: str) -> None:
    decoded = decode_page(SAMPLE.encode(encoding))
    assert decoded.text == SAMPLE


def test_big5_is_read() -> None:
    traditional = "一、指導思想\n\n認真貫徹落實學校工作意見，提高教育教學質量，加強教師隊伍建設。\n" * 3
    assert decode_page(traditional.encode("big5")).text == traditional


def test_crlf_and_cr_become_lf() -> None:
    assert decode_page("甲\r\n乙\r丙".encode()).text == "甲\n乙\n丙"


def test_saved_html_page_keeps_text_and_drops_markup() -> None:
    html = ("<html><head><title>科室工作计划</title><script>var ad=1;</script></head><body>"
            "<div class='nav'>首页</div><p>一、指导思想</p><p>认真贯彻&nbsp;落实。</p><br>"
            "<style>p{color:red}</style></body></html>")
    decoded = decode_page(html.encode("gbk"))
    assert decoded.was_html
    assert "var ad" not in decoded.text and "color:red" not in decoded.text and "<p>" not in decoded.text
    lines = [line.strip() for line in decoded.text.splitlines() if line.strip()]
    assert "一、指导思想" in lines and "认真贯彻\xa0落实。" in lines


@pytest.mark.parametrize("data,why", [(b"", "empty"), (b"\x00\x01\x02" * 100, "binary"),
                                      (bytes(range(256)) * 50, "binary")])
def test_undecodable_input_says_why(data: bytes, why: str) -> None:
    with pytest.raises(DecodeError, match=why):
        decode_page(data)


# --- the page: split and chrome ----------------------------------------------

PAGE = """海考网>考生写作>应用文>工作计划>科室工作计划

科室工作计划

时间:2023-04-14 13:42:52 工作计划 我要投稿

有关科室工作计划范文锦集8篇

  时间就如同白驹过隙般的流逝,迎接我们的将是新的生活。以下是小编整理的科室工作计划9篇,仅供参考,大家一起来看看吧。

有关科室工作计划范文锦集8篇

科室工作计划 篇1

  一、指导思想

  坚持以科研为先导。

科室工作计划 篇2

  一、指导思想

  注重课题研究。

第1页共2页

【科室工作计划】相关文章:

医院科室工作计划02-07

精选科室工作计划八篇04-28
"""


def test_page_is_split_into_its_items_and_chrome_is_removed() -> None:
    page = split_page(PAGE)
    assert page.title == "有关科室工作计划范文锦集8篇"
    assert [plan.item for plan in page.plans] == ["篇1", "篇2"]
    first_rules = {r.rule for r in page.plans[0].ledger.removals}
    assert {"breadcrumb", "page-meta", "collection-title", "intro", "item-heading"} <= first_rules
    last = page.plans[1].ledger.removals
    assert {"page-marker", "related-articles"} <= {r.rule for r in last}
    assert any(r.text == "医院科室工作计划02-07" for r in last)
    kept = [p.text.strip() for plan in page.plans for p in plan.lines if p.text.strip()]
    assert kept == ["一、指导思想", "坚持以科研为先导。", "一、指导思想", "注重课题研究。"]
    assert (page.published, page.site) == ("2023-04-14", "海考网")


def test_source_line_and_hot_tags() -> None:
    page = split_page("医院科室年度工作计划\n\n来源:飞鸿范文帮 2W\n\n下面是本站小编收集整理的医院科室年度工作计划,欢迎阅读。\n\n"
                      "医院科室年度工作计划篇一\n\n一、工作目标\n\n提高质量。\n\n热门标签\n")
    rules = [r.rule for r in page.plans[0].ledger.removals]
    assert "page-meta" in rules and "intro" in rules and "hot-tags" in rules


def test_a_page_with_a_single_plan_gives_one_plan() -> None:
    imported = one_plan("小学教科室工作计划\n\n一、指导思想\n\n以课题研究为抓手，提升教师专业素养。\n\n"
                        "二、工作安排\n\n九月份：\n\n1、制定计划；\n\n十月份：\n\n1、听课评课。\n")
    assert imported.plan.meta.source.item is None
    assert [p.title for p in imported.plan.parts] == ["一、指导思想", "二、工作安排"]
    assert [m.label for m in imported.plan.schedule] == ["九月份", "十月份"]


# --- junk inside plans --------------------------------------------------------

@pytest.mark.parametrize("source,expected", [
    ("做好2万字以上的.学习笔记。", "做好2万字以上的学习笔记。"),
    ("协调有关问题的.解决。", "协调有关问题的解决。"),
    ("对工作未满三年的`青年或薄弱教师进行业务传帮带", "对工作未满三年的青年或薄弱教师进行业务传帮带"),
    ("特别是来自农村小学的'教师，以前一心扑在教学上", "特别是来自农村小学的教师，以前一心扑在教学上"),
])
def test_anti_copy_insertions_after_de(source: str, expected: str) -> None:
    text, ledger = cleaned(source)
    assert text == expected
    assert [r.rule for r in ledger.removals] == ["anti-copy-insertion"]


def test_spliced_site_signature_is_cut_exactly() -> None:
    text, ledger = cleaned("各个层次的领导干部坚持用时代发展的要求审视自己，以改革的精神加强医-学教育-网搜集整-理自己，提高自己。")
    assert text == "各个层次的领导干部坚持用时代发展的要求审视自己，以改革的精神加强自己，提高自己。"
    assert [(r.rule, r.text) for r in ledger.removals] == [("spliced-site-name", "医-学教育-网搜集整-理")]


def test_mojibake_zhi() -> None:
    text, ledger = cleaned("医务人员熟悉医院感染暴发的报告和处臵流程，重点对ICU留臵导尿管所致尿路感染。")
    assert text == "医务人员熟悉医院感染暴发的报告和处置流程，重点对ICU留置导尿管所致尿路感染。"
    assert {(r.rule, r.text, r.replaced_by) for r in ledger.removals} == {("mojibake", "臵", "置")}


def test_lost_punctuation_placeholders() -> None:
    text, _ = cleaned("病房管理是科室管理的薄弱环节[]20xx年病房管理工作细化，每项工作指定一位负责人。")
    assert text == "病房管理是科室管理的薄弱环节，20xx年病房管理工作细化，每项工作指定一位负责人。"
    text, _ = cleaned("丰富栏目，提升杂志档次□20xx年的专栏设置应凸显课题研究的情况。")
    assert "□" not in text and "档次，20xx年" in text


def test_title_watermarks() -> None:
    text, ledger = cleaned("为“xx”教科室工作目标奠定基础，\n科室年度工作计划\n（1）内容求实、风格各异的教学风气",
                           "医院科室年度工作计划")
    assert "科室年度工作计划" not in text.split("\n")
    text, _ = cleaned("医院科室年度工作计划xx年是“xx”发展的第一年，也是医疗卫生事业进入改革、发展的关键一年。",
                      "医院科室年度工作计划")
    assert text.startswith("xx年是“xx”发展的第一年")
    # a plan's own sub-title is not a watermark
    text, _ = cleaned("22016年护理工作计划", "2023年宣教科室工作计划和目标(实用7篇)")
    assert text == "22016年护理工作计划"


@pytest.mark.parametrize("source,expected", [
    ("时间就如同白驹过隙般的流逝,迎接我们的将是新的生活;", "时间就如同白驹过隙般的流逝，迎接我们的将是新的生活；"),
    ("相信许多人会觉得计划很难写?", "相信许多人会觉得计划很难写？"),
    ("指导思想:", "指导思想："),
    ("《中国共产党党内监督条例(试行)》", "《中国共产党党内监督条例（试行）》"),
    ("(1) 每周一常规教研", "（1）每周一常规教研"),
    ("全年医院感染率控制在1.5%左右", "全年医院感染率控制在1.5%左右"),
    ("其强度不得低于70uW/cm2,新灯管使用前", "其强度不得低于70uW/cm2，新灯管使用前"),
    ("每位护士分管8-12个病人", "每位护士分管8-12个病人"),
    ("每周一、周二到临床科室抽查4-6分环节病历", "每周一、周二到临床科室抽查4-6分环节病历"),
    ("细菌菌落总数必须<200cfu/ml。内毒素<2EU/ml。", "细菌菌落总数必须<200cfu/ml。内毒素<2EU/ml。"),
    ("时间:2023-04-14 13:42:52", "时间：2023-04-14 13:42:52"),
    ("共1,000人", "共1,000人"),
])
def test_fullwidth_punctuation_in_chinese_text_only(source: str, expected: str) -> None:
    ledger = Ledger()
    para = Para.from_line(source, 1)
    fullwidth_punctuation(para, ledger)
    assert para.text.replace(" ", "") == expected.replace(" ", "")


def test_paragraphs_cut_by_the_page_are_joined() -> None:
    paras = [Para.from_line(t, n) for n, t in enumerate([
        "（3）本学期教师仍实行文档备课，全部教师备半日活动，分年龄段按不同要求进行备课，由15年教龄的经验型教师备简",
        "案，青年教师备详案。",
        "利用每年评优评先、职称晋升工作让老师们体验到了自己的",
        "价值，认识到要用爱岗敬业的良好师德去赢得社会尊重。",
        "（1）组织教师参加教师基本功比赛活动",
        "以全市组织的幼儿教师基本功比赛为契机。",
    ], 1)]
    texts = [p.text for p in join_cut_paragraphs(paras)]
    assert texts == [
        "（3）本学期教师仍实行文档备课，全部教师备半日活动，分年龄段按不同要求进行备课，由15年教龄的经验型教师备简案，青年教师备详案。",
        "利用每年评优评先、职称晋升工作让老师们体验到了自己的价值，认识到要用爱岗敬业的良好师德去赢得社会尊重。",
        "（1）组织教师参加教师基本功比赛活动",
        "以全市组织的幼儿教师基本功比赛为契机。",
    ]


# --- structure ---------------------------------------------------------------

def test_numbering_levels_become_parts_subheadings_and_lists() -> None:
    imported = one_plan("""学校工作计划

一、指导思想

坚持以科研为先导，造就一支科研型的教师队伍。

二、具体工作及实施措施

（一）加强教师队伍建设

1、读书反思提升

继续实施“教师读书成长”工程。

2、专家引领辐射

（1）邀请专家、教研员进学校；

（2）组织外出学习。

三、
1. 认真开展市级立项课题。
2. 继续开展区域内“课题协作组”活动。
""")
    body = imported.file_text.split("---\n", 2)[2]
    assert "## 一、指导思想" in body and "## 二、具体工作及实施措施" in body
    assert "### （一）加强教师队伍建设" in body
    assert "#### 1、读书反思提升" in body and "#### 2、专家引领辐射" in body
    assert "- （1）邀请专家、教研员进学校；\n- （2）组织外出学习。" in body
    # a heading whose title was lost keeps its content
    assert "## 三、\n\n- 1\\. 认真开展市级立项课题。\n- 2\\. 继续开展区域内“课题协作组”活动。" in body
    assert [p.kind for p in imported.plan.parts] == ["guiding", "measures", "other"]


def test_text_before_the_first_heading_becomes_a_part() -> None:
    imported = one_plan("认真贯彻落实市教育局年度教育工作意见，以课题研究为主线。\n\n二、工作目标：\n\n完成教学论文。\n")
    assert [p.title for p in imported.plan.parts] == ["一、指导思想", "二、工作目标"]
    assert imported.added_headings == ["一、指导思想"]


MONTH_FORMS = {
    "colon and list": ("九月份：\n\n- 1、做好迎新工作；\n- 2、检查班级环境创设。\n\n十月份：\n\n- 1、教学常规检查；",
                       [("九月份", (9,), ["1、做好迎新工作；", "2、检查班级环境创设。"]), ("十月份", (10,), ["1、教学常规检查；"])]),
    "no colon": ("十一月份\n\n- 1、周四组内讲课评课；\n\n十二月份\n\n- 1、全园集中培训；",
                 [("十一月份", (11,), ["1、周四组内讲课评课；"]), ("十二月份", (12,), ["1、全园集中培训；"])]),
    "digits and half-width colon": ("2月：\n\n1. 参加区教科室主任会议。\n3. 组织开展校级论文评选。\n\n3月：\n\n1. 申报课题。",
                                    [("2月", (2,), ["1. 参加区教科室主任会议。", "3. 组织开展校级论文评选。"]),
                                     ("3月", (3,), ["1. 申报课题。"])]),
    "chinese month, half-width colon": ("二月:\n\n1、完成教科室工作计划\n\n三月:\n\n1、课题资料整理",
                                        [("二月", (2,), ["1、完成教科室工作计划"]), ("三月", (3,), ["1、课题资料整理"])]),
    "元月 with year": ("十二月\n\n- 1、各教研组工作总结\n\n20xx年元月\n\n期末调研考试\n\n说明：各学科教研组应根据本组实际适时安排活动。",
                     [("十二月", (12,), ["1、各教研组工作总结"]), ("20xx年元月", (1,), ["期末调研考试"])]),
    "月份 活动名称 header": ("月份 活动名称\n\n八月\n\n- 1、各学科培训\n- 2、组织新生入学",
                         [("八月", (8,), ["1、各学科培训", "2、组织新生入学"])]),
    "table rows": ("2月 | 1.制定计划 2.开学检查\n3月 | 1.听课评课 2.教研活动 4.论文评比",
                   [("2月", (2,), ["1.制定计划", "2.开学检查"]), ("3月", (3,), ["1.听课评课", "2.教研活动", "4.论文评比"])]),
    "inline block, unmarked: one item": ("9月份。组织开学;检查备课;召开会议。\n10月份。期中考试;家长会。",
                                         [("9月份", (9,), ["组织开学；检查备课；召开会议。"]),
                                          ("10月份", (10,), ["期中考试；家长会。"])]),
    "several numbered items on one line": ("三月:\n1、雷锋教育活动。2、感恩教育活动。3、主题班队。\n四月:\n1、黑板报评比。",
                                           [("三月", (3,), ["1、雷锋教育活动。", "2、感恩教育活动。", "3、主题班队。"]),
                                            ("四月", (4,), ["1、黑板报评比。"])]),
    "theme after the month name": ("十月:深深爱国情\n1.加强常规教育\n2.第二期黑板报\n十一月主题:拳拳感恩心\n1.召开队干会议",
                                   [("十月", (10,), ["1.加强常规教育", "2.第二期黑板报"]),
                                    ("十一月", (11,), ["1.召开队干会议"])]),
    "topic after the month name": ("二月园务行政\n1. 学习规程和纲要。\n三月园务行政\n1. 家长会：\n2. 全体职工大会。",
                                   [("二月", (2,), ["1. 学习规程和纲要。"]), ("三月", (3,), ["1. 家长会：", "2. 全体职工大会。"])]),
    "sub-items and continuations": ("二月份\n1、开学准备工作\n(1)教室消毒。  (2)床铺清理。\n2、入园体检\n三月份\n1、保教\n活动：参观厨房。",
                                    [("二月份", (2,), ["1、开学准备工作", "2、入园体检"]),
                                     ("三月份", (3,), ["1、保教活动：参观厨房。"])]),
    "festival lines and group labels are no items": ("一月\n元旦：新年联欢。\n常规事项：\n1、期末总结。\n二月\n春节：团聚。\n1、开学准备。",
                                                     [("一月", (1,), ["1、期末总结。"]), ("二月", (2,), ["1、开学准备。"])]),
    "phases with their time": ("（一）第一阶段（7月下旬至8月中旬）\n1.全面动员布置。\n2.广泛宣传。\n（二）第二阶段（8月下旬至9月中旬）\n1.教育学生。",
                               [("7月下旬至8月中旬", (7, 8), ["1.全面动员布置。", "2.广泛宣传。"]),
                                ("8月下旬至9月中旬", (8, 9), ["1.教育学生。"])]),
    "pipe table with items on one line": ("|\n月份 |\n重点工作安排 |\n|\n2月 |\n1.制定计划。 2.参加会议。 |\n|\n3月 |\n1.月例会。 |",
                                          [("2月", (2,), ["1.制定计划。", "2.参加会议。"]), ("3月", (3,), ["1.月例会。"])]),
    "comma table": (",一月,\n,学期尾声,常规事项:,\n,1、年终总结。,2、发放年终奖。,\n,二月,\n,1、开学准备。,",
                    [("一月", (1,), ["1、年终总结。", "2、发放年终奖。"]), ("二月", (2,), ["1、开学准备。"])]),
    "a table cell: month, then (1)(2) on one line": ("1 月份(1)期末复习(2)学期总结\n2 月份(1)开学准备(2)制定计划\n2017年3月：\n1、课题申报。",
                                                      [("1 月份", (1,), ["（1）期末复习", "（2）学期总结"]),
                                                       ("2 月份", (2,), ["（1）开学准备", "（2）制定计划"]),
                                                       ("2017年3月", (3,), ["1、课题申报。"])]),
    "numbered schedule entries, months run into their text": (
        "1、1—2 月份开展冬春爱国卫生活动。\n2、3 月份做好春季灭鼠的准备工作。\n3、4 月份组织开展春季灭鼠活动.",
        [("1—2 月份", (1, 2), ["开展冬春爱国卫生活动。"]), ("3 月份", (3,), ["做好春季灭鼠的准备工作。"]),
         ("4 月份", (4,), ["组织开展春季灭鼠活动."])]),
    "bare-numbered entries with (1)(2) items": ("1 三月份:慶祝三八婦女節，并進行節日的教育\n2 四月份:(1)春游活動 (2)早操比賽\n"
                                                "3 五月份:(1)家長開放日",
                                                [("三月份", (3,), ["慶祝三八婦女節，并進行節日的教育"]), ("四月份", (4,), ["（1）春游活動", "（2）早操比賽"]),
                                                 ("五月份", (5,), ["（1）家長開放日"])]),
    "phases with a topic and a year": ("第一阶段:活动动员(2017年3月份)\n做好动员工作。\n第二阶段:项目申报(2017年4月份)各单元申报项目。",
                                       [("2017年3月份", (3,), ["做好动员工作。"]), ("2017年4月份", (4,), ["各单元申报项目。"])]),
    "a theme after a dash, the month one paragraph": (
        "9月——文明礼仪月\n为了巩固礼仪教育成果，创造一个优良的校园环境，学校将每年9月定为文明礼仪月，开展各种培训和评比活动。\n"
        "10月——爱国主义月\n爱国主义精神是国民素质教育的核心和灵魂，我们利用多种形式开展红歌大合唱、演讲比赛等活动。",
        [("9月", (9,), ["为了巩固礼仪教育成果，创造一个优良的校园环境，学校将每年 9 月定为文明礼仪月，开展各种培训和评比活动。"]),
         ("10月", (10,), ["爱国主义精神是国民素质教育的核心和灵魂，我们利用多种形式开展红歌大合唱、演讲比赛等活动。"])]),
    "a table glued into one line": ("第一季度1月份1、召开感控人员会议2、常规开展院感监测3、传染病疫情上报2月份1、常规开展各项监测",
                                    [("1月份", (1,), ["1、召开感控人员会议", "2、常规开展院感监测", "3、传染病疫情上报"]),
                                     ("2月份", (2,), ["1、常规开展各项监测"])]),
    "month ranges": ("3-4月：\n1、课题申报。\n5—6月份：\n1、结题。",
                     [("3-4月", (3, 4), ["1、课题申报。"]), ("5—6月份", (5, 6), ["1、结题。"])]),
    "one character per line": ("二\n月\n份\n\n1、开学工作\n\n三\n月\n份\n\n1、课题申报",
                               [("二月份", (2,), ["1、开学工作"]), ("三月份", (3,), ["1、课题申报"])]),
    "quarters": ("第一季度：\n\n1、全员手卫生培训；\n\n第二季度：完成现患率调查",
                 [("第一季度", (1, 2, 3), ["1、全员手卫生培训；"]), ("第二季度", (4, 5, 6), ["完成现患率调查"])]),
    "skipped numbering": ("九月份：\n\n2、准备“四节”活动；\n\n3、召开个人课题研究推进会；\n\n5、启动“青蓝工程”师徒结对活动；\n\n十月份：\n\n1、启动校级论文评审活动；\n\n3、数字化学习团队教研活动展示及研讨；",
                          [("九月份", (9,), ["2、准备“四节”活动；", "3、召开个人课题研究推进会；", "5、启动“青蓝工程”师徒结对活动；"]),
                           ("十月份", (10,), ["1、启动校级论文评审活动；", "3、数字化学习团队教研活动展示及研讨；"])]),
}


@pytest.mark.parametrize("form", sorted(MONTH_FORMS))
def test_month_schedule_forms(form: str) -> None:
    schedule_text, expected = MONTH_FORMS[form]
    imported = one_plan(f"学校教科室工作计划\n\n一、指导思想\n\n以课题研究为抓手，提高质量。\n\n附月工作安排：\n\n{schedule_text}\n")
    # a sub-item belongs to its item (a further line of its text): only the item's own line is compared
    got = [(m.label, m.months, [text.split("\n")[0] for text in m.texts]) for m in imported.plan.schedule]
    assert got == expected
    schedule_parts = [p for p in imported.plan.parts if p.kind == "schedule"]
    assert len(schedule_parts) == 1


def test_month_words_inside_items_are_not_months() -> None:
    imported = one_plan("学校工作计划\n\n四、工作安排\n\n十月\n\n1、各学科组织展示课\n\n4、10—11月艺体中心教研组活动\n\n"
                        "十二月\n\n1、12—1月美术课题研究活动\n\n2、在11月份进行现患率调查\n")
    assert [(m.label, len(m.texts)) for m in imported.plan.schedule] == [("十月", 2), ("十二月", 2)]


def test_a_single_month_mention_in_prose_is_no_schedule() -> None:
    imported = one_plan("医院工作计划\n\n一、主要工作\n\n1、全员培训。\n\n2、在11月份进行每年一次的现患率调查。\n")
    assert imported.plan.schedule == []


# --- classification ------------------------------------------------------------

@pytest.mark.parametrize("text,institution,sector", [
    ("加强幼儿园教科室工作的管理，夯实园本培训与研究，使我园成为省级示范园。", "kindergarten", "education"),
    ("瞄准新课标和中考改革走向，初中综合实践活动优质课竞赛。", "secondary", "education"),
    ("配合教务处和教研组进行中考、高考研究，指导备课组研究高考的命题趋向。高三年级。", "high-school", "education"),
    ("对全院医务人员分层次进行医院感染知识的培训，院感知识考试成绩85分以上。", "hospital", "health"),
    ("组织学生参加“数学周”活动。举行四、五、六年级学生写字竞赛。本小学", "primary", "education"),
    ("参加省中小学心理健康教育教师上岗资格证书的培训。组织学校论文评比。", "school", "education"),
    ("立足xx区教科室自身的教育科学研究，面向基层，面向教师，在全区推广。", "district-office", "education"),
])
def test_institution_from_text(text: str, institution: str, sector: str) -> None:
    facts = classify([(1, text)], [], TAXONOMY, Review())
    assert (facts.institution, facts.sector) == (institution, sector)


def test_collection_title_is_not_evidence() -> None:
    page = import_page("党校科室工作计划 科室工作计划(优秀6篇)\n\n党校科室工作计划 科室工作计划篇一\n\n"
                       "一、指导思想\n\n以提升教师专业化素质和提高教育教学质量为目标，各学科教师做好中考复习。\n".encode(),
                       "x.txt", TAXONOMY)
    assert page.plans[0].plan.meta.sector == "education"


@pytest.mark.parametrize("text,years", [
    ("根据零八年全市工作检查，医务科在零九年会进一步加大培训。", [2008, 2009]),
    ("22016年护理工作计划", [2016]),
    ("申报20xx年宁波市教科规划立项课题", []),
    ("二〇〇九年工作要点", [2009]),
    ("由15年教龄的经验型教师备简案", []),
])
def test_years_named_in_text(text: str, years: list[int]) -> None:
    assert years_in(text) == years


def test_year_comes_from_the_text_only() -> None:
    review = Review()
    assert classify([(3, "提高质量。")], [], TAXONOMY, review).year == "unknown"
    assert "year unknown: the text names no year" in [note.message for note in review.notes]
    review = Review()
    assert classify([(7, "医务科在零九年会进一步加大培训。")], [], TAXONOMY, review).year == 2009
    assert any(note.line == 7 and note.message.startswith("year 2009") for note in review.notes)


@pytest.mark.parametrize("months,text,term", [
    ([9, 10, 11, 12, 1], "本学期", "autumn"), ([2, 3, 4, 5, 6], "本学期", "spring"),
    ([], "根据学校20xx-20xx学年第一学期工作计划，本学期我校继续", "autumn"),
    ([], "本学期要抓好教科研的常规工作", "semester"), ([], "通过本学年的工作", "school-year"),
    ([], "本年度医院感染管理专职人员", "year"),
])
def test_term(months: list[int], text: str, term: str) -> None:
    assert classify([(1, text)], months, TAXONOMY, Review()).term == term
