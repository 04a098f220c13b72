"""`planlib export`: the documented JSON shape, on the fixture library."""

from __future__ import annotations

import json

from conftest import run_planlib

PLAN_KEYS = {"id", "path", "title", "sector", "institution", "section", "year", "term", "tags",
             "source", "duplicate_of", "parts", "schedule"}


def test_export_shape(fixture_repo) -> None:
    result = run_planlib("export", cwd=fixture_repo)
    assert result.returncode == 0, result.stderr
    plans = json.loads(result.stdout)
    assert isinstance(plans, list) and len(plans) == 4
    assert [p["id"] for p in plans] == sorted(p["id"] for p in plans)
    for plan in plans:
        assert set(plan) == PLAN_KEYS
        assert set(plan["source"]) == {"file", "item", "collection", "published", "site"}
        assert all(set(part) == {"kind", "title", "chars"} for part in plan["parts"])
        for month in plan["schedule"]:
            assert set(month) == {"month", "months", "label", "items"}
            assert 1 <= month["month"] <= 12 and month["items"]
    kindergarten = next(p for p in plans if p["id"] == "fixture-kindergarten-autumn")
    assert kindergarten["path"] == "plans/education/fixture-kindergarten-autumn.md"
    assert kindergarten["year"] == 2023 and kindergarten["term"] == "autumn"
    assert kindergarten["source"] == {"file": "fixture.txt", "item": "篇一", "collection": "测试用计划集",
                                      "published": "2023-04-14", "site": "示例范文网"}
    assert [m["label"] for m in kindergarten["schedule"]] == ["九月份", "十月", "元月份"]
    assert kindergarten["schedule"][2]["month"] == 1
    hospital = next(p for p in plans if p["id"] == "fixture-hospital-infection")
    assert hospital["source"] == {"file": None, "item": None, "collection": None, "published": None, "site": None}
    assert hospital["schedule"][0] == {"month": 1, "months": [1, 2, 3], "label": "第一季度",
                                       "items": ["1、制定年度培训计划。"]}
    primary = next(p for p in plans if p["id"] == "fixture-primary-spring")
    assert primary["year"] == "unknown"
    assert primary["schedule"][0]["items"][-1] == "4、召开教研组长会议。"


def test_export_refuses_a_broken_library(fixture_repo) -> None:
    bad = fixture_repo / "plans" / "education" / "broken.md"
    bad.write_text("---\ntitle: x\n---\n", encoding="utf-8")
    result = run_planlib("export", cwd=fixture_repo)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "plans/education/broken.md:1: 'sector' is missing" in result.stderr


def test_export_from_the_cache_is_the_export_of_the_loaded_library(tmp_path) -> None:
    """The real library: an export with no cache reads every file (for its records only, which it does not
    keep); after a check, export reads the cache check kept. Each is the JSON of the plans as the build
    loads them."""
    from conftest import REPO, make_repo
    from planlib.export import export_json
    from planlib.library import load_library

    root = make_repo(tmp_path / "repo", REPO / "plans")
    expected = export_json(load_library(root).plans) + "\n"
    cold = run_planlib("export", cwd=root)
    assert run_planlib("check", cwd=root).returncode == 0
    cached = run_planlib("export", cwd=root)
    assert cold.returncode == cached.returncode == 0
    assert cold.stdout == expected and cached.stdout == expected


def test_the_document_is_laid_out_as_documented_with_every_character_as_written(tmp_path) -> None:
    """docs/data.md: two-space indents, characters written as themselves (not \\u escapes), ids in order;
    held against the standard library's writer on the real library and on values a plan may hold."""
    from conftest import REPO, make_repo
    from planlib.export import export_records, plan_record
    from planlib.library import load_library

    records = [plan_record(plan) for plan in load_library(make_repo(tmp_path / "repo", REPO / "plans")).plans]
    records.append({**records[0], "id": "zz-edge", "title": "引号\"、反斜杠\\、斜杠/、é、\u2028、\x1f",
                    "tags": [], "parts": [], "source": {}})
    written = export_records(list(reversed(records)))
    assert written == json.dumps(sorted(records, key=lambda record: record["id"]), ensure_ascii=False, indent=2)
    assert "中" in written and "\\u4e2d" not in written
