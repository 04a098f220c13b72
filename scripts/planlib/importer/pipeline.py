"""One saved page → the plan files it holds (nothing written here)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from pypinyin import lazy_pinyin

from planlib import document
from planlib.export import plan_record
from planlib.importer import accounting
from planlib.importer.classify import classify, page_year
from planlib.importer.clean import clean_plan, title_variants
from planlib.importer.decode import decode_page
from planlib.importer.ledger import Removal
from planlib.importer.page import split_page
from planlib.importer.render import render_body
from planlib.planfile import render_front_matter
from planlib.importer.structure import apply_typography, build_blocks
from planlib.library import parse_plan_text
from planlib.planfile import MAX_PLAN_BYTES
from planlib.model import Plan
from planlib.months import chinese_number
from planlib.problems import Problem
from planlib.similarity import NEAR_DUPLICATE, containment, shingles
from planlib.taxonomy import Taxonomy



@dataclass
class ImportedPlan:
    """One plan made from a page, ready to be written."""

    plan: Plan
    file_text: str
    removed: list[Removal]
    added_headings: list[str]
    source_lines: dict[int, str]
    duplicate_similarity: float | None = None

    @property
    def id(self) -> str:
        return self.plan.id

    @property
    def relative_path(self) -> str:
        return f"plans/{self.plan.meta.sector}/{self.plan.id}.md"

    def record(self) -> dict:
        """The plan in the export shape, plus what the importer removed."""
        record = plan_record(self.plan)
        record["path"] = self.relative_path
        record["removed"] = [removal.as_json() for removal in self.removed]
        record["source_lines"] = [min(self.source_lines), max(self.source_lines)] if self.source_lines else []
        record["added_headings"] = list(self.added_headings)
        return record


@dataclass
class PageImport:
    file_name: str
    title: str
    encoding: str
    plans: list[ImportedPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def item_number(item: str | None) -> int:
    if not item:
        return 1
    digits = re.sub(r"[篇第\s]", "", item)
    return chinese_number(digits) or 1


def slug_for(institution: str, section: str, year: int | str, file_name: str, item: str | None) -> str:
    """A stable file name: institution, section (pinyin), year, source and item."""
    section_slug = "".join(lazy_pinyin(section)).lower()
    section_slug = re.sub(r"[^a-z0-9]+", "", section_slug) or "keshi"
    source = hashlib.sha1(file_name.encode("utf-8")).hexdigest()[:4]
    year_part = str(year) if isinstance(year, int) else "xxxx"
    return f"{institution}-{section_slug}-{year_part}-{source}-{item_number(item)}"


def title_for(institution_zh: str, section: str, year: int | str, term_word: str) -> str:
    """A plan's title: year, institution, section, the term's word (taxonomy), 工作计划."""
    year_part = f"{year}年" if isinstance(year, int) else ""
    return f"{year_part}{institution_zh}{section}{term_word}工作计划"


def import_page(data: bytes, file_name: str, tax: Taxonomy) -> PageImport:
    """Decode, split, clean, structure and classify the plans of one page."""
    decoded = decode_page(data)
    page = split_page(decoded.text)
    result = PageImport(file_name, page.title, decoded.encoding)
    all_lines = decoded.text.split("\n")
    year_of_page = page_year(page.title, page.header)
    stem = ""
    for source in page.plans:
        variants = title_variants(page.title, stem)
        paras = clean_plan(source.lines, variants, source.ledger)
        blocks = build_blocks(paras, source.ledger, tax.part_kind_scored)
        apply_typography(blocks)
        body = render_body(blocks)
        added = [block.added for block in blocks if block.para is None]
        tree = document.parse(body, 1, tax.part_kind)
        text = document.plain_text(body)
        months = [month for entry in tree.schedule for month in entry.months]
        facts = classify(text, months, year_of_page, tax)
        plan_id = slug_for(facts.institution, facts.section, facts.year, file_name, source.item)
        front = {
            "title": title_for(tax.institutions[facts.institution].zh, facts.section, facts.year,
                               tax.terms[facts.term].title),
            "sector": facts.sector, "institution": facts.institution, "section": facts.section,
            "year": facts.year, "term": facts.term, "tags": facts.tags,
            "source": {"file": file_name, "item": source.item, "collection": page.title or None},
        }
        file_text = render_front_matter(front) + "\n" + body
        shown = f"{file_name} ({source.item or 'single plan'})"
        plan, problems = parse_plan_text(file_text, shown, plan_id, tax)
        size = len(file_text.encode("utf-8"))
        if size > MAX_PLAN_BYTES:
            problems.append(Problem(file_name, source.first_line,
                                    f"{source.item or 'the plan'} would be {size / 1e6:.1f} MB, more than a plan file may be",
                                    f"a plan is at most {MAX_PLAN_BYTES // 1000} KB: split the page before importing it"))
        source_lines = {n: all_lines[n - 1] for n in range(source.first_line, source.last_line + 1)}
        expected = accounting.expected_text(source_lines, source.ledger.removals)
        mismatch = accounting.compare(expected, accounting.output_text(body, added))
        if mismatch is not None:
            problems.append(Problem(file_name, source.first_line,
                                    f"{source.item or 'plan'}: the import would lose text ({mismatch.describe()})",
                                    "this is an importer bug: please report it with the file"))
        result.problems.extend(problems)
        if plan is not None:
            result.plans.append(ImportedPlan(plan, file_text, list(source.ledger.removals), added, source_lines))
    return result


def mark_duplicates(plans: list[ImportedPlan], existing: list[Plan], tax: Taxonomy) -> None:
    """Set duplicate_of on a plan that repeats an earlier one (in this batch or the library)."""
    earlier: list[tuple[str, set[str]]] = [(plan.id, shingles(document.plain_text(plan.markdown)))
                                           for plan in existing if not plan.is_duplicate]
    for imported in plans:
        own = shingles(document.plain_text(imported.plan.markdown))
        best_id, best = None, 0.0
        for other_id, other in earlier:
            if other_id == imported.id:
                continue
            score = containment(own, other)
            if score > best:
                best_id, best = other_id, score
        if best_id is not None and best >= NEAR_DUPLICATE:
            _set_duplicate(imported, best_id, best, tax)
        else:
            earlier.append((imported.id, own))


def _set_duplicate(imported: ImportedPlan, other_id: str, score: float, tax: Taxonomy) -> None:
    front_end = imported.file_text.index("\n---\n", 4)
    front, body = imported.file_text[:front_end], imported.file_text[front_end:]
    imported.file_text = front + f"\nduplicate_of: {other_id}" + body
    plan, _ = parse_plan_text(imported.file_text, imported.relative_path, imported.id, tax)
    assert plan is not None
    imported.plan = plan
    imported.duplicate_similarity = round(score, 3)
