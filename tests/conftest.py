"""Shared test helpers: the repository, throw-away copies of it, the CLI."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = REPO.parent / "shared" / "seeds"
SITE_FILES = ("mkdocs.yml", "docs", "overrides", "scripts/hooks.py", "plans/taxonomy.yml")
ADDED = 1_700_000_000  # the file time of the plans in a repository copy

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
            # outside git, a plan's file time says when it was added: one time for all, so that
            # "latest additions" lists them by id, the same on every checkout
            os.utime(destination, (ADDED, ADDED))
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


@dataclass
class Build:
    """An in-process `mkdocs build`: whether it succeeded, and what it logged (WARNING - … lines)."""

    ok: bool
    log: list[str]

    @property
    def warnings(self) -> list[str]:
        return [line.removeprefix("WARNING - ") for line in self.log if line.startswith("WARNING - ")]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} - {record.getMessage()}")


def build_in_process(root: Path, strict: bool = True, today: str = TODAY, word: bool = False) -> Build:
    """A real MkDocs build of the repository copy at `root`, in this process (no interpreter start-up)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    saved = {name: os.environ.get(name) for name in ("PLANLIB_TODAY", "PLANLIB_WORD")}
    os.environ["PLANLIB_TODAY"] = today
    os.environ["PLANLIB_WORD"] = "1" if word else "0"
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        config = load_config(config_file=str(root / "mkdocs.yml"), strict=strict)
        build(config)
        ok = True
    except (MkDocsException, SystemExit) as error:
        handler.lines.append(f"ERROR - {error}")
        ok = False
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return Build(ok, handler.lines)


@pytest.fixture(scope="session")
def library_site(tmp_path_factory) -> Path:
    """The real library copied and built strictly (build date pinned), once per test session; read-only."""
    root = make_repo(tmp_path_factory.mktemp("library") / "repo", plans=REPO / "plans")
    build = build_in_process(root, word=True)
    assert build.ok and build.warnings == [], build.log[-20:]
    return root


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture library (tests/fixtures/library) built strictly, once per test session; read-only."""
    root = make_repo(tmp_path_factory.mktemp("fixture") / "repo")
    build = build_in_process(root, word=True)
    assert build.ok and build.warnings == [], build.log[-20:]
    return root


@pytest.fixture
def fixture_repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")
