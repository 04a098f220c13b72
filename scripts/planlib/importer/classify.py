"""Classify a plan from its own words with the keyword rules of plans/taxonomy.yml.

The collection's title and the page's posting date are never evidence (a
collection called 党校科室工作计划 holds school plans, and a page posted in
2023 may hold a plan of 2009): the year comes only from the plan's text. A
unit the plan names (泰州市城东中心小学, 卫生院) decides its institution;
otherwise the taxonomy's keywords do. Traditional-script text is read as
simplified. Each decision is written to the review with its evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from planlib.importer.review import Review
from planlib.importer.script import simplified
from planlib.months import CN_DIGITS
from planlib.taxonomy import Keyworded, Taxonomy

YEAR_MIN, YEAR_MAX = 1990, 2035
# 2016年, 2016学年, 2016年度; 2016-2017学年 gives its first year
YEAR_RE = re.compile(r"(?<![0-9]{2})((?:19|20)\d\d)(?:\s*[-—–~至]{1,2}\s*(?:19|20)?\d\d)?(?=\s*(?:年|学年))")
CN_YEAR_RE = re.compile(r"(?<![一二三四五六七八九十〇零○Ｏ])(二[〇零○OＯ][〇零○OＯ一二三四五六七八九]{2}|[〇零○][〇零○一二三四五六七八九])(?=年)")
CN_YEAR_DIGITS = {**CN_DIGITS, "○": 0, "O": 0, "Ｏ": 0}
# 10年2月26日, 11年的工作, 09年度: a two-digit year with what makes it one
SHORT_YEAR_RE = re.compile(r"(?<![0-9])(\d{2})年(?=\s*\d{1,2}\s*月|的|度|工作|上半年|下半年)")
# 2013少先队工作计划, 温暖2011的春天, 幼儿园2024春季园务计划: a year written before a word, without 年
PLAIN_YEAR_RE = re.compile(r"(?<![0-9])((?:19|20)\d\d)(?=[\u4e00-\u9fff])"
                           r"(?![年学多余个名人元次件项份万千百米亩台套本册篇所家届版号条款字分秒位只周天])")
# a signature date on a line of its own: 二○○八年二月, 2016年3月1日
SIGNATURE_RE = re.compile(r"^(?:(?:19|20)\d\d|二[〇零○OＯ][〇零○OＯ一二三四五六七八九]{2})年(?:\s*[\d一二三四五六七八九十]{1,3}月"
                          r"(?:\s*[\d一二三四五六七八九十]{1,3}日)?)?$")
CLAUSE_RE = re.compile(r"[^，。；：、,.;:!?！？“”《》（）()\s]+")
LEAD_RE = re.compile(r"^(?:根据|按照|依据|结合|围绕|以|在|为|对|由|据|与|和|及|是|按)")
# a unit's name starts with its place: 泰州市…, 海陵区…, 陵县…; or is a short name with a numbered school (重庆一中)
PLACE_START_RE = re.compile(r"^[\u4e00-\u9fff]{1,3}(?:省|市|区|县|旗|乡|镇)|^[\u4e00-\u9fff]{2}(?=[一二三四五六七八九十]中)|"
                            r"^(?:[xX]{2}|\*\*|某某)(?:省|市|区|县|乡|镇|村)")
NOT_PLACES = ("做好", "迎接", "准备", "创建", "组织", "开展", "参加", "抓好", "落实", "推进", "完成", "学习", "贯彻", "提高",
              "加强", "进行", "举办", "召开", "积极", "认真", "实施", "配合", "参与", "争创", "申报", "深入", "推荐", "报送",
              "承办", "面向", "服务", "指导", "全面", "协助", "送", "向", "到", "赴", "去", "全", "各", "本", "我", "该",
              "每", "此", "其")
AREAS = ("城区", "校区", "园区", "社区", "片区", "辖区", "学区", "市区", "县区", "协作区", "示范区", "实验区", "山区",
         "景区", "新区", "郊区", "地区", "各区", "全区", "全县", "全市", "本市", "本区", "本县")
SCHOOL_KINDS = ("中学", "一中", "二中", "三中", "四中", "五中", "六中", "七中", "八中", "九中")
MAX_TAGS = 5
MIN_INSTITUTION_SCORE = 2.0


@dataclass(frozen=True)
class Classification:
    sector: str
    institution: str
    section: str
    year: int | str
    term: str
    tags: list[str]
    unit: str | None = None  # the unit the plan names (泰州市城东中心小学), if any


def keyword_score(text: str, keywords: Mapping[str, float]) -> float:
    return sum(text.count(word) * weight for word, weight in keywords.items())


def _best(text: str, entries: Mapping[str, Keyworded]) -> tuple[str | None, dict[str, float]]:
    scores = {key: keyword_score(text, entry.keywords) for key, entry in entries.items()}
    positive = {key: score for key, score in scores.items() if score > 0}
    if not positive:
        return None, scores
    order = list(entries)
    return max(positive, key=lambda key: (positive[key], -order.index(key))), scores


def years_in(text: str) -> list[int]:
    """Years the text names: 2016年, 2011学年, 二〇〇九年, 零九年, 10年2月 (20xx is a placeholder, not a year)."""
    text = simplified(text)
    found = [int(y) for y in YEAR_RE.findall(text)]
    for written in CN_YEAR_RE.findall(text):
        digits = "".join(str(CN_YEAR_DIGITS[ch]) for ch in written)
        found.append(int(digits) if len(digits) == 4 else 2000 + int(digits))
    for short in SHORT_YEAR_RE.findall(text):
        value = int(short)
        found.append(2000 + value if value <= YEAR_MAX - 2000 else 1900 + value)
    found.extend(int(y) for y in PLAIN_YEAR_RE.findall(text))
    return [year for year in found if YEAR_MIN <= year <= YEAR_MAX]


def _evidence(lines: list[tuple[int, str]], words: list[str]) -> str:
    """'医院×3 (line 12), 我院×2 (line 15)': where the deciding words are."""
    parts = []
    for word in words:
        count = sum(text.count(word) for _, text in lines)
        first = next((number for number, text in lines if word in text), 0)
        if count:
            parts.append(f"{word}×{count} (line {first})" if first > 0 else f"{word}×{count}")
    return ", ".join(parts)


def _top_words(text: str, keywords: Mapping[str, float], limit: int = 3) -> list[str]:
    weighted = sorted(((text.count(word) * weight, word) for word, weight in keywords.items()
                       if weight > 0 and word in text), reverse=True)
    return [word for _, word in weighted[:limit]]


def place_name(clause: str) -> str | None:
    """The place a clause starts with (泰州市, 海陵区, 陵县), if it starts with one."""
    match = PLACE_START_RE.match(clause)
    if match is None:
        return None
    place = match.group(0)
    if len(place) < 2 or place.startswith(NOT_PLACES) or place.endswith(AREAS) or not place.strip("省市区县旗乡镇"):
        return None
    return place


def named_units(lines: list[tuple[int, str]], tax: Taxonomy) -> list[tuple[str, int, str | None]]:
    """(name, line, institution or None) of each unit the text names by place and kind.

    泰州市城东中心小学 → primary, 陵县人民医院 → hospital, 重庆一中 → None (its level is not in its name).
    """
    endings = sorted([(unit, key) for key, entry in tax.institutions.items() for unit in entry.units] +
                     [(kind, None) for kind in SCHOOL_KINDS], key=lambda pair: -len(pair[0]))
    found: list[tuple[str, int, str | None]] = []
    for number, text in lines:
        for clause in CLAUSE_RE.findall(text):
            clause = LEAD_RE.sub("", clause)
            if place_name(clause) is None:
                continue
            for unit, key in endings:
                at = clause.find(unit)
                if at < 2 or at + len(unit) > 16:
                    continue
                middle = clause[len(place_name(clause) or ""):at]
                if clause[:at].endswith("中") and unit == "小学" or any(word in middle for word in NOT_PLACES
                                                                         if len(word) == 2):
                    break  # 全市中小学 is no unit; nor is 浙江省全面推进……
                found.append((clause[:at + len(unit)], number, key))
                break
    return found


def _term(text: str, title: str, months: list[int], sector: str, tax: Taxonomy, review: Review) -> str:
    """Term words of the plan's own title, then the schedule's months, then term words of the text."""
    school = tax.sectors[sector].school_year if sector in tax.sectors else False  # taxonomy: school_year
    allowed = {key: term for key, term in tax.terms.items() if school or not term.school_term}
    named, scores = _best(title, allowed)
    if named is not None and scores[named] >= 3:
        review.inferred(f"term {named} from its title's {', '.join(_top_words(title, allowed[named].keywords))}")
        return named
    if months:
        distinct = set(months)
        for key, term in allowed.items():
            if term.months and distinct <= set(term.months):
                review.inferred(f"term {key} from the schedule's months ({', '.join(map(str, sorted(distinct)))})")
                return key
        review.inferred("term year: the schedule's months span more than one term")
        return "year"
    best, _ = _best(text, allowed)
    if best is not None:
        review.inferred(f"term {best} from {', '.join(_top_words(text, allowed[best].keywords))}")
        return best
    review.inferred("term year: the text names no term")
    return "year"


def classify(lines: list[tuple[int, str]], months: list[int], tax: Taxonomy, review: Review,
             title: tuple[int, str] | None = None) -> Classification:
    """Sector, institution, section, year, term and tags of one plan's own words.

    `lines` are the plan's text lines with their source line numbers (0 when not known); `title` is a
    title line the plan gives itself (its 篇 header, or the title of a page holding only this plan):
    its year and term count; its unit and 科室 only where the text names none (a title may be wrong).
    """
    lines = [(number, simplified(text)) for number, text in lines]
    title = (title[0], simplified(title[1])) if title else None
    text = "\n".join(line for _, line in lines)
    institution, unit = _institution(lines, text, title, tax, review)
    sector = tax.institutions[institution].sector
    section = _section(lines, text, title, institution, tax, review)
    year = _year(lines, title, review)
    tag_scores = {key: keyword_score(text, tag.keywords) for key, tag in tax.tags.items()}
    tags = sorted((key for key, score in tag_scores.items() if score >= tax.tags[key].min_weight),
                  key=lambda key: (-tag_scores[key], list(tax.tags).index(key)))[:MAX_TAGS]
    term = _term(text, title[1] if title else "", months, sector, tax, review)
    return Classification(sector, institution, section, year, term, tags, unit)


def _section(lines: list[tuple[int, str]], text: str, title: tuple[int, str] | None, institution: str,
             tax: Taxonomy, review: Review) -> str:
    sector = tax.institutions[institution].sector
    allowed = {key: entry for key, entry in tax.sections.items() if sector in entry.sectors}
    section, _ = _best(text, allowed)
    if section is not None:
        review.inferred(f"section {section} from {_evidence(lines, _top_words(text, allowed[section].keywords))}")
        return section
    if title is not None:
        named, scores = _best(title[1], allowed)
        if named is not None and scores[named] >= 3:
            review.look(f"section {named} from its title only (“{title[1]}”): the text names no 科室", title[0])
            return named
    default = tax.institutions[institution].default_section or tax.sectors[sector].default_section
    review.look(f"section {default}: the text names no 科室 of the taxonomy (the usual one of a "
                f"{tax.institutions[institution].zh})")
    return default


def _institution(lines: list[tuple[int, str]], text: str, title: tuple[int, str] | None, tax: Taxonomy,
                 review: Review) -> tuple[str, str | None]:
    units = named_units(lines, tax)
    unit = Counter(name for name, _, _ in units).most_common(1)[0][0] if units else None
    decided = next(((name, line, key) for name, line, key in units if name == unit and key is not None), None)
    if decided is not None:
        name, line, key = decided
        review.inferred(f"institution {key} from the unit it names, “{name}”", line)
        return key, unit
    specific = {key: entry for key, entry in tax.institutions.items() if not entry.fallback}
    sector = _best_sector(text, tax)
    institution, scores = _best(text, {key: entry for key, entry in specific.items() if entry.sector == sector})
    if institution is not None and scores[institution] >= MIN_INSTITUTION_SCORE:
        review.inferred(f"institution {institution} from "
                        f"{_evidence(lines, _top_words(text, specific[institution].keywords))}")
        return institution, unit
    fallbacks = {key: entry for key, entry in tax.institutions.items() if entry.fallback}
    fallback, fallback_scores = _best(text, fallbacks)
    if title is not None:
        # the title decides when the text gives no kind of unit, or only says "a school" and the title which one
        named, title_scores = _best(title[1], specific)
        generic = fallback is None or fallback_scores[fallback] < 1
        same_sector = named is not None and fallback is not None and \
            specific[named].sector == tax.institutions[fallback].sector
        if named is not None and title_scores[named] >= MIN_INSTITUTION_SCORE and (generic or same_sector):
            review.look(f"institution {named} from its title only (“{title[1]}”): the text names no unit",
                        title[0])
            return named, unit
    fallback = fallback or next(iter(fallbacks))
    review.look(f"institution {fallback}: the text names no kind of unit clearly")
    return fallback, unit


def _best_sector(text: str, tax: Taxonomy) -> str:
    """The sector all its kinds of unit's words point to most (a school that mentions 社区 stays a school)."""
    by_sector: dict[str, float] = {}
    for entry in tax.institutions.values():
        by_sector[entry.sector] = by_sector.get(entry.sector, 0.0) + max(0.0, keyword_score(text, entry.keywords))
    return max(by_sector, key=lambda name: (by_sector[name], -list(tax.sectors).index(name)))


def _year(lines: list[tuple[int, str]], title: tuple[int, str] | None, review: Review) -> int | str:
    """A signature date first, then the plan's title, then the latest year its text names."""
    for number, text in reversed(lines):
        if SIGNATURE_RE.match(re.sub(r"\s+", "", text)) and years_in(text):
            review.inferred(f"year {years_in(text)[0]} from the signature date “{text.strip()}”", number)
            return years_in(text)[0]
    if title is not None and years_in(title[1]):
        year = max(years_in(title[1]))
        review.inferred(f"year {year} from its title “{title[1]}”", title[0])
        return year
    found: list[tuple[int, int]] = []  # (year, line)
    for number, text in lines:
        found.extend((year, number) for year in years_in(text))
    if not found:
        placeholder = next((number for number, text in lines if re.search(r"20[xX]{2}|[xX]{2}年|201[xX]", text)), 0)
        if placeholder:
            review.inferred("year unknown: the text writes the year as a placeholder (20xx)", placeholder)
        else:
            review.inferred("year unknown: the text names no year")
        return "unknown"
    year, line = max(found)
    others = sorted({value for value, _ in found} - {year})
    more = f" (it also names {', '.join(map(str, others))})" if others else ""
    review.inferred(f"year {year} from the text{more}", line)
    return year
