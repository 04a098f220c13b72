"""Every rule a loaded plan must meet, stated once: `validate(plan, taxonomy)`.

`planlib check`, `mkdocs build` (strict or not) and `mkdocs serve` all use
these rules, and all publish only plans without a blocking problem (an
error), so that what check refuses never appears on the site. Problems that
prevent reading a plan at all (encoding, front matter syntax and schema)
come from loading it (library.py); the rules that need the whole library
(unique ids, duplicate_of) are `library_problems`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from planlib.model import SLUG_RE, Plan, PlanMeta
from planlib.problems import Problem
from planlib.taxonomy import Taxonomy

TEMPLATE_MARK = "（请填写"  # planlib new writes its instructions in this form

Place = Callable[..., tuple[str, int]]  # field name (and sub-keys) → (path, line) a problem points at


def _choices(group: Mapping[str, object]) -> str:
    keys = list(group)
    return ", ".join(keys[:12]) + (", …" if len(keys) > 12 else "")


def meta_problems(meta: PlanMeta, tax: Taxonomy, place: Place) -> list[Problem]:
    """The front matter's values against the taxonomy: known keys, matching sectors, years in range."""
    problems: list[Problem] = []

    def problem(message: str, hint: str, *keys: str) -> None:
        path, line = place(*keys)
        problems.append(Problem(path, line, message, hint))

    if meta.sector not in tax.sectors:
        problem(f"unknown sector '{meta.sector}'",
                f"use one of: {_choices(tax.sectors)}, as listed in plans/taxonomy.yml", "sector")
    institution = tax.institutions.get(meta.institution)
    if institution is None:
        problem(f"unknown institution '{meta.institution}'", f"use one of: {_choices(tax.institutions)}",
                "institution")
    elif meta.sector in tax.sectors and institution.sector != meta.sector:
        problem(f"institution '{meta.institution}' belongs to sector '{institution.sector}', not '{meta.sector}'",
                "correct the sector or the institution", "institution")
    section = tax.sections.get(meta.section)
    if section is None:
        problem(f"unknown section (科室) '{meta.section}'",
                f"use one of: {_choices(tax.sections)}, or add it to plans/taxonomy.yml", "section")
    elif meta.sector in tax.sectors and meta.sector not in section.sectors:
        problem(f"section '{meta.section}' is not used in sector '{meta.sector}'",
                f"it belongs to: {', '.join(section.sectors)}", "section")
    if meta.term not in tax.terms:
        problem(f"unknown term '{meta.term}'", f"use one of: {_choices(tax.terms)}", "term")
    if isinstance(meta.year, int) and not tax.years.min <= meta.year <= tax.years.max:
        problem(f"year {meta.year} is out of range",
                f"use a year from {tax.years.min} to {tax.years.max}, or unknown", "year")
    seen: set[str] = set()
    for index, tag in enumerate(meta.tags):
        if tag not in tax.tags:
            problem(f"unknown tag '{tag}'", f"use one of: {_choices(tax.tags)}, or add it to plans/taxonomy.yml",
                    "tags", str(index))
        if tag in seen:
            problem(f"tag '{tag}' is given twice", "keep only one", "tags", str(index))
        seen.add(tag)
    return problems


def file_problems(shown: str, plan_id: str, plan: Plan | None, tax: Taxonomy) -> list[Problem]:
    """A plan file's name is its id, a slug; it sits in the folder of its (known) sector.

    `shown` is the file's path as shown to users; `plan` is None when its text gives
    no plan. (Rules of the file, not of the text: the importer checks plans before
    they have one.)
    """
    problems = []
    folders = shown.split("/")
    name = folders[-1]
    if not name.endswith(".md") or not SLUG_RE.match(plan_id):
        problems.append(Problem(shown, 1, f"file name '{name}' is not a slug",
                                "rename it to lowercase letters, digits and hyphens ending in .md, "
                                "e.g. youeryuan-jiaokeshi-2023.md"))
    if plan is not None and len(folders) >= 3 and folders[-3] == "plans" and plan.meta.sector in tax.sectors \
            and folders[-2] != plan.meta.sector:
        problems.append(Problem(shown, plan.line_of("sector"),
                                f"plan is in plans/{folders[-2]}/ but its sector is '{plan.meta.sector}'",
                                f"move it to plans/{plan.meta.sector}/"))
    return problems


def _body_problems(plan: Plan) -> list[Problem]:
    """The body's form (from its document tree) and text left over from the `planlib new` template."""
    problems = list(plan.document.problems)
    if not plan.parts:
        problems.append(Problem(plan.path, plan.body_line, "the plan has no parts",
                                "give each part a '## ' heading, e.g. '## 一、指导思想'"))
    for part in plan.parts:
        texts = [(part.line, part.title)] + [(block.line, block.text) for block in part.blocks]
        for line, text in texts:
            if TEMPLATE_MARK in text:
                problems.append(Problem(plan.path, line, "template text left in the plan",
                                        "replace the （请填写…） line with the plan's own text, or delete it"))
    return problems


def validate(plan: Plan, tax: Taxonomy) -> list[Problem]:
    """Every problem of a loaded plan's text: its front matter against the taxonomy, and its body."""
    def place(*keys: str) -> tuple[str, int]:
        return plan.path, plan.line_of(*keys)

    return meta_problems(plan.meta, tax, place) + _body_problems(plan)


def library_problems(plans: list[Plan], known_ids: dict[str, list[str]]) -> list[Problem]:
    """Rules across plans: ids are unique; duplicate_of names another existing plan.

    `known_ids` maps each id to the files that hold it (all of plans/, and the files checked).
    """
    problems: list[Problem] = []
    for plan in plans:
        others = [p for p in known_ids.get(plan.id, []) if p != plan.path]
        if others:
            problems.append(Problem(plan.path, 1, f"duplicate id '{plan.id}': also {', '.join(others)}",
                                    "plan ids are file names and must be unique: rename one file"))
        target = plan.meta.duplicate_of
        if target is not None:
            if target == plan.id:
                problems.append(Problem(plan.path, 1, "duplicate_of names the plan itself",
                                        "name the plan this one repeats, or remove the field"))
            elif target not in known_ids:
                problems.append(Problem(plan.path, 1, f"duplicate_of names unknown plan '{target}'",
                                        "give the id (file name without .md) of an existing plan"))
    repeats = {plan.id: plan.meta.duplicate_of for plan in plans if plan.meta.duplicate_of}
    for plan in plans:  # a → b → a would hide both plans from every index
        chain = [plan.id]
        while (following := repeats.get(chain[-1])) is not None and following not in chain:
            chain.append(following)
        if following == plan.id and len(chain) > 1:
            problems.append(Problem(plan.path, 1, f"duplicate_of goes round in a circle: {' → '.join(chain + [plan.id])}",
                                    "keep duplicate_of in the copy only; the original names no other plan"))
    return problems


def publishable(plans: list[Plan], problems: list[Problem]) -> list[Plan]:
    """The plans a build publishes: those without a blocking problem, and copies of those only."""
    blocked = {problem.path for problem in problems if problem.blocking}
    usable = [plan for plan in plans if plan.path not in blocked]
    ids = {plan.id for plan in usable}
    return [plan for plan in usable if plan.meta.duplicate_of is None or plan.meta.duplicate_of in ids]
