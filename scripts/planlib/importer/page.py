"""A saved collection page → its title, its own facts, and one line list per plan (篇).

Removes what belongs to the page rather than to any plan: breadcrumbs, the
date and source lines, the editor's intro, repeated title lines, the 篇
headers, related-article lists, tag clouds and page markers. Everything
removed goes to a ledger: the page header to the first plan's, the trailer
to the last plan's. What the page says about itself (its site, its posting
date) is kept apart from the plans' own words.

Splitting never drops or merges a 篇 silently: headers are found in every
form real pages use (篇一, 篇1, 【篇三】, 第2篇:, 范文五:, 精选3), a header
with a typo is found by its likeness to its neighbours, a missing number
or a count that differs from the title's "N篇" is a review note, text before
the first header on a page that starts mid-article is a plan fragment, and
a 篇 holding two plans (a "……工作计划" line, then 一、 again) becomes two.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from planlib.importer.ledger import Ledger, Para
from planlib.importer.review import Review
from planlib.importer.schedule import month_line
from planlib.importer.script import simplified
from planlib.importer.structure import L1_RE, numbering_level
from planlib.months import chinese_number, parse_month_label

NUMERAL = r"[一二三四五六七八九十两]{1,3}|\d{1,3}|[０-９]{1,3}"
ITEM_WORD = rf"篇\s*(?:{NUMERAL})|第\s*(?:{NUMERAL})\s*篇|范文\s*(?:{NUMERAL})|精选\s*(?:{NUMERAL})"
HEADER_RE = re.compile(rf"^(?P<stem>.{{0,60}}?)\s*[【\[]?\s*(?P<item>{ITEM_WORD})\s*[】\]]?\s*[:：、.．]?\s*"
                       r"(?P<rest>.*)$")
SENTENCE_PUNCT = "。，,！!？?；;"
# a plan's title and its number: 医院护理部工作计划1, 科室医院感染管理工作计划 1 (then, glued, 1、…)
TITLE_NUMBER_RE = re.compile(r"^(?P<stem>[^，。；,;！!？?:：]{3,40}?(?:计划|方案|要点|安排|总结|规划|意见))\s*"
                             r"(?P<number>\d{1,2})(?:\s+(?P<rest>\S.*))?$")
BREADCRUMB_RE = re.compile(r"^[^>]{1,30}(?:网|站|首页|主页|频道)\s*[>＞»›→]\s*\S.*[>＞»›→]|^(?:当前位置|您的位置|你的位置|位置)\s*[:：]")
META_RE = re.compile(r"^(?:时间|发布时间|更新时间|发表时间|日期|来源|作者|栏目|阅读|点击|浏览|分类|标签|编辑|责任编辑|"
                     r"投稿|浏览次数|阅读量|发布者|上传者|字数)\s*[:：]|我要投稿|字体\s*[:：]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}")
INTRO_WORDS = ("小编", "本站", "范文", "为大家", "给大家", "供您", "为您", "本文将", "不妨参考", "希望你喜欢", "正合你意",
               "欢迎来到", "仅供参考", "希望对大家", "希望能帮助", "希望能够帮助", "希望对你", "欢迎阅读", "欢迎大家",
               "下面是", "以下是", "整理的", "收集整理", "供大家参考", "一起来看看", "帮大家整理", "为大家整理", "给大家整理",
               "为您整理", "精心整理", "推荐给大家", "分享给大家", "快来参考", "怎么写", "如何写", "该怎么")
TRAILER_RE = re.compile(r"^(?:【[^】]{0,40}】\s*相关(?:文章|推荐|阅读)|相关(?:文章|推荐|阅读|范文|内容)\s*[:：]?$|热门标签|"
                        r"猜你喜欢|延伸阅读|推荐阅读|上一篇\s*[:：]|下一篇\s*[:：]|本文链接|(?:查看|阅读)?全文阅读已结束|"
                        r"下载本文|下载文档|免费下载|文档下载|展开全文|复制全文|版权声明|免责声明)")
PAGE_MARKER_RE = re.compile(r"^(?:第\s*\d+\s*页\s*(?:共|/|／)\s*\d+\s*页?|共\s*\d+\s*页|[<«‹]?\s*(?:上一页|下一页|首页|尾页)"
                            r"(?:\s+\S+){0,6}|(?:\d+\s+){2,}(?:下一页|尾页)?|\d+\s*/\s*\d+\s*页)$")
SITE_LINE_RE = re.compile(r"^(?:[0-9A-Za-z]{0,6}[\u4e00-\u9fff]{0,8}(?:范文|文库|文档|作文|学习|资料|文章|办公|秘书|写作|考试)"
                          r"[\u4e00-\u9fff]{0,3}(?:网|站|吧|帮|汇|屋|城|大全)|(?:https?://|www\.)\S+|\S+\.(?:com|cn|net|org)(?:/\S*)?)$",
                          re.IGNORECASE)
CHROME_WORDS = ("小编", "本站", "范文网", "我要投稿", "仅供参考", "下载", "版权", "转载", "公众号", "扫码", "www.", "http",
                ".com", ".cn")
COUNT_RE = re.compile(r"(\d+|[一二三四五六七八九十两]+)\s*篇")
DATE_RE = re.compile(r"((?:19|20)\d\d)[-/.年](\d{1,2})(?:[-/.月](\d{1,2}))?")
PLAN_TITLE_RE = re.compile(r"^[0-9０-９xX〇零一二三四五六七八九十年度\s]*[\u4e00-\u9fff]{2,18}(?:工作计划|工作要点|计划)$")
HIDDEN_RE = re.compile(r"[…\.]*\s*此处隐藏\s*\d+\s*个字\s*[…\.]*")
HEADER_LIKENESS = 0.8  # a line this like the expected next header is that header, with a typo


@dataclass
class PlanSource:
    """The source lines of one plan of a page."""

    item: str | None  # 篇一 / 篇1 / 第2篇, as written (None: a single plan, or a fragment)
    first_line: int
    last_line: int
    lines: list[Para]
    ledger: Ledger = field(default_factory=Ledger)
    review: Review = field(default_factory=Review)
    fragment: bool = False  # the page starts inside this plan
    own_title: tuple[int, str] | None = None  # (line, text) of a title line the plan gives itself
    position: int = 1  # 1-based place on the page


@dataclass
class Page:
    title: str
    plans: list[PlanSource]
    header: str  # the page's own text before the first plan (date lines etc.)
    review: Review = field(default_factory=Review)
    announced: int | None = None  # the "N篇" of the title
    published: str | None = None  # the posting date (or the title's year) as the page states it
    site: str | None = None  # the site's name, as the page states it


@dataclass(frozen=True)
class _Header:
    index: int
    stem: str  # the title before the item word, without spaces
    word: str  # the item word: 篇一, 第2篇, 范文五, or the bare number after a title
    item: str  # the header as shown in source.item
    number: int
    digits: bool  # the item is numbered with digits (篇1) rather than Chinese numerals (篇一)
    text_at: int | None = None  # where the plan's text starts on the header line (a header glued to it)
    repeat: bool = False  # the same header printed again right below the first


def _is_title_like(text: str) -> bool:
    text = text.strip()
    return 0 < len(text) <= 60 and not any(p in text for p in SENTENCE_PUNCT) and not BREADCRUMB_RE.search(text) \
        and not META_RE.search(text)


def is_intro(text: str) -> bool:
    """The editor's opening words: 下面是小编整理的……, 仅供参考, a question about how to write a plan."""
    reading = simplified(text)
    asks = any(mark in reading for mark in "？?！!")
    return any(word in reading for word in INTRO_WORDS) or (
        len(reading) < 300 and asks and any(word in reading for word in ("呢", "你", "您", "大家", "吧")))


def _header_candidates(lines: list[str]) -> list[_Header]:
    found: list[_Header] = []
    for index, line in enumerate(lines):
        header = _header_in(line.strip(), index)
        if header is not None:
            if found and found[-1].number == header.number and found[-1].stem == header.stem and \
                    not any(lines[between].strip() for between in range(found[-1].index + 1, index)):
                header = _Header(index, header.stem, header.word, header.item, header.number, header.digits,
                                 header.text_at, repeat=True)
            found.append(header)
    return found


def _header_in(line: str, index: int) -> _Header | None:
    """The 篇 header a line is (篇一, 【篇1】, 第2篇: 题目, 范文五:, 题目 1), if it is one."""
    text = simplified(line)
    if not text or len(text) > 90:
        return None
    match = HEADER_RE.match(text)
    if match is not None:
        stem, rest = re.sub(r"\s+", "", match.group("stem")), match.group("rest").strip()
        glued = bool(stem and rest and numbering_level(rest))  # 中班月工作计划 篇1一、本月工作重点:
        if any(p in stem for p in SENTENCE_PUNCT) or (stem and rest and not glued) or \
                (rest and not glued and not _is_title_like(rest)) or rest.startswith(("篇", "页")):
            return None
        word = re.sub(r"\s+", "", match.group("item"))
        digits = re.sub(r"[^0-9０-９一二三四五六七八九十两]", "", word)
        number = chinese_number(digits.replace("两", "二"))
        if not number:
            return None
        written = re.sub(r"\s+", "", line[match.start("item"):match.end("item")])
        return _Header(index, stem, word, written, number, any(ch.isdigit() for ch in digits),
                       match.start("rest") if glued else None)
    match = TITLE_NUMBER_RE.match(text)
    if match is None or COUNT_RE.search(match.group("stem")):
        return None
    rest = match.group("rest")
    if rest and not numbering_level(rest):
        return None
    number = int(match.group("number"))
    if not 1 <= number <= 60:
        return None
    return _Header(index, re.sub(r"\s+", "", match.group("stem")), match.group("number"),
                   line[:match.end("number")].strip(), number, True, match.start("rest") if rest else None)


def _alike(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio() if a or b else 1.0


def chinese_numeral(number: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (for 1-99)."""
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")


def _expected_header(model: _Header, number: int) -> str:
    shown = str(number) if model.digits else chinese_numeral(number)
    word = re.sub(r"[0-9０-９一二三四五六七八九十两]+", shown, model.word)
    return model.stem + word


def _accept_headers(lines: list[str], review: Review) -> list[_Header]:
    """The 篇 headers of the page: alike in name, numbered in sequence; typos found by likeness."""
    candidates = _header_candidates(lines)
    if not candidates:
        return []
    stem, _ = Counter(header.stem for header in candidates).most_common(1)[0]
    accepted: list[_Header] = []
    for header in candidates:
        if header.repeat:
            accepted.append(header)
            continue
        if header.stem == stem or _alike(header.stem, stem) >= 0.7 or (
                accepted and header.number == accepted[-1].number + 1):
            if header.stem != stem:
                review.look(f"taken as the header of {header.item}, although its name differs from the others "
                            f"(“{lines[header.index].strip()}”)", header.index + 1)
            accepted.append(header)
        else:
            review.look(f"looks like a 篇 header but is named unlike the others; kept as plan text "
                        f"(“{lines[header.index].strip()}”)", header.index + 1)
    return _fill_gaps(lines, accepted, review)


def _near_miss(lines: list[str], start: int, end: int, expected: str) -> int | None:
    best, best_index = 0.0, None
    for index in range(start, end):
        text = re.sub(r"\s+", "", simplified(lines[index]))
        if not text or abs(len(text) - len(expected)) > 3:
            continue
        score = _alike(text, expected)
        if score > best:
            best, best_index = score, index
    return best_index if best >= HEADER_LIKENESS else None


def _fill_gaps(lines: list[str], headers: list[_Header], review: Review) -> list[_Header]:
    """Look for headers missing from the sequence (篇一, 篇二, 篇四: where is 篇三?)."""
    out: list[_Header] = []
    for header in headers:
        if header.repeat:
            out.append(header)
            continue
        previous = out[-1] if out else None
        search_from = previous.index + 1 if previous else 0
        for wanted in range(previous.number + 1 if previous else 1, header.number):
            expected = _expected_header(header, wanted)
            item = expected[len(header.stem):]
            found = _near_miss(lines, search_from, header.index, expected)
            if found is not None:
                review.look(f"taken as the header of {item} (written “{lines[found].strip()}”)", found + 1)
                out.append(_Header(found, header.stem, item, item, wanted, header.digits))
                search_from = found + 1
            elif previous is not None:
                review.look(f"{item} is missing between {previous.item} and {header.item}: it may be inside "
                            f"the plan before; split it by hand if so", header.index + 1)
        out.append(header)
    return out


def _header_rule(text: str, title: str) -> str | None:
    """Why a line before the first plan is page chrome, or None when it is plan text."""
    stripped = text.strip()
    if not stripped:
        return "page-header"
    if BREADCRUMB_RE.search(stripped):
        return "breadcrumb"
    if META_RE.search(stripped):
        return "page-meta"
    if title and (stripped == title or (_is_title_like(stripped) and (stripped in title or title in stripped))):
        return "collection-title"
    if PAGE_MARKER_RE.match(stripped):
        return "page-marker"
    if SITE_LINE_RE.match(simplified(stripped)):
        return "site-name"
    if is_intro(stripped) and len(stripped) < 300:
        return "intro"
    return None


def _is_plan_text(text: str, is_part_title: Callable[[str], bool]) -> bool:
    """A line that belongs to a plan: numbered, a month, a part title, or a sentence."""
    stripped = text.strip().strip("|｜,").strip()
    if not stripped:
        return False
    reading = simplified(stripped)
    if numbering_level(reading) or month_line(Para.from_line(reading, 0)).label is not None:
        return True
    if _is_title_like(stripped):
        return len(stripped) <= 20 and not COUNT_RE.search(reading) and not _is_plan_title(reading) \
            and is_part_title(reading)
    return len(stripped) >= 15


def _is_plan_title(text: str) -> bool:
    """区教育局201X年工作要点(精), 小学德育工作计划: the title of a plan or of the page, not a part title."""
    bare = re.sub(r"[（(【\[][^)）】\]]{0,12}[)）】\]]$", "", re.sub(r"\s+", "", text))
    return bare.endswith(("计划", "要点", "方案", "总结", "规划", "安排表"))


def _collection_title(lines: list[str]) -> str:
    candidates = [line.strip() for line in lines if _is_title_like(line) and not SITE_LINE_RE.match(simplified(line.strip()))
                  and not PAGE_MARKER_RE.match(line.strip())]
    counted = [line for line in candidates if COUNT_RE.search(simplified(line))]
    if counted:
        return counted[0]
    return candidates[0] if candidates else ""


def _drop_line(para: Para, rule: str, ledger: Ledger) -> None:
    para.remove(0, len(para), rule, ledger)


def _page_facts(lines: list[str], title: str) -> tuple[str | None, str | None]:
    """(published, site) as the page's own chrome states them."""
    published = site = None
    for line in lines:
        stripped = line.strip()
        reading = simplified(stripped)
        if published is None and META_RE.search(reading):
            date = DATE_RE.search(reading)
            if date:
                year, month, day = date.groups()
                published = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
        if site is None:
            crumb = re.match(r"^([^>＞»›→]{1,20}?(?:网|站|帮|文库))\s*[>＞»›→]", stripped)
            source = re.match(r"^(?:来源|來源)\s*[:：]\s*(\S{2,20})", stripped)
            if crumb:
                site = crumb.group(1).strip()
            elif source:
                site = source.group(1)
            elif SITE_LINE_RE.match(reading) and len(stripped) <= 40:
                site = stripped
    if published is None:
        years = re.findall(r"((?:19|20)\d\d)(?=\s*年)", simplified(title))
        if years:
            published = years[0]
    return published, site


def split_page(text: str, is_part_title: Callable[[str], bool] = lambda _: False) -> Page:
    """Split a decoded page into its plans, removing the page's own chrome.

    `is_part_title(text)` says whether a short unnumbered line is a plan's part title (指导思想, 工作目标 ...).
    """
    raw_lines = text.split("\n")
    paras = [Para.from_line(line, number) for number, line in enumerate(raw_lines, start=1)]
    page_review = Review()
    headers = _accept_headers(raw_lines, page_review)
    first_header = headers[0].index if headers else len(raw_lines)
    start = _plan_start(raw_lines, first_header, is_part_title)
    title = _collection_title(raw_lines[:start])
    collection_title = title  # empty on a page that starts inside an article
    if not title and headers:
        title = raw_lines[headers[0].index].strip()
    starts = [header for header in headers if not header.repeat]
    bounds: list[tuple[int, _Header | None]] = []  # (index of the plan's header line, or of the line before it)
    fragment = bool(starts) and start < first_header and _is_fragment(raw_lines[start:first_header], title)
    if fragment or not starts:
        bounds.append((start - 1, None))
    elif start < first_header:
        page_review.look("text between the page's top and the first 篇 header removed as page text; "
                         "check that it is no plan", start + 1)
    bounds.extend((header.index, header) for header in starts)
    plans: list[PlanSource] = []
    for position, (index, header) in enumerate(bounds):
        end = bounds[position + 1][0] if position + 1 < len(bounds) else len(paras)
        source = PlanSource(header.item if header else None, index + 2, end, list(paras[index + 1:end]),
                            fragment=fragment and position == 0)
        if header is not None:
            source.first_line = index + 1
            if not COUNT_RE.search(simplified(header.stem)) and \
                    _alike(header.stem, re.sub(r"\s+", "", collection_title)) < 0.9:
                source.own_title = (index + 1, raw_lines[index].strip()[:header.text_at])
            if header.text_at is not None:
                paras[index].remove(0, header.text_at, "item-heading", source.ledger)
                source.lines.insert(0, paras[index])
            else:
                _drop_line(paras[index], "item-heading", source.ledger)
            for repeat in (h for h in headers if h.repeat and index < h.index < end):
                if repeat.text_at is not None:
                    paras[repeat.index].remove(0, repeat.text_at, "item-heading", source.ledger)
                else:
                    _drop_line(paras[repeat.index], "item-heading", source.ledger)
        if source.fragment:
            source.review.look("the page starts inside this plan (text before the first 篇 header): "
                               "a fragment, its beginning is on another page", index + 2)
        plans.append(source)
    header_end = bounds[0][0] + (1 if bounds[0][1] is None else 0)
    published, site = _page_facts(raw_lines[:header_end], title)
    page = Page(title, [], "\n".join(raw_lines[:header_end]), page_review, _announced(title), published, site)
    first = plans[0]
    for para in paras[:header_end]:
        if para.text.strip():
            _drop_line(para, _header_rule(para.text, title) or "page-header", first.ledger)
    first.first_line = 1
    if not starts and plans[0].own_title is None and _is_own_title(title):
        line = next(index for index, raw in enumerate(raw_lines) if raw.strip() == title)
        plans[0].own_title = (line + 1, title)
    page.plans = [part for plan in plans for split in _split_at_hidden_text(plan) for part in _split_two_plans(split)]
    _cut_trailer(page.plans[-1])
    for position, plan in enumerate(page.plans, start=1):
        plan.position = position
        _remove_chrome_lines(plan)
    _check_count(page, headers)
    return page


def _plan_start(lines: list[str], end: int, is_part_title: Callable[[str], bool]) -> int:
    """Index of the first line before `end` that is plan text rather than page chrome."""
    for index in range(end):
        stripped = lines[index].strip()
        if stripped and _header_rule(stripped, "") is None and _is_plan_text(stripped, is_part_title):
            return index
    return end


def _is_fragment(lines: list[str], title: str) -> bool:
    """Enough plan text before the first header to be the end of a plan that began on another page."""
    texts = [simplified(line.strip()) for line in lines if line.strip() and _header_rule(line, title) is None]
    numbered = any(numbering_level(text) or parse_month_label(re.split(r"[:：]", text)[0])[0] for text in texts)
    return numbered or sum(len(text) for text in texts) >= 50


COLLECTION_WORDS = ("范文", "范例", "模板", "模版", "大全", "精选", "汇总", "集锦", "锦集", "通用", "合集", "优秀", "参考")


def _is_own_title(title: str) -> bool:
    """A page title that is the title of the one plan on the page, not a 范文 site's collection title."""
    reading = simplified(title)
    return bool(reading) and not COUNT_RE.search(reading) and not any(word in reading for word in COLLECTION_WORDS)


def _announced(title: str) -> int | None:
    match = COUNT_RE.search(simplified(title))
    return chinese_number(match.group(1).replace("两", "二")) if match else None


def _check_count(page: Page, headers: list[_Header]) -> None:
    found = len(page.plans)
    if headers:
        numbers = ", ".join(header.item for header in headers)
        page.review.inferred(f"{len(headers)} 篇 headers found ({numbers}); {found} plans")
    if page.announced is not None and page.announced != len(headers) and not (page.announced == found and not headers):
        page.review.look(f"the title says {page.announced}篇 but the page has {len(headers)} 篇 headers and "
                         f"{found} plans: the page may be cut short, or a header may be hidden in the text")


def _cut_trailer(plan: PlanSource) -> None:
    for position, para in enumerate(plan.lines):
        match = TRAILER_RE.match(simplified(para.text.strip()))
        if match:
            rule = "hot-tags" if "标签" in match.group(0) else "related-articles"
            for rest in plan.lines[position:]:
                _drop_line(rest, rule, plan.ledger)
            return


def _remove_chrome_lines(plan: PlanSource) -> None:
    """Page markers and site-name lines go; a plan line that only mentions a site word stays, flagged."""
    for para in plan.lines:
        stripped = para.text.strip()
        if not stripped:
            continue
        reading = simplified(stripped)
        if PAGE_MARKER_RE.match(stripped):
            _drop_line(para, "page-marker", plan.ledger)
        elif SITE_LINE_RE.match(reading):
            _drop_line(para, "site-name", plan.ledger)
        else:
            words = [word for word in CHROME_WORDS if word in reading]
            if words:
                plan.review.look(f"kept as plan text, although it has the site word “{words[0]}”: "
                                 "delete it from the plan if it is page chrome", para.line)


def _split_at_hidden_text(plan: PlanSource) -> list[PlanSource]:
    """`……此处隐藏7741个字……`: a site hid the rest of this plan, and what follows belongs to a later one."""
    for position, para in enumerate(plan.lines):
        match = HIDDEN_RE.search(para.text)
        if match is None:
            continue
        line = para.line
        second = PlanSource(None, line, plan.last_line, plan.lines[position:], fragment=True)
        para.remove(match.start(), match.end(), "hidden-text", second.ledger)
        plan.lines, plan.last_line = plan.lines[:position], line - 1
        plan.review.look("the site hid the rest of this plan here (……此处隐藏……): it ends cut short", line)
        second.review.look("text after the site's hidden part belongs to a later plan whose header is "
                           "hidden: a fragment", line)
        return [plan, *_split_at_hidden_text(second)]
    return [plan]


def _split_two_plans(plan: PlanSource) -> list[PlanSource]:
    """A 篇 that holds two plans: a “……工作计划” line after 一、, then 一、 again."""
    seen_first_part = False
    for position, para in enumerate(plan.lines):
        reading = simplified(para.text.strip())
        if L1_RE.match(reading):
            seen_first_part = True
            continue
        if not seen_first_part or not PLAN_TITLE_RE.match(reading) or len(reading) > 30:
            continue
        following = next((simplified(p.text.strip()) for p in plan.lines[position + 1:]
                          if L1_RE.match(simplified(p.text.strip()))), None)
        if following is None or not following.startswith("一"):
            continue
        line = para.line
        second = PlanSource(f"{plan.item or ''}之二", line, plan.last_line, plan.lines[position:])
        second.own_title = (line, para.text.strip())
        _drop_line(para, "plan-title", second.ledger)
        plan.lines = plan.lines[:position]
        plan.last_line = line - 1
        plan.review.look(f"this 篇 holds two plans: the second starts at “{reading}”, imported as {second.item}",
                         line)
        return [plan, *_split_two_plans(second)]
    return [plan]
