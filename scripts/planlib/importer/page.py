"""A saved collection page → its title and one line list per plan (篇).

Removes what belongs to the page rather than to any plan: breadcrumbs, the
date and source lines, the editor's intro, repeated title lines, the 篇
headings, related-article lists, tag clouds and page markers. Everything
removed goes to a ledger: the page header to the first plan's, the trailer
to the last plan's.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from planlib.importer.ledger import Ledger, Para

NUMERAL = r"[一二三四五六七八九十]{1,3}|\d{1,3}|[０-９]{1,3}"
ITEM_RE = re.compile(rf"^(?P<stem>.{{0,60}}?)\s*(?P<item>篇\s*(?:{NUMERAL})|第\s*(?:{NUMERAL})\s*篇)\s*$")
BREADCRUMB_RE = re.compile(r"^[^>]{1,30}(?:网|站|首页|主页)\s*[>＞»›].+[>＞»›]")
META_RE = re.compile(r"^(?:时间|发布时间|更新时间|日期|来源|作者|栏目|阅读|点击|浏览)\s*[:：]|我要投稿|字体\s*[:：]|^编辑\s*[:：]")
INTRO_WORDS = ("小编", "本站", "范文", "仅供参考", "希望对大家", "希望能帮助", "欢迎阅读", "欢迎大家",
               "下面是", "以下是", "整理的", "收集整理", "供大家参考", "一起来看看")
TRAILER_RE = re.compile(r"^(?:【[^】]{0,40}】\s*相关(?:文章|推荐|阅读)|相关(?:文章|推荐|阅读)\s*[:：]?$|热门标签|"
                        r"猜你喜欢|延伸阅读|推荐阅读|上一篇\s*[:：]|下一篇\s*[:：]|本文链接)")
PAGE_MARKER_RE = re.compile(r"^(?:第\s*\d+\s*页\s*(?:共|/|／)\s*\d+\s*页?|共\s*\d+\s*页|(?:上一页|下一页|首页|尾页)(?:\s+\S+){0,6})$")
COUNT_RE = re.compile(r"(?:\d+|[一二三四五六七八九十]+)篇")
SENTENCE_PUNCT = "。，,！!？?；;"


@dataclass
class PlanSource:
    """The source lines of one plan (篇) of a page."""

    item: str | None  # 篇一 / 篇1, as written; None for a single-plan page
    first_line: int
    last_line: int
    lines: list[Para]
    ledger: Ledger = field(default_factory=Ledger)


@dataclass
class Page:
    title: str
    plans: list[PlanSource]
    header: str  # the page's own text before the first plan (date lines etc.)


def _is_title_like(text: str) -> bool:
    text = text.strip()
    return 0 < len(text) <= 60 and not any(p in text for p in SENTENCE_PUNCT) and not BREADCRUMB_RE.search(text) \
        and not META_RE.search(text)


def _is_intro(text: str) -> bool:
    return any(word in text for word in INTRO_WORDS)


def _item_markers(lines: list[str]) -> list[tuple[int, str, str]]:
    """(index, stem, item) of the 篇 heading lines, keeping only the page's main stem."""
    found = []
    for index, line in enumerate(lines):
        match = ITEM_RE.match(line.strip())
        if match and not any(p in match.group("stem") for p in SENTENCE_PUNCT):
            stem = re.sub(r"\s+", "", match.group("stem"))
            found.append((index, stem, re.sub(r"\s+", "", match.group("item"))))
    if not found:
        return []
    common, _ = Counter(stem for _, stem, _ in found).most_common(1)[0]
    return [marker for marker in found if marker[1] == common]


def _header_rule(text: str, title: str) -> str:
    stripped = text.strip()
    if BREADCRUMB_RE.search(stripped):
        return "breadcrumb"
    if META_RE.search(stripped):
        return "page-meta"
    if stripped == title or (_is_title_like(stripped) and (stripped in title or title in stripped)):
        return "collection-title"
    if _is_intro(stripped):
        return "intro"
    return "page-header"


def _collection_title(lines: list[str]) -> str:
    candidates = [line.strip() for line in lines if _is_title_like(line)]
    counted = [line for line in candidates if COUNT_RE.search(line)]
    if counted:
        return counted[0]
    return candidates[0] if candidates else ""


def _drop_line(para: Para, rule: str, ledger: Ledger) -> None:
    para.remove(0, len(para), rule, ledger)


def split_page(text: str) -> Page:
    """Split a decoded page into its plans, removing the page's own chrome."""
    raw_lines = text.split("\n")
    paras = [Para.from_line(line, number) for number, line in enumerate(raw_lines, start=1)]
    markers = _item_markers(raw_lines)
    header_end = markers[0][0] if markers else _single_plan_start(raw_lines)
    title = _collection_title(raw_lines[:header_end]) if header_end else ""
    if not title and markers:
        title = markers[0][1]
    bounds: list[tuple[int, str | None]] = [(index, item) for index, _, item in markers] or [(header_end - 1, None)]
    plans: list[PlanSource] = []
    for position, (index, item) in enumerate(bounds):
        end = bounds[position + 1][0] if position + 1 < len(bounds) else len(paras)
        start = index + 1
        source = PlanSource(item, index + 1, end, [p for p in paras[start:end]])
        if item is not None:
            _drop_line(paras[index], "item-heading", source.ledger)
        plans.append(source)
    first = plans[0]
    header = "\n".join(raw_lines[:header_end])
    for para in paras[:header_end]:
        _drop_line(para, _header_rule(para.text, title), first.ledger)
    first.first_line = 1
    _cut_trailer(plans[-1])
    for plan in plans:
        for para in plan.lines:
            if PAGE_MARKER_RE.match(para.text.strip()):
                _drop_line(para, "page-marker", plan.ledger)
    return Page(title, plans, header)


def _single_plan_start(lines: list[str]) -> int:
    """Index of the first line of a page without 篇 headings that is plan text."""
    title_seen = False
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or BREADCRUMB_RE.search(stripped) or META_RE.search(stripped):
            continue
        if _is_intro(stripped) and len(stripped) < 200:
            continue
        if not title_seen and _is_title_like(stripped):
            title_seen = True
            continue
        return index
    return len(lines)


def _cut_trailer(plan: PlanSource) -> None:
    for position, para in enumerate(plan.lines):
        match = TRAILER_RE.match(para.text.strip())
        if match:
            rule = "hot-tags" if "标签" in match.group(0) else "related-articles"
            for rest in plan.lines[position:]:
                _drop_line(rest, rule, plan.ledger)
            return
