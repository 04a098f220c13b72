"""The tests mirror the modules: every module of planlib is imported by at least one test."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "scripts" / "planlib"
TESTS = REPO / "tests"


def modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in ("__init__.py", "__main__.py"):
            continue
        names.append("planlib." + path.relative_to(PACKAGE).with_suffix("").as_posix().replace("/", "."))
    return names


def test_every_module_is_imported_by_a_test() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in TESTS.rglob("test_*.py"))
    untested = []
    for module in modules():
        package, _, name = module.rpartition(".")
        imported = re.search(rf"^\s*(?:from {re.escape(module)} import|import {re.escape(module)}\b"
                             rf"|from {re.escape(package)} import [^\n]*\b{name}\b)", sources, re.M)
        if not imported:
            untested.append(module)
    assert untested == []
