"""Load plan files into validated `Plan` objects, collecting every problem.

Nothing here raises on bad input: each file gives a Plan (when its front
matter is usable) and a list of `Problem`s with file and line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planlib import charpolicy, content_checks, limits, plantree
from planlib.body import parse_body
from planlib.model import FIELDS, SLUG_RE, Plan, PlanMeta
from planlib import planfile
from planlib.problems import Problem, display_path
from planlib.taxonomy import Taxonomy, load_taxonomy
from planlib.yamlsafe import YamlDocument, load_yaml



@dataclass
class Library:
    """The plans of a repository, with the problems found while loading them."""

    root: Path
    taxonomy: Taxonomy
    plans: list[Plan] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def published(self) -> list[Plan]:
        """Plans shown in indexes: all but those marked as duplicates."""
        return [plan for plan in self.plans if not plan.is_duplicate]

    def by_id(self) -> dict[str, Plan]:
        return {plan.id: plan for plan in self.plans}


def plans_dir(root: Path) -> Path:
    return root / "plans"


def taxonomy_path(root: Path) -> Path:
    return plans_dir(root) / "taxonomy.yml"


def find_root(start: Path | None = None) -> Path | None:
    """The nearest directory at or above `start` holding plans/taxonomy.yml."""
    here = (start or Path.cwd()).resolve()
    for candidate in (here, *here.parents):
        if taxonomy_path(candidate).is_file():
            return candidate
    return None


def plan_files(root: Path, targets: Iterable[Path] = ()) -> list[Path]:
    """The plan files named by `targets` (files or folders), or all of plans/ (plantree says which are plans)."""
    return plantree.plan_files(root, targets)[0]


def _explain(error: Any, document: YamlDocument, shown: str, first_line: int) -> Problem:
    loc = [str(part) for part in error["loc"]]
    name = loc[0] if loc else "front matter"
    # a union (int | "unknown") reports one error per branch: name the field
    if name == "year":
        loc = ["year"]
    line = first_line + document.line_of(*loc, default=0)
    kind = error["type"]
    dotted = ".".join(loc)
    if kind == "missing":
        return Problem(shown, first_line, f"'{dotted}' is missing", f"add a line '{loc[-1]}: …' to the front matter")
    if kind == "extra_forbidden":
        return Problem(shown, line, f"unknown field '{dotted}'",
                       f"allowed fields: {', '.join(FIELDS)}; check the spelling")
    if name == "year":
        return Problem(shown, line, "year must be a number such as 2023, or the word unknown",
                       "write it in digits: 二零二三 → 2023")
    if name == "tags" and kind == "list_type":
        return Problem(shown, line, "tags must be a list", "write tags: [课题研究, 集体备课]")
    if kind in ("string_type", "string_too_short") or kind.startswith("value_error"):
        what = "text" if kind == "string_type" else "non-empty text"
        message = error.get("msg", "") if kind.startswith("value_error") else f"'{dotted}' must be {what}"
        return Problem(shown, line, message.replace("Value error, ", f"'{dotted}': "),
                       "quote the value if it looks like a number or date")
    if kind in ("too_long", "string_too_long"):
        return Problem(shown, line, f"'{dotted}' is too long", "shorten it")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return Problem(shown, line, f"'{dotted}' must be fields (file:, item:, collection:)",
                       "indent file:, item: and collection: under it")
    return Problem(shown, line, f"'{dotted}': {error.get('msg', 'invalid value')}", "see docs/contributing.md")


def _taxonomy_problems(meta: PlanMeta, tax: Taxonomy, document: YamlDocument, shown: str,
                       first_line: int) -> list[Problem]:
    problems: list[Problem] = []

    def at(*keys: str) -> int:
        return first_line + document.line_of(*keys, default=0)

    def choices(group: dict) -> str:
        keys = list(group)
        return ", ".join(keys[:12]) + (", …" if len(keys) > 12 else "")

    if meta.sector not in tax.sectors:
        problems.append(Problem(shown, at("sector"), f"unknown sector '{meta.sector}'",
                                f"use one of: {choices(tax.sectors)}, as listed in plans/taxonomy.yml"))
    institution = tax.institutions.get(meta.institution)
    if institution is None:
        problems.append(Problem(shown, at("institution"), f"unknown institution '{meta.institution}'",
                                f"use one of: {choices(tax.institutions)}"))
    elif meta.sector in tax.sectors and institution.sector != meta.sector:
        problems.append(Problem(shown, at("institution"),
                                f"institution '{meta.institution}' belongs to sector '{institution.sector}', "
                                f"not '{meta.sector}'", "correct the sector or the institution"))
    section = tax.sections.get(meta.section)
    if section is None:
        problems.append(Problem(shown, at("section"), f"unknown section (科室) '{meta.section}'",
                                f"use one of: {choices(tax.sections)}, or add it to plans/taxonomy.yml"))
    elif meta.sector in tax.sectors and meta.sector not in section.sectors:
        problems.append(Problem(shown, at("section"),
                                f"section '{meta.section}' is not used in sector '{meta.sector}'",
                                f"it belongs to: {', '.join(section.sectors)}"))
    if meta.term not in tax.terms:
        problems.append(Problem(shown, at("term"), f"unknown term '{meta.term}'",
                                f"use one of: {choices(tax.terms)}"))
    if isinstance(meta.year, int) and not tax.years.min <= meta.year <= tax.years.max:
        problems.append(Problem(shown, at("year"), f"year {meta.year} is out of range",
                                f"use a year from {tax.years.min} to {tax.years.max}, or unknown"))
    seen: set[str] = set()
    for index, tag in enumerate(meta.tags):
        if tag not in tax.tags:
            problems.append(Problem(shown, at("tags", str(index)), f"unknown tag '{tag}'",
                                    f"use one of: {choices(tax.tags)}, or add it to plans/taxonomy.yml"))
        if tag in seen:
            problems.append(Problem(shown, at("tags", str(index)), f"tag '{tag}' is given twice",
                                    "keep only one"))
        seen.add(tag)
    return problems


def load_plan(path: Path, tax: Taxonomy, root: Path) -> tuple[Plan | None, list[Problem]]:
    """Load one plan file; return the plan (if its front matter is usable) and its problems."""
    shown = display_path(path, root)
    text, problems = planfile.read_text(path, shown)
    if text is None:
        return None, problems
    if path.suffix != ".md" or not SLUG_RE.match(path.stem):
        problems.append(Problem(shown, 1, f"file name '{path.name}' is not a slug",
                                "rename it to lowercase letters, digits and hyphens ending in .md, "
                                "e.g. youeryuan-jiaokeshi-2023.md"))
    plan, text_problems = parse_plan_text(text, shown, path.stem, tax)
    problems.extend(text_problems)
    if plan is not None and path.parent.parent.name == "plans" and plan.meta.sector in tax.sectors \
            and path.parent.name != plan.meta.sector:
        problems.append(Problem(shown, _line_of_field(text, "sector"),
                                f"plan is in plans/{path.parent.name}/ but its sector is '{plan.meta.sector}'",
                                f"move it to plans/{plan.meta.sector}/"))
    return plan, problems


def _line_of_field(text: str, name: str) -> int:
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith(f"{name}:"):
            return number
    return 1


def parse_plan_text(text: str, shown: str, plan_id: str, tax: Taxonomy) -> tuple[Plan | None, list[Problem]]:
    """Validate the text of a plan file (LF line endings, no BOM) and parse it.

    A plan over a limit (limits) gives no Plan: nothing reads it further, and
    no build meets it. One with a character the policy refuses (charpolicy)
    is read on, for its other problems; `buildable` leaves it out.
    """
    too_long = limits.line_excess(text)
    if too_long is not None:  # before anything reads the lines
        return None, [Problem(shown, too_long.line, too_long.message, too_long.hint)]
    split, fence_problems = planfile.split(text, shown)
    refused = [Problem(shown, number, message, hint) for number, message, hint in charpolicy.text_problems(text)]
    unsafe = [Problem(shown, number, message, hint) for number, message, hint
              in content_checks.text_problems(text, split.body_line if split else 1)]
    problems = refused + unsafe
    if split is None:
        return None, problems + fence_problems
    excess = limits.front_matter_excess(split.front)
    if excess is not None:
        return None, problems + [Problem(shown, 1 + excess.line, excess.message, excess.hint)]
    document, issues = load_yaml(split.front)
    if issues or document is None:
        problems.extend(Problem(shown, 1 + issue.line, issue.message, issue.hint) for issue in issues)
        return None, problems
    if not isinstance(document.data, dict):
        problems.append(Problem(shown, 2, "front matter must be fields such as 'title: …'",
                                "write one 'name: value' per line between the --- lines"))
        return None, problems
    # values made by YAML escapes ("\x01", "\u202e", "\x3cscript\x3e") are checked as the lines are
    for found, already in ((charpolicy.value_problems(document.data), refused),
                           (content_checks.field_problems(document.data), unsafe)):
        lines = {problem.line for problem in already}
        problems += [Problem(shown, 1 + document.line_of(*path), message, hint) for path, message, hint in found
                     if 1 + document.line_of(*path) not in lines]
    try:
        meta = PlanMeta.model_validate(document.data)
    except ValidationError as error:
        explained = {_explain(item, document, shown, 1) for item in error.errors()}
        problems.extend(sorted(explained))
        return None, problems
    problems.extend(_taxonomy_problems(meta, tax, document, shown, 1))
    body_line = split.body_line
    markdown = split.body
    excesses = limits.body_excess(markdown, body_line)
    problems.extend(Problem(shown, excess.line, excess.message, excess.hint) for excess in excesses)
    if excesses:
        return None, problems
    body = parse_body(markdown, body_line, tax.part_kind)
    problems.extend(Problem(shown, issue.line, issue.message, issue.hint, issue.severity) for issue in body.issues)
    if not body.parts:
        problems.append(Problem(shown, body_line, "the plan has no parts",
                                "give each part a '## ' heading, e.g. '## 一、指导思想'"))
    return Plan(plan_id, shown, meta, body, markdown, body_line), problems


def _library_problems(plans: list[Plan], known_ids: dict[str, list[str]]) -> list[Problem]:
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


def load_library(root: Path, targets: Iterable[Path] = ()) -> Library:
    """Load the taxonomy and the plans (all of plans/, or the given files/folders).

    Raises ProblemError only when the taxonomy itself is unusable.
    """
    taxonomy = load_taxonomy(taxonomy_path(root), display_path(taxonomy_path(root), root))
    library = Library(root, taxonomy)
    files, stray = plantree.plan_files(root, targets)
    library.problems.extend(stray)  # links, foo.MD and other files that are not plans
    for path in files:
        plan, problems = load_plan(path, taxonomy, root)
        library.problems.extend(problems)
        if plan is not None:
            library.plans.append(plan)
    known: dict[str, list[str]] = {}  # id -> files holding it: all of plans/, and the files checked
    for path in [*plan_files(root), *files] if targets else files:
        shown = display_path(path, root)
        if shown not in known.setdefault(path.stem, []):
            known[path.stem].append(shown)
    library.problems.extend(_library_problems(library.plans, known))
    return library


def buildable(library: Library) -> list[Plan]:
    """The plans a build can publish: a valid, unique id, front matter within the taxonomy, and only
    characters the policy allows (charpolicy: the .docx and .ics writers must never meet the others).

    Plans with other problems (raw HTML, junk …) are still built, sanitised;
    `planlib check` and a strict build refuse them anyway.
    """
    tax = library.taxonomy
    counts: dict[str, int] = {}
    for plan in library.plans:
        counts[plan.id] = counts.get(plan.id, 0) + 1
    usable = []
    for plan in library.plans:
        meta = plan.meta
        institution = tax.institutions.get(meta.institution)
        if (SLUG_RE.match(plan.id) and counts[plan.id] == 1 and meta.sector in tax.sectors
                and institution is not None and institution.sector == meta.sector and meta.section in tax.sections
                and meta.term in tax.terms and all(tag in tax.tags for tag in meta.tags)
                and charpolicy.is_clean(meta.model_dump(), plan.markdown)):
            usable.append(plan)
    ids = {plan.id for plan in usable}
    return [plan for plan in usable if plan.meta.duplicate_of is None or plan.meta.duplicate_of in ids]
