"""The judged query set (tests/search/judged.yml) and how a result list is scored against it.

Each query has the plans a reader judged relevant, by reading them. A
result list is scored on its first page of plans (guides are a group of
their own): precision@10 is the share of the plans listed first that are
relevant, recall@10 the share of the relevant plans (at most ten) listed
there, and the reciprocal rank 1 / the place of the first relevant plan.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path

from planlib.problems import Problem, ProblemError
from planlib.yamlsafe import read_yaml_file

JUDGED = Path("tests") / "search" / "judged.yml"
FIGURES = Path("tests") / "search" / "figures.yml"
DEPTH = 10  # results a reader sees first
LANGUAGES = ("zh", "en")
KINDS = ("topic", "department", "unit", "month", "phrase", "word")


@dataclass(frozen=True)
class JudgedQuery:
    query: str
    lang: str
    kind: str
    relevant: frozenset[str]
    line: int


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    reciprocal_rank: float


def score(listed: list[str], relevant: frozenset[str], depth: int = DEPTH) -> Score:
    """Precision, recall and reciprocal rank of the first `depth` plans listed."""
    first = list(dict.fromkeys(listed))[:depth]
    hits = [plan for plan in first if plan in relevant]
    if not first:
        precision = 0.0 if relevant else 1.0
    else:
        precision = len(hits) / len(first)
    recall = len(hits) / min(depth, len(relevant)) if relevant else 1.0
    rank = next((place for place, plan in enumerate(first, 1) if plan in relevant), None)
    return Score(precision, recall, 1 / rank if rank else 0.0)


@dataclass
class Summary:
    lang: str
    queries: int
    precision: float
    recall: float
    mrr: float


def summarize(scores: list[tuple[JudgedQuery, Score]]) -> list[Summary]:
    """Mean precision@10, recall@10 and MRR per language."""
    out = []
    for lang in LANGUAGES:
        mine = [s for q, s in scores if q.lang == lang]
        if mine:
            out.append(Summary(lang, len(mine), statistics.fmean(s.precision for s in mine),
                               statistics.fmean(s.recall for s in mine),
                               statistics.fmean(s.reciprocal_rank for s in mine)))
    return out


@dataclass
class JudgedSet:
    queries: list[JudgedQuery] = field(default_factory=list)

    def of(self, lang: str) -> list[JudgedQuery]:
        return [q for q in self.queries if q.lang == lang]


def load_judged(path: Path, shown: str, plan_ids: set[str], redirects: dict[str, str]) -> JudgedSet:
    """The judged set, its plan ids read through the redirect table; every problem on its line."""
    document, problems = read_yaml_file(path, shown, "the judged queries",
                                        "pass a judged.yml of '- query: …' entries (tests/search/judged.yml)")
    if document is None:
        raise ProblemError(problems)
    if not isinstance(document.data, list):
        raise ProblemError([Problem(shown, 1, "not a list of queries", "write '- query: …' entries")])
    judged = JudgedSet()
    seen: set[tuple[str, str]] = set()
    for index, entry in enumerate(document.data):
        line = document.line_of(str(index))
        if not isinstance(entry, dict):
            problems.append(Problem(shown, line, "an entry that is not a mapping", "write query:, lang:, relevant:"))
            continue
        query, lang, kind, relevant = entry.get("query"), entry.get("lang"), entry.get("kind"), entry.get("relevant")
        if not isinstance(query, str) or not query.strip():
            problems.append(Problem(shown, line, "entry without a query", "write query: the words a reader types"))
            continue
        if lang not in LANGUAGES:
            problems.append(Problem(shown, line, f"{query}: lang '{lang}' is not one of {', '.join(LANGUAGES)}",
                                    "write lang: zh or lang: en"))
            continue
        if kind not in KINDS:
            problems.append(Problem(shown, line, f"{query}: kind '{kind}' is not one of {', '.join(KINDS)}",
                                    f"use one of {', '.join(KINDS)}"))
        if not isinstance(relevant, list) or not relevant:
            problems.append(Problem(shown, line, f"{query}: no relevant plans listed",
                                    "list the ids of the plans judged relevant"))
            continue
        ids = set()
        for plan in relevant:
            current = redirects.get(str(plan), str(plan))
            if current not in plan_ids:
                problems.append(Problem(shown, document.line_of(str(index), "relevant"),
                                        f"{query}: unknown plan '{plan}'",
                                        "give the id (file name without .md) of a published plan, "
                                        "or add its rename to redirects.yml"))
            ids.add(current)
        if (query, lang) in seen:
            problems.append(Problem(shown, line, f"{query} ({lang}) is judged twice", "keep one entry"))
        seen.add((query, lang))
        judged.queries.append(JudgedQuery(query, lang, str(kind), frozenset(ids), line))
    if problems:
        raise ProblemError(problems)
    return judged


def load_figures(path: Path) -> dict[str, dict[str, float]]:
    """The committed figures: language → {precision, recall, mrr}."""
    document, problems = read_yaml_file(path, path.name, "the relevance figures", "write zh: and en: with their figures")
    if document is None or not isinstance(document.data, dict):
        raise ProblemError(problems or [Problem(path.name, 1, "not a mapping of languages", "write zh: and en:")])
    return {lang: {k: float(v) for k, v in values.items()} for lang, values in document.data.items()}


def figures_text(summaries: list[Summary]) -> str:
    lines = ["# Relevance on the judged queries (planlib bench search --judged --write-figures);",
             "# tests/browser/test_search_relevance.py fails when a run falls below these."]
    for s in summaries:
        lines.append(f"{s.lang}: {{precision: {s.precision:.3f}, recall: {s.recall:.3f}, mrr: {s.mrr:.3f}}}")
    return "\n".join(lines) + "\n"
