"""A maintainer's preview: plans edited under `mkdocs serve --dirty`, timed until the changed pages are served.

Each edit is timed three ways: until the plan's page (in the default
language) is served with the new text, until its page in the last language
built is (the build has ended, and browsers are told to reload), and until
the search index served is the one made after the edit (built in the
background). The next edit waits for that.
"""

from __future__ import annotations

import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

MARK = "（预览测试）"  # added to the edited plan's first paragraph: text no plan has
PREVIEW_COMMAND = ["mkdocs", "serve", "--dirty"]  # what docs/contributing.md tells maintainers to run
POLL = 0.05  # seconds between two requests for a page


@dataclass
class PreviewFigures:
    first_served: float  # seconds from `mkdocs serve` to the plan page served
    edit_served: list[float] = field(default_factory=list)  # per edit: seconds until the changed page is served
    edit_built: list[float] = field(default_factory=list)  # … until its page in the last language is
    search_updated: list[float] = field(default_factory=list)  # … until the served search index is a new one

    def median(self, figures: list[float]) -> float:
        return statistics.median(figures) if figures else float("nan")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def get_text(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8", errors="replace")


def wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until `url` serves a page holding `text`; TimeoutError after `timeout`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            if text in get_text(url):
                return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(POLL)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def index_hash(base: str) -> str:
    """The content hash of the served search index's Chinese part ("" while there is none)."""
    try:
        return str(json.loads(get_text(base + "pagefind/pagefind-entry.json"))["languages"]["zh"]["hash"])
    except (OSError, ValueError, KeyError):
        return ""


def wait_for_new_index(base: str, before: str, timeout: float) -> float:
    """Seconds until the served search index is there and is not `before`; TimeoutError after `timeout`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if index_hash(base) not in ("", before):
            return time.perf_counter() - started
        time.sleep(POLL * 4)
    raise TimeoutError(f"the search index at {base} did not change within {timeout:.0f} s")


def edit_plan(path: Path, mark: str = MARK) -> str:
    """Add `mark` to the first paragraph of the plan's body; the text the changed page must show."""
    text = path.read_text(encoding="utf-8")
    front_end = text.index("\n---\n", 3) + len("\n---\n")
    lines = text[front_end:].split("\n")
    for number, line in enumerate(lines):
        if line.strip() and not line.startswith("#"):
            lines[number] = line.rstrip() + mark
            break
    path.write_text(text[:front_end] + "\n".join(lines), encoding="utf-8")
    return mark


def preview_figures(site_root: Path, plan: Path, timeout: float = 1800, edits: int = 3,
                    last_language: str = "en") -> PreviewFigures:
    """Serve `site_root` as a maintainer previews it, edit `plan` `edits` times, and time each edit."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    server = subprocess.Popen([sys.executable, "-m", *PREVIEW_COMMAND, "-a", f"127.0.0.1:{port}"], cwd=site_root,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    url, last_url = base + f"plan/{plan.stem}/", base + f"{last_language}/plan/{plan.stem}/"
    try:
        figures = PreviewFigures(wait_for(url, "</html>", timeout))
        wait_for_new_index(base, "", timeout)
        for number in range(edits):
            before = index_hash(base)
            mark = edit_plan(plan, f"{MARK[:-1]}{number + 1}{MARK[-1]}")
            started = time.perf_counter()
            wait_for(url, mark, timeout)
            figures.edit_served.append(time.perf_counter() - started)
            wait_for(last_url, mark, timeout)
            figures.edit_built.append(time.perf_counter() - started)
            wait_for_new_index(base, before, timeout)
            figures.search_updated.append(time.perf_counter() - started)
        return figures
    finally:
        server.terminate()
        server.wait(timeout=60)
