"""Load plan files into validated `Plan` objects, collecting every problem.

Nothing here raises on bad input: each file gives a Plan (when its front
matter is usable) and a list of `Problem`s with file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from planlib import charpolicy, content_checks, document, limits, planfile, plantree
from planlib.model import FIELDS, Plan, PlanMeta
from planlib.problems import Problem, display_path
from planlib.taxonomy import Taxonomy, load_taxonomy
from planlib.validate import file_problems, library_problems, publishable, validate
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
        return [p for p in self.problems if p.blocking]

    @property
    def publishable(self) -> list[Plan]:
        """Plans the site publishes: those without a blocking problem (validate.publishable)."""
        return publishable(self.plans, self.problems)

    @property
    def published(self) -> list[Plan]:
        """Plans shown in indexes and search: the publishable ones that do not repeat another."""
        return [plan for plan in self.publishable if not plan.is_duplicate]

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


def load_plan(path: Path, tax: Taxonomy, root: Path) -> tuple[Plan | None, list[Problem]]:
    """Load one plan file; return the plan (if its front matter is usable) and its problems."""
    shown = display_path(path, root)
    text, problems = planfile.read_text(path, shown)
    if text is None:
        return None, problems
    return plan_from_text(text, problems, shown, path.stem, tax)


def plan_from_bytes(data: bytes, shown: str, plan_id: str, tax: Taxonomy) -> tuple[Plan | None, list[Problem]]:
    """What load_plan gives for a file of at most MAX_PLAN_BYTES with these bytes."""
    text, problems = planfile.decode(data, shown)
    if text is None:
        return None, problems
    return plan_from_text(text, problems, shown, plan_id, tax)


def plan_from_text(text: str, problems: list[Problem], shown: str, plan_id: str,
                   tax: Taxonomy) -> tuple[Plan | None, list[Problem]]:
    plan, text_problems = parse_plan_text(text, shown, plan_id, tax)
    return plan, problems + file_problems(shown, plan_id, plan, tax) + text_problems


def parse_plan_text(text: str, shown: str, plan_id: str, tax: Taxonomy) -> tuple[Plan | None, list[Problem]]:
    """Parse and validate the text of a plan file (LF line endings, no BOM): the plan and every problem.

    A plan over a limit (limits) gives no Plan: nothing reads it further, and
    no build meets it. One with a character the policy refuses (charpolicy)
    is read on, for its other problems; those are errors, so no build publishes it.
    """
    too_long = limits.line_excess(text, shown)
    if too_long is not None:  # before anything reads the lines
        return None, [too_long]
    split, fence_problems = planfile.split(text, shown)
    refused = [Problem(shown, number, message, hint) for number, message, hint in charpolicy.text_problems(text)]
    unsafe = content_checks.text_problems(text, shown, split.body_line if split else 1)
    problems = refused + unsafe
    if split is None:
        return None, problems + fence_problems
    excess = limits.front_matter_excess(split.front, shown, first_line=2)
    if excess is not None:
        return None, problems + [excess]
    front, yaml_problems = load_yaml(split.front, shown, first_line=2)
    if yaml_problems or front is None:
        problems.extend(yaml_problems)
        return None, problems
    if not isinstance(front.data, dict):
        problems.append(Problem(shown, 2, "front matter must be fields such as 'title: …'",
                                "write one 'name: value' per line between the --- lines"))
        return None, problems
    # values made by YAML escapes ("\x01", "\u202e", "\x3cscript\x3e") are checked as the lines are
    for found, already in ((charpolicy.value_problems(front.data), refused),
                           (content_checks.field_problems(front.data), unsafe)):
        lines = {problem.line for problem in already}
        problems += [Problem(shown, 1 + front.line_of(*path), message, hint) for path, message, hint in found
                     if 1 + front.line_of(*path) not in lines]
    try:
        meta = PlanMeta.model_validate(front.data)
    except ValidationError as error:
        explained = {_explain(item, front, shown, 1) for item in error.errors()}
        problems.extend(sorted(explained))
        return None, problems
    excesses = document.body_excess(split.body, split.body_line, shown)
    if excesses:  # the parser never meets it
        return None, problems + excesses
    tree = document.parse(split.body, split.body_line, tax.part_kind, shown)
    plan = Plan(plan_id, shown, meta, tree, split.body, split.body_line, front.key_lines)
    problems.extend(validate(plan, tax))
    return plan, problems


PlanLoader = Callable[[Path, Taxonomy, Path], tuple[Plan | None, list[Problem]]]


def load_library(root: Path, targets: Iterable[Path] = (), loader: PlanLoader | None = None) -> Library:
    """Load the taxonomy and the plans (all of plans/, or the given files/folders), each by `loader`
    (load_plan, or one that remembers plans between builds: preview.PlanMemo).

    Raises ProblemError only when the taxonomy itself is unusable.
    """
    taxonomy = load_taxonomy(taxonomy_path(root), display_path(taxonomy_path(root), root))
    library = Library(root, taxonomy)
    files, stray = plantree.plan_files(root, targets)
    library.problems.extend(stray)  # links, foo.MD and other files that are not plans
    for path in files:
        plan, problems = (loader or load_plan)(path, taxonomy, root)
        library.problems.extend(problems)
        if plan is not None:
            library.plans.append(plan)
    listed = [*plan_files(root), *files] if targets else files
    known = known_ids((path.stem, display_path(path, root)) for path in listed)
    library.problems.extend(library_problems([(plan.id, plan.path, plan.meta.duplicate_of) for plan in library.plans],
                                             known))
    return library


def known_ids(files: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Id → the files holding it, from (id, shown path) pairs: the files loaded, and all of plans/ when
    only some were named."""
    known: dict[str, list[str]] = {}
    for plan_id, shown in files:
        if shown not in known.setdefault(plan_id, []):
            known[plan_id].append(shown)
    return known
