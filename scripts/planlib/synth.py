"""`planlib synth N`: a realistic synthetic library of N plans, made from the real ones, for scale tests.

A synthetic plan takes the outline of a real plan (its parts, subheadings,
lists and schedule months, read from its document tree) and fills it with
sentences: most of them the real plan's own, the others drawn from other
plans of the same sector and kind of part (a schedule month's activities
from the same month of other schedules). Then it gets an identity of its
own: one of the sector's kinds of unit with a made-up name and place, one
of the sector's 科室, a year, and topics swapped for other topics of the
sector; numbers in the text are varied. So a word that real plans share
stays shared, but a word of one plan, unit or topic stays rare, and the
share of plans a query matches is close to the real library's (the search
benchmark prints both), instead of every query matching most of the
library. The same seed gives the same library.
"""

from __future__ import annotations

import random
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from planlib.document import Block, Part, escape_marking_placeholders
from planlib.importer.classify import named_units
from planlib.library import Library, load_library
from planlib.model import Plan
from planlib.planfile import render
from planlib.taxonomy import Taxonomy

SITE_FILES = ("mkdocs.yml", "docs", "overrides", "scripts/hooks.py", "plans/taxonomy.yml")
OWN_SHARE = 0.5  # at most this share of a plan's text is kept from the plan it is made from
UNKNOWN_YEAR = 0.15  # share of plans whose year is not known (real templates write 20xx)
YEARS = (2010, 2025)
# characters of place names (two of them and 市, 区 or 县 make a place: 青川市, 临江区)
PLACE_CHARS = "安宝北滨昌城川春大德东丰凤福高古广海汉河和衡红华淮黄吉嘉江金锦晋京靖九康乐立丽连临龙鹿罗洛茂梅明南宁平蒲" \
              "青庆泉仁瑞山上韶胜石寿舒顺泰唐桃天通潼万温文西溪仙湘新兴秀徐阳永余玉元云长招镇中舟珠"
SCHOOL_NAMES = ("实验", "第一", "第二", "第三", "育才", "城东", "城西", "城南", "城北", "光明", "新华", "东风", "解放",
                "人民路", "文昌", "中心", "朝阳", "向阳", "红星", "滨江")
HOSPITAL_NAMES = ("人民", "中心", "第一人民", "第二人民", "中医", "妇幼保健", "协和", "仁爱", "同济", "民康")
SENTENCE_RE = re.compile(r"[^。！？；!?;]+[。！？；!?;]*")
NUMBERING_RE = re.compile(r"^\s*(?:[（(]?[0-9０-９一二三四五六七八九十]{1,3}[)）、.．]|[①-⑳⑴-⒇])\s*")
NUMBER_RE = re.compile(r"(?<![0-9xX*])[0-9]{1,4}(?![0-9xX*])")  # not 20xx, a placeholder
YEAR_RE = re.compile(r"(?<![0-9])(19[9][0-9]|20[0-4][0-9])(?![0-9])")


def sentences(text: str) -> list[str]:
    """A block's text cut after 。！？；."""
    return [s for s in SENTENCE_RE.findall(text) if s.strip()]


MIN_POOL = 200  # sentences a kind of part needs before drawing only from its own kind


@dataclass
class _Pools:
    """Sentences and activities of the real plans, by sector and kind of part (and month), with their plan."""

    sentences: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    activities: dict[tuple[str, int], list[tuple[str, str]]] = field(default_factory=dict)

    def sentence(self, rng: random.Random, sector: str, kind: str, source: str) -> str | None:
        pool = self.sentences.get((sector, kind), [])
        if len(pool) < MIN_POOL:
            pool = self.sentences.get((sector, "*"), [])
        return _draw(rng, pool, source)

    def activity(self, rng: random.Random, sector: str, month: int, source: str) -> str | None:
        return _draw(rng, self.activities.get((sector, month), []), source)


def _draw(rng: random.Random, pool: list[tuple[str, str]], source: str) -> str | None:
    """A sentence of the pool from another plan than `source` (a few tries), or None."""
    for _ in range(8):
        if not pool:
            return None
        plan, text = rng.choice(pool)
        if plan != source:
            return text
    return None


def _pools(plans: list[Plan]) -> _Pools:
    pools = _Pools()
    for plan in plans:
        sector = plan.meta.sector
        for part in plan.parts:
            for block in part.blocks:
                if block.kind in ("paragraph", "item") and not _is_month_heading(part, block):
                    for sentence in sentences(NUMBERING_RE.sub("", block.text.replace("\n", ""))):
                        pools.sentences.setdefault((sector, part.kind), []).append((plan.id, sentence))
                        pools.sentences.setdefault((sector, "*"), []).append((plan.id, sentence))
            for month in part.months:
                for item in month.items:
                    pools.activities.setdefault((sector, month.month), []).append(
                        (plan.id, NUMBERING_RE.sub("", item.text.split("\n")[0])))
    return pools


def _is_month_heading(part: Part, block: Block) -> bool:
    return block.kind == "heading" and any(month.line == block.line for month in part.months)


@dataclass
class _Identity:
    """Who a synthetic plan belongs to, and the words of its source plan that say otherwise."""

    source: str  # the id of the plan it is made from
    sector: str
    institution: str
    section: str
    year: int | str
    unit: str
    replacements: list[tuple[str, str]]  # (word of the source plan, word of this plan), longest first
    year_shift: int | None  # added to the years the text names


def _tag_sectors(plans: list[Plan], tax: Taxonomy) -> dict[str, list[str]]:
    """Sector → the topics (tags) its plans carry or name, in taxonomy order."""
    found: dict[str, set[str]] = {}
    for plan in plans:
        for tag in tax.tags:
            if tag in plan.meta.tags or tax.tags[tag].zh in plan.text:
                found.setdefault(plan.meta.sector, set()).add(tag)
    return {sector: [tag for tag in tax.tags if tag in tags] for sector, tags in found.items()}


def _place(rng: random.Random, suffix: str) -> str:
    return rng.choice(PLACE_CHARS) + rng.choice(PLACE_CHARS) + suffix


def _unit_name(rng: random.Random, institution: str, tax: Taxonomy) -> str:
    kind = tax.institutions[institution]
    ending = kind.units[0] if kind.units else "学校"
    city = _place(rng, "市")
    if institution in ("hospital",):
        return city + rng.choice(HOSPITAL_NAMES) + ending
    if institution in ("clinic",):
        return _place(rng, "镇") + ending
    if institution in ("district-office", "government-office", "party-school"):
        return _place(rng, rng.choice("区县")) + ending
    return city + rng.choice(SCHOOL_NAMES) + ending


def _named_units(plan: Plan, tax: Taxonomy) -> list[str]:
    """The units a plan's text names (泰州市城东中心小学), longest first."""
    found = named_units([(block.line, block.text) for part in plan.parts for block in part.blocks], tax)
    return sorted({name for name, _, _ in found}, key=len, reverse=True)


def _identity(rng: random.Random, base: Plan, tax: Taxonomy, topics: dict[str, list[str]],
              units: list[str]) -> _Identity:
    sector = base.meta.sector
    institutions = [key for key, entry in tax.institutions.items() if entry.sector == sector]
    sections = [key for key, entry in tax.sections.items() if sector in entry.sectors]
    # a plan keeps its unit kind and 科室 about as often as the real library repeats them
    institution = base.meta.institution if rng.random() < 0.3 else rng.choice(institutions)
    section = base.meta.section if rng.random() < 0.3 else rng.choice(sections)
    year: int | str = "unknown" if rng.random() < UNKNOWN_YEAR else rng.randint(*YEARS)
    unit = _unit_name(rng, institution, tax)
    replacements = [(base.meta.section, section)]
    replacements += [(name, unit) for name in units]
    own = [tag for tag in base.meta.tags if tag in topics.get(sector, [])]
    others = [tag for tag in topics.get(sector, []) if tag not in own]
    rng.shuffle(others)
    for tag, other in zip(own, others):
        if rng.random() < 0.7:  # the rest keep their topic
            replacements.append((tax.tags[tag].zh, tax.tags[other].zh))
    replacements.sort(key=lambda pair: len(pair[0]), reverse=True)
    years = [int(y) for y in YEAR_RE.findall(base.text)]
    shift = (year - min(years)) if isinstance(year, int) and years else None
    return _Identity(base.id, sector, institution, section, year, unit, replacements, shift)


def _retold(text: str, who: _Identity, rng: random.Random) -> str:
    """A sentence in the words of the synthetic plan: its unit, 科室, topics, years; other numbers varied."""
    for old, new in who.replacements:
        if old and old != new:
            text = text.replace(old, new)
    if who.year_shift is not None:
        shift = who.year_shift
        text = YEAR_RE.sub(lambda m: str(min(YEARS[1] + 1, int(m.group(1)) + shift)), text)

    def number(match: re.Match[str]) -> str:
        digits = match.group(0)
        if YEAR_RE.fullmatch(digits) or len(digits) == 1 or rng.random() < 0.5:
            return digits
        return str(rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1))

    return NUMBER_RE.sub(number, text)


@dataclass
class _Slot:
    """A block of the source plan to write: its Markdown form, its numbering and its sentences."""

    block: Block
    kind: str  # the part's kind, or "month" for a schedule activity
    month: int = 0
    prefix: str = ""
    units: list[str] = field(default_factory=list)


def _slots(part: Part) -> list[_Slot]:
    months = {month.line for month in part.months}
    activities = {item.line: month.month for month in part.months for item in month.items}
    slots = []
    for block in part.blocks:
        if block.kind == "heading":
            slots.append(_Slot(block, "month" if block.line in months else part.kind))
        elif block.kind in ("paragraph", "table", "item"):
            month = activities.get(block.line)
            text = block.text.split("\n")[0] if month else block.text.replace("\n", "")
            numbering = NUMBERING_RE.match(text)
            prefix = numbering.group(0) if numbering else ""
            units = sentences(text[len(prefix):]) or [text[len(prefix):]]
            slots.append(_Slot(block, "month" if month else part.kind, month or 0, prefix, units))
    return slots


def _kept(slots: list[_Slot], rng: random.Random) -> set[tuple[int, int]]:
    """The sentences (slot, index) a plan keeps: a random set holding, with the headings, at most OWN_SHARE
    of its characters, so that two plans made from the same one share at most about that much (planlib check
    finds no near-duplicates)."""
    units = [(i, j, len(unit)) for i, slot in enumerate(slots) for j, unit in enumerate(slot.units)]
    headings = sum(len(slot.block.text) for slot in slots if slot.block.kind == "heading")  # always kept
    budget = OWN_SHARE * (sum(size for _, _, size in units) + headings) - headings
    rng.shuffle(units)
    kept, used = set(), 0
    for i, j, size in units:
        if used + size <= budget:
            kept.add((i, j))
            used += size
    return kept


def _joined(units: list[str]) -> str:
    """Sentences in a row; a space where one ends in a Chinese character and the next starts with a digit or
    letter (as plans write 管理 35 周岁)."""
    text = ""
    for unit in units:
        if text and "\u4e00" <= text[-1] <= "\u9fff" and unit[:1].isascii() and unit[:1].isalnum():
            text += " "
        text += unit
    return text


def _markdown(part: Part, who: _Identity, pools: _Pools, rng: random.Random) -> list[str]:
    """The Markdown lines of one part, walked block by block."""
    lines = ["## " + escape_marking_placeholders(_retold(part.title, who, rng)), ""]
    slots = _slots(part)
    kept = _kept(slots, rng)
    for i, slot in enumerate(slots):
        block = slot.block
        if block.kind == "heading":
            text = block.text if slot.kind == "month" else _retold(block.text, who, rng)
            lines += ["#" * block.level + " " + escape_marking_placeholders(text), ""]
            continue
        out = []
        for j, unit in enumerate(slot.units):
            if (i, j) not in kept:
                drawn = (pools.activity(rng, who.sector, slot.month, who.source) if slot.kind == "month"
                         else pools.sentence(rng, who.sector, slot.kind, who.source))
                unit = drawn or unit
            out.append(unit)
        text = slot.prefix + _retold(_joined(out), who, rng)
        if not text.strip():
            continue
        if block.kind == "item":
            lines.append("    " * block.level + "- " + escape_marking_placeholders(text))
        else:
            lines += [escape_marking_placeholders(text), ""]
    return lines


def _body(plan: Plan, who: _Identity, pools: _Pools, rng: random.Random) -> str:
    lines: list[str] = []
    for part in plan.parts:
        part_lines = _markdown(part, who, pools, rng)
        # a blank line between a list and the paragraph or heading after it
        spaced: list[str] = []
        for line in part_lines:
            if spaced and spaced[-1].lstrip().startswith("- ") and line and not line.lstrip().startswith("- "):
                spaced.append("")
            spaced.append(line)
        lines += spaced + [""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _title(who: _Identity, plan: Plan, tax: Taxonomy, topic: str) -> str:
    year = f"{who.year}年" if isinstance(who.year, int) else ""
    term = tax.terms[plan.meta.term].title if plan.meta.term in tax.terms else ""
    return f"{year}{who.unit}{who.section}{topic}{term}工作计划"


def synthetic_plans(library: Library, count: int, seed: int = 7) -> dict[str, str]:
    """Relative path → file text of `count` synthetic plans."""
    rng = random.Random(seed)
    bases = sorted(library.published, key=lambda p: p.id)
    if not bases:
        raise ValueError("the library has no plans to build a synthetic library from")
    tax = library.taxonomy
    pools = _pools(bases)
    topics = _tag_sectors(bases, tax)
    units = {plan.id: _named_units(plan, tax) for plan in bases}
    files = {}
    titles: Counter[str] = Counter()
    for number in range(count):
        base = bases[number % len(bases)]
        who = _identity(rng, base, tax, topics, units[base.id])
        swapped = dict(who.replacements)
        tags = []
        for tag in base.meta.tags:
            label = swapped.get(tax.tags[tag].zh, tax.tags[tag].zh)
            key = next((k for k, entry in tax.tags.items() if entry.zh == label), tag)
            if key not in tags:
                tags.append(key)
        title = _title(who, base, tax, tax.tags[tags[0]].zh if tags else "")
        titles[title] += 1
        if titles[title] > 1:
            title = f"{title}（{titles[title]}）"
        front = {"title": title, "sector": who.sector, "institution": who.institution, "section": who.section,
                 "year": who.year, "term": base.meta.term, "tags": tags,
                 "source": {"file": "synthetic", "item": str(number + 1), "collection": f"synthetic from {base.id}"}}
        body = _body(base, who, pools, rng)
        files[f"plans/{who.sector}/synth-{number + 1:05d}.md"] = render(front, body)
    return files


def copy_site(source_root: Path, out: Path, names: tuple[str, ...] = SITE_FILES) -> None:
    """A fresh folder `out` with the site's files (configuration, guides, theme, hooks, taxonomy)."""
    if out.exists():
        shutil.rmtree(out)
    for name in names:
        source, target = source_root / name, out / name
        if not source.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            shutil.copy2(source, target)


def write_synthetic_site(source_root: Path, out: Path, count: int, seed: int = 7) -> int:
    """A buildable copy of the site at `out` whose library is `count` synthetic plans."""
    library = load_library(source_root)
    files = synthetic_plans(library, count, seed)
    copy_site(source_root, out)
    for relative, text in files.items():
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return len(files)
