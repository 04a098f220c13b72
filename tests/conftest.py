"""Shared test helpers: the repository, throw-away copies of it, the CLI."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
SEEDS = REPO / "sources"  # the raw pages the committed plans were imported from
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
    """The command line as a user runs it (`planlib ARGS` in `cwd`), in this process: its exit code and output.

    The same entry point as the installed command (planlib.cli.main); tests/test_cli.py runs the real
    command once in a process of its own.
    """
    from planlib.cli import main

    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    stdin = sys.stdin
    os.chdir(cwd)
    sys.stdin = io.StringIO(input or "")
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exit:  # argparse: --help, --version, bad options
                code = exit.code if isinstance(exit.code, int) else 1
    finally:
        sys.stdin = stdin
        os.chdir(here)
    return subprocess.CompletedProcess(["planlib", *args], code, out.getvalue(), err.getvalue())


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
    if plans == REPO / "plans" and (REPO / "redirects.yml").is_file():  # the real library's old plan URLs
        shutil.copy2(REPO / "redirects.yml", target / "redirects.yml")
    return target




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


def build_in_process(root: Path, strict: bool = True) -> Build:
    """A real MkDocs build of the repository copy at `root`, in this process (no interpreter start-up)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

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
    return Build(ok, handler.lines)


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name`, filled by `make(folder)` once per test run however many processes run the tests
    (pytest-xdist): the first to need it makes it under a lock, the others wait for it and then read it.

    A folder whose making failed is made again by the next test that needs it (and fails it the same way).
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, shared by its workers
    folder = base / name
    with FileLock(f"{folder}.lock"):
        made = base / f"{name}.made"
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


def _strict_build(root: Path) -> None:
    build = build_in_process(root)
    assert build.ok and build.warnings == [], build.log[-20:]


@pytest.fixture(scope="session")
def library_site(tmp_path_factory) -> Path:
    """The real library copied and built strictly, once per test run; read-only."""
    made = made_once(tmp_path_factory, "library",
                     lambda folder: _strict_build(make_repo(folder / "repo", plans=REPO / "plans")))
    return made / "repo"


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture library (tests/fixtures/library) built strictly, once per test run; read-only."""
    made = made_once(tmp_path_factory, "fixture", lambda folder: _strict_build(make_repo(folder / "repo")))
    return made / "repo"


@pytest.fixture
def fixture_repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


def hostile_repo(target: Path) -> Path:
    """A copy of the site whose library is the fixture library plus every plan case of the hostile suite."""
    from hostile_cases import write_plan_cases

    root = make_repo(target)
    write_plan_cases(root / "plans")
    return root


def publish_everything(plans: list, problems: list) -> list:
    """What a build would publish if the checker let every plan through (one plan per id)."""
    return list({plan.id: plan for plan in plans}.values())


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The hostile library built as if the checker had let every plan through (a real build publishes only
    those it accepts), to prove the second line of defence: once per test run; read-only.

    What the build said is kept in build.log beside site/.
    """
    def make(folder: Path) -> None:
        root = hostile_repo(folder / "repo")
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("planlib.library.publishable", publish_everything)
            build = build_in_process(root, strict=False)
        assert build.ok and not any("Traceback" in line for line in build.log), build.log[-20:]
        (root / "build.log").write_text("\n".join(build.log) + "\n", encoding="utf-8")

    return made_once(tmp_path_factory, "hostile", make) / "repo"
