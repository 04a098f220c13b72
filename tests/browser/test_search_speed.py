"""The search speed benchmark (planlib.bench.speed) measures real queries in the real dialog."""

from __future__ import annotations

import math
from pathlib import Path

from conftest import REPO
from planlib.bench.judged import JudgedQuery
from planlib.bench.speed import HEADER, SizeSpeed, measure_site, row, texts
from planlib.library import load_library


def test_each_query_is_timed_to_its_first_result_with_the_bytes_it_fetched(site: Path, browser) -> None:
    queries = [JudgedQuery("手卫生", "zh", "topic", frozenset(), 1), JudgedQuery("nursing", "en", "topic", frozenset(), 2),
               JudgedQuery("没有这个词语", "zh", "word", frozenset(), 3)]
    library = texts(load_library(site))
    speeds = measure_site(site / "site", queries, library, texts(load_library(REPO)), browser)
    for speed in speeds:
        assert not math.isnan(speed.ms) and speed.ms > 0  # an answer, also when there is no plan to list
        assert speed.bytes_fetched > 50_000  # Pagefind's script and its index were fetched
    assert 0 < speeds[0].share < 0.2 and speeds[0].share == speeds[0].real_share
    assert speeds[1].share > 0  # the English label of a 科室 counts as a match
    assert speeds[2].share == 0
    line = row(SizeSpeed(len(library), speeds))
    assert line.count("|") == HEADER.splitlines()[0].count("|") and "(" in line
