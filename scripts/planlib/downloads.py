"""Per-plan downloads: .docx (python-docx) and .md, with an on-disk cache for the Word files.

Making a .docx costs about 30 ms a plan (python-docx opens and zips a
package each time), so Word files are made in parallel, kept in a cache
keyed by the plan's content, and can be switched off with PLANLIB_WORD=0
(docs/reader-tools.md).
"""

from __future__ import annotations

import hashlib
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from planlib import urls
from planlib.model import Plan
from planlib.pages.page import VirtualFile
from planlib.word import plan_docx, plan_markdown

GENERATOR = "word-2"  # bump when the document layout changes, to refresh cached files


def word_enabled() -> bool:
    return os.environ.get("PLANLIB_WORD", "1") != "0"


def _key(plan: Plan) -> str:
    digest = hashlib.sha256(f"{GENERATOR}\0{plan.meta.title}\0{plan.markdown}".encode("utf-8")).hexdigest()
    return digest[:32]


def _make(plan: Plan) -> bytes:
    return plan_docx(plan)


def word_files(plans: list[Plan], cache: Path | None) -> list[VirtualFile]:
    """The .docx of every plan: from the cache when the plan has not changed, else made anew."""
    found: dict[str, bytes] = {}
    missing: list[Plan] = []
    for plan in plans:
        cached = cache / f"{_key(plan)}.docx" if cache else None
        if cached is not None and cached.is_file():
            found[plan.id] = cached.read_bytes()
        else:
            missing.append(plan)
    if len(missing) > 50 and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor() as pool:
            made = list(pool.map(_make, missing, chunksize=16))
    else:
        made = [_make(plan) for plan in missing]
    for plan, data in zip(missing, made):
        found[plan.id] = data
        if cache is not None:
            cache.mkdir(parents=True, exist_ok=True)
            (cache / f"{_key(plan)}.docx").write_bytes(data)
    return [VirtualFile(urls.docx(plan.id), found[plan.id]) for plan in plans]


def download_files(plans: list[Plan], cache: Path | None, word: bool) -> list[VirtualFile]:
    files = [VirtualFile(urls.markdown_download(plan.id), plan_markdown(plan), urls.markdown_download_dest(plan.id))
             for plan in plans]
    if word:
        files += word_files(plans, cache)
    return files
