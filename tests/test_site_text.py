"""The built site reads the same as before a change: every page's visible text against a reference.

The reference (fixtures/site-text/library.json.gz) is the text of every page
of the real library's site, built with the date pinned. A change to the code
must leave it as it is, except for the bugs it fixes, which are listed in
FIXED below with the lines they change. When the plans or the pages change
on purpose, rebuild the reference: UPDATE_SITE_TEXT=1 python -m pytest
tests/test_site_text.py (and empty FIXED and ADDED).
"""

from __future__ import annotations

import difflib
import gzip
import json
import os
from pathlib import Path

from conftest import FIXTURES
from pagetext import site_text

REFERENCE = FIXTURES / "site-text" / "library.json.gz"

# page → (lines the fix removes, lines it adds): the only differences allowed
FIXED: dict[str, tuple[list[str], list[str]]] = {}
# pages a fix added: the calendar rules (docs/calendar.md) were written to calendar/index.html, where the
# generated calendar replaced them; they now have a name of their own, and the build stops on such a clash
ADDED = {"calendar-rules/index.html", "en/calendar-rules/index.html"}
# hand-written pages whose Markdown (docs/) was edited on purpose since the reference: not compared
EDITED = {
    "contributing/index.html", "en/contributing/index.html",  # errors keep a plan off the site; CommonMark, once
    "search/index.html", "en/search/index.html",  # what search finds and how it ranks; its judged quality
    "benchmark/index.html", "en/benchmark/index.html",  # search speed on the realistic synthetic library; build and check at scale
}


def _changes(before: str, after: str) -> tuple[list[str], list[str]]:
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_every_page_reads_as_before_but_for_the_fixed_bugs(library_site: Path) -> None:
    texts = site_text(library_site / "site")
    if os.environ.get("UPDATE_SITE_TEXT") == "1":
        REFERENCE.write_bytes(gzip.compress(json.dumps(texts, ensure_ascii=False, sort_keys=True).encode("utf-8"),
                                            mtime=0))
    reference = json.loads(gzip.decompress(REFERENCE.read_bytes()))
    assert sorted(texts) == sorted({*reference, *ADDED}), "pages were added or removed"
    differing = {}
    for page, text in texts.items():
        if page not in ADDED and text != reference[page] and page not in EDITED:
            differing[page] = _changes(reference[page], text)
    unexpected = {page: change for page, change in differing.items() if FIXED.get(page) != change}
    report = "\n".join(f"{page}:\n  - " + "\n  - ".join(removed) + "\n  + " + "\n  + ".join(added)
                       for page, (removed, added) in list(unexpected.items())[:5])
    assert not unexpected, f"{len(unexpected)} pages read differently:\n{report}"
    assert sorted(differing) == sorted(FIXED), "a listed fix no longer shows: update FIXED"
