"""Shared test helpers: the repository, throw-away copies of it, the CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = REPO / "sources"  # the raw pages the committed plans were imported from
SITE_FILES = ("mkdocs.yml", "docs", "overrides", "scripts/hooks.py", "plans/taxonomy.yml")

# property tests: a quick run while developing, at least 2000 examples each in CI (.ci/run)
settings.register_profile("dev", max_examples=150, deadline=None)
settings.register_profile("ci", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("DISABLE_MKDOCS_2_WARNING", "true")


def run_planlib(*args: str, cwd: Path = REPO, input: str | None = None) -> subprocess.CompletedProcess:
    """Run the real command line, as a user would."""
    return subprocess.run([sys.executable, "-m", "planlib", *args], cwd=cwd, capture_output=True,
                          text=True, input=input, timeout=600)


def make_repo(target: Path, plans: Path | None = FIXTURES / "library" / "plans") -> Path:
    """A copy of the site (config, docs, theme, hooks, taxonomy) with the given plans."""
    for name in SITE_FILES:
        source = REPO / name
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, destination)
        else:
            shutil.copy2(source, destination)
    if plans is not None:
        for path in plans.rglob("*.md"):
            destination = target / "plans" / path.relative_to(plans)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
    return target


TODAY = "2026-11-22"  # the build date pinned for calendar pages and .ics files


def mkdocs_build(root: Path, *extra: str, strict: bool = True, today: str | None = None,
                 env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """A real `mkdocs build` (strict unless told) of the repository copy at `root`."""
    environment = {**os.environ, **(env or {})}
    if today:
        environment["PLANLIB_TODAY"] = today
    command = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), *extra]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=1800, env=environment)


@pytest.fixture(scope="session")
def library_site(tmp_path_factory) -> Path:
    """The real library copied and built strictly (build date pinned), once per test session; read-only."""
    root = make_repo(tmp_path_factory.mktemp("library") / "repo", plans=REPO / "plans")
    result = mkdocs_build(root, today=TODAY)
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    return root


@pytest.fixture
def fixture_repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


def hostile_repo(target: Path) -> Path:
    """A copy of the site whose library is the fixture library plus every plan case of the hostile suite."""
    from hostile_cases import write_plan_cases

    root = make_repo(target)
    write_plan_cases(root / "plans")
    return root


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The hostile library built as a site (not strict: a strict build refuses it), once per session; read-only.

    What the build said is kept in build.log beside site/.
    """
    root = hostile_repo(tmp_path_factory.mktemp("hostile") / "repo")
    build = mkdocs_build(root, strict=False, env={"PLANLIB_WORD": "0"})
    assert build.returncode == 0 and "Traceback" not in build.stderr, build.stderr[-3000:]
    (root / "build.log").write_text(build.stderr, encoding="utf-8")
    return root
