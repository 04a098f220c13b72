"""Junk inside a plan's text: watermarks, anti-copy insertions, mojibake, punctuation.

Each rule works on `Para`s and records what it drops in the plan's ledger.
Rules, in order: invisible characters, repeated title lines (watermarks),
spliced-in site signatures, 的. / 的` insertions, 臵 → 置, placeholders for
lost punctuation, half-width punctuation in Chinese text, and paragraphs cut
in two by the source page's layout.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from planlib import junk
from planlib.importer.ledger import Ledger, Para
from planlib.importer.schedule import starts_with_month
from planlib.importer.script import simplified

CJK_RE = re.compile(f"[{junk.CJK}]")
CJK_PUNCT = "，。、；：？！“”‘’（）《》【】—…「」"
HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}
HALF_PUNCT_RE = re.compile(r"[,;:?!]")
PAREN_RE = re.compile(r"\(([^()\n]{0,60})\)")
SPACE_AROUND_PUNCT_RE = re.compile(rf"[ \t\u3000]+(?=[{CJK_PUNCT}])|(?<=[{CJK_PUNCT}])[ \t\u3000]+")
COUNT_SUFFIX_RE = re.compile(r"[（(【][^()（）【】]*\d*篇[)）】]$|(?:范文)?(?:锦集|精选|汇总|大全)?\d+篇$|"
                             r"[（(【](?:精|精选|精华|完整版|最新|范文|优秀|通用|推荐|汇总|全文|word版)[)）】]$")
TERMINAL = "。；;！!？?：:”’」）)…"
NUMBERING_RE = re.compile(r"^(?:[-–•·]\s*|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．。]|"
                          r"[⒈-⒛⑴-⒇①-⑳]|第[一二三四五六七八九十]+[季]|[一二三四五六七八九十]{1,2}月|\d{1,2}月)")
PARTICLE_END = "的地得了和与及在对为把将要是等之从向并或而且被让使由以"
OPEN_END = "，、（“《—"  # a line ending in one of these goes on in the next line
SPACE_IN_WORDS_RE = re.compile(rf"(?<=[{junk.CJK}])[ \t\u3000]+(?=[{junk.CJK}])")
NUMBER_MARK_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}\s*[、.．，]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|"
                            r"\d{1,2}\s*(?:、|[.．。](?!\d))|[⒈-⒛⑴-⒇①-⑳])\s*")


def _is_cjk(ch: str) -> bool:
    return bool(CJK_RE.match(ch))


def _neighbour(text: str, index: int, step: int) -> str:
    index += step
    while 0 <= index < len(text) and text[index] in " \t\u3000":
        index += step
    return text[index] if 0 <= index < len(text) else ""


TABLE_PIPE_RE = re.compile(r"^\s*[|｜]\s*|\s*[|｜]\s*$")
COMMA_CELL_RE = re.compile(r"^\s*,\s*|\s*,\s*$|(?<=[。；;！!？?:：])\s*,\s*")
URL_RE = re.compile(r"(?:https?://|www\.)[A-Za-z0-9./_%?=&-]+|\b[A-Za-z0-9-]+\.(?:com|cn|net|org)(?:/[A-Za-z0-9./_%?=&-]*)?\b")
LONG_LINE = 120  # a line this long holding several numbered parts is a page glued onto one line
# a document viewer's line break: Р (Cyrillic Er) between Chinese text and punctuation
LINE_MARK_RE = re.compile(rf"(?<=[{junk.CJK}，。；：！？、”）])\s*(Р)\s*(?=[{junk.CJK}“（\sР]|$)")
ONE_LINE_RE = re.compile(r"(?<=[。；;：:！？!?”）).,\u4e00-\u9fff])\s(?=(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|"
                         r"\d{1,2}、|\d{1,2}\.(?!\d)|第[一二三四五六七八九十\d]{1,2}(?:期|阶段|季度)|"
                         r"(?:\d{1,2}\s)?[一二三四五六七八九十]{1,3}月份?[:：]))")
GLUED_MONTH_RE = re.compile(r"(?<=[^\d\s第])(?:第[一二三四]季度)?(?=\d{1,2}月份?\s*(?:1、|1\.|[（(]1[）)]|①))")
GLUED_RE = re.compile(r"[ \t\u3000\xa0]{2,}(?=(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|"
                      r"\d{1,2}(?:、|[.．](?!\d))|[⒈-⒛⑴-⒇①-⑳]))")


def remove_table_cells(para: Para, ledger: Ledger) -> Para:
    """A flattened table: `| 2月 |`, `,一月,` — the cell separators are layout of the lost table."""
    pattern = TABLE_PIPE_RE if "|" in para.text or "｜" in para.text else COMMA_CELL_RE
    if pattern is COMMA_CELL_RE and not para.text.lstrip().startswith(","):
        return para
    para.sub(pattern, "table-separator", ledger)
    return para.strip()


def remove_watermark_urls(para: Para, ledger: Ledger) -> None:
    """`3月份 www.89xue.com`: a site's address stamped into the text."""
    para.sub(URL_RE, "site-watermark", ledger)


def split_glued_lines(paras: list[Para], ledger: Ledger) -> list[Para]:
    """Lines a page glued together: parts joined with runs of spaces (`一、活动主题    小手拉大手    二、活动目的`),
    a whole page on one line with single spaces before its numbers and months, a document viewer's `Р` for a
    line break, a table glued into one line (`…第一季度1月份1、召开…`)."""
    out: list[Para] = []
    for para in paras:
        marks = [match.start(1) for match in LINE_MARK_RE.finditer(para.text)]
        for start in reversed(marks):
            para.remove(start, start + 1, "line-break-mark", ledger)
        cuts = {start - before for before, start in enumerate(marks)}
        cuts |= {match.end() for match in GLUED_RE.finditer(para.text)}
        if len(para.text) > LONG_LINE:
            cuts |= {match.end() for match in ONE_LINE_RE.finditer(simplified(para.text))}
        cuts |= {match.start() for match in GLUED_MONTH_RE.finditer(simplified(para.text))}
        last = 0
        for cut in sorted(cut for cut in cuts if 0 < cut < len(para)):
            out.append(para.slice(last, cut).strip())
            last = cut
        out.append(para.slice(last, len(para)).strip())
    return [para for para in out if para.text]


def remove_invisible(para: Para, ledger: Ledger) -> None:
    para.sub(junk.INVISIBLE_RE, "invisible-character", ledger)


def title_variants(collection_title: str, item_stem: str = "") -> list[str]:
    """Forms in which a collection's title is spliced into its plans as a watermark."""
    variants = set()
    for title in (collection_title, item_stem):
        title = title.strip()
        if not title:
            continue
        variants.add(title)
        bare = COUNT_SUFFIX_RE.sub("", title).strip()
        if len(bare) >= 4:
            variants.add(bare)
        for piece in re.split(r"\s+", bare):
            if len(piece) >= 4 and piece.endswith("计划"):
                variants.add(piece)
    return sorted(variants, key=len, reverse=True)


def remove_title_watermarks(paras: list[Para], variants: list[str], ledger: Ledger) -> list[Para]:
    """Drop lines that only repeat the collection title; cut it off the start of a paragraph."""
    kept = []
    for para in paras:
        text = para.text.strip()
        compact = re.sub(r"\s+", "", text)
        if compact and any(compact == v or (compact.endswith("计划") and len(compact) >= 4 and compact in v)
                           for v in variants):
            para.remove(0, len(para), "title-watermark", ledger)
            continue
        for variant in variants:
            if text.startswith(variant) and len(text) > len(variant) + 8:
                start = para.text.index(variant)
                para.remove(start, start + len(variant), "title-watermark", ledger)
                break
        kept.append(para)
    return kept


def remove_spliced_sites(para: Para, ledger: Ledger) -> None:
    for match in reversed(list(junk.SPLICED_SITE_RE.finditer(para.text))):
        span = junk.spliced_signature_span(match.group(0))
        if span is not None:
            para.remove(match.start() + span[0], match.start() + span[1], "spliced-site-name", ledger)


def remove_anti_copy(para: Para, ledger: Ledger) -> None:
    para.sub(junk.DE_JUNK_RE, "anti-copy-insertion", ledger)


def _replace_with(text: str) -> Callable[[re.Match[str]], str]:
    def replacement(_match: re.Match[str]) -> str:
        return text
    return replacement


def remove_pinyin_notes(para: Para, ledger: Ledger) -> None:
    """學(xué)習(xí): pinyin a site put after characters."""
    para.sub(junk.PINYIN_NOTE_RE, "pinyin-annotation", ledger)


def fix_mojibake(para: Para, ledger: Ledger) -> None:
    for wrong, right in junk.MOJIBAKE.items():
        para.sub(re.compile(re.escape(wrong)), "mojibake", ledger, _replace_with(right))


def fix_lost_punctuation(para: Para, ledger: Ledger) -> None:
    para.sub(junk.LOST_PUNCT_RE, "lost-punctuation", ledger, _replace_with("，"))
    for match in reversed(list(junk.LOST_DOT_RE.finditer(para.text))):
        para.replace(match.start(1), match.end(1), "·", "lost-punctuation", ledger)


def fix_translated_words(para: Para, ledger: Ledger) -> None:
    """`规范化 and 高效化`: an English conjunction a translation tool put between Chinese words → 和."""
    para.sub(junk.LATIN_AND_RE, "translated-word", ledger, _replace_with("和"))


def fullwidth_punctuation(para: Para, ledger: Ledger) -> None:
    """Half-width , ; : ? ! ( ) next to Chinese text → full-width; numbers untouched."""
    text = para.text

    def punct(match: re.Match[str]) -> str | None:
        before = _neighbour(text, match.start(), -1)
        after = _neighbour(text, match.start(), +1)
        if before.isdigit() and after.isdigit():
            return None
        if _is_cjk(before) or _is_cjk(after) or (before and before in CJK_PUNCT) or (after and after in CJK_PUNCT):
            return HALF_TO_FULL[match.group(0)]
        return None

    para.sub(HALF_PUNCT_RE, "fullwidth-punctuation", ledger, punct)
    text = para.text
    for match in reversed(list(PAREN_RE.finditer(text))):
        inner = match.group(1)
        before = _neighbour(text, match.start(), -1)
        after = _neighbour(text, match.end() - 1, +1)
        numbering = match.start() == 0 and re.fullmatch(r"\s*\d{1,2}\s*", inner)
        if CJK_RE.search(inner) or _is_cjk(before) or _is_cjk(after) or numbering:
            para.replace(match.end() - 1, match.end(), "）", "fullwidth-punctuation", ledger)
            para.replace(match.start(), match.start() + 1, "（", "fullwidth-punctuation", ledger)
    # a bracket whose partner the page lost (its other half was cut off with the text)
    text = para.text

    def lone_bracket(match: re.Match[str]) -> str | None:
        before, after = _neighbour(text, match.start(), -1), _neighbour(text, match.start(), +1)
        if _is_cjk(before) or _is_cjk(after):
            return "（" if match.group(0) == "(" else "）"
        return None

    para.sub(re.compile(r"[()]"), "fullwidth-punctuation", ledger, lone_bracket)


def tidy_spaces(para: Para) -> Para:
    """Spaces next to Chinese punctuation, between the Chinese characters of running text
    (班级管 理) and around the paragraph are layout: drop them."""
    patterns = [SPACE_AROUND_PUNCT_RE]
    if _is_running_text(_body_after_number(para.text)):
        patterns.append(SPACE_IN_WORDS_RE)
    for pattern in patterns:
        for match in reversed(list(pattern.finditer(para.text))):
            del para.chars[match.start():match.end()]
            del para.origins[match.start():match.end()]
    return para.strip()


def _body_after_number(text: str) -> str:
    """A line without its numbering (1、 一、 （二） ⒈)."""
    match = NUMBER_MARK_RE.match(text)
    return text[match.end():] if match else text


def _is_running_text(text: str) -> bool:
    """Sentences rather than a title: a full stop or semicolon, a long clause list, or a title then text."""
    return "。" in text or "；" in text or len(text) >= 60 or (len(text) >= 40 and "，" in text) or (
        SPACE_IN_WORDS_RE.search(text) is not None and len(text) >= 20)


def _continues(first: str, second: str) -> bool:
    """True when `second` is the rest of a paragraph the page's layout cut after `first`."""
    if not first or not second or NUMBERING_RE.match(second) or starts_with_month(simplified(second)):
        return False
    if second[0] in "，。、；：）”》":
        return True
    if first[-1] in TERMINAL or first[-1] in "》":
        return False
    if first[-1] in OPEN_END:
        return True
    if not (_is_cjk(first[-1]) or first[-1].isalnum()) or not (_is_cjk(second[0]) or second[0].isalnum()):
        return False
    body = _body_after_number(first)
    if _is_running_text(body) or (first[-1] in PARTICLE_END and len(body) >= 12):
        return True
    # the word was cut: the next line is a short tail (标准。) or starts with one or two characters and a comma
    short_tail = len(second) <= 12 and second[-1] in TERMINAL and len(body) >= 20
    cut_word = re.match(r"^[^，。、；：\s]{1,2}[，、]", second) is not None and len(body) >= 8
    return short_tail or cut_word


TITLE_THEN_TEXT_RE = re.compile(rf"^(?P<title>[^，。；：,;:！？!?\s“”《》]{{4,20}})[ \t\u3000]+(?P<text>[{junk.CJK}].{{11,}})$")


def split_title_from_text(paras: list[Para]) -> list[Para]:
    """`1、加强科室科研工作 每科在完成……`: a numbered title and its text on one line → two paragraphs."""
    out: list[Para] = []
    for para in paras:
        mark = NUMBER_MARK_RE.match(para.text)
        match = TITLE_THEN_TEXT_RE.match(para.text[mark.end():]) if mark else None
        if mark is None or match is None or not re.search(r"[，。；、,;]", match.group("text")):
            out.append(para)
            continue
        cut = mark.end() + match.end("title")
        out.extend([para.slice(0, cut).strip(), para.slice(cut, len(para)).strip()])
    return out


def join_cut_paragraphs(paras: list[Para]) -> list[Para]:
    """Join paragraphs that the source page split mid-sentence (layout only)."""
    out: list[Para] = []
    for para in paras:
        if out and _continues(out[-1].text, para.text):
            out[-1] = out[-1].join(para)
        else:
            out.append(para)
    return out


def clean_plan(lines: list[Para], variants: list[str], ledger: Ledger) -> list[Para]:
    """All cleaning rules over one plan's lines; returns non-empty paragraphs."""
    paras = []
    for para in lines:
        remove_invisible(para, ledger)
        remove_watermark_urls(para, ledger)
        para = remove_table_cells(para.strip(), ledger)
        if para.text:
            paras.append(para)
    paras = remove_title_watermarks(split_glued_lines(paras, ledger), variants, ledger)
    cleaned = []
    for para in paras:
        remove_spliced_sites(para, ledger)
        remove_anti_copy(para, ledger)
        remove_pinyin_notes(para, ledger)
        fix_mojibake(para, ledger)
        fix_lost_punctuation(para, ledger)
        fix_translated_words(para, ledger)
        fullwidth_punctuation(para, ledger)
        cleaned.append(para)
    return join_cut_paragraphs([para for para in map(tidy_spaces, split_title_from_text(cleaned)) if para.text])
