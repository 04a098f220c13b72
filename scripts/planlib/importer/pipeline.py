"""One saved page → the plan files it holds, with the import review (nothing written here)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from pypinyin import lazy_pinyin

from planlib import document
from planlib.export import plan_record
from planlib.importer import accounting
from planlib.importer.classify import classify
from planlib.importer.clean import clean_plan, title_variants
from planlib.importer.decode import decode_page
from planlib.importer.ledger import Removal
from planlib.importer.page import Page, PlanSource, split_page
from planlib.importer.render import render_body
from planlib.importer.review import Note, Review
from planlib.importer.script import is_traditional, simplified
from planlib.importer.structure import STRONG_TITLE, apply_typography, build_blocks
from planlib.importer.titles import choose_title, title_candidates
from planlib.library import parse_plan_text
from planlib.model import Plan
from planlib.months import chinese_number
from planlib.planfile import MAX_PLAN_BYTES, render_front_matter
from planlib.problems import Problem
from planlib.similarity import NEAR_DUPLICATE, Grams, containment, grams
from planlib.taxonomy import Taxonomy


@dataclass
class ImportedPlan:
    """One plan made from a page, ready to be written."""

    plan: Plan
    front: dict[str, Any]
    body: str
    removed: list[Removal]
    added_headings: list[str]
    source_lines: dict[int, str]
    review: Review
    title_choices: list[str]
    tax: Taxonomy
    duplicate_similarity: float | None = None

    @property
    def id(self) -> str:
        return self.plan.id

    @property
    def file_text(self) -> str:
        return render_front_matter(self.front) + "\n" + self.body

    @property
    def relative_path(self) -> str:
        return f"plans/{self.plan.meta.sector}/{self.plan.id}.md"

    def update(self, **fields: Any) -> None:
        """Change front matter fields (title, duplicate_of) and re-read the plan."""
        self.front.update(fields)
        plan, _ = parse_plan_text(self.file_text, self.relative_path, self.id, self.tax)
        assert plan is not None, "changing a title or duplicate_of keeps a plan valid"
        self.plan = plan

    def record(self) -> dict:
        """The plan in the export shape, plus what the importer removed and its review."""
        record = plan_record(self.plan)
        record["path"] = self.relative_path
        record["removed"] = [removal.as_json() for removal in self.removed]
        record["source_lines"] = [min(self.source_lines), max(self.source_lines)] if self.source_lines else []
        record["added_headings"] = list(self.added_headings)
        record["review"] = self.review.as_json()
        return record


@dataclass
class PageImport:
    file_name: str
    title: str
    encoding: str
    plans: list[ImportedPlan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # what stops the import
    review: Review = field(default_factory=Review)  # notes about the page as a whole

    def strict_problems(self) -> list[Problem]:
        """Every "look at" note of the review as a problem (for --strict)."""
        notes: list[tuple[ImportedPlan | None, Note]] = [(None, note) for note in self.review.looks]
        notes += [(plan, note) for plan in self.plans for note in plan.review.looks]
        hint = "check the page and the plan by hand; import without --strict to accept it"
        return [Problem(self.file_name, note.line, (f"{_item(plan)}: " if plan else "") + note.message, hint,
                        "error") for plan, note in notes]


def _item(imported: ImportedPlan) -> str:
    source = imported.plan.meta.source
    return (source.item if source and source.item else None) or "the plan"


def item_number(item: str | None) -> int:
    if not item:
        return 1
    digits = re.sub(r"[^0-9０-９一二三四五六七八九十两]", "", item.split("之")[0])
    return chinese_number(digits.replace("两", "二")) or 1


def slug_for(institution: str, section: str, year: int | str, file_name: str, tail: str) -> str:
    """A stable file name: institution, section (pinyin), year, source and place in it."""
    section_slug = "".join(lazy_pinyin(section)).lower()
    section_slug = re.sub(r"[^a-z0-9]+", "", section_slug) or "keshi"
    source = hashlib.sha1(file_name.encode("utf-8")).hexdigest()[:4]
    year_part = str(year) if isinstance(year, int) else "xxxx"
    return f"{institution}-{section_slug}-{year_part}-{source}-{tail}"


def _tail(source: PlanSource) -> str:
    """The plan's place in its page: 篇三 → 3, the second plan of 篇七 → 7-2, a fragment → 0."""
    if source.item is None:
        return "0" if source.fragment else "1"
    number = str(item_number(source.item))
    return f"{number}-2" if source.item.endswith("之二") else number


def _is_part_title(text: str, tax: Taxonomy) -> bool:
    kind, strength = tax.part_kind_scored(text)
    return kind != "other" and strength >= STRONG_TITLE


def import_page(data: bytes, file_name: str, tax: Taxonomy) -> PageImport:
    """Decode, split, clean, structure and classify the plans of one page."""
    decoded = decode_page(data)
    page = split_page(decoded.text, lambda text: _is_part_title(text, tax))
    result = PageImport(file_name, page.title, decoded.encoding, review=page.review)
    if is_traditional(decoded.text):
        page.review.inferred("the page is in traditional script: the plans keep its characters as written; "
                             "they were classified on a simplified reading")
    if page.published or page.site:
        page.review.inferred(f"the page's own facts go to source: site {page.site or 'not stated'}, "
                             f"posted {page.published or 'not stated'} (never the plans' year)")
    all_lines = decoded.text.split("\n")
    tails: set[str] = set()
    for source in page.plans:
        tail = _tail(source)
        if tail in tails:
            tail = f"{tail}-{source.position}"
        tails.add(tail)
        imported, problems = _import_plan(source, page, file_name, all_lines, tail, tax)
        result.problems.extend(problems)
        if imported is not None:
            result.plans.append(imported)
    return result


def _import_plan(source: PlanSource, page: Page, file_name: str, all_lines: list[str], tail: str,
                 tax: Taxonomy) -> tuple[ImportedPlan | None, list[Problem]]:
    paras = clean_plan(source.lines, title_variants(page.title), source.ledger)
    blocks = build_blocks(paras, source.ledger, lambda title: tax.part_kind_scored(simplified(title)), source.review)
    lines = [(block.line, block.text) for block in blocks if block.para is not None]  # as written: 6年级, not 6 年级
    apply_typography(blocks)
    body = render_body(blocks)
    added = [block.added for block in blocks if block.para is None]
    months = [month for entry in document.parse(body, 1, tax.part_kind).schedule for month in entry.months]
    facts = classify(lines, months, tax, source.review, source.own_title)
    plan_id = slug_for(facts.institution, facts.section, facts.year, file_name, tail)
    choices = title_candidates(facts, tax, "\n".join(text for _, text in lines))
    front: dict[str, Any] = {
        "title": choices[0],
        "sector": facts.sector, "institution": facts.institution, "section": facts.section,
        "year": facts.year, "term": facts.term, "tags": facts.tags,
        "source": {"file": file_name, "item": source.item, "collection": page.title or None,
                   "published": page.published, "site": page.site},
    }
    file_text = render_front_matter(front) + "\n" + body
    shown = f"{file_name} ({source.item or 'single plan'})"
    plan, problems = parse_plan_text(file_text, shown, plan_id, tax)
    problems = [problem for problem in problems if problem.severity == "error"]  # warnings: the review has them
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
    if plan is None or problems:
        return None, problems
    imported = ImportedPlan(plan, front, body, list(source.ledger.removals), added, source_lines, source.review,
                            choices, tax)
    return imported, []


def assign_titles(plans: list[ImportedPlan], existing: list[Plan]) -> None:
    """Give each plan the first of its title choices that no other plan has (library and batch)."""
    replaced = {imported.id for imported in plans}
    taken = {plan.meta.title for plan in existing if plan.id not in replaced}
    for imported in plans:
        source = imported.plan.meta.source
        title = choose_title(imported.title_choices, taken, source.item or "" if source else "")
        taken.add(title)
        if title != imported.plan.meta.title:
            imported.update(title=title)


def mark_duplicates(plans: list[ImportedPlan], existing: list[Plan]) -> None:
    """Set duplicate_of on a plan that repeats an earlier one (in this batch or the library)."""
    replaced = {imported.id for imported in plans}
    earlier: list[tuple[str, Grams]] = [(plan.id, grams(document.plain_text(plan.markdown))) for plan in existing
                                           if not plan.is_duplicate and plan.id not in replaced]
    for imported in plans:
        own = grams(document.plain_text(imported.plan.markdown))
        best_id, best = None, 0.0
        for other_id, other in earlier:
            if other_id == imported.id:
                continue
            score = containment(own, other)
            if score > best:
                best_id, best = other_id, score
        if best_id is not None and best >= NEAR_DUPLICATE:
            imported.update(duplicate_of=best_id)
            imported.duplicate_similarity = round(best, 3)
            imported.review.inferred(f"repeats {best_id} (similarity {imported.duplicate_similarity}): "
                                 "marked duplicate_of, kept out of the indexes")
        else:
            earlier.append((imported.id, own))
