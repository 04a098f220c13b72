"""The scan cache, .cache/planlib/ in the repository: what checking a file found, kept by the file's content.

An entry's key is a hash of the file's bytes, its path, the taxonomy and the
rules (planlib's version and the source of its modules), so an entry is never
used for a file whose bytes, name or rules changed. Entries are JSON (and the
plan's grams as raw numbers): reading them runs no code. The folder may be
deleted at any time; a repository that commits files under .cache/ gets no
cache at all, so that a pull request cannot plant results. Pairs of plans
whose texts were compared are kept too (pairs.json), by the keys of both.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

import planlib
from planlib.similarity import Grams

FOLDER = Path(".cache") / "planlib"


def rules_digest() -> str:
    """planlib's version and the source of every module: a new rule is a new cache."""
    digest = hashlib.sha256(planlib.__version__.encode())
    package = Path(planlib.__file__).parent
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def _committed(root: Path) -> bool:
    """Whether git tracks any file under .cache/ in this repository."""
    if not (root / ".git").exists():
        return False
    try:
        listed = subprocess.run(["git", "-C", str(root), "ls-files", "--", FOLDER.parts[0]], capture_output=True,
                                timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return True  # cannot tell: do without the cache
    return listed.returncode != 0 or bool(listed.stdout.strip())


class ScanCache:
    """Entries by key in root/.cache/planlib/scans/, compared pairs in pairs.json."""

    def __init__(self, folder: Path, taxonomy: bytes):
        self.folder = folder
        self.writable = True
        self._base = hashlib.sha256(rules_digest().encode() + b"\0" + hashlib.sha256(taxonomy).digest())
        self._pairs: dict[str, float] = {}
        self._new_pairs = False
        try:
            pairs = json.loads((folder / "pairs.json").read_text(encoding="utf-8"))
            if isinstance(pairs, dict):
                self._pairs = {str(k): float(v) for k, v in pairs.items()}
        except (OSError, ValueError, TypeError):
            pass

    @classmethod
    def open(cls, root: Path, taxonomy: Path) -> ScanCache | None:
        """The repository's cache, or None when it must not be used."""
        if _committed(root):
            return None
        try:
            return cls(root / FOLDER, taxonomy.read_bytes())
        except OSError:
            return None

    def key(self, shown: str, data: bytes) -> str:
        digest = self._base.copy()
        digest.update(shown.encode("utf-8", "surrogateescape") + b"\0" + data)
        return digest.hexdigest()

    def _path(self, key: str, suffix: str) -> Path:
        return self.folder / "scans" / key[:2] / f"{key}{suffix}"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            entry = json.loads(self._path(key, ".json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return entry if isinstance(entry, dict) and entry.get("key") == key else None

    def grams(self, key: str) -> Grams | None:
        try:
            data = self._path(key, ".grams").read_bytes()
        except OSError:
            return None
        return np.frombuffer(data, dtype="<u8").astype(np.uint64) if len(data) % 8 == 0 else None

    def put(self, key: str, entry: dict[str, Any], text_grams: Grams | None) -> None:
        if not self.writable:
            return
        try:
            if text_grams is not None:
                self._write(self._path(key, ".grams"), text_grams.astype("<u8").tobytes())
            self._write(self._path(key, ".json"), json.dumps({**entry, "key": key}, ensure_ascii=False).encode())
        except OSError:
            self.writable = False  # a read-only checkout: check works, uncached

    def pair(self, first: str, second: str) -> float | None:
        return self._pairs.get(f"{first}:{second}")

    def put_pair(self, first: str, second: str, score: float) -> None:
        self._pairs[f"{first}:{second}"] = score
        self._new_pairs = True

    def save(self, live: set[str]) -> None:
        """Write the compared pairs whose both files are still as they were (`live`: the keys of this run)."""
        if self._new_pairs and self.writable:
            kept = {pair: score for pair, score in self._pairs.items() if set(pair.split(":")) <= live}
            try:
                self._write(self.folder / "pairs.json", json.dumps(kept).encode())
            except OSError:
                self.writable = False

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        """Whole or not at all: a temporary file renamed into place."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
