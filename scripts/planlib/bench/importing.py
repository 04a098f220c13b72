"""`planlib bench import`: score the importer on the real-page corpus against its hand-counted truth.

The corpus (tests/corpus/) is a folder of saved pages and `truth.yml`, which
says per page which plans it holds and, per plan, the month schedule (label
and number of items per month), the institution, the section, the year and
the term. Each page is imported as `planlib import` would (nothing written)
and compared:

- plans split exact: the page gives as many plans as the truth lists;
- months exact: the month labels of all its plans, in order, are the truth's;
- items per month exact: the labels and each month's number of items are;
- institution, section, year, term: per plan, in page order;
- stops: the import refused the page; tracebacks: the importer crashed.
"""

from __future__ import annotations

import traceback
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from planlib.importer.pipeline import import_page
from planlib.taxonomy import Taxonomy

FACTS = ("institution", "section", "year", "term")


@dataclass(frozen=True)
class PlanTruth:
    header: str | None
    institution: str
    section: str
    year: int | str
    term: str
    months: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class PageTruth:
    page: str
    site: str
    negative: bool
    plans: tuple[PlanTruth, ...]


@dataclass
class PageScore:
    page: str
    plans_wanted: int
    plans_found: int = 0
    months_exact: bool = False
    items_exact: bool = False
    facts: dict[str, int] = field(default_factory=lambda: {fact: 0 for fact in FACTS})  # plans right
    stopped: bool = False
    crashed: str | None = None
    months_found: list[tuple[str, int]] = field(default_factory=list)

    @property
    def split_exact(self) -> bool:
        return self.plans_found == self.plans_wanted


@dataclass
class Totals:
    pages: int
    plans: int
    split_exact: int
    months_exact: int
    items_exact: int
    facts: dict[str, int]
    stops: int
    tracebacks: int

    def percent(self) -> dict[str, float]:
        """The figures the targets are set on, in % (of pages, or of plans for the facts)."""
        figures = {"plans split exact": self.split_exact / self.pages, "months exact": self.months_exact / self.pages,
                   "items per month exact": self.items_exact / self.pages}
        figures.update({fact: self.facts[fact] / self.plans for fact in FACTS})
        return {name: round(100 * value, 1) for name, value in figures.items()}


def load_truth(path: Path) -> list[PageTruth]:
    """The corpus truth file: one entry per page (tests/corpus/README.md describes it)."""
    entries: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    pages = []
    for entry in entries:
        plans = tuple(PlanTruth(plan.get("header"), plan["institution"], plan["section"], plan["year"], plan["term"],
                                tuple((str(month["label"]), int(month["items"])) for month in plan.get("months") or []))
                      for plan in entry.get("plans") or [])
        pages.append(PageTruth(entry["page"], entry.get("site", ""), bool(entry.get("negative")), plans))
    return pages


def label_key(label: str) -> str:
    """A month label compared without width, spacing and trailing punctuation differences."""
    text = unicodedata.normalize("NFKC", label)
    return "".join(text.split()).rstrip(":：。.,，、;；")


def score_page(folder: Path, truth: PageTruth, tax: Taxonomy) -> PageScore:
    score = PageScore(truth.page, len(truth.plans))
    try:
        result = import_page((folder / truth.page).read_bytes(), truth.page, tax)
    except Exception:  # the figure to report: the importer must never crash
        score.crashed = traceback.format_exc(limit=-3)
        return score
    if result.problems:
        score.stopped = True
        return score
    plans = [imported.plan for imported in result.plans]
    score.plans_found = len(plans)
    score.months_found = [(month.label, len(month.items)) for plan in plans for month in plan.schedule]
    wanted = [(label, items) for plan in truth.plans for label, items in plan.months]
    score.months_exact = [label_key(label) for label, _ in score.months_found] == [label_key(label) for label, _ in wanted]
    score.items_exact = [(label_key(label), items) for label, items in score.months_found] == \
        [(label_key(label), items) for label, items in wanted]
    for plan, want in zip(plans, truth.plans):
        got = {"institution": plan.meta.institution, "section": plan.meta.section, "year": plan.meta.year,
               "term": plan.meta.term}
        for fact in FACTS:
            score.facts[fact] += int(str(got[fact]) == str(getattr(want, fact)))
    return score


def score_corpus(folder: Path, tax: Taxonomy) -> tuple[list[PageScore], Totals]:
    truths = load_truth(folder / "truth.yml")
    scores = [score_page(folder / "pages", truth, tax) for truth in truths]
    totals = Totals(
        pages=len(scores), plans=sum(score.plans_wanted for score in scores),
        split_exact=sum(score.split_exact for score in scores),
        months_exact=sum(score.months_exact for score in scores),
        items_exact=sum(score.items_exact for score in scores),
        facts={fact: sum(score.facts[fact] for score in scores) for fact in FACTS},
        stops=sum(score.stopped for score in scores), tracebacks=sum(score.crashed is not None for score in scores))
    return scores, totals


def _mark(ok: bool) -> str:
    return "ok" if ok else "--"


def table(scores: list[PageScore], totals: Totals) -> str:
    """The per-page table and the totals, as printed by `planlib bench import`."""
    lines = [f"{'page':<36} {'plans':>7} {'months':>6} {'items':>5} {'inst':>4} {'sect':>4} {'year':>4} {'term':>4}  note"]
    for score in scores:
        note = "TRACEBACK" if score.crashed else "STOPPED" if score.stopped else ""
        facts = " ".join(f"{score.facts[fact]:>2}/{min(score.plans_found, score.plans_wanted) or score.plans_wanted}"
                         .rjust(4) for fact in FACTS)
        lines.append(f"{score.page[:36]:<36} {score.plans_found:>3}/{score.plans_wanted:<3} "
                     f"{_mark(score.months_exact):>6} {_mark(score.items_exact):>5} {facts}  {note}")
    percent = totals.percent()
    lines.append("")
    lines.append(f"{totals.pages} pages, {totals.plans} plans")
    lines.append(f"plans split exact      {totals.split_exact:>3}/{totals.pages} pages  {percent['plans split exact']:5.1f} %")
    lines.append(f"months exact           {totals.months_exact:>3}/{totals.pages} pages  {percent['months exact']:5.1f} %")
    lines.append(f"items per month exact  {totals.items_exact:>3}/{totals.pages} pages  "
                 f"{percent['items per month exact']:5.1f} %")
    for fact in FACTS:
        lines.append(f"{fact:<22} {totals.facts[fact]:>3}/{totals.plans} plans  {percent[fact]:5.1f} %")
    lines.append(f"stops                  {totals.stops:>3}")
    lines.append(f"tracebacks             {totals.tracebacks:>3}")
    return "\n".join(lines)
