"""Hostile inputs through check, import and build: clear errors or safe results, no script in site/."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path


from conftest import FIXTURES, build_in_process, make_repo
from planlib.cli import main

HOSTILE = FIXTURES / "hostile"
SAMPLES = sorted(p for p in HOSTILE.iterdir() if p.suffix == ".md" and p.name != "README.md")
# inputs that are odd but harmless: the check may pass them
SAFE = {"emoji.md", "long-line.md", "thousand-parts.md", "link-title-injection.md", "path-like-source.md",
        "duplicate-id.md"}
LINE_RE = re.compile(r"^.+?:\d+: .+ \(.+\)$|^.+?: .+ \(.+\)$")


def generated_samples(folder: Path) -> list[Path]:
    """The two inputs too big or too random to keep in the repository."""
    big = folder / "ten-megabytes.md"
    big.write_text("---\ntitle: 大文件\n---\n" + "很长的计划。" * 600_000, encoding="utf-8")
    binary = folder / "random-binary.md"
    binary.write_bytes(os.urandom(200_000))
    return [big, binary]


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


def _hostile_repo(root: Path) -> Path:
    """The fixture library with every hostile sample added to it."""
    make_repo(root)
    target = root / "plans" / "education"
    for sample in SAMPLES:
        shutil.copy(sample, target / sample.name)
    shutil.copy(HOSTILE / "duplicate-id.md", root / "plans" / "health" / "duplicate-id.md")
    generated_samples(target)
    return root


def _plan_scripts(site: Path) -> list[str]:
    findings = []
    for page in site.rglob("*.html"):
        scan = _Scan()
        scan.feed(page.read_text(encoding="utf-8", errors="replace"))
        findings.extend(f"{page.relative_to(site)}: {finding}" for finding in scan.findings)
    return findings


def test_a_build_publishes_no_hostile_plan_the_checker_refuses(tmp_path: Path) -> None:
    root = _hostile_repo(tmp_path / "repo")
    assert not build_in_process(root).ok, "a strict build refuses a library with problems"
    build = build_in_process(root, strict=False)
    assert build.ok, build.log[-20:]
    published = {p.parent.name for p in (root / "site" / "plan").glob("*/index.html")}
    fixtures = {p.stem for p in (FIXTURES / "library" / "plans").rglob("*.md")}
    assert fixtures <= published
    assert published - fixtures <= {name.removesuffix(".md") for name in SAFE} - {"duplicate-id"}
    assert _plan_scripts(root / "site") == []


def test_the_build_keeps_scripts_out_even_of_plans_the_checker_missed(tmp_path: Path, monkeypatch) -> None:
    """The second line of defence: were every plan published, no script from one would reach site/."""
    root = _hostile_repo(tmp_path / "repo")
    monkeypatch.setattr("planlib.library.publishable", lambda plans, problems: list({p.id: p for p in plans}.values()))
    build = build_in_process(root, strict=False)
    assert build.ok, build.log[-20:]
    assert not any("Traceback" in line for line in build.log)
    site = root / "site"
    built = {p.parent.name for p in (site / "plan").glob("*/index.html")}
    for expected in ("script-tag", "img-onerror", "javascript-link", "iframe", "attr-list-injection", "md-in-html",
                     "heading-html", "collection-injection", "placeholder-injection", "entity-encoded-tag"):
        assert expected in built, f"{expected} was not built, so it proves nothing"
    assert _plan_scripts(site) == []
    text = (site / "plan" / "entity-encoded-tag" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;" in text  # shown as text, harmless
