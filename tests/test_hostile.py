"""Hostile inputs through check, import and build: clear errors or safe results, no script in site/."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path


from conftest import HOSTILE, generated_samples, hostile_repo, hostile_samples, make_repo, mkdocs_build
from planlib.cli import main

SAMPLES = hostile_samples()
# inputs that are odd but harmless: the check may pass them
SAFE = {"emoji.md", "long-line.md", "thousand-parts.md", "link-title-injection.md", "path-like-source.md",
        "duplicate-id.md", "heading-id-clobber.md"}
LINE_RE = re.compile(r"^.+?:\d+: .+ \(.+\)$|^.+?: .+ \(.+\)$")


def run(*args: str) -> tuple[int, str]:
    """planlib in this process (fast), with its output; a crash would show as 'internal error'."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(list(args))
    return code, out.getvalue()


def test_the_corpus_is_large_and_varied() -> None:
    assert len(SAMPLES) >= 40
    names = {p.name for p in SAMPLES}
    for expected in ("yaml-malformed.md", "encoding-gbk.md", "encoding-big5.md", "encoding-utf16.md",
                     "mixed-newlines.md", "zero-width.md", "bidi-controls.md", "emoji.md", "long-line.md",
                     "thousand-parts.md", "month-13.md", "month-zero-chinese.md", "duplicate-id.md", "..md",
                     "script-tag.md", "img-onerror.md", "javascript-link.md", "iframe.md", "data-url-link.md",
                     "entity-encoded-tag.md", "yaml-python-object.md", "yaml-billion-laughs.md"):
        assert expected in names, expected


def test_check_gives_clear_lines_for_every_sample(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", plans=None)
    samples = SAMPLES + generated_samples(tmp_path)
    for sample in samples:
        code, output = run("--root", str(root), "check", str(sample))
        assert "internal error" not in output and "Traceback" not in output, sample.name
        lines = [line for line in output.splitlines() if not line.startswith(("ok: ", "fixed: "))
                 and not re.match(r"^\d+ problems? in \d+ files?", line)]
        assert all(LINE_RE.match(line) for line in lines), (sample.name, lines[:3])
        if sample.name in SAFE:
            assert code in (0, 1)
        else:
            assert code == 1 and any(": warning: " not in line for line in lines), (sample.name, output[:300])
    code, output = run("--root", str(root), "check", str(tmp_path / "ten-megabytes.md"))
    assert "file is too large (10.8 MB)" in output
    code, output = run("--root", str(root), "check", str(tmp_path / "random-binary.md"))
    assert "binary data" in output or "not UTF-8" in output


def test_duplicate_ids_and_path_like_ids(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo", plans=None)
    for sector in ("education", "health"):
        (root / "plans" / sector).mkdir(parents=True, exist_ok=True)
        shutil.copy(HOSTILE / "duplicate-id.md", root / "plans" / sector / "duplicate-id.md")
    code, output = run("--root", str(root), "check")
    assert code == 1 and output.count("duplicate id 'duplicate-id'") == 2
    code, output = run("--root", str(root), "check", str(HOSTILE / "path-like-duplicate-of.md"))
    assert code == 1 and "duplicate_of names unknown plan '../../etc/passwd'" in output


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
MARKUP_SAMPLES = ("settings-shadow", "settings-foreign-bundle", "theme-config-clobber", "heading-id-clobber",
                  "attr-list-odd-names", "admonition-class", "raw-html-ids", "fenced-code-attrs", "declaration-pi",
                  "attr-list-injection", "md-in-html", "heading-html", "placeholder-injection")


def test_plan_text_sets_no_id_class_or_data_attribute(hostile_site: Path) -> None:
    """Whatever a plan writes, the ids, classes and data attributes in its text are the site's own."""
    site = hostile_site / "site"
    for name in MARKUP_SAMPLES:
        for page in (site / "plan" / name / "index.html", site / "en" / "plan" / name / "index.html"):
            scan = _Attributes()
            scan.feed(page.read_text(encoding="utf-8"))
            theme_ids = [i for i in scan.page_ids if i.startswith("_")]
            assert len(theme_ids) == len(set(theme_ids)), (page, theme_ids)  # no theme id taken twice
            assert not [i for i in scan.ids if i.startswith("_") or i == "1x"], (page, scan.ids)
            assert scan.classes <= {"plan-month", "headerlink"}, (page, scan.classes)
            assert scan.data == set() and scan.names == set(), (page, scan.data, scan.names)


def test_import_gives_a_clear_error_or_checked_plans(tmp_path: Path) -> None:
    samples = SAMPLES + generated_samples(tmp_path)
    for sample in samples:
        root = make_repo(tmp_path / f"repo-{sample.stem or 'dot'}", plans=None)
        before = set((root / "plans").rglob("*"))
        code, output = run("--root", str(root), "import", str(sample))
        assert "internal error" not in output and "Traceback" not in output, sample.name
        written = set((root / "plans").rglob("*.md")) - before
        if code == 0:
            assert written, sample.name
            check, report = run("--root", str(root), "check")
            assert check == 0, (sample.name, report[:500])
        else:
            assert written == set(), f"{sample.name}: files written by a failed import"
            assert re.search(r":\d+: ", output), sample.name
        assert not list((root / "plans").rglob(".*.tmp")), "no temporary file is left behind"
        shutil.rmtree(root)


class _Scan(HTMLParser):
    """Every script, event handler and script URL in a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed"):
            self.findings.append(f"<{tag}>")
        if tag == "script":
            self._in_script = True
            source = dict(attrs).get("src") or ""
            if "PWNED" in source or "evil" in source:
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


def test_a_strict_build_refuses_the_hostile_library(tmp_path: Path) -> None:
    strict = mkdocs_build(hostile_repo(tmp_path / "repo"), env={"PLANLIB_WORD": "0"})
    assert strict.returncode != 0 and "Traceback" not in strict.stderr


def test_a_site_built_with_every_hostile_plan_has_no_plan_script(hostile_site: Path) -> None:
    site = hostile_site / "site"
    built = {p.parent.name for p in (site / "plan").glob("*/index.html")}
    for expected in ("script-tag", "img-onerror", "javascript-link", "iframe", "attr-list-injection", "md-in-html",
                     "heading-html", "collection-injection", "placeholder-injection", "entity-encoded-tag",
                     "settings-shadow", "theme-config-clobber", "raw-html-ids", "admonition-class"):
        assert expected in built, f"{expected} was not built, so it proves nothing"
    findings = []
    for page in site.rglob("*.html"):
        scan = _Scan()
        scan.feed(page.read_text(encoding="utf-8", errors="replace"))
        findings.extend(f"{page.relative_to(site)}: {finding}" for finding in scan.findings)
    assert findings == []
    text = (site / "plan" / "entity-encoded-tag" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in text  # shown as text, harmless
