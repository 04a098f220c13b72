"""`planlib bench profile`: a real build profiled, its stages found, its memory traced."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

from conftest import REPO
from planlib.bench import profile
from planlib.bench.profile import STAGES, run_profile, stage_table


def test_a_small_library_is_profiled_stage_by_stage(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PLANLIB_WORD", "0")
    tables = []  # the stage table as computed, before its seconds are rounded for printing

    def kept(stats):
        tables.append(stage_table(stats))
        return tables[-1]

    monkeypatch.setattr(profile, "stage_table", kept)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run_profile(REPO, 3, tmp_path) == 0
    text = out.getvalue()
    rows = dict(re.findall(r"^\| ([^|]+?) \| ([\d.]+) \| \d+% \|$", text, re.M))
    assert list(rows) == [label for label, _ in STAGES]
    # the stages every build goes through are found in the profile, however short they are at 3 plans
    (found,) = tables
    assert all(dict(found)[stage] > 0 for stage in ("whole build", "load and validate the plans",
                                                     "Pagefind index and character map")), found
    assert float(rows["whole build"]) > 0 and float(rows["Pagefind index and character map"]) > 0, rows
    assert float(rows["whole build"]) >= float(rows["load and validate the plans"])
    peak = re.search(r"Python's peak (\d+) MB", text)
    assert peak and int(peak.group(1)) > 0
    assert re.search(r"^\| \S+:\d+ \| [\d.]+ \|$", text, re.M)  # allocating lines, as file:line
    assert (tmp_path / "profile-3" / "site" / "pagefind" / "pagefind-entry.json").is_file()
