"""Every interface word of the site's generated pages and scripts, in Chinese and English: one table.

Templates get the words of their page's language (`words(lang)`); the
search and reader-tool scripts get theirs through the page settings that
overrides/main.html writes (`SCRIPT_WORDS`). The taxonomy's own labels
(sectors, departments …) are in plans/taxonomy.yml.
"""

from __future__ import annotations

PLAN_LANGUAGE = "zh"  # the language the plans are written in, and the site's default (served from its root)

UI: dict[str, dict[str, str]] = {
    "home": {"zh": "首页", "en": "Home"},
    "browse": {"zh": "浏览", "en": "Browse"},
    "browse_title": {"zh": "浏览计划", "en": "Browse the plans"},
    "by_sector": {"zh": "按行业与单位", "en": "By sector and institution"},
    "by_sector_short": {"zh": "按行业", "en": "By sector"},
    "by_section": {"zh": "按科室", "en": "By department"},
    "by_year": {"zh": "按年份", "en": "By year"},
    "by_term": {"zh": "按学期", "en": "By term"},
    "by_tag": {"zh": "按主题", "en": "By topic"},
    "galleries": {"zh": "部分汇编", "en": "Part galleries"},
    "galleries_intro": {"zh": "把所有计划中同一类部分放在一起，便于比较和借鉴。",
                        "en": "The same kind of part from every plan, side by side, to compare and adapt."},
    "gallery_title": {"zh": "{kind}汇编", "en": "Gallery: {kind}"},
    "from_plan": {"zh": "出自", "en": "From"},
    "plans_count": {"zh": "{n} 篇", "en": "{n} plans"},
    "parts_count": {"zh": "{n} 段", "en": "{n} parts"},
    "unknown_year": {"zh": "年份未知", "en": "Year unknown"},
    "year_label": {"zh": "{year}年", "en": "{year}"},
    "sector": {"zh": "行业", "en": "Sector"},
    "institution": {"zh": "单位", "en": "Institution"},
    "section": {"zh": "科室", "en": "Department"},
    "year": {"zh": "年份", "en": "Year"},
    "term": {"zh": "学期", "en": "Term"},
    "tags": {"zh": "主题", "en": "Topics"},
    "parts": {"zh": "部分", "en": "Parts"},
    "source": {"zh": "来源", "en": "Source"},
    # the source row: 整理自海考网《…》篇一（2023-04-14 发布）; the site, the collection and the item as written
    "source_from": {"zh": "整理自", "en": "Cleaned up from "},
    "source_site_then": {"zh": "的", "en": ", "},
    "source_open": {"zh": "《", "en": "“"},
    "source_close": {"zh": "》", "en": "” "},
    "source_unnamed": {"zh": "网上的范文合集", "en": "a collection of sample plans found online"},
    "source_posted": {"zh": "（{date} 发布）", "en": ", posted {date}"},
    "source_none": {"zh": "原创投稿", "en": "Contributed directly"},
    "related": {"zh": "相关计划", "en": "Related plans"},
    "duplicates": {"zh": "重复版本", "en": "Repeated copies"},
    "duplicate_of": {"zh": "本篇与《{title}》内容重复，浏览和检索时只列出那一篇。",
                     "en": "This plan repeats “{title}”; indexes and search list only that one."},
    "in_years": {"zh": "各年份", "en": "By year"},
    "institutions_in": {"zh": "单位类型", "en": "Institutions"},
    "page_n": {"zh": "第 {n} 页", "en": "Page {n}"},
    "pages": {"zh": "分页", "en": "Pages"},
    "previous": {"zh": "上一页", "en": "Previous"},
    "next": {"zh": "下一页", "en": "Next"},
    "in_chinese": {"zh": "", "en": "This plan is in Chinese. The interface and the summary above are in English; "
                   "the text below is the original."},
    "overview": {"zh": "库中概况", "en": "The library at a glance"},
    "latest": {"zh": "最新加入", "en": "Latest additions"},
    "total": {"zh": "共 {n} 篇计划", "en": "{n} plans in all"},
    "all_browse": {"zh": "全部浏览方式", "en": "All ways to browse"},
    "calendar": {"zh": "日历", "en": "Calendar"},
    "calendar_title": {"zh": "月度日历", "en": "Month calendar"},
    "calendar_intro": {"zh": "各计划月度安排中的活动，按月份和行业统计。点击月份，看看各单位这个月都在做什么。"
                               "季度安排计入它所含的每个月。",
                       "en": "Activities from the plans' monthly schedules, counted by month and sector. Pick a month "
                             "to see what schools and hospitals do in it. A quarter's items count in each of its months."},
    "academic_view": {"zh": "学年视图（{first}—次年{last}）", "en": "School year ({first} to {last})"},
    "calendar_view": {"zh": "自然年视图（1月—12月）", "en": "Calendar year (January to December)"},
    "month": {"zh": "月份", "en": "Month"},
    "all": {"zh": "合计", "en": "All"},
    "activity": {"zh": "活动", "en": "Activity"},
    "trends": {"zh": "活动的月份分布", "en": "When activities happen"},
    "trends_intro": {"zh": "各类活动（论文评比、期中考试、课题申报、教师培训、质控检查、总结……）集中在哪些月份。",
                     "en": "Which months each kind of activity (paper competitions, exams, research projects, "
                           "training, inspections, reviews …) clusters in."},
    "month_title": {"zh": "{month}：各单位在做什么", "en": "{month}: what everyone is doing"},
    "month_intro": {"zh": "{plans} 篇计划在这个月安排了 {n} 项活动。", "en": "{plans} plans schedule {n} activities in this month."},
    "timeline": {"zh": "月度安排一览", "en": "Schedule at a glance"},
    "moved_title": {"zh": "计划已移动", "en": "Plan moved"},
    "moved_text": {"zh": "这篇计划的新地址：", "en": "This plan has moved to"},
    # the reader tools and the search dialog (overrides/assets/javascripts)
    "copyPart": {"zh": "复制本部分", "en": "Copy this part"},
    "copyMonth": {"zh": "复制本月", "en": "Copy this month"},
    "copyPlan": {"zh": "复制全文", "en": "Copy the whole plan"},
    "copied": {"zh": "已复制到剪贴板", "en": "Copied to clipboard"},
    "downloadWord": {"zh": "下载 Word", "en": "Download Word"},
    "downloadMarkdown": {"zh": "下载 Markdown", "en": "Download Markdown"},
    "offline": {"zh": "无法载入 Word 模板，请联网后再试。", "en": "The Word template could not be loaded; try again online."},
    "skipToTools": {"zh": "跳到复制与下载", "en": "Skip to copy and download"},
    "fill": {"zh": "填写本单位信息", "en": "Fill in your own details"},
    "fillHint": {"zh": "填写后，页面上、目录中以及复制和下载的文字里，“20xx”“xx市”“**小学”等占位符都会换成您的信息；"
                       "“党的xx届”这类不是本单位信息的保持原样。信息只保存在本机浏览器中。",
                 "en": "Placeholders such as 20xx, xx市 and **小学 are replaced on the page, in the contents and in "
                       "everything you copy or download; those that are not your details (党的xx届) stay as written. "
                       "Your details stay in this browser."},
    "fillNone": {"zh": "本篇没有要填写的占位符；这里填写的信息会用在其他计划和“我的计划”中。",
                 "en": "This page has no placeholders to fill in; what you enter here is used on other plans and in "
                       "My plan."},
    "fillCount": {"zh": "（本页 {n} 处）", "en": " ({n} on this page)"},
    "unit": {"zh": "单位名称", "en": "School or hospital name"},
    "city": {"zh": "所在市", "en": "City"},
    "district": {"zh": "所在区县", "en": "District or county"},
    "unitExample": {"zh": "如：城东中心小学", "en": "e.g. 城东中心小学"},
    "yearExample": {"zh": "如：2027", "en": "e.g. 2027"},
    "cityExample": {"zh": "如：泰州", "en": "e.g. 泰州"},
    "districtExample": {"zh": "如：海陵", "en": "e.g. 海陵"},
    "addPart": {"zh": "加入我的计划", "en": "Add to my plan"},
    "added": {"zh": "已加入我的计划", "en": "Added to my plan"},
    "addedToast": {"zh": "已加入我的计划（共 {n} 部分）", "en": "Added to my plan ({n} parts)"},
    "myPlan": {"zh": "我的计划", "en": "My plan"},
    "myPlanTitle": {"zh": "我的工作计划", "en": "我的工作计划"},
    "planTitle": {"zh": "计划标题", "en": "Title of your plan"},
    "from": {"zh": "出自", "en": "From"},
    "colon": {"zh": "：", "en": ": "},
    "moveUp": {"zh": "上移", "en": "Move up"},
    "moveDown": {"zh": "下移", "en": "Move down"},
    "remove": {"zh": "移除", "en": "Remove"},
    "preview": {"zh": "预览", "en": "Preview"},
    "copyAll": {"zh": "复制全部", "en": "Copy it all"},
    "clear": {"zh": "清空", "en": "Clear"},
    "clearConfirm": {"zh": "移除我的计划中的全部部分？", "en": "Remove every part from your plan?"},
    "empty": {"zh": "还没有加入任何部分。在计划页面或部分汇编中点“加入我的计划”，需要的部分就会出现在这里。",
              "en": "No parts yet. Press “Add to my plan” on a plan page or in a part gallery, and the part appears here."},
    "icsHeading": {"zh": "下载日历（.ics）", "en": "Download to your calendar (.ics)"},
    "icsYearLabel": {"zh": "年份", "en": "Year"},
    "icsDownload": {"zh": "下载日历", "en": "Download"},
    "icsYear": {"zh": "{year}年", "en": "{year}"},
    "icsSchoolYear": {"zh": "{start}—{end}学年", "en": "{start}–{end} school year"},
    "deadline": {"zh": "截止日期", "en": "Deadline"},
    "loading": {"zh": "正在载入索引……", "en": "Loading the index …"},
    "plansFound": {"zh": "# 篇计划", "en": "# plans"},
    "planFound": {"zh": "1 篇计划", "en": "1 plan"},
    "plansAbout": {"zh": "约 # 篇计划", "en": "about # plans"},
    "noPlans": {"zh": "没有找到计划", "en": "No plans found"},
    "guides": {"zh": "说明页面", "en": "Guides"},
    "more": {"zh": "更多结果", "en": "More results"},
}
MONTHS = {"zh": ("一月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "十二月"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December")}
# the words of the reader tools (reader.js) and the search dialog (search.js) that the site supplies
SCRIPT_WORDS = {"reader": ("copyPart", "copyMonth", "copyPlan", "copied", "downloadWord", "downloadMarkdown", "offline",
                           "skipToTools", "fill", "fillHint", "fillNone", "fillCount", "unit", "year", "city",
                           "district", "unitExample", "yearExample", "cityExample", "districtExample", "addPart",
                           "added", "addedToast", "myPlan", "myPlanTitle", "planTitle", "from", "colon", "moveUp",
                           "moveDown", "remove", "preview", "copyAll", "clear", "clearConfirm", "empty",
                           "icsHeading", "icsYearLabel", "icsDownload", "icsYear", "icsSchoolYear", "deadline"),
                "search": ("loading", "plansFound", "planFound", "plansAbout", "noPlans", "guides", "more")}


def t(key: str, lang: str, **values: object) -> str:
    """The interface text `key` in `lang`, with `{name}` values filled in."""
    entry = UI[key]
    text = entry.get(lang) or entry["zh"]
    return text.format(**values) if values else text


def colon(lang: str) -> str:
    """The colon after a label: full-width in Chinese."""
    return "：" if lang == "zh" else ": "


def year_label(year: int | str, lang: str) -> str:
    """A plan's year as readers see it: 2023年 / 2023, or 年份未知 / Year unknown."""
    return t("unknown_year", lang) if str(year) == "unknown" else t("year_label", lang, year=year)


def month_name(month: int, lang: str, short: bool = False) -> str:
    """九月 / September; short: 9月 / Sep."""
    if lang == "zh":
        return f"{month}月" if short else MONTHS["zh"][month - 1]
    return MONTHS["en"][month - 1][:3] if short else MONTHS["en"][month - 1]


def script_words(lang: str) -> dict[str, dict[str, str]]:
    """The words each script of the site shows, in a language."""
    return {script: {key: t(key, lang) for key in keys} for script, keys in SCRIPT_WORDS.items()}
