"""What anti-copy junk, site chrome and unsafe markup look like.

One list of patterns, used both by `planlib check` (to report them in plan
files) and by `planlib import` (to remove them from raw collections).
"""

from __future__ import annotations

import re
import unicodedata

from planlib.charpolicy import REFUSED_RE
from planlib.document import PLACEHOLDER_RE

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_CHAR = f"[{CJK}]"

# 的. 的` 的' inserted by template sites between 的 and the next word
DE_JUNK_RE = re.compile(rf"(?<=的)[.`'´](?=[{CJK}《“「（(])")
# 医-学教育-网搜集整-理 and similar site signatures spliced into sentences
SPLICED_SITE_RE = re.compile(rf"[{CJK}]{{1,6}}(?:-[{CJK}]{{1,6}}){{2,}}")
SITE_WORDS = ("搜集整理", "收集整理", "网整理", "网搜集", "版权所有", "转载")
# known signatures, so that only the signature is cut from 加强医-学教育-网搜集整-理自己
SITE_SIGNATURES = ("医学教育网搜集整理", "医学教育网收集整理", "医学教育网", "范文网搜集整理", "范文网收集整理")
# the mojibake 臵 stands for 置 in GBK round trips (处臵, 放臵, 留臵)
MOJIBAKE = {"臵": "置"}
# placeholders for lost punctuation: 环节[]20xx年, 档次□20xx年
LOST_PUNCT_RE = re.compile(rf"(?<=[{CJK}0-9）)”])(?:\[\]|□)(?=[{CJK}0-9a-zA-Z（(“])")
# a machine-translated conjunction between Chinese words: 规范化 and 高效化
LATIN_AND_RE = re.compile(rf"(?<=[{CJK}])\s*\band\b\s*(?=[{CJK}])")
# a "?" standing for a character the page's encoding lost (the · of “互帮互助·智慧共生”): inside quotes,
# between Chinese characters; a real question mark ends its sentence and is not followed by more quoted text
# (group 1 is the "?")
LOST_DOT_RE = re.compile(rf"“[^”“\n]{{0,20}}?[{CJK}](\?)(?=[{CJK}][^“”\n]{{0,20}}”)")
# pinyin a site put after characters: 學(xué)習(xí), 質(zhì)
PINYIN_NOTE_RE = re.compile(rf"(?<=[{CJK}])\((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňḿ]{{1,7}})\)")
WATERMARK_WORDS = ("小编", "我要投稿", "相关文章:", "相关文章：", "热门标签", "范文网", "仅供参考")

# what check refuses and import and --fix delete: the one character policy
INVISIBLE_RE = REFUSED_RE

# a tag, a comment, a declaration (<!DOCTYPE) or a processing instruction (<?php)
HTML_TAG_RE = re.compile(r"<\s*(?:/\s*)?([a-zA-Z][a-zA-Z0-9-]*)\b[^>\n]*>?|<(!--|[!?][a-zA-Z\[]*)", re.IGNORECASE)
AUTOLINK_RE = re.compile(r"<(?:https?|mailto):[^>\s]+>", re.IGNORECASE)
EVENT_ATTR_RE = re.compile(r"\bon[a-z]+\s*=", re.IGNORECASE)
SCRIPT_URL_RE = re.compile(r"(?:java|vb)\s*script\s*:|data\s*:\s*[a-z]+/[a-z0-9.+-]+", re.IGNORECASE)
# a line Markdown's admonition extension reads as `!!! type "title"`: the type becomes a class
ADMONITION_RE = re.compile(r"^\s*!!!")
ENTITY_TAG_RE = re.compile(r"&(?:lt|#0*60|#x0*3c);\s*/?\s*[a-zA-Z]", re.IGNORECASE)


def spliced_signature_span(text: str) -> tuple[int, int] | None:
    """The [start, end) of the site signature inside a hyphen-spliced run, if it is one.

    Known signatures are cut exactly; otherwise the run's inner pieces plus
    one character on either side (the splice always breaks the signature).
    """
    if not is_spliced_site_name(text):
        return None
    positions = [i for i, ch in enumerate(text) if ch != "-"]
    plain = "".join(text[i] for i in positions)
    for signature in SITE_SIGNATURES:
        found = plain.find(signature)
        if found >= 0:
            return positions[found], positions[found + len(signature) - 1] + 1
    first, last = text.index("-"), text.rindex("-")
    return max(0, first - 1), min(len(text), last + 2)


def is_spliced_site_name(text: str) -> bool:
    """True for a hyphen-spliced run that spells a site signature."""
    joined = text.replace("-", "")
    return any(word in joined for word in SITE_WORDS)


def attribute_braces(line: str) -> list[int]:
    """Where a line has a `{` that Markdown could read as an attribute list (`{#id}`, `{.class}`, `{: …}`).

    Markdown's attribute lists are a `{` and a `}` on one line, with anything
    between; so every `{` outside a {{placeholder}} with a `}` after it counts.
    """
    if "{" not in line or "}" not in line:
        return []
    masked = PLACEHOLDER_RE.sub(lambda match: " " * len(match.group(0)), line)
    last_close = masked.rfind("}")
    return [index for index, ch in enumerate(masked[:last_close]) if ch == "{"]


def html_spans(line: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) of each piece of raw HTML in a line; <https://…> and <mailto:…> links are not HTML."""
    links = [match.span() for match in AUTOLINK_RE.finditer(line)] if "<" in line else []
    spans = []
    for match in HTML_TAG_RE.finditer(line):
        if any(start <= match.start() < end for start, end in links):
            continue
        spans.append((match.start(), match.end(), (match.group(1) or match.group(2)).lower()))
    return spans
