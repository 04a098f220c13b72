"""The hostile plan files (hostile_cases.PLAN_CASES) through check, import and the build.

Each case must get its expected outcome: check refuses it with a clear
`file:line: what (how)` line naming the problem, or accepts an odd but
harmless one; a build of a library holding all of them publishes exactly the
plans check accepts and names each one it leaves out (the same rules,
`validate()`); and a build that let every plan through the checker publishes
the cases marked `built`, inert (the second line of defence). Never a
traceback, a crash, a hang, a script or a lost plan.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from html import unescape as html_unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, Build, build_in_process, hostile_repo, made_once, make_repo
from hostile_cases import (HOSTILE, IMPORT_CASES, NEW_CASES, OUTPUT_CASES, PLAN_CASES, REPRODUCERS, TREE_CASES,
                           PlanCase, all_case_names, with_companions, write_plan_cases)
from planlib.cli import main
from planlib.model import SLUG_RE

LINE_RE = re.compile(r"^.+?:\d+: .+ \(.+\)$|^.+?: .+ \(.+\)$")
SUMMARY_RE = re.compile(r"^(ok: |fixed: |\d+ problems? in \d+ files?)")
HANG_SECONDS = 60  # far beyond any case's time (tests/bench_check.py prints them): only a hang gets here
SECURITY = REPO / "SECURITY.md"


class Hang(Exception):
    pass


@contextlib.contextmanager
def hang_guard(seconds: int = HANG_SECONDS) -> Iterator[None]:
    def stop(signum, frame):  # noqa: ARG001
        raise Hang(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(*args: str) -> tuple[int, str]:
    """planlib in this process (fast), with its output; a crash would show as 'internal error'."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out), hang_guard():
        code = main(list(args))
    return code, out.getvalue()


def case_repo(folder: Path, cases: list[PlanCase]) -> Path:
    """A repository holding only the taxonomy and these plan files."""
    (folder / "plans").mkdir(parents=True)
    shutil.copy(REPO / "plans" / "taxonomy.yml", folder / "plans" / "taxonomy.yml")
    write_plan_cases(folder / "plans", cases)
    return folder


def check_case(case: PlanCase, folder: Path) -> tuple[int, str, float]:
    root = case_repo(folder, with_companions(case))
    started = time.perf_counter()
    code, output = run("--root", str(root), "check")
    return code, output, time.perf_counter() - started


def assert_clear(output: str) -> list[str]:
    """Every line of check's output is a problem line or a summary; return the problem lines."""
    assert "internal error" not in output and "Traceback" not in output, output[-2000:]
    lines = [line for line in output.splitlines() if not SUMMARY_RE.match(line)]
    assert all(LINE_RE.match(line) for line in lines), [line for line in lines if not LINE_RE.match(line)][:3]
    return lines


# -- the suite itself ------------------------------------------------------------------------------------------

def test_every_kept_sample_has_an_expected_outcome() -> None:
    kept = {p.stem for p in HOSTILE.glob("*.md") if p.name != "README.md"}
    expected = {case.name for case in PLAN_CASES if case.data is None}
    assert kept == expected


def test_the_suite_is_large_names_each_case_once_and_holds_every_reproducer() -> None:
    names = all_case_names()
    assert len(names) == len(set(names))
    assert len(names) >= 200
    for reproduces, name in REPRODUCERS.items():
        assert any(n == name or n.startswith(name + "@") for n in names), reproduces


def test_security_md_states_the_number_of_cases() -> None:
    text = SECURITY.read_text(encoding="utf-8")
    stated = re.search(r"\*\*(\d[\d,]*) hostile inputs\*\*", text)
    assert stated, "SECURITY.md states the size of the hostile suite as **N hostile inputs**"
    assert int(stated.group(1).replace(",", "")) == len(all_case_names())
    kinds = {"plan files": len(PLAN_CASES), "files under plans/": len(TREE_CASES), "answers to `planlib new`":
             len(NEW_CASES), "import conditions": len(IMPORT_CASES), "output forgeries": len(OUTPUT_CASES)}
    for kind, count in kinds.items():
        assert f"| {kind} | {count} |" in text, kind
    refused = sum(case.refused is not None for case in PLAN_CASES)
    built = sum(case.built for case in PLAN_CASES)
    assert f"the problem named ({refused}), or accepts an odd but harmless one ({len(PLAN_CASES) - refused})" in text
    assert f"publishes exactly the {len(PLAN_CASES) - refused} check accepts" in text
    assert f"publishes the {built} marked `built`" in text


# -- check -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", PLAN_CASES, ids=[f"{c.name[:40]}@{c.folder}" for c in PLAN_CASES])
def test_check_gives_each_plan_case_its_outcome(case: PlanCase, tmp_path: Path) -> None:
    code, output, _ = check_case(case, tmp_path)
    lines = assert_clear(output)
    if case.refused is None:
        assert code == 0, output[-1500:]
    else:
        errors = [line for line in lines if ": warning: " not in line]
        assert code == 1 and errors, output[-1500:]
        assert case.refused in output, (case.refused, errors[:5])


def test_checking_the_whole_hostile_library_in_one_process_neither_crashes_nor_hangs(hostile_site: Path) -> None:
    """A crash of libyaml or of the interpreter would end this process with a signal, not with exit 1."""
    result = subprocess.run([sys.executable, "-m", "planlib", "--root", str(hostile_site), "check"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1 and result.stderr == "", result.stderr[-2000:]
    lines = assert_clear(result.stdout)
    refused = {case.name for case in PLAN_CASES if case.refused is not None}
    named = {Path(line.split(":", 1)[0]).stem for line in lines}
    assert refused <= named, sorted(refused - named)[:10]


# -- the build ----------------------------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def real_build(tmp_path_factory) -> tuple[Path, Build]:
    """The hostile library built strictly, as CI builds a pull request: refused, and what it wrote and said."""
    def make(folder: Path) -> None:
        build = build_in_process(hostile_repo(folder / "repo"), strict=True)
        (folder / "build.json").write_text(json.dumps(dataclasses.asdict(build)), encoding="utf-8")

    folder = made_once(tmp_path_factory, "hostile-real", make)
    return folder / "repo", Build(**json.loads((folder / "build.json").read_text(encoding="utf-8")))


def test_a_strict_build_refuses_the_hostile_library(real_build: tuple[Path, Build]) -> None:
    _, build = real_build
    assert not build.ok and "Aborted with" in build.log[-1] and not any("Traceback" in line for line in build.log)


def test_the_build_publishes_exactly_the_plans_check_accepts_and_loses_none(real_build: tuple[Path, Build]) -> None:
    root, _ = real_build
    site = root / "site"
    built = {p.parent.name for p in (site / "plan").glob("*/index.html")}
    library = {p.stem for p in (FIXTURES / "library" / "plans").rglob("*.md")}
    accepted = {case.name for case in PLAN_CASES if case.refused is None}
    assert built == library | accepted, (sorted(built - library - accepted), sorted(accepted - built))
    for name in built:
        assert (site / "en" / "plan" / name / "index.html").exists(), name


def test_the_build_names_each_plan_it_leaves_out(real_build: tuple[Path, Build]) -> None:
    _, build = real_build
    warned = {Path(warning.split(":", 1)[0]).stem for warning in build.warnings if warning.startswith("plans/")}
    left_out = {case.name for case in PLAN_CASES if case.refused is not None}
    assert left_out <= warned, sorted(left_out - warned)[:10]


def test_a_build_that_let_every_plan_through_publishes_those_marked_built(hostile_site: Path) -> None:
    """The second line of defence has something to prove itself on: the hostile plans are on the site."""
    site = hostile_site / "site"
    built = {p.parent.name for p in (site / "plan").glob("*/index.html")}
    for case in PLAN_CASES:
        if case.built:
            assert case.name in built, f"{case.name} should be published, inert"
        elif SLUG_RE.match(case.name):
            assert case.name not in built, f"{case.name} gives no plan, so no page"
    assert {p.stem for p in (FIXTURES / "library" / "plans").rglob("*.md")} <= built


def test_each_plan_has_its_own_calendar(hostile_site: Path) -> None:
    """Plan cd's 2026-2027 and plan cd-2026's 2027 once shared one .ics name, and one replaced the other:
    each plan page now carries its own calendar's entries, and the browser names the file by the title."""
    def entries(plan_id: str) -> str:
        html = (hostile_site / "site" / "plan" / plan_id / "index.html").read_text(encoding="utf-8")
        return html_unescape(re.search(r'class="plan-ics" data-ics="([^"]*)"', html).group(1))

    assert "开展听课活动" in entries("cd") and "九月" not in entries("cd-2026")
    assert not (hostile_site / "site" / "calendar" / "ics").exists()


class _Scan(HTMLParser):
    """Every script, event handler and script URL in a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        from_plan = any("PWNED" in (value or "") or "127.0.0.2" in (value or "") for _, value in attrs)
        if tag in ("iframe", "object", "embed") or (from_plan and tag in ("base", "form", "img", "link", "meta")):
            self.findings.append(f"<{tag}>")
        if tag == "script":
            self._in_script = True
            source = dict(attrs).get("src") or ""
            if "PWNED" in source or "127.0.0.2" in source:
                self.findings.append(f"script src={source}")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.findings.append(f"{tag} {name}={value[:40]}")
            if name in ("href", "src", "action", "formaction", "xlink:href", "data") and re.match(
                    r"\s*(javascript|vbscript|data):", value, re.I):
                self.findings.append(f"{tag} {name}={value[:40]}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and "PWNED" in data:
            self.findings.append(f"script {data[:40]}")


def test_a_site_built_with_every_hostile_plan_has_no_plan_script(hostile_site: Path) -> None:
    site = hostile_site / "site"
    findings = []
    for page in site.rglob("*.html"):
        scan = _Scan()
        scan.feed(page.read_text(encoding="utf-8", errors="replace"))
        findings.extend(f"{page.relative_to(site)}: {finding}" for finding in scan.findings)
    assert findings == []
    text = (site / "plan" / "entity-encoded-tag" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in text  # shown as text, harmless


class _Attributes(HTMLParser):
    """Every id of a page, and the ids, classes, data-* and name= attributes inside its plan text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page_ids: list[str] = []
        self.ids: set[str] = set()
        self.classes: set[str] = set()
        self.data: set[str] = set()
        self.names: set[str] = set()
        self._depth = 0  # > 0 inside <div class="plan-body">

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = values.get("class", "").split()
        if "id" in values:
            self.page_ids.append(values["id"])
        if self._depth:
            self._depth += tag not in VOID
            self.ids |= {values["id"]} if "id" in values else set()
            self.classes |= set(classes)
            self.data |= {f"{name}={value}" for name, value in values.items() if name.startswith("data-")}
            self.names |= {f"{tag} name={values['name']}"} if "name" in values else set()
        elif tag == "div" and "plan-body" in classes:
            self._depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self._depth:
            self._depth -= 1


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def test_plan_text_sets_no_id_class_or_data_attribute(hostile_site: Path) -> None:
    """Whatever a plan writes, the ids, classes and data attributes in its text are the site's own."""
    site = hostile_site / "site"
    for case in PLAN_CASES:
        if not case.built or case.name in ("cd", "cd-2026"):
            continue
        for page in (site / "plan" / case.name / "index.html", site / "en" / "plan" / case.name / "index.html"):
            scan = _Attributes()
            scan.feed(page.read_text(encoding="utf-8"))
            theme_ids = [i for i in scan.page_ids if i.startswith("_")]
            assert len(theme_ids) == len(set(theme_ids)), (page, theme_ids)  # no theme id taken twice
            assert not [i for i in scan.ids if i.startswith("_") or i == "1x"], (page, scan.ids)
            assert scan.classes <= {"headerlink", "plan-month", "ph"}, (page, scan.classes)  # the site's own
            assert all(d.startswith(("data-ph=", "data-text=")) and "PWNED" not in d for d in scan.data), scan.data
            assert scan.names == set(), (page, scan.names)


# -- import -------------------------------------------------------------------------------------------------------

SMALL_CASES = [case for case in PLAN_CASES if len(case.content()) <= 200_000]


def test_import_gives_each_plan_case_a_clear_error_or_checked_plans(tmp_path: Path) -> None:
    """Read as raw pages, the plan cases make checked plans or a clear refusal, and never half a batch."""
    for index, case in enumerate(SMALL_CASES):
        root = case_repo(tmp_path / f"repo-{index}", [])
        page = tmp_path / f"page-{index}.txt"
        page.write_bytes(case.content())
        before = set((root / "plans").rglob("*"))
        code, output = run("--root", str(root), "import", str(page))
        assert "internal error" not in output and "Traceback" not in output, case.name
        written = set((root / "plans").rglob("*.md")) - before
        if code == 0:
            assert written, case.name
            check, report = run("--root", str(root), "check")
            assert check == 0, (case.name, report[:500])
        else:
            assert written == set(), f"{case.name}: files written by a failed import"
            assert re.search(r":\d+: |: .+ \(", output), (case.name, output[-300:])
        assert not list((root / "plans").rglob(".*.tmp")), "no temporary file is left behind"
        shutil.rmtree(root)


def test_duplicate_ids_and_path_like_ids(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", plans=None)
    for sector in ("education", "health"):
        (root / "plans" / sector).mkdir(parents=True, exist_ok=True)
        shutil.copy(HOSTILE / "duplicate-id.md", root / "plans" / sector / "duplicate-id.md")
    code, output = run("--root", str(root), "check")
    assert code == 1 and output.count("duplicate id 'duplicate-id'") == 2
    code, output = run("--root", str(root), "check", str(HOSTILE / "path-like-duplicate-of.md"))
    assert code == 1 and "duplicate_of names unknown plan '../../etc/passwd'" in output
