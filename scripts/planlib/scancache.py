"""The scan cache, .cache/planlib/ in the repository: what checking a file found, kept by the file's content.

An entry's key is a hash of the file's bytes, its path, the taxonomy and the
rules (planlib's version and the source of its modules), so an entry is never
used for a file whose bytes, name or rules changed. Entries are JSON (and the
plan's grams as raw numbers) in one SQLite file, scans.sqlite: reading them
runs no code, and one file is written in one transaction, where a file per
entry cost more to create than the scan it saved. The folder may be deleted
at any time; a repository that commits files under .cache/ gets no cache at
all, so that a pull request cannot plant results. Pairs of plans whose texts
were compared are kept too, by the keys of both.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import numpy as np

import planlib
from planlib.similarity import Grams

FOLDER = Path(".cache") / "planlib"
DATABASE = "scans.sqlite"
_BATCH = 500  # entries written per transaction
_LAYOUT = 1  # the tables' layout: a file of another layout is emptied and made again


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
    """Entries by key, and compared pairs, in root/.cache/planlib/scans.sqlite; written when `flush` or `save` is called.

    Any SQLite error (a damaged or locked file, a read-only disk) turns the cache
    off for the rest of the run: check works on, uncached.
    """

    def __init__(self, folder: Path, taxonomy: bytes):
        self.folder = folder
        self.writable = True
        self._base = hashlib.sha256(rules_digest().encode() + b"\0" + hashlib.sha256(taxonomy).digest())
        self._pairs: dict[str, float] = {}
        self._keys: set[str] = set()  # of the entries kept: a file never scanned costs no query
        self._new_pairs = False
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, str, str | None, bytes | None]] = []
        for attempt in range(2):
            try:
                self._open()
                break
            except sqlite3.DatabaseError:  # not a database (damaged): it is only a cache, start afresh
                self._off()
                if attempt == 0:
                    (folder / DATABASE).unlink(missing_ok=True)
                    self.writable = True
            except (OSError, sqlite3.Error, ValueError, TypeError):
                self._off()
                break

    def _open(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(self.folder / "scans", ignore_errors=True)  # the earlier layout: a file per entry ...
        (self.folder / "pairs.json").unlink(missing_ok=True)  # ... and one of pairs
        self._db = sqlite3.connect(self.folder / DATABASE, timeout=10)
        if self._db.execute("PRAGMA user_version").fetchone()[0] != _LAYOUT:
            with self._db:
                self._db.execute("DROP TABLE IF EXISTS scans")
                self._db.execute("DROP TABLE IF EXISTS pairs")
                self._db.execute("CREATE TABLE scans (key TEXT PRIMARY KEY, entry TEXT NOT NULL, record TEXT, grams BLOB)")
                self._db.execute("CREATE TABLE pairs (pair TEXT PRIMARY KEY, score REAL NOT NULL)")
                self._db.execute(f"PRAGMA user_version = {_LAYOUT}")
        self._pairs = {str(pair): float(score) for pair, score in self._db.execute("SELECT pair, score FROM pairs")}
        self._keys = {str(key) for (key,) in self._db.execute("SELECT key FROM scans")}

    @classmethod
    def open(cls, root: Path, taxonomy: Path) -> ScanCache | None:
        """The repository's cache, or None when it must not be used."""
        if _committed(root):
            return None
        try:
            return cls(root / FOLDER, taxonomy.read_bytes())
        except OSError:
            return None

    def _off(self) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None
        self.writable = False

    def key(self, shown: str, data: bytes) -> str:
        digest = self._base.copy()
        digest.update(shown.encode("utf-8", "surrogateescape") + b"\0" + data)
        return digest.hexdigest()

    def _row(self, query: str, key: str) -> tuple[Any, ...] | None:
        if self._db is None or key not in self._keys:
            return None
        try:
            row = self._db.execute(query, (key,)).fetchone()
        except sqlite3.Error:
            self._off()
            return None
        return None if row is None else tuple(row)

    def get(self, key: str, with_record: bool = False) -> dict[str, Any] | None:
        """The entry kept for `key`; its plan's export record only `with_record` (check does not read it)."""
        row = self._row("SELECT entry, record FROM scans WHERE key = ?" if with_record
                        else "SELECT entry, NULL FROM scans WHERE key = ?", key)
        if row is None or not isinstance(row[0], str):
            return None
        try:
            entry = json.loads(row[0])
            if with_record and isinstance(entry, dict) and isinstance(entry.get("plan"), dict):
                entry["plan"]["record"] = json.loads(row[1]) if isinstance(row[1], str) else None
        except ValueError:
            return None
        if with_record and isinstance(entry, dict) and entry.get("plan") is not None \
                and not isinstance(entry["plan"].get("record"), dict):
            return None
        return entry if isinstance(entry, dict) and entry.get("key") == key else None

    def grams(self, key: str) -> Grams | None:
        row = self._row("SELECT grams FROM scans WHERE key = ?", key)
        data = None if row is None else row[0]
        if not isinstance(data, bytes) or len(data) % 8:
            return None
        return np.frombuffer(data, dtype="<u8").astype(np.uint64)

    def put(self, key: str, entry: dict[str, Any], text_grams: Grams | None) -> None:
        """Keep an entry; entries are written some hundreds at a time, each batch in a short transaction."""
        if self._db is None:
            return
        grams_bytes = None if text_grams is None else text_grams.astype("<u8").tobytes()
        plan = entry.get("plan")
        record = json.dumps(plan["record"], ensure_ascii=False) if isinstance(plan, dict) else None
        facts = {**entry, "key": key, "plan": None if plan is None else {k: v for k, v in plan.items() if k != "record"}}
        self._pending.append((key, json.dumps(facts, ensure_ascii=False), record, grams_bytes))
        if len(self._pending) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the entries kept since the last flush: all of them, or (interrupted) none."""
        pending, self._pending = self._pending, []
        if self._db is None or not pending:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO scans (key, entry, record, grams) VALUES (?, ?, ?, ?)",
                                     pending)
        except sqlite3.Error:
            self._off()
            return
        self._keys.update(key for key, *_ in pending)

    def pair(self, first: str, second: str) -> float | None:
        return self._pairs.get(f"{first}:{second}")

    def put_pair(self, first: str, second: str, score: float) -> None:
        self._pairs[f"{first}:{second}"] = score
        self._new_pairs = True

    def save(self, live: set[str]) -> None:
        """Write the compared pairs whose both files are still as they were (`live`: the keys of this run)."""
        if not self._new_pairs or self._db is None:
            return
        kept = [(pair, score) for pair, score in self._pairs.items() if set(pair.split(":")) <= live]
        try:
            with self._db:
                self._db.execute("DELETE FROM pairs")
                self._db.executemany("INSERT INTO pairs (pair, score) VALUES (?, ?)", kept)
        except sqlite3.Error:
            self._off()
