"""A maintainer's preview: one plan edited under `mkdocs serve`, timed until the changed page is served."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

MARK = "（预览测试）"  # added to the edited plan's first paragraph: text no plan has


@dataclass(frozen=True)
class PreviewFigures:
    first_served: float  # seconds from `mkdocs serve` to the plan page served
    edit_served: float  # seconds from the edit to the changed page served


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, text: str, timeout: float) -> float:
    """Seconds until `url` serves a page holding `text`; TimeoutError after `timeout`."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8", errors="replace"):
                    return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not show {text!r} within {timeout:.0f} s")


def edit_plan(path: Path) -> str:
    """Add MARK to the first paragraph of the plan's body; the text the changed page must show."""
    text = path.read_text(encoding="utf-8")
    front_end = text.index("\n---\n", 3) + len("\n---\n")
    lines = text[front_end:].split("\n")
    for number, line in enumerate(lines):
        if line.strip() and not line.startswith("#"):
            lines[number] = line.rstrip() + MARK
            break
    path.write_text(text[:front_end] + "\n".join(lines), encoding="utf-8")
    return MARK


def preview_figures(site_root: Path, plan: Path, timeout: float = 1800) -> PreviewFigures:
    """Serve `site_root`, wait for `plan`'s page, edit the plan, and time the changed page's arrival."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=site_root,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/plan/{plan.stem}/"
    try:
        first = _wait_for(url, "</html>", timeout)
        mark = edit_plan(plan)
        return PreviewFigures(first, _wait_for(url, mark, timeout))
    finally:
        server.terminate()
        server.wait(timeout=60)
