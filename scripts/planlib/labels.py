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
    "source_text": {"zh": "整理自{site}《{collection}》{item}", "en": "Cleaned up from “{collection}” {item}{site}"},
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
    "download_word": {"zh": "下载 Word", "en": "Download Word"},
    "download_markdown": {"zh": "下载 Markdown", "en": "Download Markdown"},
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
    "ics_download": {"zh": "下载日历（.ics，选择年份）", "en": "Download to your calendar (.ics, pick the year)"},
    "moved_title": {"zh": "计划已移动", "en": "Plan moved"},
    "moved_text": {"zh": "这篇计划的新地址：", "en": "This plan has moved to"},
    # the reader tools and the search dialog (overrides/assets/javascripts)
    "copyPart": {"zh": "复制本部分", "en": "Copy this part"},
    "copyMonth": {"zh": "复制本月", "en": "Copy this month"},
    "copyPlan": {"zh": "复制全文", "en": "Copy the whole plan"},
    "fill": {"zh": "填写本单位信息", "en": "Fill in your own details"},
    "fillHint": {"zh": "填写后，页面上和复制出来的文字中的“20xx”“xx市”“**”等占位符都会换成您的信息；信息只保存在本机浏览器中。",
                 "en": "Placeholders such as 20xx, xx市 and ** are replaced, on the page and in what you copy. "
                       "Your details stay in this browser."},
    "unit": {"zh": "单位名称", "en": "School or hospital name"},
    "region": {"zh": "地区", "en": "City or district"},
    "unitExample": {"zh": "如：城东中心小学", "en": "e.g. 城东中心小学"},
    "yearExample": {"zh": "如：2027", "en": "e.g. 2027"},
    "regionExample": {"zh": "如：泰州", "en": "e.g. 泰州"},
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
SCRIPT_WORDS = {"reader": ("copyPart", "copyMonth", "copyPlan", "fill", "fillHint", "unit", "year", "region",
                           "unitExample", "yearExample", "regionExample"),
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
