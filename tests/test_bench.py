"""`planlib bench`: a synthetic library built as this site and measured; the bare Material site it is compared with."""

from __future__ import annotations

from pathlib import Path

from conftest import REPO
from planlib.bench.build import build_site
from planlib.bench.command import COLUMNS, Row, _cells
from planlib.bench.search import BARE_CONFIG, write_bare_material
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
    cells = _cells(Row(3, figures, 1.5, 3000, None, None))
    assert len(cells) == len(COLUMNS) and cells[0] == "3" and cells[2] == "0.5000" and cells[-1] == "–"
