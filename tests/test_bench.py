"""`planlib bench`: a synthetic library built as this site and measured; the bare Material site it is compared with."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO
from planlib.bench.build import build_site
from planlib.bench.command import COLUMNS, Row, _cells
from planlib.bench.search import BARE_CONFIG, build_bare, write_bare_material
from planlib.synth import write_synthetic_site


def test_a_synthetic_site_is_built_and_measured_from_the_builds_own_figures(tmp_path: Path) -> None:
    ours = tmp_path / "ours"
    write_synthetic_site(REPO, ours, 3)
    figures = build_site(ours, {})  # a real `mkdocs build`, its log read for the hooks' figures
    assert figures.plans == 3 and figures.pages > 3 and figures.seconds > 0
    assert 0 < figures.index_share < 1 and figures.largest_plan_path.startswith("plan/synth-")
    bare = tmp_path / "bare"
    write_bare_material(ours, bare)
    assert len(list((bare / "docs" / "plans").rglob("*.md"))) == 3
    assert (bare / "mkdocs.yml").read_text(encoding="utf-8") == BARE_CONFIG and "hooks" not in BARE_CONFIG
    assert figures.cpu_seconds > 0 and figures.peak_bytes > 50_000_000  # Python, MkDocs and Pagefind at least
    bare_build = build_bare(bare)
    assert bare_build.returncode == 0 and bare_build.peak_bytes > 0 and bare_build.cpu_seconds > 0
    cells = dict(zip(COLUMNS, _cells(Row(3, figures, bare_build, None, None, bare_bytes=3000))))
    assert len(cells) == len(COLUMNS) and cells["plans"] == "3" and cells["ms to first result (Material)"] == "–"
    assert cells["wall ratio"] == f"{figures.seconds / bare_build.seconds:.2f}"
    assert cells["memory ratio"] == f"{figures.peak_bytes / bare_build.peak_bytes:.2f}"


def test_bench_check_times_real_commands_on_a_synthetic_library(tmp_path: Path, capsys) -> None:
    from planlib.bench.checking import MEASURES, run_check_bench

    assert run_check_bench(REPO, [12], tmp_path, rounds=1) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("| 12 |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert len(cells) == 1 + len(MEASURES) + 2
    for cell in cells[1:1 + len(MEASURES)]:  # "wall (cpu)", both measured
        wall, cpu = cell.rstrip(")").split(" (")
        assert float(wall) > 0 and float(cpu) > 0
    changed = sorted((tmp_path / "check-12" / "plans").rglob("synth-*.md"))[0].read_text(encoding="utf-8")
    assert "补充说明第1条" in changed  # the one changed plan was really changed before it was checked
    assert "load average" in out
