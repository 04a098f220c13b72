"""`planlib bench search --judged`: precision@10, recall@10 and MRR of the real site's search on the judged set.

The real library is built as the site (or a built site is given), served
from localhost, and every judged query is typed into the search dialog in
headless Chromium, in the interface of its language; the plans it lists
first are scored (bench.judged).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from planlib.bench.build import build_site
from planlib.bench.dialog import Listed, launch, open_dialog, search
from planlib.bench.judged import DEPTH, JudgedQuery, JudgedSet, Score, Summary, score, summarize
from planlib.bench.search import Served
from planlib.synth import SITE_FILES, copy_site

LIBRARY_FILES = SITE_FILES + ("plans", "redirects.yml")
INTERFACE = {"zh": "", "en": "en/"}  # where each language's interface starts


@dataclass
class Judged:
    query: JudgedQuery
    score: Score
    listed: Listed


def build_library_site(root: Path, work: Path | None = None) -> Path:
    """The real library built as the site in a folder of its own; the built site's folder."""
    out = (work or Path(tempfile.mkdtemp(prefix="planlib-judged-"))) / "library"
    copy_site(root, out, LIBRARY_FILES)
    build_site(out, {"PLANLIB_WORD": "0"})
    return out / "site"


def run_judged(site: Path, judged: JudgedSet, browser=None) -> list[Judged]:
    """Every judged query typed into the served site's dialog, scored (in `browser`, or a Chromium of its own)."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = launch(playwright)
            try:
                return run_judged(site, judged, own)
            finally:
                own.close()
    out: list[Judged] = []
    with Served(site) as base:
        for lang, start in INTERFACE.items():
            queries = judged.of(lang)
            if not queries:
                continue
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            open_dialog(page, base + start)
            for query in queries:
                listed = search(page, query.query)
                out.append(Judged(query, score(listed.plans, query.relevant), listed))
            context.close()
    return out


def report(results: list[Judged]) -> tuple[str, list[Summary]]:
    """A table per query, then the means per language."""
    lines = [f"| query | lang | relevant | listed | P@{DEPTH} | R@{DEPTH} | RR | guides above a plan |",
             "|---|---|---|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r.query.query} | {r.query.lang} | {len(r.query.relevant)} | {len(r.listed.plans)} | "
                     f"{r.score.precision:.2f} | {r.score.recall:.2f} | {r.score.reciprocal_rank:.2f} | "
                     f"{r.listed.guides_above_a_plan} |")
    summaries = summarize([(r.query, r.score) for r in results])
    lines += ["", f"| lang | queries | precision@{DEPTH} | recall@{DEPTH} | MRR |", "|---|---|---|---|---|"]
    lines += [f"| {s.lang} | {s.queries} | {s.precision:.3f} | {s.recall:.3f} | {s.mrr:.3f} |" for s in summaries]
    return "\n".join(lines), summaries
